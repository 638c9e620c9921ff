package org.scfabric.hw.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class PopcountAccumulatorTest
{
    @Test
    void countsTheLBitsAfterTheStartEdgeAndPulsesDoneWithTheLast()
    {
        final PopcountAccumulatorModel acc = new PopcountAccumulatorModel(16);
        acc.reset();
        acc.clock(true, 1, 4); // the bit at the start edge is not counted
        assertTrue(acc.busy());
        assertEquals(0, acc.count());
        final int[] bits = {1, 0, 1, 1};
        for (int i = 0; i < bits.length; i++)
        {
            acc.clock(false, bits[i], 99);
            assertEquals(i == bits.length - 1 ? 1 : 0, acc.done(), "edge " + i);
        }
        assertEquals(3, acc.count());
        assertFalse(acc.busy());
        acc.clock(false, 1, 0); // held after the run, done was a single pulse
        assertEquals(3, acc.count());
        assertEquals(0, acc.done());
    }

    @Test
    void startWhileBusyRestartsTheCount()
    {
        final PopcountAccumulatorModel acc = new PopcountAccumulatorModel(8);
        acc.clock(true, 0, 10);
        acc.clock(false, 1, 0);
        acc.clock(false, 1, 0);
        acc.clock(true, 1, 2);
        assertEquals(0, acc.count());
        assertEquals(2, acc.left());
    }

    @Test
    void zeroLengthCountsNothingAndNeverPulsesDone()
    {
        final PopcountAccumulatorModel acc = new PopcountAccumulatorModel(8);
        acc.clock(true, 1, 0);
        acc.clock(false, 1, 0);
        assertEquals(0, acc.count());
        assertEquals(0, acc.done());
    }

    @Test
    void countWrapsAtItsWidth()
    {
        final PopcountAccumulatorModel acc = new PopcountAccumulatorModel(2);
        acc.clock(true, 0, 5);
        for (int i = 0; i < 5; i++)
        {
            acc.clock(false, 1, 0);
        }
        assertEquals(5 & 3, acc.count());
    }

    @Test
    void wordAccumulateEqualsTheCyclePath()
    {
        qt().withFixedSeed(0x5CFAB0CL).withExamples(300)
            .forAll(integers().between(0, 200), longs().all(), integers().between(1, 64), integers().between(1, 16))
            .checkAssert((len, word, n, width) ->
            {
                final PopcountAccumulatorModel fast = new PopcountAccumulatorModel(width);
                final PopcountAccumulatorModel slow = new PopcountAccumulatorModel(width);
                fast.clock(true, 0, len);
                slow.clock(true, 0, len);
                for (int round = 0; round < 5; round++)
                {
                    final long bits = Long.rotateLeft(word, 13 * round);
                    for (int i = 0; i < n; i++)
                    {
                        slow.clock(false, (int)(bits >>> i) & 1, 0);
                    }
                    fast.accumulate(bits, n);
                    assertEquals(slow.count(), fast.count());
                    assertEquals(slow.left(), fast.left());
                    assertEquals(slow.done(), fast.done(), "len " + len + " n " + n + " round " + round);
                }
            });
    }
}
