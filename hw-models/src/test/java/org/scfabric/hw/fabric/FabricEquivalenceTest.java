package org.scfabric.hw.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Architecture changes timing, never results: every fabric gives the unrolled network's spikes. */
class FabricEquivalenceTest
{
    record Arch(int n, int k, int d, int p, int lc, int lr)
    {
    }

    static final Gen<Arch> ARCH = integers().between(1, 40).zip(integers().between(1, 6), integers().between(1, 9),
        (n, k, d) -> new int[] {n, Math.min(n, k), d}).zip(integers().between(1, 4), integers().between(1, 4),
        integers().between(1, 3), (a, p, lc, lr) -> new Arch(a[0], a[1], a[2], p, lc, lr));

    @Test
    void spikesEqualTheUnrolledNetworkForAnyArchitecture()
    {
        final long[] active = new long[3];
        qt().withFixedSeed(0xFAB1C).withExamples(60)
            .forAll(ARCH, longs().all(), booleans().all(), integers().between(0, 3))
            .checkAssert((a, seed, q16, density) ->
            {
                final FabricNetwork net = Nets.random(a.n, new double[] {0.0, 0.1, 0.3, 0.7}[density], q16, seed);
                final int steps = 30;
                final int[][] ref = FabricReference.run(net, steps);
                final FabricParams fp = new FabricParams(a.n, a.k, a.d, a.p, a.lc, a.lr, 100,
                    FabricParams.Overflow.STALL);
                final FabricResult r = new Fabric(fp, net, steps).run();
                for (int t = 0; t < steps; t++)
                {
                    assertArrayEquals(ref[t], r.spikes()[t], "step " + t + " of " + a);
                }
                assertEquals(0, r.dropped());
                active[0]++;
                active[1] += r.totalSpikes() > steps ? 1 : 0;
                active[2] += r.stallCycles() > 0 ? 1 : 0;
                for (final long c : r.stepCycles())
                {
                    // the update alone takes max(S) + latency + 1 cycles
                    assertTrue(c >= (a.n + a.k - 1) / a.k + a.lc + 1, "step cycles " + c + " for " + a);
                }
            });
        // not vacuous: most examples spike a lot, and some run out of FIFO credits
        assertTrue(active[1] > active[0] / 2, "active examples " + active[1] + " of " + active[0]);
        assertTrue(active[2] > 0, "no example stalled on a full FIFO");
    }

    @Test
    void theSameNetworkOnAnotherArchitectureTakesOtherCyclesButGivesTheSameSpikes()
    {
        final FabricNetwork net = Nets.random(48, 0.2, false, 7);
        final FabricResult one = new Fabric(new FabricParams(48, 1, 64, 1, 2, 1, 100, FabricParams.Overflow.STALL),
            net, 40).run();
        final FabricResult four = new Fabric(new FabricParams(48, 4, 2, 2, 3, 2, 100, FabricParams.Overflow.STALL),
            net, 40).run();
        assertTrue(one.totalSpikes() > 40, "the network is active: " + one.totalSpikes());
        for (int t = 0; t < 40; t++)
        {
            assertArrayEquals(one.spikes()[t], four.spikes()[t]);
        }
        assertTrue(one.totalCycles() != four.totalCycles());
    }

    @Test
    void aFullFifoUnderDropIsReportedAndOnlyThenChangesTheSpikes()
    {
        final FabricNetwork net = Nets.random(32, 0.3, false, 11);
        final int steps = 40;
        final int[][] ref = FabricReference.run(net, steps);
        final FabricResult deep = new Fabric(new FabricParams(32, 2, 64, 1, 2, 1, 100, FabricParams.Overflow.DROP),
            net, steps).run();
        assertEquals(0, deep.dropped());
        for (int t = 0; t < steps; t++)
        {
            assertArrayEquals(ref[t], deep.spikes()[t]);
        }
        final FabricResult shallow = new Fabric(new FabricParams(32, 2, 1, 1, 2, 1, 100,
            FabricParams.Overflow.DROP), net, steps).run();
        assertTrue(shallow.dropped() > 0, "depth 1 under DROP must lose spikes");
        assertTrue(shallow.firstDropCycle() > 0);
        // STALL with the same depth loses nothing and takes longer
        final FabricResult stall = new Fabric(new FabricParams(32, 2, 1, 1, 2, 1, 100,
            FabricParams.Overflow.STALL), net, steps).run();
        assertEquals(0, stall.dropped());
        assertTrue(stall.stallCycles() > 0);
        assertTrue(stall.firstFullCycle() >= 0);
        for (int t = 0; t < steps; t++)
        {
            assertArrayEquals(ref[t], stall.spikes()[t]);
        }
    }

    @Test
    void aQuietStepTakesTheUpdateAndTheHandshake()
    {
        // no synapses, no drive: nothing spikes; a step is S issues + latency + 1 edge for the controller
        final FabricNetwork net = new FabricNetwork(Nets.V3, 1, 256, 0, new PoissonDrive(0, 1), new int[11],
            new int[0], new int[0]);
        final FabricResult r = new Fabric(new FabricParams(10, 3, 4, 1, 2, 1, 100, FabricParams.Overflow.STALL), net,
            5).run();
        // cores of 3, 3, 4 neurons: the largest issues at start+1 .. start+4, result at +6, busy low seen at +7
        for (final long c : r.stepCycles())
        {
            assertEquals(4 + 2 + 1, c);
        }
        assertEquals(0, r.totalSpikes());
    }
}
