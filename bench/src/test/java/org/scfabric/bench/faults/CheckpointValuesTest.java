package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scfabric.bench.brunel.Variant;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.Signals;
import org.scfabric.sim.fault.Fault;

/**
 * A checkpoint's copy of the state (two bulk copies out of the kernel) holds what reading every
 * signal and every memory word one by one gives: in V3's order, after random runs with random flips
 * and stuck bits in registers, the crossbar and the axon weights.
 */
class CheckpointValuesTest
{
    private static long[] oneByOne(final Kernel k)
    {
        final Design d = k.design();
        final long[] out = new long[d.signalCount() + d.memoryWords()];
        for (int s = 0; s < d.signalCount(); s++)
        {
            out[s] = k.peek(s);
        }
        final Signals sig = k.signals();
        int i = d.signalCount();
        for (int m = 0; m < d.memoryCount(); m++)
        {
            for (int w = 0; w < d.memoryDepth(m); w++)
            {
                out[i++] = sig.readMemory(m, w);
            }
        }
        return out;
    }

    @Test
    void aCheckpointsValuesAreEverySignalThenEveryMemoryWord()
    {
        final BrunelWorkload w = new BrunelWorkload(Variant.V3, 60, 3.0, 42);
        qt().withFixedSeed(9L).withExamples(12).forAll(longs().all()).checkAssert(seed ->
        {
            final FaultBench bench = w.newBench();
            final Kernel k = bench.kernel();
            final SplittableRandom r = new SplittableRandom(seed);
            final long sites = k.design().faultSites().size();
            for (int f = 0; f < 6; f++)
            {
                final long site = r.nextLong(sites);
                final long cycle = r.nextLong(bench.cycles());
                k.inject(switch (r.nextInt(3))
                {
                    case 0 -> Fault.flip(site, cycle);
                    case 1 -> Fault.stuckAt0(site, cycle);
                    default -> Fault.stuckAt1(site, cycle);
                });
            }
            long at = 0;
            for (int step = 0; step < 4; step++)
            {
                at = Math.min(bench.cycles(), at + 1 + r.nextLong(bench.cycles() / 3));
                bench.runTo(at);
                assertArrayEquals(oneByOne(k), GoldenRun.values(k), "cycle " + at);
            }
        });
    }
}
