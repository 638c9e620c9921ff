package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.sc.LfsrEncoderModel;
import org.scfabric.hw.sc.SobolEncoderModel;

/** The table-served windows equal the bit-true encoders clocked cycle by cycle. */
class EncoderStreamsTest
{
    @Test
    void lfsrWindowsAreTheEncodersBits()
    {
        qt().withFixedSeed(3L).withExamples(300)
            .forAll(integers().between(1, 0xFFFF), integers().between(0, 0xFFFF), integers().between(1, 5000))
            .checkAssert((seed, x, cycles) ->
            {
                final LfsrEncoderModel enc = new LfsrEncoderModel(seed);
                final int state = enc.source();
                final long[] expected = new long[(cycles + 63) / 64];
                for (int c = 0; c < cycles; c++)
                {
                    expected[c >>> 6] |= (long)enc.clock(x) << c;
                }
                final long[] got = new long[expected.length];
                EncoderStreams.lfsrWindow(state, x, cycles, got);
                assertArrayEquals(expected, got, "seed " + seed + " x " + x + " cycles " + cycles);
                assertEquals(enc.source(), EncoderStreams.lfsrAdvance(state, cycles));
                final int[] odd = new int[cycles];
                int m = 0;
                for (int c = 1; c < cycles; c += 3)
                {
                    odd[m++] = c;
                }
                int want = 0;
                for (int k = 0; k < m; k++)
                {
                    want += (int)(expected[odd[k] >>> 6] >>> odd[k]) & 1;
                }
                assertEquals(want, EncoderStreams.lfsrOnesAt(state, x, odd, m));
            });
    }

    @Test
    void sobolWindowsAreTheEncodersBits()
    {
        qt().withFixedSeed(4L).withExamples(200)
            .forAll(integers().between(1, 8), integers().between(0, 0xFFFF), integers().between(0, 0xFFFF),
                integers().between(1, 3000))
            .checkAssert((dim, start, x, cycles) ->
            {
                final SobolEncoderModel enc = new SobolEncoderModel(dim);
                enc.reset(start);
                final long[] expected = new long[(cycles + 63) / 64];
                for (int c = 0; c < cycles; c++)
                {
                    expected[c >>> 6] |= (long)enc.clock(x) << c;
                }
                final long[] got = new long[expected.length];
                EncoderStreams.sobolWindow(dim, start, x, cycles, got);
                assertArrayEquals(expected, got, "dim " + dim + " start " + start + " x " + x);
                assertEquals(enc.source(), EncoderStreams.sobolPoint(dim, (start + cycles) & 0xFFFF));
                final int[] all = new int[cycles];
                final int m = EncoderArray.ones(expected, expected.length, all);
                assertEquals(m, EncoderStreams.sobolOnesAt(dim, start, x, all, m));
            });
    }

    @Test
    void aLockedLfsrComparesZero()
    {
        final long[] out = new long[2];
        EncoderStreams.lfsrWindow(0, 5, 70, out);
        assertEquals(-1L, out[0]);
        assertEquals((1L << 6) - 1, out[1]);
        assertEquals(0, EncoderStreams.lfsrAdvance(0, 1000));
    }
}
