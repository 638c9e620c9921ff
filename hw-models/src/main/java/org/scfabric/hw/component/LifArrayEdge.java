package org.scfabric.hw.component;

import org.scfabric.hw.Bits;
import org.scfabric.hw.lif.LifCore;

/**
 * One clock edge of an array of {@code sc_lif_neuron} cores held in plain {@code long} arrays (not in
 * kernel registers) with noise 0: the arithmetic of {@link LifBankRegisters#edge}, on SIMD lanes when
 * they are there ({@link LifBankRegisters#vectorLanes}) and warmed up ({@link LifLanesWarmUp}), else
 * scalar — the same bits either way (LifArrayEdgeTest). A fault campaign's flat replay of a design steps
 * its faulty copy with it.
 * Allocates nothing.
 */
public final class LifArrayEdge
{
    private static final boolean LANES = LifBankRegisters.vectorLanes() > 0;

    private LifArrayEdge()
    {
    }

    /**
     * One edge of neurons 0..n−1, in place: v (W-bit, read as its low W bits) and rc (unsigned 32)
     * become their next values from the currents {@code base[off + i] + delta[i]} (low W bits used, as
     * at the port; {@code delta} is cleared to 0); the indices of the neurons that fire go into
     * {@code spikes}, ascending. Returns their number. W is 2..32.
     */
    public static int edge(final long[] v, final long[] rc, final long[] base, final int off, final long[] delta,
        final int[] spikes, final int n, final int w, final int f, final int leak, final int gain, final int vRest,
        final int vReset, final int vTh, final int refractory)
    {
        return edge(v, rc, base, off, delta, spikes, n, w, f, leak, gain, vRest, vReset, vTh, refractory,
            LANES && lanesWarm());
    }

    /** Set once {@link LifLanesWarmUp} is done (racy reads only delay the switch by a call). */
    private static boolean warm;

    /**
     * Whether the SIMD path is compiled: scalar until then (the same bits, and far faster than the
     * vector code before C2 has compiled it); the first call starts the warm-up.
     */
    static boolean lanesWarm()
    {
        if (warm)
        {
            return true;
        }
        LifLanesWarmUp.start();
        return warm = LifLanesWarmUp.done();
    }

    static int edge(final long[] v, final long[] rc, final long[] base, final int off, final long[] delta,
        final int[] spikes, final int n, final int w, final int f, final int leak, final int gain, final int vRest,
        final int vReset, final int vTh, final int refractory, final boolean lanes)
    {
        if (w < 2 || w > 32)
        {
            throw new IllegalArgumentException("data width must be 2..32, got " + w);
        }
        final int leakW = Bits.lowSigned(leak, w);
        final int gainW = Bits.lowSigned(gain, w);
        final int vRestW = Bits.lowSigned(vRest, w);
        final int vResetW = Bits.lowSigned(vReset, w);
        if (lanes)
        {
            return LifBankLanes.edgeArrays(v, rc, base, off, delta, spikes, n, w, f, leakW, gainW, vRest, vRestW,
                vResetW, vTh, refractory);
        }
        return scalar(v, rc, base, off, delta, spikes, 0, 0, n, w, f, leakW, gainW, vRest, vRestW, vResetW, vTh,
            refractory);
    }

    /**
     * Neurons from..n−1 of {@link #edge}, one at a time with {@link LifCore#vNext}; spikes go to
     * {@code spikes[count..]}; returns how many were added.
     */
    static int scalar(final long[] v, final long[] rc, final long[] base, final int off, final long[] delta,
        final int[] spikes, final int count, final int from, final int n, final int w, final int f, final int leakW,
        final int gainW, final int vRest, final int vRestW, final int vResetW, final int vTh, final int refractory)
    {
        int c = count;
        for (int i = from; i < n; i++)
        {
            final long r = rc[i];
            final int in = (int)(base[off + i] + delta[i]);
            delta[i] = 0;
            final int next = LifCore.vNext(Bits.lowSigned(v[i], w), leakW, gainW, in, 0, vRest, w, f);
            final boolean resting = r != 0;
            final boolean fires = !resting & next >= vTh;
            v[i] = resting ? vRestW : fires ? vResetW : next;
            rc[i] = resting ? (r - 1) & 0xFFFF_FFFFL : fires ? refractory & 0xFFFF_FFFFL : 0;
            spikes[c] = i;
            c += fires ? 1 : 0;
        }
        return c - count;
    }
}
