package org.scfabric.sim.fault;

import java.util.Arrays;

/**
 * The sites of a fault space, ascending, grouped into targets (the selected bits of one signal or of
 * one memory word, lowest bit first): the index arithmetic behind {@link FaultSpace}.
 */
final class SiteSelection
{
    private final long[] selected;   // selected site numbers, ascending
    private final int[] targetStart; // start of each target in selected, plus one past the end

    private SiteSelection(final long[] selected, final int[] targetStart)
    {
        this.selected = selected;
        this.targetStart = targetStart;
    }

    /** The sites matching {@code globs} (one glob, or several separated by commas: their union). */
    static SiteSelection of(final FaultSites sites, final String globs)
    {
        if (globs == null || globs.isBlank())
        {
            throw new IllegalArgumentException("empty site glob (use e.g. 'lif[*].v[*]' or '*')");
        }
        long[] all = new long[0];
        for (final String part : globs.split(",", -1))
        {
            final String g = part.trim();
            if (g.isEmpty())
            {
                throw new IllegalArgumentException("site globs '" + globs + "' hold an empty glob (separate globs "
                    + "with single commas)");
            }
            final long[] one;
            try
            {
                one = sites.select(g);
            }
            catch (final IllegalArgumentException e)
            {
                throw new IllegalArgumentException(FaultDescriptions.noMatch(sites, g, e.getMessage()));
            }
            all = union(all, one);
        }
        return new SiteSelection(all, targets(sites, all));
    }

    /** Explicitly chosen site numbers (ascending or not, duplicates removed). */
    static SiteSelection ofSites(final FaultSites sites, final long... siteNumbers)
    {
        if (siteNumbers.length == 0)
        {
            throw new IllegalArgumentException("a fault space needs at least one site");
        }
        final long[] s = Arrays.stream(siteNumbers).sorted().distinct().toArray();
        for (final long site : s)
        {
            if (site < 0 || site >= sites.size())
            {
                throw new IllegalArgumentException("fault site " + site + " is out of range 0.." + (sites.size() - 1));
            }
        }
        return new SiteSelection(s, targets(sites, s));
    }

    int size()
    {
        return selected.length;
    }

    long site(final int position)
    {
        return selected[position];
    }

    long[] sites()
    {
        return selected.clone();
    }

    /** The position of a site in the selection, negative if it is not selected. */
    int position(final long site)
    {
        return Arrays.binarySearch(selected, site);
    }

    int targetCount()
    {
        return targetStart.length - 1;
    }

    int bitCount(final int target)
    {
        return targetStart[target + 1] - targetStart[target];
    }

    /** The site of bit {@code bit} (0 ≤ bit &lt; bitCount) of a target. */
    long site(final int target, final int bit)
    {
        return selected[targetStart[target] + bit];
    }

    /** The target holding position {@code pos}. */
    int targetAt(final int pos)
    {
        int lo = 0;
        int hi = targetStart.length - 2;
        while (lo < hi)
        {
            final int mid = (lo + hi + 1) >>> 1;
            if (targetStart[mid] <= pos)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The bit within its target of position {@code pos}. */
    int bitAt(final int pos)
    {
        return pos - targetStart[targetAt(pos)];
    }

    private static long[] union(final long[] a, final long[] b)
    {
        final long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length)
        {
            final long v;
            if (j >= b.length || (i < a.length && a[i] < b[j]))
            {
                v = a[i++];
            }
            else if (i >= a.length || b[j] < a[i])
            {
                v = b[j++];
            }
            else
            {
                v = a[i++];
                j++;
            }
            out[n++] = v;
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] targets(final FaultSites sites, final long[] selected)
    {
        final int[] start = new int[selected.length + 1];
        int n = 0;
        long prevKey = Long.MIN_VALUE;
        for (int i = 0; i < selected.length; i++)
        {
            final long s = selected[i];
            // a target is one signal, or one word of one memory
            final long key = sites.isMemory(s) ? ((long)sites.target(s) << 32 | sites.word(s)) + (1L << 62)
                : sites.target(s);
            if (key != prevKey)
            {
                start[n++] = i;
                prevKey = key;
            }
        }
        start[n] = selected.length;
        return Arrays.copyOf(start, n + 1);
    }
}
