package org.scfabric.hw.sc;

import org.scfabric.hw.Bits;

/**
 * Counts the ones of a stream of length L; twin of {@code rtl/sc_popcount_acc.v}.
 * <p>
 * Registers: {@code count} (COUNT_WIDTH bits, wraps), {@code left} (bits still to count) and
 * {@code done}. Each edge: if {@code start}: count = 0, left = stream_len (the bit present at the
 * start edge is not counted); else if left != 0: count += bit_in, left -= 1, and done = 1 on the
 * edge that counts the last bit; done is a one-cycle pulse. So a stream of L bits is counted on the
 * L edges after the start edge, and {@code count} is final (and held) when {@code done} is high.
 * L = 0 counts nothing and never pulses done. {@code busy} = (left != 0).
 */
public final class PopcountAccumulatorModel
{
    private final int countWidth;
    private final int countMask;
    private int count;
    private int left;
    private int done;
    private int countNext;
    private int leftNext;
    private int doneNext;

    public PopcountAccumulatorModel(final int countWidth)
    {
        if (countWidth < 1 || countWidth > 32)
        {
            throw new IllegalArgumentException("COUNT_WIDTH must be 1..32, got " + countWidth);
        }
        this.countWidth = countWidth;
        this.countMask = Bits.mask(countWidth);
    }

    public void reset()
    {
        count = 0;
        left = 0;
        done = 0;
    }

    /** Phase 1 of an edge. {@code streamLen} is unsigned 32-bit. */
    public void eval(final boolean start, final int bitIn, final int streamLen)
    {
        doneNext = 0;
        if (start)
        {
            countNext = 0;
            leftNext = streamLen;
        }
        else if (left != 0)
        {
            countNext = (count + (bitIn & 1)) & countMask;
            leftNext = left - 1;
            doneNext = left == 1 ? 1 : 0;
        }
        else
        {
            countNext = count;
            leftNext = left;
        }
    }

    public void commit()
    {
        count = countNext;
        left = leftNext;
        done = doneNext;
    }

    public void clock(final boolean start, final int bitIn, final int streamLen)
    {
        eval(start, bitIn, streamLen);
        commit();
    }

    /**
     * {@code n} edges without start, fed the bits of {@code word} from bit 0 up: the same as n
     * calls of {@code clock(false, bit, 0)}. Requires {@code 1 <= n <= 64}.
     */
    public void accumulate(final long word, final int n)
    {
        if (n < 1 || n > 64)
        {
            throw new IllegalArgumentException("n must be 1..64, got " + n);
        }
        if (left == 0)
        {
            done = 0;
            return;
        }
        final int used = Integer.compareUnsigned(left, n) < 0 ? left : n;
        final long bits = used == 64 ? word : word & ((1L << used) - 1);
        count = (count + Long.bitCount(bits)) & countMask;
        final boolean finishedAtLastEdge = left == used && used == n;
        left -= used;
        done = finishedAtLastEdge ? 1 : 0;
    }

    public int count()
    {
        return count;
    }

    public boolean busy()
    {
        return left != 0;
    }

    public int done()
    {
        return done;
    }

    public int left()
    {
        return left;
    }

    public int countWidth()
    {
        return countWidth;
    }
}
