package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpikeKeysTest
{
    /** Keys from ints: time x / 16, neuron x % 16. */
    private static long[] keys(final List<Integer> raw)
    {
        return raw.stream().mapToLong(x -> SpikeKeys.key(x / 16, x % 16)).toArray();
    }

    private static void assertSortsLikeArraysSort(final long[] a)
    {
        final long[] expected = a.clone();
        Arrays.sort(expected);
        final long[] got = Arrays.copyOf(a, a.length + 3); // past size: left alone
        got[a.length] = -1;
        SpikeKeys.sort(got, a.length);
        assertArrayEquals(expected, Arrays.copyOf(got, a.length));
        assertEquals(-1, got[a.length]);
    }

    @Test
    void sortGivesWhatArraysSortGivesOnAnyKeys()
    {
        qt().withFixedSeed(5L).withExamples(400).forAll(lists().of(integers().between(0, 16 * 40)).ofSizeBetween(0, 60))
            .checkAssert(raw -> assertSortsLikeArraysSort(keys(raw)));
    }

    @Test
    void sortGivesWhatArraysSortGivesOnKeysInTimeOrderShuffledWithinATime()
    {
        // a replay's order: steps ascending, each step's neurons in any order
        qt().withFixedSeed(6L).withExamples(400).forAll(lists().of(integers().between(0, 16 * 40)).ofSizeBetween(0, 60),
            integers().between(0, Integer.MAX_VALUE)).checkAssert((raw, seed) ->
            {
                final long[] a = keys(raw);
                Arrays.sort(a);
                final java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
                for (int from = 0; from < a.length;)
                {
                    int to = from;
                    while (to < a.length && SpikeKeys.time(a[to]) == SpikeKeys.time(a[from]))
                    {
                        to++;
                    }
                    for (int i = to - 1; i > from; i--)
                    {
                        final int j = from + r.nextInt(i - from + 1);
                        final long x = a[i];
                        a[i] = a[j];
                        a[j] = x;
                    }
                    from = to;
                }
                assertSortsLikeArraysSort(a);
            });
    }
}
