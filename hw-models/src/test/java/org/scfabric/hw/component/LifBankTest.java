package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultSites;

class LifBankTest
{
    /** A bank {@code core0} of n neurons with per-neuron current inputs cur[i]. */
    static final class Bench
    {
        final Design design;
        final Kernel kernel;
        final Clock clk;
        final int[] cur;
        final List<long[]> spikes = new ArrayList<>();

        Bench(final LifParams p, final int n, final boolean shared)
        {
            final NetlistBuilder b = new NetlistBuilder();
            clk = b.clock("clk", 10, 0);
            final int w = p.dataWidth();
            b.input("leak_k", w).input("gain_k", w).input("noise_in", w);
            final NetlistBuilder.Instance bank = b.add("core0", new LifBank(p, n, 7, shared)).clock(clk)
                .connect("leak_k", "leak_k").connect("gain_k", "gain_k").connect("noise_in", "noise_in");
            if (shared)
            {
                b.input("I_t", w);
                bank.connect("I_t", "I_t");
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    b.input("cur[" + i + "]", w);
                    bank.connect(LifBank.currentPort(i), "cur[" + i + "]");
                }
            }
            design = b.build();
            kernel = new Kernel(design);
            cur = new int[shared ? 1 : n];
            for (int i = 0; i < cur.length; i++)
            {
                cur[i] = design.signal(shared ? "I_t" : "cur[" + i + "]");
            }
            kernel.bus().subscribe(EventBus.SPIKE, (type, time, source, value) -> spikes.add(new long[] {time, source, value}));
        }

        void clock(final int leak, final int gain, final int noise, final int[] currents)
        {
            kernel.poke("leak_k", leak);
            kernel.poke("gain_k", gain);
            kernel.poke("noise_in", noise);
            for (int i = 0; i < cur.length; i++)
            {
                kernel.poke(cur[i], currents[i]);
            }
            kernel.runCycles(clk, 1);
        }

        int v(final int i)
        {
            return (int)kernel.signals().getSigned(design.signal("core0.lif[" + i + "].v"));
        }

        long rc(final int i)
        {
            return kernel.peek("core0.lif[" + i + "].rc");
        }
    }

    @Test
    void faultSitesAreNamedPerNeuron()
    {
        final Bench b = new Bench(LifParams.Q8_8, 8, false);
        final FaultSites sites = b.design.faultSites();
        final long site = sites.select("core0.lif[3].v[15]")[0];
        assertEquals("core0.lif[3].v[15]", sites.name(site));
        assertEquals(8 * 16, sites.select("core0.lif[*].v[*]").length);
        assertEquals(8 * 32, sites.select("core0.lif[*].rc[*]").length);
        assertEquals(8, sites.select("core0.lif[*].spike[0]").length);
    }

    @Test
    void bankEqualsLifCoresOnEveryCycleWithSpikesOnTheBus()
    {
        final int[] total = {0};
        qt().withFixedSeed(0xBA4CL).withExamples(40)
            .forAll(integers().between(1, 40), integers().between(0, 3), integers().between(0, 2), integers().all())
            .checkAssert((n, refractory, kind, seed) ->
            {
                final LifParams p = kind == 0 ? LifParams.Q8_8.withRefractory(refractory)
                    : kind == 1 ? LifParams.Q16_12.withRefractory(refractory) : new LifParams(16, 8, -30, 64, 200, refractory);
                final boolean shared = (seed & 1) == 0;
                final Bench b = new Bench(p, n, shared);
                final LifCore[] ref = new LifCore[n];
                for (int i = 0; i < n; i++)
                {
                    ref[i] = new LifCore(p);
                }
                final SplittableRandom r = new SplittableRandom(seed);
                final int one = 1 << p.fraction();
                final int[] currents = new int[n];
                int leak = 0;
                int gain = one;
                for (int c = 0; c < 300; c++)
                {
                    if (c % 50 == 0)
                    {
                        leak = r.nextInt(one / 2);
                        gain = r.nextInt(2 * one);
                    }
                    final boolean rest = c % 100 >= 80; // quiet stretches: the bank may be skipped
                    for (int i = 0; i < n; i++)
                    {
                        currents[i] = rest ? 0 : r.nextInt(-p.vThreshold(), 2 * p.vThreshold());
                    }
                    final int noise = rest ? 0 : r.nextInt(-3, 4);
                    b.spikes.clear();
                    b.clock(leak, gain, noise, currents);
                    final List<Integer> expected = new ArrayList<>();
                    for (int i = 0; i < n; i++)
                    {
                        if (ref[i].clock(leak, gain, currents[shared ? 0 : i], noise) == 1)
                        {
                            expected.add(i);
                        }
                        assertEquals(ref[i].v(), b.v(i), p + " cycle " + c + " neuron " + i + ": v");
                        assertEquals(ref[i].rc(), b.rc(i), "cycle " + c + " neuron " + i + ": rc");
                        assertEquals(ref[i].spike(), b.kernel.peek("core0.lif[" + i + "].spike"), "spike_out");
                    }
                    final List<Integer> got = new ArrayList<>();
                    for (final long[] s : b.spikes)
                    {
                        assertEquals(7, s[1], "population");
                        assertEquals(b.clk.edgeTime(c), s[0], "spike time is the edge's");
                        got.add((int)s[2]);
                    }
                    assertEquals(expected, got, "cycle " + c + ": spikes");
                    total[0] += got.size();
                }
            });
        assertTrue(total[0] > 1000, "spikes " + total[0]);
    }

    @Test
    void aStuckBitInOneMembraneTouchesOnlyThatNeuron()
    {
        final Bench golden = new Bench(LifParams.Q8_8, 4, false);
        final Bench faulty = new Bench(LifParams.Q8_8, 4, false);
        faulty.kernel.inject(Fault.stuckAt1(faulty.design.faultSites().select("core0.lif[2].v[14]")[0], 5));
        final int[] currents = {40, 60, 80, 100};
        for (int c = 0; c < 100; c++)
        {
            golden.clock(16, 256, 0, currents);
            faulty.clock(16, 256, 0, currents);
            for (final int i : new int[] {0, 1, 3})
            {
                assertEquals(golden.v(i), faulty.v(i));
            }
            if (c >= 5)
            {
                assertEquals(1, (faulty.v(2) >>> 14) & 1, "cycle " + c);
            }
        }
    }
}
