package org.scfabric.hw.fabric;

/**
 * A {@link FabricEngine}'s whole state as one flat {@code int[]}, for checkpoints of fault campaigns:
 * every block copies its registers and memories in or out through the same method
 * ({@code state(EngineState)}), so saving and restoring cannot disagree on the layout. The hardware's
 * state comes first; instrumentation that a restored run still needs (the latency origins) follows
 * {@link #mark()}, so comparing two states compares only the hardware.
 */
final class EngineState
{
    private int[] data;
    private int pos;
    private boolean load;
    /** Comparing with {@code data} instead of saving into it (until the mark). */
    private boolean compare;
    private boolean same;

    /** Start copying out into {@code into} (null: only count). */
    void save(final int[] into)
    {
        data = into;
        load = false;
        compare = false;
        pos = 0;
    }

    /** Start comparing with a saved state, up to the mark ({@link #same()} tells the result). */
    void compare(final int[] with)
    {
        data = with;
        load = false;
        compare = true;
        same = true;
        pos = 0;
    }

    /** After a comparison: whether everything before the mark was equal. */
    boolean same()
    {
        return same;
    }

    /** Start copying in from {@code from}. */
    void load(final int[] from)
    {
        data = from;
        load = true;
        compare = false;
        pos = 0;
    }

    /** Ints written or read so far. */
    int position()
    {
        return pos;
    }

    /** Here the hardware's state ends (the rest is instrumentation). */
    void mark()
    {
        if (compare)
        {
            // the rest is not compared: count only
            data = null;
            compare = false;
        }
    }

    int i(final int x)
    {
        if (load)
        {
            return data[pos++];
        }
        if (compare)
        {
            same &= data[pos] == x;
        }
        else if (data != null)
        {
            data[pos] = x;
        }
        pos++;
        return x;
    }

    boolean b(final boolean x)
    {
        return i(x ? 1 : 0) != 0;
    }

    long l(final long x)
    {
        final long hi = i((int)(x >>> 32));
        final long lo = i((int)x);
        return hi << 32 | lo & 0xFFFF_FFFFL;
    }

    void a(final int[] x)
    {
        if (load)
        {
            System.arraycopy(data, pos, x, 0, x.length);
        }
        else if (compare)
        {
            same = same && java.util.Arrays.equals(data, pos, pos + x.length, x, 0, x.length);
        }
        else if (data != null)
        {
            System.arraycopy(x, 0, data, pos, x.length);
        }
        pos += x.length;
    }

    void a(final boolean[] x)
    {
        for (int j = 0; j < x.length; j++)
        {
            x[j] = b(x[j]);
        }
    }

    void a(final long[] x)
    {
        for (int j = 0; j < x.length; j++)
        {
            x[j] = l(x[j]);
        }
    }

    /** An int that is only saved when {@code live} (a dead register compares as 0; restored as read). */
    int live(final int x, final boolean live)
    {
        if (load)
        {
            return data[pos++];
        }
        i(live ? x : 0);
        return x;
    }
}
