package org.scfabric.hw.sc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.Bits;

class SobolTest
{
    private static int[] firstPoints(final int dimension, final int n)
    {
        final SobolGenerator g = new SobolGenerator(dimension);
        g.reset(0);
        final int[] p = new int[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = g.point();
            g.clock();
        }
        return p;
    }

    /** Eighths scaled to 16 bits. */
    private static int[] eighths(final int... e)
    {
        final int[] p = new int[e.length];
        for (int i = 0; i < e.length; i++)
        {
            p[i] = e[i] << 13;
        }
        return p;
    }

    @Test
    void firstEightPointsOfDimensionsOneToThreeAreTheJoeKuoSequence()
    {
        // dimension 1: 0, .5, .75, .25, .375, .875, .625, .125; dimension 2: 0, .5, .25, .75, .375, .875, .125, .625
        // dimension 3 (m = 1, 3, 3): point n is the XOR of V1 = .5, V2 = .75, V3 = .375 over the bits of gray(n)
        assertArrayEquals(eighths(0, 4, 6, 2, 3, 7, 5, 1), firstPoints(1, 8));
        assertArrayEquals(eighths(0, 4, 2, 6, 3, 7, 1, 5), firstPoints(2, 8));
        assertArrayEquals(eighths(0, 4, 2, 6, 5, 1, 7, 3), firstPoints(3, 8));
    }

    @Test
    void directionNumbersFollowTheJoeKuoRecurrence()
    {
        // dimension 3: s = 2, a = 1, m = 1, 3 -> m3 = 2*3 ^ 4*1 ^ 1 = 3, m4 = 2*3 ^ 4*3 ^ 3 = 9
        final int[] v = SobolDirections.of(3);
        assertEquals(1 << 15, v[0]);
        assertEquals(3 << 14, v[1]);
        assertEquals(3 << 13, v[2]);
        assertEquals(9 << 12, v[3]);
        for (int d = 1; d <= SobolDirections.MAX_DIMENSION; d++)
        {
            final int[] dv = SobolDirections.of(d);
            for (int k = 0; k < 16; k++)
            {
                // m_k is odd and below 2^k: V[k] has its lowest set bit at 15 - k
                assertEquals(15 - k, Integer.numberOfTrailingZeros(dv[k]), "dimension " + d + " k " + k);
                assertTrue(dv[k] < 1 << 16);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SobolDirections.of(9));
    }

    @Test
    void firstDimensionIsTheBitReversedCounterInGrayCodeOrder()
    {
        final SobolGenerator g = new SobolGenerator(1);
        g.reset(0);
        for (int n = 0; n < 1 << 16; n++)
        {
            assertEquals(Bits.reverse16(n ^ (n >>> 1)), g.point(), "n=" + n);
            assertEquals(n, g.counter());
            g.clock();
        }
        assertEquals(0, g.counter());
        assertEquals(0, g.point());
    }

    @Test
    void firstTwoToTheKPointsOfTheFirstDimensionAreTheBitReversedCounterValuesBelowTwoToTheK()
    {
        // Gray-code order permutes points inside the block, so a stream of 2^k bits from reset sees
        // exactly the thresholds reverse16(0 .. 2^k - 1)
        qt().withFixedSeed(0x5CFAB05L).withExamples(17)
            .forAll(integers().between(0, 16))
            .checkAssert(k ->
            {
                final int size = 1 << k;
                final SobolGenerator g = new SobolGenerator(1);
                g.reset(0);
                final boolean[] got = new boolean[1 << 16];
                for (int i = 0; i < size; i++)
                {
                    got[g.point()] = true;
                    g.clock();
                }
                for (int n = 0; n < size; n++)
                {
                    assertTrue(got[Bits.reverse16(n)], "k=" + k + " n=" + n);
                }
            });
    }

    @Test
    void everyDimensionIsStratifiedInEveryAlignedBlock()
    {
        // a (0,k,1)-net: 2^k consecutive points from a multiple of 2^k, one in each interval of width 2^(16-k)
        for (int d = 1; d <= SobolDirections.MAX_DIMENSION; d++)
        {
            final int[] p = firstPoints(d, 1 << 16);
            for (int k = 1; k <= 16; k++)
            {
                final int size = 1 << k;
                for (int base = 0; base < 1 << 16; base += size)
                {
                    final boolean[] cell = new boolean[size];
                    for (int i = base; i < base + size; i++)
                    {
                        final int c = p[i] >>> (16 - k);
                        assertTrue(!cell[c], "dimension " + d + " k " + k + " block " + base);
                        cell[c] = true;
                    }
                }
            }
        }
    }

    @Test
    void resetToAStartIndexGivesThePointTheGeneratorReachesThere()
    {
        qt().withFixedSeed(0x5CFAB06L).withExamples(30)
            .forAll(integers().between(1, 8), integers().between(0, 0xFFFF))
            .checkAssert((d, n) ->
            {
                final SobolGenerator a = new SobolGenerator(d);
                a.reset(0);
                for (int i = 0; i < n; i++)
                {
                    a.clock();
                }
                final SobolGenerator b = new SobolGenerator(d);
                b.reset(n);
                assertEquals(a.point(), b.point());
            });
    }

    @Test
    void overAFullPeriodTheSobolEncoderEmitsExactlyXOnes()
    {
        qt().withFixedSeed(0x5CFAB07L).withExamples(24)
            .forAll(LfsrEncoderTest.X16, integers().between(1, 8), integers().all())
            .checkAssert((x, d, t) ->
            {
                final BitstreamEncoder e = new SobolEncoderModel(d);
                e.reset(t);
                int ones = 0;
                for (int i = 0; i < 1 << 16; i++)
                {
                    ones += e.clock(x);
                }
                assertEquals((int)x, ones);
            });
    }

    @Test
    void sobolStreamsConvergeFasterThanLfsrStreams()
    {
        // the point of Sobol: after 2^k bits the error is below one bit per block, for every x
        qt().withFixedSeed(0x5CFAB08L).withExamples(100)
            .forAll(LfsrEncoderTest.X16, integers().between(4, 12))
            .checkAssert((x, k) ->
            {
                final BitstreamEncoder e = new SobolEncoderModel(1);
                e.reset(0);
                int ones = 0;
                for (int i = 0; i < 1 << k; i++)
                {
                    ones += e.clock(x);
                }
                final double expected = x / 65536.0 * (1 << k);
                assertTrue(Math.abs(ones - expected) <= 1.0, "x=" + x + " k=" + k + " ones=" + ones);
            });
    }

    @Test
    void wordParallelSobolEncoderEqualsTheCyclePath()
    {
        qt().withFixedSeed(0x5CFAB09L).withExamples(100)
            .forAll(LfsrEncoderTest.X16, integers().between(1, 8), integers().all(), integers().between(1, 1100))
            .checkAssert((x, d, t, words) ->
            {
                final SobolEncoderModel fast = new SobolEncoderModel(d);
                final SobolEncoderModel slow = new SobolEncoderModel(d);
                fast.reset(t);
                slow.reset(t);
                for (int j = 0; j < words; j += 97)
                {
                    long word = 0;
                    for (int i = 0; i < 64; i++)
                    {
                        word |= (long)slow.clock(x) << i;
                    }
                    assertEquals(word, fast.clock64(x));
                    assertEquals(slow.source(), fast.source());
                    assertEquals(slow.counter(), fast.counter());
                }
            });
    }
}
