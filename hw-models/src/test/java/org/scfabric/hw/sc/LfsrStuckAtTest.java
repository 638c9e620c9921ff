package org.scfabric.hw.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * What a stuck-at fault on one state bit of the reference 16-bit LFSR does. The faulty register
 * is r' = (next(r) & and) | or; it is no longer a permutation, so every start state runs into a
 * cycle after a tail. Measured by walking every state; the table below is the measurement
 * (documented in docs/components.md), asserted so that a change in the model shows up.
 */
class LfsrStuckAtTest
{
    private static final int TAPS = LfsrTaps.reference(16);

    /** {bit, stuck value, tail from 0xACE1, period from 0xACE1}. */
    private static final int[][] FROM_ACE1 =
    {
        {0, 0, 11, 1}, {0, 1, 15, 1}, {1, 0, 12, 1}, {1, 1, 15, 1}, {2, 0, 13, 1}, {2, 1, 15, 1},
        {3, 0, 14, 1}, {3, 1, 15, 1}, {4, 0, 15, 1}, {4, 1, 12, 1}, {5, 0, 15, 1}, {5, 1, 13, 1},
        {6, 0, 15, 1}, {6, 1, 14, 1}, {7, 0, 13, 1}, {7, 1, 15, 1}, {8, 0, 14, 1}, {8, 1, 15, 1},
        {9, 0, 15, 1}, {9, 1, 13, 1}, {10, 0, 15, 1}, {10, 1, 14, 1},
        {11, 0, 3, 11}, {11, 1, 4, 22}, {12, 0, 4, 11}, {12, 1, 3, 22},
        {13, 0, 1, 1785}, {13, 1, 2, 1785}, {14, 0, 1, 8188}, {14, 1, 0, 8188},
        {15, 0, 1, 2047}, {15, 1, 0, 8188},
    };

    /** Cycle lengths (length=count) over all reachable start states, for bits 11..15. */
    private static final String[][] CYCLES =
    {
        {"11", "{1=2, 11=186}", "{2=1, 22=93}"},
        {"12", "{1=2, 11=186}", "{2=1, 22=93}"},
        {"13", "{1=1, 3=1, 7=1, 21=1, 255=4, 1785=4}", "{1=1, 3=1, 7=1, 21=1, 255=4, 1785=4}"},
        {"14", "{1=2, 2=1, 4=1, 2047=2, 4094=1, 8188=1}", "{4=2, 8188=2}"},
        {"15", "{1=2, 2=1, 4=1, 2047=2, 4094=1, 8188=1}", "{4=2, 8188=2}"},
    };

    private static int step(final Lfsr lfsr)
    {
        return lfsr.clock();
    }

    /** {tail, period} of the faulty LFSR from a seed, walking the model itself. */
    static int[] tailAndPeriod(final int bit, final int stuck, final int seed)
    {
        final Lfsr lfsr = new Lfsr();
        lfsr.fault(stuck == 0 ? ~(1 << bit) : -1, stuck == 1 ? 1 << bit : 0);
        lfsr.reset(seed);
        final int[] firstSeen = new int[1 << 16];
        Arrays.fill(firstSeen, -1);
        int t = 0;
        int r = lfsr.state();
        while (firstSeen[r] < 0)
        {
            firstSeen[r] = t++;
            r = step(lfsr);
        }
        return new int[] {firstSeen[r], t - firstSeen[r]};
    }

    /** Cycle length to number of cycles, over every state the faulty register can hold. */
    static TreeMap<Integer, Integer> cycles(final int bit, final int stuck)
    {
        final int and = stuck == 0 ? ~(1 << bit) : -1;
        final int or = stuck == 1 ? 1 << bit : 0;
        final int[] mark = new int[1 << 16]; // 0 = unseen, else walk id
        final int[] index = new int[1 << 16];
        final TreeMap<Integer, Integer> lengths = new TreeMap<>();
        int walk = 0;
        for (int s = 0; s < 1 << 16; s++)
        {
            if (((s & and) | or) != s || mark[s] != 0)
            {
                continue;
            }
            walk++;
            int r = s;
            int i = 0;
            while (mark[r] == 0)
            {
                mark[r] = walk;
                index[r] = i++;
                r = (Lfsr.next(r, TAPS, 0xFFFF) & and) | or;
            }
            if (mark[r] == walk)
            {
                lengths.merge(i - index[r], 1, Integer::sum);
            }
        }
        return lengths;
    }

    @Test
    void faultFreeLfsrIsOneCycleOfAllNonZeroStates()
    {
        assertEquals(new TreeMap<>(java.util.Map.of(1, 1, 65_535, 1)), cycles(0, -1));
        assertEquals(65_535, tailAndPeriod(0, -1, 0xACE1)[1]);
    }

    @Test
    void stuckBitsInTheLowElevenPositionsLockTheLfsrIntoAFixedStateWithin15Cycles()
    {
        for (final int[] row : FROM_ACE1)
        {
            if (row[0] <= 10)
            {
                final int[] tp = tailAndPeriod(row[0], row[1], 0xACE1);
                assertEquals(row[2], tp[0], "tail, bit " + row[0] + " stuck-at-" + row[1]);
                assertEquals(1, tp[1], "period, bit " + row[0] + " stuck-at-" + row[1]);
                assertEquals("{1=1}", cycles(row[0], row[1]).toString(), "bit " + row[0] + " stuck-at-" + row[1]);
            }
        }
    }

    @Test
    void stuckBitsOnOrAboveTheLowestTapShortenThePeriodButKeepItCycling()
    {
        for (final int[] row : FROM_ACE1)
        {
            if (row[0] >= 11)
            {
                final int[] tp = tailAndPeriod(row[0], row[1], 0xACE1);
                assertEquals(row[2], tp[0], "tail, bit " + row[0] + " stuck-at-" + row[1]);
                assertEquals(row[3], tp[1], "period, bit " + row[0] + " stuck-at-" + row[1]);
            }
        }
        for (final String[] row : CYCLES)
        {
            final int bit = Integer.parseInt(row[0]);
            assertEquals(row[1], cycles(bit, 0).toString(), "cycles, bit " + bit + " stuck-at-0");
            assertEquals(row[2], cycles(bit, 1).toString(), "cycles, bit " + bit + " stuck-at-1");
        }
    }

    @Test
    void stuckAt0OnBit0LocksTheLfsrAtZeroAndStuckAt1AtAllOnes()
    {
        final Lfsr a = new Lfsr();
        a.fault(~1, 0);
        final Lfsr b = new Lfsr();
        b.fault(-1, 1);
        for (int i = 0; i < 16; i++)
        {
            a.clock();
            b.clock();
        }
        assertEquals(0, a.state());
        assertEquals(0xFFFF, b.state());
    }
}
