package org.scfabric.hw.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BitSlicedEncoderBankTest
{
    @Test
    void everyLaneEqualsItsOwnLfsrEncoderOnEveryCycle()
    {
        qt().withFixedSeed(20261126L).withExamples(60)
            .forAll(integers().between(4, 32), integers().between(1, 150), integers().between(0, 0xFFFF),
                longs().all())
            .checkAssert((width, lanes, tIndex, seed) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final int mask = width == 32 ? -1 : (1 << width) - 1;
                final int taps = LfsrTaps.maximal(width);
                final int[] seeds = new int[lanes];
                final int[] xs = new int[lanes];
                final LfsrEncoderModel[] one = new LfsrEncoderModel[lanes];
                for (int i = 0; i < lanes; i++)
                {
                    seeds[i] = 1 + r.nextInt(Math.max(1, mask == -1 ? Integer.MAX_VALUE : mask));
                    // edge values as well as random ones: 0, 1, full scale
                    xs[i] = switch (r.nextInt(5))
                    {
                        case 0 -> 0;
                        case 1 -> 1;
                        case 2 -> mask;
                        default -> r.nextInt() & mask;
                    };
                    one[i] = new LfsrEncoderModel(width, taps, seeds[i]);
                    one[i].reset(tIndex);
                }
                final BitSlicedEncoderBank bank = new BitSlicedEncoderBank(width, taps, seeds);
                bank.reset(tIndex);
                bank.load(xs);
                final long[] out = new long[bank.groups()];
                for (int cycle = 0; cycle < 300; cycle++)
                {
                    bank.clock(out);
                    for (int i = 0; i < lanes; i++)
                    {
                        final int expected = one[i].clock(xs[i]);
                        assertEquals(expected, (int)(out[i >>> 6] >>> (i & 63)) & 1,
                            "lane " + i + " cycle " + cycle + " width " + width);
                    }
                }
                for (int i = 0; i < lanes; i++)
                {
                    assertEquals(one[i].source(), bank.source(i), "state of lane " + i);
                }
            });
    }

    @Test
    void theLayerSeedPlanGivesTheSameStreamsAsTheFlatBank()
    {
        final int n = 70;
        final BitSlicedEncoderBank sliced = BitSlicedEncoderBank.inputs(n);
        final LfsrEncoderBank flat = LfsrEncoderBank.inputs(n);
        final int[] xs = new int[n];
        for (int i = 0; i < n; i++)
        {
            xs[i] = (i * 977) & 0xFFFF;
        }
        sliced.load(xs);
        final long[] out = new long[sliced.groups()];
        for (int cycle = 0; cycle < 200; cycle++)
        {
            sliced.clock(out);
            flat.clock(xs);
            for (int i = 0; i < n; i++)
            {
                assertEquals(flat.bitOut(i), (int)(out[i >>> 6] >>> (i & 63)) & 1, "lane " + i + " cycle " + cycle);
            }
        }
    }
}
