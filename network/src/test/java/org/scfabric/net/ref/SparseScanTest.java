package org.scfabric.net.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The eight-at-a-time scan finds exactly the values a plain {@code y[i] != 0.0} loop finds. */
class SparseScanTest
{
    @Test
    void theScanFindsTheNonZerosAPlainLoopFinds()
    {
        qt().withFixedSeed(0x5CA9L).withExamples(400)
            .forAll(longs().all(), integers().between(0, 70), integers().between(0, 100))
            .checkAssert((seed, n, percent) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final double[] y = new double[n];
                for (int i = 0; i < n; i++)
                {
                    // zeros of both signs, spikes, and values whose only set bits are low (denormals) or NaN
                    y[i] = r.nextInt(100) >= percent ? (r.nextBoolean() ? 0.0 : -0.0)
                        : switch (r.nextInt(5))
                        {
                            case 0 -> 1.0;
                            case 1 -> Double.MIN_VALUE;
                            case 2 -> -Double.MIN_VALUE;
                            case 3 -> Double.NaN;
                            default -> r.nextDouble(-1, 1);
                        };
                }
                final int from = n == 0 ? 0 : r.nextInt(n + 1);
                final int to = from + r.nextInt(n - from + 1);
                int i = from;
                for (int k = SparseScan.next(y, from, to); k < to; k = SparseScan.next(y, k + 1, to))
                {
                    while (y[i] == 0.0)
                    {
                        i++;
                    }
                    assertEquals(i, k, "the next non-zero after " + (k - 1));
                    i++;
                }
                while (i < to)
                {
                    assertEquals(0.0, y[i++], 0.0, "a non-zero the scan missed");
                }
            });
    }
}
