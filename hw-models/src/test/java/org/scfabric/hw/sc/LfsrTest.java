package org.scfabric.hw.sc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LfsrTest
{
    @Test
    void referenceLfsrFromAce1VisitsTheSpecFirstStates()
    {
        final int[] expected = {0xACE1, 0x59C3, 0xB387, 0x670F, 0xCE1E, 0x9C3C, 0x3879, 0x70F2, 0xE1E4, 0xC3C8, 0x8791, 0x0F22};
        final Lfsr lfsr = new Lfsr();
        final int[] seen = new int[expected.length];
        seen[0] = lfsr.state();
        for (int i = 1; i < seen.length; i++)
        {
            seen[i] = lfsr.clock();
        }
        assertArrayEquals(expected, seen);
    }

    @Test
    void referenceTapsAreThePolynomialOfTheSpec()
    {
        // x^16 + x^14 + x^13 + x^11 + 1: bits 15, 13, 12, 10
        assertEquals(0b1011_0100_0000_0000, LfsrTaps.reference(16));
        assertEquals(LfsrTaps.ofStages(16, 14, 13, 11), LfsrTaps.reference(16));
    }

    @Test
    void referenceLfsrHasPeriod65535AndVisitsEveryNonZeroState()
    {
        final Lfsr lfsr = new Lfsr();
        final boolean[] seen = new boolean[1 << 16];
        int steps = 0;
        do
        {
            seen[lfsr.state()] = true;
            lfsr.clock();
            steps++;
        }
        while (lfsr.state() != 0xACE1 && steps <= 1 << 16);
        assertEquals(65_535, steps);
        int visited = 0;
        for (int s = 1; s < seen.length; s++)
        {
            visited += seen[s] ? 1 : 0;
        }
        assertEquals(65_535, visited);
        assertEquals(false, seen[0]);
    }

    @Test
    void twoPhaseEdgeReadsOnlyTheCurrentState()
    {
        final Lfsr a = new Lfsr();
        a.eval();
        assertEquals(0xACE1, a.state(), "eval must not change the state");
        a.eval(); // evaluating twice is idempotent: still computed from the current value
        a.commit();
        assertEquals(0x59C3, a.state());
    }

    @Test
    void stuckAtFaultIsAppliedWhereTheRegisterIsWritten()
    {
        final Lfsr lfsr = new Lfsr();
        lfsr.fault(~1, 0);
        lfsr.reset(0xACE1);
        assertEquals(0xACE0, lfsr.state());
        lfsr.fault(-1, 0x8000);
        lfsr.clock();
        assertEquals(0x8000, lfsr.state() & 0x8000);
    }

    @Test
    void tapsOutsideTheWidthOrWithoutTheTopBitAreRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> new Lfsr(8, 0x1FF, 1));
        assertThrows(IllegalArgumentException.class, () -> new Lfsr(8, 0x0F, 1));
        assertThrows(IllegalArgumentException.class, () -> new Lfsr(2, 0x3, 1));
    }
}
