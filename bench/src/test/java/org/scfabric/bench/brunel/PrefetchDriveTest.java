package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.scfabric.random.NumpyGenerator;
import org.scfabric.random.Pcg64;
import org.scfabric.random.PoissonChunks;

class PrefetchDriveTest
{
    /**
     * Segments drawn ahead on two threads from advanced generators give numpy's scalar draws, in order,
     * on the vector path and on the scalar one.
     */
    @Test
    void segmentedDrawsAreNumpysScalarDraws()
    {
        qt().withFixedSeed(23L).withExamples(60)
            .forAll(longs().between(0, 1L << 40), doubles().between(0.0, 12.0), integers().between(1, 9000),
                integers().between(1, 24))
            .checkAssert((seed, lam, n, ringHelperPath) ->
            {
                final int ringAndHelper = 1 + (ringHelperPath - 1) % 12;
                final int ring = 1 + (ringAndHelper - 1) % 6; // segment slots, with and without the helper thread
                final boolean helper = ringAndHelper > 6;
                final boolean vector = ringHelperPath > 12 && PoissonChunks.vectorLanes() > 0;
                final Pcg64 start = new Pcg64(seed);
                start.nextDouble(); // a drive starts mid-stream (after the connectivity)
                final NumpyGenerator ref = new NumpyGenerator(start.copy());
                final int steps = Math.max(1, 3 * PrefetchDrive.SEGMENT / n + 2);
                try (PrefetchDrive d = new PrefetchDrive(start, lam, n, steps, ring, helper, vector))
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
                        assertArrayEquals(a, b, "lambda " + lam + " n " + n + " ring " + ring + " vector " + vector + " step " + t);
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

    @Test
    void aShortDriveTakesTheScalarPathAndALongOneTheVectorPath()
    {
        // the vector path is compiled only after some 0.6 s of CPU: a campaign's or a short run's drive
        // (10^6 draws) is drawn on the scalar path, a long one on the vector path when it is there
        assertFalse(PoissonChunks.vectorPays(1000L * 10_000));
        assertFalse(PoissonChunks.vectorPays(PoissonChunks.VECTOR_MIN_DRAWS - 1));
        assertEquals(PoissonChunks.vectorLanes() > 0, PoissonChunks.vectorPays(PoissonChunks.VECTOR_MIN_DRAWS));
    }
}
