package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.scfabric.random.NumpyGenerator;
import org.scfabric.random.Pcg64;

class PrefetchDriveTest
{
    /** Segments drawn ahead on two threads from advanced generators give numpy's scalar draws, in order. */
    @Test
    void segmentedDrawsAreNumpysScalarDraws()
    {
        qt().withFixedSeed(23L).withExamples(60)
            .forAll(longs().between(0, 1L << 40), doubles().between(0.0, 12.0), integers().between(1, 9000),
                integers().between(1, 12))
            .checkAssert((seed, lam, n, ringAndHelper) ->
            {
                final int ring = 1 + (ringAndHelper - 1) % 6; // segment slots, with and without the helper thread
                final boolean helper = ringAndHelper > 6;
                final Pcg64 start = new Pcg64(seed);
                start.nextDouble(); // a drive starts mid-stream (after the connectivity)
                final NumpyGenerator ref = new NumpyGenerator(start.copy());
                final int steps = Math.max(1, 3 * PrefetchDrive.SEGMENT / n + 2);
                try (PrefetchDrive d = new PrefetchDrive(start, lam, n, steps, ring, helper))
                {
                    final int[] a = new int[n];
                    final int[] b = new int[n];
                    for (int t = 0; t < steps; t++)
                    {
                        for (int j = 0; j < n; j++)
                        {
                            a[j] = (int)ref.poisson(lam);
                        }
                        d.fill(t, b);
                        assertArrayEquals(a, b, "lambda " + lam + " n " + n + " ring " + ring + " step " + t);
                    }
                }
            });
    }

    @Test
    void theBrunelLambdaAndItsNeighbourAreNumpys()
    {
        for (final double lam : new double[] {2.0, 1.9999999999999998, 1e-300, Math.nextDown(10.0)})
        {
            final NumpyGenerator ref = new NumpyGenerator(42);
            try (PrefetchDrive d = new PrefetchDrive(new Pcg64(42), lam, 1000, 40))
            {
                final int[] a = new int[1000];
                final int[] b = new int[1000];
                for (int t = 0; t < 40; t++)
                {
                    ref.poisson(lam, a, 0, a.length);
                    d.fill(t, b);
                    assertArrayEquals(a, b, "lambda " + lam + " step " + t);
                }
            }
        }
    }
}
