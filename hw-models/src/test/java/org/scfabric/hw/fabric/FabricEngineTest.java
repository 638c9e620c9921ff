package org.scfabric.hw.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The fast engine is the kernel model, cycle for cycle: every figure of a run is equal. */
class FabricEngineTest
{
    @Test
    void everyFigureEqualsTheKernelModel()
    {
        qt().withFixedSeed(0xE61E).withExamples(60)
            .forAll(FabricEquivalenceTest.ARCH, longs().all(), booleans().all(), integers().between(0, 3))
            .checkAssert((a, seed, drop, density) ->
            {
                final FabricNetwork net = Nets.random(a.n(), new double[] {0.0, 0.1, 0.3, 0.7}[density], false, seed);
                final FabricParams fp = new FabricParams(a.n(), a.k(), a.d(), a.p(), a.lc(), a.lr(), 100,
                    drop ? FabricParams.Overflow.DROP : FabricParams.Overflow.STALL);
                final int steps = 25;
                assertSame(new Fabric(fp, net, steps).run(), new FabricEngine(fp, net, steps).run(), a + " " + drop);
            });
    }

    @Test
    void sameOnABrunelSizedNetwork()
    {
        final FabricNetwork net = Nets.random(300, 0.1, true, 3);
        final FabricParams fp = new FabricParams(300, 3, 4, 2, 2, 2, 100, FabricParams.Overflow.STALL);
        assertSame(new Fabric(fp, net, 60).run(), new FabricEngine(fp, net, 60).run(), "N 300");
    }

    static void assertSame(final FabricResult x, final FabricResult y, final String where)
    {
        assertArrayEquals(x.stepCycles(), y.stepCycles(), "step cycles " + where);
        for (int t = 0; t < x.steps(); t++)
        {
            assertArrayEquals(x.spikes()[t], y.spikes()[t], "spikes of step " + t + " " + where);
        }
        assertArrayEquals(x.coreActiveCycles(), y.coreActiveCycles(), "core activity " + where);
        assertArrayEquals(x.fifoOccupancy(), y.fifoOccupancy(), "FIFO occupancy " + where);
        assertEquals(x.synapseReads(), y.synapseReads(), where);
        assertEquals(x.dropped(), y.dropped(), where);
        assertEquals(x.firstDropCycle(), y.firstDropCycle(), where);
        assertEquals(x.stallCycles(), y.stallCycles(), where);
        assertEquals(x.firstStallCycle(), y.firstStallCycle(), where);
        assertEquals(x.firstFullCycle(), y.firstFullCycle(), where);
        assertHistogram(x.latencyFirst(), y.latencyFirst(), "first " + where);
        assertHistogram(x.latencyLast(), y.latencyLast(), "last " + where);
    }

    static void assertHistogram(final Histogram a, final Histogram b, final String where)
    {
        assertEquals(a.getTotalCount(), b.getTotalCount(), where);
        assertEquals(a, b, "latency histogram " + where);
    }
}
