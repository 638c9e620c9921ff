package org.scfabric.net.ref;

/**
 * Finding the non-zero values of a mostly-zero array (a population's spikes of one step: a few dozen among
 * thousands), eight values at a time: a block of zeros, +0.0 or -0.0, has no bit set but the signs.
 */
final class SparseScan
{
    private SparseScan()
    {
    }

    /** The first i in [from, to) with y[i] != 0.0, or {@code to} if there is none. */
    static int next(final double[] y, final int from, final int to)
    {
        int i = from;
        for (; i + 8 <= to; i += 8)
        {
            final long any = Double.doubleToRawLongBits(y[i]) | Double.doubleToRawLongBits(y[i + 1])
                | Double.doubleToRawLongBits(y[i + 2]) | Double.doubleToRawLongBits(y[i + 3])
                | Double.doubleToRawLongBits(y[i + 4]) | Double.doubleToRawLongBits(y[i + 5])
                | Double.doubleToRawLongBits(y[i + 6]) | Double.doubleToRawLongBits(y[i + 7]);
            if (any << 1 != 0)
            {
                break;
            }
        }
        for (; i < to; i++)
        {
            if (y[i] != 0.0)
            {
                return i;
            }
        }
        return to;
    }
}
