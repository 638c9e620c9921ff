package org.scfabric.hw.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class AndSynapseTest
{
    @Test
    void postIsPreAndWBitwise()
    {
        assertEquals(0b0001, AndSynapse.post(0b0011, 0b0101));
        assertEquals(0xF0F0_0000_0000_000FL, AndSynapse.post64(0xFFFF_0000_0000_00FFL, 0xF0F0_0000_0000_000FL));
    }

    @Test
    void andOfTwoIndependentStreamsHasMeanPTimesWithinBinomialBounds()
    {
        // x from the reference LFSR, w from an LFSR with another primitive polynomial (XAPP052 16-bit)
        final int cycles = 65_535;
        qt().withFixedSeed(0x5CFAB0AL).withExamples(40)
            .forAll(LfsrEncoderTest.X16, LfsrEncoderTest.X16, integers().between(1, 0xFFFF), integers().between(1, 0xFFFF))
            .checkAssert((x, w, s1, s2) ->
            {
                final LfsrEncoderModel xe = new LfsrEncoderModel(s1);
                final LfsrEncoderModel we = new LfsrEncoderModel(16, LfsrTaps.maximal(16), s2);
                int ones = 0;
                for (int i = 0; i < cycles; i++)
                {
                    ones += AndSynapse.post(xe.clock(x), we.clock(w));
                }
                // each stream has exactly (v - 1) ones per period: use those probabilities
                final double p = Math.max(x - 1, 0) / 65_535.0;
                final double q = Math.max(w - 1, 0) / 65_535.0;
                final double mean = cycles * p * q;
                final double sigma = Math.sqrt(cycles * p * q * (1 - p * q));
                assertTrue(Math.abs(ones - mean) <= 5 * sigma + 1,
                    "x=" + x + " w=" + w + " ones=" + ones + " mean=" + mean + " sigma=" + sigma);
            });
    }

    @Test
    void wordParallelAndPopcountEqualsTheCyclePath()
    {
        qt().withFixedSeed(0x5CFAB0BL).withExamples(100)
            .forAll(LfsrEncoderTest.X16, LfsrEncoderTest.X16, integers().between(1, 0xFFFF), integers().between(1, 40))
            .checkAssert((x, w, seed, words) ->
            {
                final LfsrEncoderModel xf = new LfsrEncoderModel(seed);
                final LfsrEncoderModel wf = new LfsrEncoderModel(SeedPlan.weight(seed));
                final LfsrEncoderModel xs = new LfsrEncoderModel(seed);
                final LfsrEncoderModel ws = new LfsrEncoderModel(SeedPlan.weight(seed));
                final long[] a = new long[words];
                final long[] b = new long[words];
                for (int i = 0; i < words; i++)
                {
                    a[i] = xf.clock64(x);
                    b[i] = wf.clock64(w);
                }
                int slow = 0;
                for (int i = 0; i < 64 * words; i++)
                {
                    slow += AndSynapse.post(xs.clock(x), ws.clock(w));
                }
                assertEquals(slow, AndSynapse.andPopcount(a, b, words));
            });
    }
}
