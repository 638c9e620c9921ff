package org.scfabric.hw.sc;

import org.scfabric.hw.Bits;

/**
 * Many LFSR + comparator encoders stepped together, bit-sliced: lane i of a group of 64 lives in bit
 * i of every word, so state bit j of 64 lanes is one {@code long} (a bit-plane). One clock of 64
 * lanes is then a handful of word operations: the shift is a rotation of plane indices, the
 * feedback an XOR of the tap planes, and {@code r < x} a bit-sliced unsigned comparator from the
 * top bit down. Its output is what a layer's popcount wants each cycle: the {@code bit_out} of all
 * lanes side by side. Bit-identical, lane for lane and cycle for cycle, to one {@link LfsrEncoderModel}
 * per lane (BitSlicedEncoderBankTest). No allocation per clock.
 */
public final class BitSlicedEncoderBank
{
    private final int width;
    private final int lanes;
    private final int groups;
    private final int mask;
    private final int[] tapBits;
    private final int[] seedInit;
    private final long[] state; // group g, physical plane p at [g * width + p]
    private final long[] x;     // group g, bit j of x at [g * width + j]
    private final long[] laneMask;
    private int base;           // physical plane holding logical state bit 0

    /** {@code seeds[i]} is lane i's SEED_INIT (non-zero in the width). */
    public BitSlicedEncoderBank(final int width, final int taps, final int[] seeds)
    {
        LfsrTaps.checkWidth(width);
        this.width = width;
        this.lanes = seeds.length;
        this.groups = (lanes + 63) >>> 6;
        this.mask = Bits.mask(width);
        this.tapBits = new int[Integer.bitCount(taps & mask)];
        for (int b = 0, k = 0; b < width; b++)
        {
            if (((taps >>> b) & 1) != 0)
            {
                tapBits[k++] = b;
            }
        }
        this.seedInit = new int[lanes];
        for (int i = 0; i < lanes; i++)
        {
            if ((seeds[i] & mask) == 0)
            {
                throw new IllegalArgumentException("SEED_INIT 0 locks lane " + i);
            }
            seedInit[i] = seeds[i] & mask;
        }
        state = new long[groups * width];
        x = new long[groups * width];
        laneMask = new long[groups];
        for (int g = 0; g < groups; g++)
        {
            final int n = Math.min(64, lanes - 64 * g);
            laneMask[g] = n == 64 ? -1L : (1L << n) - 1;
        }
        reset(0);
    }

    /** The input encoders of a layer: the reference's 16-bit LFSR and seed plan 0xACE1 + 7i. */
    public static BitSlicedEncoderBank inputs(final int n)
    {
        final int[] seeds = new int[n];
        for (int i = 0; i < n; i++)
        {
            seeds[i] = SeedPlan.input(i);
        }
        return new BitSlicedEncoderBank(16, LfsrTaps.reference(16), seeds);
    }

    /** The weight encoders of a layer: seed plan 0xBEEF + 13i. */
    public static BitSlicedEncoderBank weights(final int n)
    {
        final int[] seeds = new int[n];
        for (int i = 0; i < n; i++)
        {
            seeds[i] = SeedPlan.weight(i);
        }
        return new BitSlicedEncoderBank(16, LfsrTaps.reference(16), seeds);
    }

    /** Reset every lane: lfsr = SEED_INIT ^ t_index (SEED_INIT where that is 0), as the encoder does. */
    public void reset(final int tIndex)
    {
        base = 0;
        java.util.Arrays.fill(state, 0L);
        for (int i = 0; i < lanes; i++)
        {
            final int r = LfsrEncoderModel.resetSeed(seedInit[i], tIndex, mask);
            final int off = (i >>> 6) * width;
            for (int j = 0; j < width; j++)
            {
                state[off + j] |= (long)((r >>> j) & 1) << (i & 63);
            }
        }
    }

    /** Set every lane's x_value (unsigned, the width's bits). */
    public void load(final int[] values)
    {
        java.util.Arrays.fill(x, 0L);
        for (int i = 0; i < lanes; i++)
        {
            final int v = values[i] & mask;
            final int off = (i >>> 6) * width;
            for (int j = 0; j < width; j++)
            {
                x[off + j] |= (long)((v >>> j) & 1) << (i & 63);
            }
        }
    }

    /**
     * One edge of every lane: {@code out[g]} gets the new {@code bit_out} of lanes 64g..64g+63
     * ({@code lfsr < x}, on the state before the shift), then every LFSR shifts.
     */
    public void clock(final long[] out)
    {
        final int w = width;
        final int b = base;
        final long[] s = state;
        final long[] xv = x;
        final int newBase = b == 0 ? w - 1 : b - 1;
        for (int g = 0, off = 0; g < groups; g++, off += w)
        {
            long lt = 0;
            long eq = -1L;
            for (int j = w - 1; j >= 0; j--)
            {
                int p = b + j;
                if (p >= w)
                {
                    p -= w;
                }
                final long r = s[off + p];
                final long xj = xv[off + j];
                lt |= eq & ~r & xj;
                eq &= ~(r ^ xj);
            }
            out[g] = lt & laneMask[g];
            long fb = 0;
            for (final int t : tapBits)
            {
                int p = b + t;
                if (p >= w)
                {
                    p -= w;
                }
                fb ^= s[off + p];
            }
            // the plane that held bit W-1 (shifted out) now holds the new bit 0
            s[off + newBase] = fb & laneMask[g];
        }
        base = newBase;
    }

    /** The current LFSR state of one lane. */
    public int source(final int lane)
    {
        final int off = (lane >>> 6) * width;
        int r = 0;
        for (int j = 0; j < width; j++)
        {
            int p = base + j;
            if (p >= width)
            {
                p -= width;
            }
            r |= (int)((state[off + p] >>> (lane & 63)) & 1) << j;
        }
        return r;
    }

    public int lanes()
    {
        return lanes;
    }

    /** Words per clock: one per 64 lanes. */
    public int groups()
    {
        return groups;
    }
}
