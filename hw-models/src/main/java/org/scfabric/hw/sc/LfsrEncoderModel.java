package org.scfabric.hw.sc;

import org.scfabric.hw.Bits;

/**
 * {@code sc_bitstream_encoder}: an LFSR and an unsigned comparator with a registered output
 * (docs/spec/hardware.md §2); twin of {@code rtl/sc_bitstream_encoder.v}. Each edge, together:
 * {@code bit_out <= (lfsr < x)} on the state before the shift, and {@code lfsr <= next(lfsr)}.
 * Reset: {@code lfsr = SEED_INIT ^ t_index[W-1:0]}, or SEED_INIT when that is 0; bit_out = 0.
 */
public final class LfsrEncoderModel implements BitstreamEncoder
{
    private final int width;
    private final int mask;
    private final long maskLong;
    private final int taps;
    private final int seedInit;

    private int lfsr;
    private int bitOut;
    private int lfsrNext;
    private int bitNext;

    private int lfsrAnd = -1;
    private int lfsrOr;
    private int bitAnd = 1;
    private int bitOr;

    /** The reference 16-bit encoder with the given SEED_INIT. */
    public LfsrEncoderModel(final int seedInit)
    {
        this(Lfsr.DEFAULT_WIDTH, LfsrTaps.reference(Lfsr.DEFAULT_WIDTH), seedInit);
    }

    public LfsrEncoderModel(final int width, final int taps, final int seedInit)
    {
        LfsrTaps.checkWidth(width);
        this.width = width;
        this.mask = Bits.mask(width);
        this.maskLong = mask & 0xFFFF_FFFFL;
        this.taps = taps;
        if ((seedInit & mask) == 0)
        {
            throw new IllegalArgumentException("SEED_INIT 0 locks the LFSR");
        }
        this.seedInit = seedInit & mask;
        reset(0);
    }

    /** Reset value of the LFSR for a t_index. */
    public static int resetSeed(final int seedInit, final int tIndex, final int mask)
    {
        final int s = (seedInit ^ tIndex) & mask;
        return s == 0 ? seedInit & mask : s;
    }

    @Override
    public void reset(final int tIndex)
    {
        lfsr = (resetSeed(seedInit, tIndex, mask) & lfsrAnd) | lfsrOr;
        bitOut = bitOr;
    }

    @Override
    public void eval(final int x)
    {
        bitNext = Integer.compareUnsigned(lfsr, x & mask) < 0 ? 1 : 0;
        lfsrNext = Lfsr.next(lfsr, taps, mask);
    }

    @Override
    public void commit()
    {
        lfsr = (lfsrNext & lfsrAnd) | lfsrOr;
        bitOut = (bitNext & bitAnd) | bitOr;
    }

    @Override
    public long clock64(final int x)
    {
        if (lfsrAnd != -1 || lfsrOr != 0 || bitAnd != 1 || bitOr != 0)
        {
            long word = 0;
            for (int i = 0; i < 64; i++)
            {
                word |= (long)clock(x) << i;
            }
            return word;
        }
        // the comparator as a borrow: (r - x) is negative exactly when r < x (both below 2^32)
        final long xu = x & maskLong;
        final int t = taps;
        final int m = mask;
        int r = lfsr;
        long word = 0;
        for (int i = 0; i < 64; i++)
        {
            word |= (((r & 0xFFFF_FFFFL) - xu) >>> 63) << i;
            r = ((r << 1) & m) | (Integer.bitCount(r & t) & 1);
        }
        lfsr = r;
        bitOut = (int)(word >>> 63);
        return word;
    }

    /** Stuck-at masks on the LFSR state register. */
    public void lfsrFault(final int and, final int or)
    {
        lfsrAnd = and;
        lfsrOr = or & mask;
    }

    @Override
    public void bitFault(final int and, final int or)
    {
        bitAnd = and & 1;
        bitOr = or & 1;
    }

    public void clearFaults()
    {
        lfsrFault(-1, 0);
        bitFault(1, 0);
    }

    @Override
    public int bitOut()
    {
        return bitOut;
    }

    @Override
    public int source()
    {
        return lfsr;
    }

    @Override
    public int width()
    {
        return width;
    }

    public int taps()
    {
        return taps;
    }

    public int seedInit()
    {
        return seedInit;
    }
}
