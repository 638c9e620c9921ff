package org.scfabric.hw.component;

/**
 * A popcount register over a bitstream window, cycle by cycle, for when a fault has been announced
 * on it ({@link CycleFaults}): cleared at the edge before the window, then incremented at each of
 * the window's edges by that cycle's number of AND outputs that are 1, every write masked as the
 * hardware register's would be. (Without a fault the count is just the AND-popcount of the window.)
 */
public final class WindowCount
{
    private WindowCount()
    {
    }

    /** perCycle[c] += bit c of (a AND b), c = 0 .. len − 1. */
    public static void addAnd(final long[] a, final long[] b, final int len, final long[] perCycle)
    {
        for (int c = 0; c < len; c++)
        {
            perCycle[c] += (a[c >>> 6] & b[c >>> 6]) >>> c & 1;
        }
    }

    /** The register's value after the window of edges first .. last (mask = its width's ones). */
    public static long stepped(final CycleFaults f, final int sig, final long mask, final long first, final long last,
        final long[] perCycle)
    {
        long c = f.strike(sig, f.write(sig, 0, first - 1), first - 1) & mask;
        for (long e = first; e <= last; e++)
        {
            c = f.write(sig, (c + perCycle[(int)(e - first)]) & mask, e) & mask;
            if (e < last)
            {
                c = f.strike(sig, c, e) & mask;
            }
        }
        return c;
    }
}
