package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.fault.Fault;

/** Every variant runs on the kernel, reproducibly, and reports what it promises. */
class AllVariantsTest
{
    private static final BrunelParams P = BrunelParams.ofSize(300).withDuration(150);

    @Test
    void everyVariantRunsTwiceTheSame()
    {
        final BrunelRunner r = new BrunelRunner();
        final Map<Variant, RunResult> first = new EnumMap<>(Variant.class);
        for (final Variant v : Variant.values())
        {
            final RunResult a = r.run(v, P, f -> { });
            first.put(v, a);
            final RunResult b = r.run(v, P, f -> { });
            assertEquals(a.spikes(), b.spikes(), v + " spikes");
            assertArrayEquals(BrunelExactnessTest.steps(a), BrunelExactnessTest.steps(b), v + " raster");
            assertEquals(a.extras(), b.extras(), v + " extras");
            assertEquals(v.hardware(), a.area() != null, v + " area");
            assertTrue(a.cycles() > 0, v + " cycles");
            for (int i = 1; i < a.spikes(); i++)
            {
                assertTrue(a.spikeStep(i) > a.spikeStep(i - 1)
                    || a.spikeStep(i) == a.spikeStep(i - 1) && a.spikeNeuron(i) > a.spikeNeuron(i - 1), v + " order");
            }
            if (a.spikes() > 0)
            {
                assertTrue(a.spikeStep(a.spikes() - 1) < P.steps(), v + " steps in range");
            }
        }
        for (final Variant v : List.of(Variant.V2, Variant.V16, Variant.V17))
        {
            assertEquals(0, first.get(v).spikes());
            final double p = first.get(v).extras().get("mean_output_probability");
            assertTrue(p > 0 && p <= 1, v + " mean output " + p);
            assertEquals(100.0, first.get(v).extras().get("neurons"));
        }
        assertEquals(50.0, first.get(Variant.V13).extras().get("neurons"));
        assertTrue(first.get(Variant.V13).spikes() > 0);
        // the spiking variants fire at tens of Hz per neuron
        for (final Variant v : List.of(Variant.V1, Variant.V3, Variant.V4, Variant.V5, Variant.V11, Variant.V14,
            Variant.V15, Variant.V19))
        {
            final double hz = first.get(v).spikes() / 0.15 / 300;
            assertTrue(hz > 5 && hz < 500, v + " rate " + hz);
        }
        assertEquals(258L * P.steps(), first.get(Variant.V4).cycles());
        assertEquals(1025L * P.steps(), first.get(Variant.V2).cycles());
        assertEquals(2L * BrunelTranslator.izhikevichSteps(P), first.get(Variant.V5).cycles());
    }

    @Test
    void v19GivesTheSameSpikesOnAnyNumberOfThreads()
    {
        final BrunelNetwork net = BrunelNetwork.of(P);
        int[] reference = null;
        for (final int threads : new int[] {1, 2, 3, 7})
        {
            final Parts.SoftPart part = new Parts.SoftPart(Variant.V19, net,
                (n, d, r, pop) -> new Float32Population(n, Float32Population.Form.TORCH, threads, d, r, pop));
            try (BrunelDesign d = BrunelDesignTestSupport.design(net, net.recordedDrive(), part))
            {
                final Kernel k = d.newKernel();
                d.run(k, f -> { });
                final int[] got = d.raster(Variant.V19).neurons();
                if (reference == null)
                {
                    reference = got;
                }
                assertArrayEquals(reference, got, threads + " threads");
            }
        }
        assertTrue(reference.length > 0);
    }

    @Test
    void v5SpikesAreReportedInStepsOfTheNetworksDt()
    {
        final RunResult r = new BrunelRunner().run(Variant.V5, P, f -> { });
        assertTrue(r.spikes() > 0);
        assertTrue(r.spikeStep(r.spikes() - 1) < P.steps());
        assertTrue(r.spikeStep(r.spikes() - 1) >= P.steps() - 5, "spikes reach the end of the run");
    }

    @Test
    void variantsWithDifferentStepsRunTogetherOnTheSameDrive()
    {
        final BrunelRunner r = new BrunelRunner();
        final List<RunResult> both = r.runTogether(List.of(Variant.V1, Variant.V4, Variant.V13), P, f -> { });
        for (final RunResult x : both)
        {
            final RunResult alone = r.run(x.variant(), P, f -> { });
            assertArrayEquals(BrunelExactnessTest.neurons(alone), BrunelExactnessTest.neurons(x), x.variant() + "");
            assertEquals(alone.cycles(), x.cycles());
        }
    }

    @Test
    void aVariantWithoutDriveListedFirstStillGivesTheOthersTheirDrive()
    {
        final BrunelRunner r = new BrunelRunner();
        final BrunelParams p = P.withDuration(50);
        final List<RunResult> both = r.runTogether(List.of(Variant.V17, Variant.V18), p, f -> { });
        final RunResult alone = r.run(Variant.V18, p, f -> { });
        assertArrayEquals(BrunelExactnessTest.neurons(alone), BrunelExactnessTest.neurons(both.get(1)));
        assertEquals(r.run(Variant.V17, p, f -> { }).extras(), both.get(0).extras());
    }

    @Test
    void aStuckPopcountBitActsOnEveryWindowOfV4()
    {
        final BrunelNetwork net = BrunelNetwork.of(P);
        try (BrunelDesign d = BrunelDesign.of(net, net.recordedDrive(), List.of(Variant.V4)))
        {
            final Kernel k = d.newKernel();
            k.inject(Fault.stuckAt1(d.design().faultSites().select("sc.pc[3].count[8]")[0], 10));
            d.runTo(k, 5);
            assertTrue(k.peek("sc.pc[3].count") >= 256);
            assertNotNull(d.area(Variant.V4));
        }
    }
}
