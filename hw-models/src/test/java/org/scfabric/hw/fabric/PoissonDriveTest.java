package org.scfabric.hw.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class PoissonDriveTest
{
    @Test
    void tableLeapEqualsSixteenShifts()
    {
        qt().withFixedSeed(0xD71E).withExamples(2000).forAll(integers().all())
            .checkAssert(s -> assertEquals(PoissonDrive.leapSlow(s), PoissonDrive.leap(s)));
    }

    @Test
    void inversionTableGivesPoissonMoments()
    {
        for (final double lambda : new double[] {0.5, 2.0, 1.9999999999999998, 5.0})
        {
            final PoissonDrive d = new PoissonDrive(lambda, 42);
            double sum = 0;
            double sq = 0;
            final int draws = 200_000;
            int s = d.initialState(7);
            for (int i = 0; i < draws; i++)
            {
                s = PoissonDrive.leap(s);
                final int k = d.kicks(s);
                sum += k;
                sq += (double)k * k;
            }
            final double mean = sum / draws;
            final double var = sq / draws - mean * mean;
            assertEquals(lambda, mean, 0.02 * lambda + 0.01, "mean at λ " + lambda);
            assertEquals(lambda, var, 0.05 * lambda + 0.01, "variance at λ " + lambda);
        }
    }

    @Test
    void kickTableEqualsInversionForEverySixteenBitDraw()
    {
        for (final double lambda : new double[] {0.0, 0.5, 2.0, 7.3, 12.0})
        {
            final PoissonDrive d = new PoissonDrive(lambda, 3);
            final int[] cdf = d.cdf();
            final byte[] t = d.kickTable();
            for (int u = 0; u < 1 << 16; u++)
            {
                // the high half must not matter: the datapaths index by the low 16 bits of the LFSR
                assertEquals(PoissonDrive.kicks(u | 0xA5A50000, cdf), t[u], "λ " + lambda + ", u " + u);
            }
        }
    }

    @Test
    void cdfOfLambdaTwo()
    {
        final int[] c = PoissonDrive.cdf(2.0);
        // P(X=0) = e^-2 = 0.1353..., times 65536 = 8869.2
        assertEquals(8869, c[0]);
        assertEquals(Math.round(65536 * 3 * Math.exp(-2)), c[1]);
        assertEquals(65536, c[14], "P(X <= 14) rounds to 1");
    }

    @Test
    void seedsDifferPerNeuronAndAreNeverZero()
    {
        final PoissonDrive d = new PoissonDrive(2, 1);
        for (int j = 0; j < 10_000; j++)
        {
            assertNotEquals(0, d.initialState(j));
        }
        assertNotEquals(d.initialState(0), d.initialState(1));
        assertTrue(d.initialState(3) != new PoissonDrive(2, 2).initialState(3));
    }
}
