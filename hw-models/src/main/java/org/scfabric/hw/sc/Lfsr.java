package org.scfabric.hw.sc;

import org.scfabric.hw.Bits;

/**
 * Fibonacci LFSR that shifts left and feeds the XOR of its tapped bits into bit 0; twin of
 * {@code rtl/sc_lfsr.v}. The state register has an optional stuck-at fault: every write (reset
 * included) goes through {@code (value & faultAnd) | faultOr}.
 */
public final class Lfsr
{
    public static final int DEFAULT_WIDTH = 16;
    public static final int DEFAULT_SEED = 0xACE1;

    private final int width;
    private final int mask;
    private final int taps;
    private int state;
    private int stateNext;
    private int faultAnd = -1;
    private int faultOr;

    /** The reference 16-bit LFSR, x^16 + x^14 + x^13 + x^11 + 1, seeded with 0xACE1. */
    public Lfsr()
    {
        this(DEFAULT_WIDTH, LfsrTaps.reference(DEFAULT_WIDTH), DEFAULT_SEED);
    }

    public Lfsr(final int width, final int taps, final int seed)
    {
        LfsrTaps.checkWidth(width);
        this.width = width;
        this.mask = Bits.mask(width);
        if ((taps & ~mask) != 0 || (taps & (1 << (width - 1))) == 0)
        {
            throw new IllegalArgumentException("taps must lie in the width and include the top bit");
        }
        this.taps = taps;
        reset(seed);
    }

    /** The next-state function: one shift with feedback. Pure, shared by every LFSR form. */
    public static int next(final int r, final int taps, final int mask)
    {
        return ((r << 1) & mask) | (Integer.bitCount(r & taps) & 1);
    }

    public void reset(final int seed)
    {
        state = write(seed & mask);
    }

    /** Phase 1 of an edge: compute the next state from the current one. */
    public void eval()
    {
        stateNext = next(state, taps, mask);
    }

    /** Phase 2 of an edge: commit. */
    public void commit()
    {
        state = write(stateNext);
    }

    /** One rising edge; returns the new state. */
    public int clock()
    {
        eval();
        commit();
        return state;
    }

    /** Stuck-at masks on the state register: stuck-at-0 clears bits in {@code and}, stuck-at-1 sets bits of {@code or}. */
    public void fault(final int and, final int or)
    {
        faultAnd = and;
        faultOr = or & mask;
    }

    public void clearFault()
    {
        fault(-1, 0);
    }

    private int write(final int value)
    {
        return (value & faultAnd) | faultOr;
    }

    public int state()
    {
        return state;
    }

    public int width()
    {
        return width;
    }

    public int taps()
    {
        return taps;
    }

    public int mask()
    {
        return mask;
    }
}
