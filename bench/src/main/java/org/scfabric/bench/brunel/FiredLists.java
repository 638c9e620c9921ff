package org.scfabric.bench.brunel;

import java.util.Arrays;

/**
 * The neurons that fired in the step before ({@link #prev}, whose rows this step's synapses read)
 * and those firing in this one ({@link #cur}, ascending): two lists of N swapped when a step ends,
 * the first one saved with a kernel snapshot. Shared by the float populations.
 */
final class FiredLists
{
    int[] prev;
    int prevCount;
    int[] cur;

    FiredLists(final int n)
    {
        prev = new int[n];
        cur = new int[n];
    }

    /** Ends a step in which {@code cur[0..count)} fired: they become {@link #prev}. */
    void swap(final int count)
    {
        final int[] t = prev;
        prev = cur;
        cur = t;
        prevCount = count;
    }

    /** A copy of the previous step's list, for a snapshot. */
    int[] savePrev()
    {
        return Arrays.copyOf(prev, prevCount);
    }

    void restorePrev(final int[] p)
    {
        System.arraycopy(p, 0, prev, 0, p.length);
        prevCount = p.length;
    }
}
