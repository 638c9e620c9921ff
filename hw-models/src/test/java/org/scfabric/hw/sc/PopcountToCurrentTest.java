package org.scfabric.hw.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class PopcountToCurrentTest
{
    static final Gen<Integer> Y16 = integers().between(-32768, 32767).mix(arbitrary().pick(-32768, -32767, -1, 0, 1, 32766, 32767), 30);

    /** {N, popcount} with popcount in 0..N, ends weighted in. */
    static final Gen<int[]> N_AND_COUNT = integers().between(1, 64)
        .flatMap(n -> integers().between(0, n).mix(arbitrary().pick(0, 1, n - 1, n), 40).map(c -> new int[] {n, c}));

    @Test
    void threeInputsRange0To256GiveOneThirdSteps()
    {
        assertEquals(0, PopcountToCurrent.current(0, 3, 0, 256));
        assertEquals(85, PopcountToCurrent.current(1, 3, 0, 256));
        assertEquals(170, PopcountToCurrent.current(2, 3, 0, 256));
        assertEquals(256, PopcountToCurrent.current(3, 3, 0, 256));
        assertEquals(85, PopcountToCurrent.reference(1, 3, 0, 256));
        assertEquals(170, PopcountToCurrent.reference(2, 3, 0, 256));
    }

    @Test
    void descendingRangeTruncatesTowardZeroWhereTheReferenceGives22016()
    {
        // (0 - 256) * 1 / 3 = -85.33 -> -85 (toward zero), 256 - 85 = 171
        assertEquals(171, PopcountToCurrent.current(1, 3, 256, 0));
        assertEquals(22016, PopcountToCurrent.reference(1, 3, 256, 0));
    }

    @Test
    void goldenLayerCurrentsOfZeroTo600()
    {
        assertEquals(200, PopcountToCurrent.currentOfBits(0b001, 3, 0, 600));
        assertEquals(400, PopcountToCurrent.currentOfBits(0b011, 3, 0, 600));
    }

    @Test
    void fullScaleRangeNeedsTheSeventeenthBit()
    {
        // y_max - y_min = 65535 does not fit 16 signed bits; the exact difference keeps it
        assertEquals(32767, PopcountToCurrent.current(1, 1, -32768, 32767));
        assertEquals(-1, PopcountToCurrent.current(1, 2, -32768, 32767));
        assertEquals(0, PopcountToCurrent.current(1, 2, 32767, -32768)); // -65535 / 2 -> -32767
    }

    @Test
    void intendedAndReferenceDifferExactlyWhenTheRangeIsNegativeAndTheCountIsStrictlyInside()
    {
        qt().withFixedSeed(0x5CFAB0DL).withExamples(5000)
            .forAll(N_AND_COUNT, Y16, Y16)
            .checkAssert((nc, lo, hi) ->
            {
                final int n = nc[0];
                final int c = nc[1];
                final boolean differ = PopcountToCurrent.current(c, n, lo, hi) != PopcountToCurrent.reference(c, n, lo, hi);
                assertEquals(hi < lo && c > 0 && c < n, differ, "n=" + n + " c=" + c + " y=" + lo + ".." + hi);
            });
    }

    @Test
    void intendedValueLiesBetweenTheEndsWhenNothingWraps()
    {
        qt().withFixedSeed(0x5CFAB0EL).withExamples(5000)
            .forAll(N_AND_COUNT, Y16, Y16)
            .checkAssert((nc, lo, hi) ->
            {
                final int n = nc[0];
                final int c = nc[1];
                final int i = PopcountToCurrent.current(c, n, lo, hi);
                final double exact = lo + (hi - lo) * (double)c / n;
                // truncation toward zero of the step: never more than one unit from the real value
                assertEquals(exact, i, 1.0 - 1e-9);
            });
    }
}
