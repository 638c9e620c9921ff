package org.scfabric.hw.sc;

import org.scfabric.hw.Bits;

/**
 * Many {@link LfsrEncoderModel}s of one width and tap set, state in flat arrays ({@code lfsr[i]},
 * {@code bit[i]}): the input or weight encoders of a layer. Bit-identical to one LfsrEncoderModel per
 * lane (LfsrEncoderBankTest); no allocation per clock. No fault masks: put a fault on a lane by
 * using an LfsrEncoderModel for it.
 */
public final class LfsrEncoderBank
{
    private final int n;
    private final int mask;
    private final long maskLong;
    private final int taps;
    private final int[] seedInit;
    private final int[] lfsr;
    private final int[] bit;

    /** {@code seeds[i]} is lane i's SEED_INIT (non-zero in the width). */
    public LfsrEncoderBank(final int width, final int taps, final int[] seeds)
    {
        LfsrTaps.checkWidth(width);
        this.n = seeds.length;
        this.mask = Bits.mask(width);
        this.maskLong = mask & 0xFFFF_FFFFL;
        this.taps = taps;
        this.seedInit = new int[n];
        for (int i = 0; i < n; i++)
        {
            if ((seeds[i] & mask) == 0)
            {
                throw new IllegalArgumentException("SEED_INIT 0 locks lane " + i);
            }
            seedInit[i] = seeds[i] & mask;
        }
        this.lfsr = new int[n];
        this.bit = new int[n];
        reset(0);
    }

    /** The reference 16-bit encoders with the input seed plan 0xACE1 + 7i. */
    public static LfsrEncoderBank inputs(final int n)
    {
        final int[] s = new int[n];
        for (int i = 0; i < n; i++)
        {
            s[i] = SeedPlan.input(i);
        }
        return new LfsrEncoderBank(16, LfsrTaps.reference(16), s);
    }

    /** The reference 16-bit encoders with the weight seed plan 0xBEEF + 13i. */
    public static LfsrEncoderBank weights(final int n)
    {
        final int[] s = new int[n];
        for (int i = 0; i < n; i++)
        {
            s[i] = SeedPlan.weight(i);
        }
        return new LfsrEncoderBank(16, LfsrTaps.reference(16), s);
    }

    /** Reset of every lane with one t_index. */
    public void reset(final int tIndex)
    {
        for (int i = 0; i < n; i++)
        {
            lfsr[i] = LfsrEncoderModel.resetSeed(seedInit[i], tIndex, mask);
            bit[i] = 0;
        }
    }

    /** One edge of every lane; lane i compares with {@code x[i]}. */
    public void clock(final int[] x)
    {
        final int m = mask;
        final int t = taps;
        for (int i = 0; i < n; i++)
        {
            final int r = lfsr[i];
            bit[i] = Integer.compareUnsigned(r, x[i] & m) < 0 ? 1 : 0;
            lfsr[i] = ((r << 1) & m) | (Integer.bitCount(r & t) & 1);
        }
    }

    /**
     * 64 edges of every lane with constant inputs: {@code out[i]} bit k is lane i's bit_out after
     * edge k+1 (as {@link LfsrEncoderModel#clock64}).
     */
    public void clock64(final int[] x, final long[] out)
    {
        final int m = mask;
        final int t = taps;
        for (int i = 0; i < n; i++)
        {
            final long xu = x[i] & maskLong;
            int r = lfsr[i];
            long word = 0;
            for (int k = 0; k < 64; k++)
            {
                word |= (((r & 0xFFFF_FFFFL) - xu) >>> 63) << k;
                r = ((r << 1) & m) | (Integer.bitCount(r & t) & 1);
            }
            lfsr[i] = r;
            bit[i] = (int)(word >>> 63);
            out[i] = word;
        }
    }

    /** The bit_out of every lane as a vector, lane i at bit i (lanes 0..63). */
    public long bits()
    {
        long b = 0;
        for (int i = 0; i < Math.min(n, 64); i++)
        {
            b |= (long)bit[i] << i;
        }
        return b;
    }

    public int bitOut(final int i)
    {
        return bit[i];
    }

    public int source(final int i)
    {
        return lfsr[i];
    }

    public int size()
    {
        return n;
    }
}
