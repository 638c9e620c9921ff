package org.scfabric.hw.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;

import org.junit.jupiter.api.Test;

class LfsrEncoderBankTest
{
    @Test
    void bankLanesEqualOneLfsrEncoderEachOnTheCycleAndWordPaths()
    {
        qt().withFixedSeed(0x5CFAB11L).withExamples(60)
            .forAll(lists().of(LfsrEncoderTest.X16).ofSizeBetween(1, 20), integers().all(), integers().between(0, 3))
            .checkAssert((List<Integer> xs, Integer t, Integer words) ->
            {
                final int n = xs.size();
                final int[] x = xs.stream().mapToInt(Integer::intValue).toArray();
                final LfsrEncoderBank bank = LfsrEncoderBank.weights(n);
                final LfsrEncoderModel[] lanes = new LfsrEncoderModel[n];
                bank.reset(t);
                for (int i = 0; i < n; i++)
                {
                    lanes[i] = new LfsrEncoderModel(SeedPlan.weight(i));
                    lanes[i].reset(t);
                }
                final long[] out = new long[n];
                for (int c = 0; c < 100; c++)
                {
                    bank.clock(x);
                    long expected = 0;
                    for (int i = 0; i < n; i++)
                    {
                        expected |= (long)lanes[i].clock(x[i]) << i;
                        assertEquals(lanes[i].source(), bank.source(i));
                    }
                    assertEquals(expected, bank.bits(), "cycle " + c);
                }
                for (int w = 0; w < words; w++)
                {
                    bank.clock64(x, out);
                    for (int i = 0; i < n; i++)
                    {
                        assertEquals(lanes[i].clock64(x[i]), out[i], "lane " + i);
                        assertEquals(lanes[i].bitOut(), bank.bitOut(i));
                    }
                }
            });
    }

    @Test
    void inputBankReproducesTheGoldenLayerBitsOfTheFirstEdge()
    {
        final LfsrEncoderBank x = LfsrEncoderBank.inputs(3);
        final LfsrEncoderBank w = LfsrEncoderBank.weights(3);
        x.clock(new int[] {60_000, 20_000, 40_000});
        w.clock(new int[] {30_000, 65_535, 50_000});
        assertEquals(0b001, x.bits()); // "100": input 0 only
        assertEquals(0b110, w.bits()); // "011"
    }
}
