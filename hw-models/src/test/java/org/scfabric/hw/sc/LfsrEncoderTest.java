package org.scfabric.hw.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.scfabric.hw.Bits;

class LfsrEncoderTest
{
    static final Gen<Integer> X16 = integers().between(0, 0xFFFF).mix(arbitrary().pick(0, 1, 2, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF), 30);

    static String bits(final BitstreamEncoder e, final int x, final int n)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.append(e.clock(x));
        }
        return sb.toString();
    }

    @Test
    void seedAce1AtHalfScaleGivesTheGoldenFirst32Bits()
    {
        assertEquals("01010011000111100001101110101010", bits(new LfsrEncoderModel(0xACE1), 0x8000, 32));
    }

    @Test
    void firstBitComparesTheSeedItself()
    {
        // 0xACE1 < 0xACE2 but not < 0xACE1: the first edge compares the seed, before any shift
        assertEquals(1, new LfsrEncoderModel(0xACE1).clock(0xACE2));
        assertEquals(0, new LfsrEncoderModel(0xACE1).clock(0xACE1));
    }

    @Test
    void bitOutIsZeroAtReset()
    {
        final LfsrEncoderModel e = new LfsrEncoderModel(0xACE1);
        e.clock(0xFFFF);
        assertEquals(1, e.bitOut());
        e.reset(0);
        assertEquals(0, e.bitOut());
        assertEquals(0xACE1, e.source());
    }

    @Test
    void resetSeedIsSeedInitXorLow16OfTIndex()
    {
        final LfsrEncoderModel e = new LfsrEncoderModel(0xACE1);
        e.reset(0x1234_0F0F);
        assertEquals(0xACE1 ^ 0x0F0F, e.source());
    }

    @Test
    void resetSeedFallsBackToSeedInitWhenTheXorIsZero()
    {
        final LfsrEncoderModel e = new LfsrEncoderModel(0xACE1);
        e.reset(0x7777_ACE1);
        assertEquals(0xACE1, e.source());
    }

    @Test
    void seedPlanOfTheReferenceLayers()
    {
        assertEquals(0xACE1, SeedPlan.input(0));
        assertEquals(0xACE8, SeedPlan.input(1));
        assertEquals(0xBEFC, SeedPlan.weight(1));
        assertEquals((0xBEEF + 13 * (2 * 5 + 3)) & 0xFFFF, SeedPlan.matrixWeight(2, 3, 5));
        // wraps modulo 2^16
        assertEquals((0xACE1 + 7 * 10_000) & 0xFFFF, SeedPlan.input(10_000));
        assertEquals(0xBE51, SeedPlan.input(10_000));
    }

    @Test
    void zeroSeedInitIsRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> new LfsrEncoderModel(0x10000));
    }

    @Test
    void overOneFullPeriodTheEncoderEmitsXMinusOneOnes()
    {
        qt().withFixedSeed(0x5CFAB02L).withExamples(40)
            .forAll(X16, integers().between(1, 0xFFFF), integers().all())
            .checkAssert((x, seed, t) ->
            {
                final LfsrEncoderModel e = new LfsrEncoderModel(seed);
                e.reset(t);
                int ones = 0;
                for (int i = 0; i < 65_535; i++)
                {
                    ones += e.clock(x);
                }
                assertEquals(Math.max(x - 1, 0), ones, "x=" + x + " seed=" + seed);
            });
    }

    @Test
    void stuckAt0OnTheOutputRegisterGivesAnAllZeroStream()
    {
        qt().withFixedSeed(0x5CFAB03L).withExamples(50)
            .forAll(X16, integers().between(1, 0xFFFF))
            .checkAssert((x, seed) ->
            {
                final LfsrEncoderModel e = new LfsrEncoderModel(seed);
                e.bitFault(0, 0);
                e.reset(0);
                long ones = 0;
                for (int i = 0; i < 1000; i++)
                {
                    ones += e.clock(x);
                }
                ones += Long.bitCount(e.clock64(x));
                assertEquals(0, ones);
            });
    }

    @Test
    void stuckAt1OnTheOutputRegisterGivesAnAllOneStream()
    {
        final LfsrEncoderModel e = new LfsrEncoderModel(0xACE1);
        e.bitFault(1, 1);
        e.reset(0);
        assertEquals(1, e.bitOut());
        assertEquals(-1L, e.clock64(0));
    }

    /** Widths of the word-parallel property, with their taps. */
    static final Gen<int[]> WIDTH_TAPS = arbitrary().pick(8, 16, 17, 24, 32)
        .map(w -> new int[] {w, w == 16 ? LfsrTaps.reference(16) : LfsrTaps.maximal(w)});

    @Test
    void wordParallelPathEqualsTheCycleByCyclePath()
    {
        qt().withFixedSeed(0x5CFAB04L).withExamples(200)
            .forAll(WIDTH_TAPS, integers().all(), integers().all(), lists().of(integers().all()).ofSizeBetween(1, 8))
            .checkAssert((wt, seed, t, xs) ->
            {
                final int w = wt[0];
                final int s = (seed & Bits.mask(w)) == 0 ? 1 : seed;
                final LfsrEncoderModel fast = new LfsrEncoderModel(w, wt[1], s);
                final LfsrEncoderModel slow = new LfsrEncoderModel(w, wt[1], s);
                fast.reset(t);
                slow.reset(t);
                for (final int x : xs)
                {
                    long word = 0;
                    for (int i = 0; i < 64; i++)
                    {
                        word |= (long)slow.clock(x) << i;
                    }
                    assertEquals(word, fast.clock64(x), "width " + w + " x " + Integer.toHexString(x));
                    assertEquals(slow.source(), fast.source());
                    assertEquals(slow.bitOut(), fast.bitOut());
                }
            });
    }
}
