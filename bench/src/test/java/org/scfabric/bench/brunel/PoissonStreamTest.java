package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.scfabric.random.NumpyGenerator;
import org.scfabric.random.Pcg64;

class PoissonStreamTest
{
    /** Any λ, chunk size and request sizes: the same draws as numpy's bulk poisson, and the stream left nowhere else. */
    @Test
    void drawsEqualNumpysForAnyLambdaChunkAndRequestSizes()
    {
        qt().withFixedSeed(11L).withExamples(120)
            .forAll(longs().between(0, 1L << 40), doubles().between(0.0, 12.0), integers().between(1, 300),
                integers().between(1, 700))
            .checkAssert((seed, lam, chunk, request) ->
            {
                final NumpyGenerator ref = new NumpyGenerator(seed);
                // both paths (the vector one where available; the scalar one for short streams)
                final boolean vector = (seed & 1) == 0 && org.scfabric.random.PoissonChunks.vectorLanes() > 0;
                final PoissonStream s = new PoissonStream(new Pcg64(seed), lam, chunk, vector);
                final int[] a = new int[request];
                final int[] b = new int[request];
                for (int k = 0; k < 9; k++)
                {
                    final int len = 1 + (k * 7919 + request) % request;
                    ref.poisson(lam, a, 0, len);
                    s.next(b, 0, len);
                    assertArrayEquals(java.util.Arrays.copyOf(a, len), java.util.Arrays.copyOf(b, len),
                        "lambda " + lam + " chunk " + chunk + " vector " + vector + " call " + k);
                }
            });
    }

    @Test
    void tinyAndZeroAndLargeLambdasAreNumpys()
    {
        for (final double lam : new double[] {0.0, 1e-300, 1e-9, Math.nextDown(10.0), 10.0, 37.5})
        {
            final NumpyGenerator ref = new NumpyGenerator(42);
            final PoissonStream s = new PoissonStream(new Pcg64(42), lam, 64);
            final int[] a = new int[5000];
            final int[] b = new int[5000];
            ref.poisson(lam, a, 0, a.length);
            s.next(b, 0, b.length);
            assertArrayEquals(a, b, "lambda " + lam);
        }
    }

    @Test
    void theDefaultChunkGivesTheBrunelDrive()
    {
        final NumpyGenerator ref = new NumpyGenerator(7);
        final PoissonStream s = new PoissonStream(new Pcg64(7), 2.0);
        final int[] a = new int[1000];
        final int[] b = new int[1000];
        long sum = 0;
        for (int t = 0; t < 300; t++)
        {
            ref.poisson(2.0, a, 0, a.length);
            s.next(b, 0, b.length);
            assertArrayEquals(a, b, "step " + t);
            for (final int x : b)
            {
                sum += x;
            }
        }
        assertEquals(2.0, sum / 300_000.0, 0.02);
    }
}
