package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.random.NumpyGenerator;

class FloatLifTest
{
    /** Counting the excitatory hits gives the row scatter's sums bit for bit, for any network and spike set. */
    @Test
    void countedAccumulationIsTheScatterBitForBit()
    {
        qt().withFixedSeed(5L).withExamples(80)
            .forAll(longs().between(0, 1L << 40), integers().between(2, 400), doubles().between(0.0, 1.0),
                doubles().between(0.0, 1.0))
            .checkAssert((seed, n, conn, fire) ->
            {
                final int exc = Math.max(1, (int)(n * 0.8));
                final BrunelParams p = BrunelParams.DEFAULT.withSize(exc, n - exc).withSeed(seed);
                final NumpyGenerator g = new NumpyGenerator(seed);
                final Connectivity c = Connectivity.draw(n, conn, g);
                final FloatLif m = new FloatLif(p);
                final int[] spikes = new int[n];
                int count = 0;
                for (int i = 0; i < n; i++)
                {
                    if (g.random() < fire)
                    {
                        spikes[count++] = i;
                    }
                }
                final double[] a = new double[n];
                final double[] b = new double[n];
                java.util.Arrays.fill(b, 123.0); // stale values of the step before
                m.accumulate(c, spikes, count, a);
                m.accumulateCounted(c, spikes, count, b, new char[n], m.excitatorySums());
                for (int j = 0; j < n; j++)
                {
                    assertEquals(Double.doubleToRawLongBits(a[j]), Double.doubleToRawLongBits(b[j]),
                        "target " + j + " of " + n + ", " + count + " spikes");
                }
            });
    }
}
