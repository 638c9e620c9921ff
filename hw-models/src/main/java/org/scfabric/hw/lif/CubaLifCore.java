package org.scfabric.hw.lif;

import org.scfabric.hw.Bits;

/**
 * {@code sc_cuba_lif_neuron} (docs/spec/hardware.md §7), one neuron; twin of
 * {@code rtl/sc_cuba_lif_neuron.v}. State: i and v (signed W), spike_out; i_out and v_out always equal
 * i and v. Every edge, forward Euler in NIR's CubaLIF order (the new i drives v):
 * <pre>
 *   drive  = low_W((I_t * w_in) >> F)
 *   i_next = low_W(i + low_W(((drive - i) * k_syn) >> F))            difference and product exact
 *   ri     = low_W((i_next * r_k) >> F)
 *   v_next = low_W(v + low_W(((V_LEAK - v + ri) * k_mem) >> F))      sum and product exact
 *   i = i_next;  if v_next > V_TH (strict): spike = 1, v = V_RESET  else spike = 0, v = v_next
 * </pre>
 * Shifts are arithmetic; wrap-around as in {@link LifCore}. Inputs are taken as W-bit signed. The
 * registers i, v and spike_out have stuck-at masks applied where they are written.
 */
public final class CubaLifCore
{
    private final CubaLifParams p;
    private final int w;
    private final int f;
    private final int mask;

    private int v;
    private int i;
    private int spike;
    private int vNext;
    private int iNext;
    private int spikeNext;

    private int vAnd = -1;
    private int vOr;
    private int iAnd = -1;
    private int iOr;
    private int spikeAnd = 1;
    private int spikeOr;

    public CubaLifCore(final CubaLifParams params)
    {
        this.p = params;
        this.w = params.dataWidth();
        this.f = params.fraction();
        this.mask = Bits.mask(w);
        reset();
    }

    /** low_W((a * b) >> F) of two W-bit signed values; exact because F + W <= 64 (see {@link CubaLifParams}). */
    static int scale(final long a, final int b, final int w, final int f)
    {
        return Bits.lowSigned((a * Bits.lowSigned(b, w)) >> f, w);
    }

    /** {@code i_next}: the synaptic current after one edge. Pure. */
    public static int iNext(final int i, final int kSyn, final int wIn, final int current, final int w, final int f)
    {
        final int is = Bits.lowSigned(i, w);
        final int drive = scale(Bits.lowSigned(current, w), wIn, w, f);
        return Bits.lowSigned((long)is + scale((long)drive - is, kSyn, w, f), w);
    }

    /** {@code v_next} from v and the new current, before the threshold decision. Pure. */
    public static int vNext(final int v, final int iNew, final int kMem, final int r, final int vLeak, final int w,
        final int f)
    {
        final int vs = Bits.lowSigned(v, w);
        final int ri = scale(Bits.lowSigned(iNew, w), r, w, f);
        return Bits.lowSigned((long)vs + scale((long)vLeak - vs + ri, kMem, w, f), w);
    }

    /** Asynchronous reset: i = v = 0 (NIR's initial state), spike_out = 0. */
    public void reset()
    {
        v = writeV(0);
        i = writeI(0);
        spike = writeSpike(0);
    }

    /** Phase 1 of an edge. */
    public void eval(final int kSyn, final int kMem, final int wIn, final int r, final int current)
    {
        iNext = iNext(i, kSyn, wIn, current, w, f);
        final int next = vNext(v, iNext, kMem, r, p.vLeak(), w, f);
        if (next > p.vThreshold())
        {
            spikeNext = 1;
            vNext = p.vReset();
        }
        else
        {
            spikeNext = 0;
            vNext = next;
        }
    }

    /** Phase 2 of an edge. */
    public void commit()
    {
        v = writeV(vNext);
        i = writeI(iNext);
        spike = writeSpike(spikeNext);
    }

    /** One rising edge; returns spike_out. */
    public int clock(final int kSyn, final int kMem, final int wIn, final int r, final int current)
    {
        eval(kSyn, kMem, wIn, r, current);
        commit();
        return spike;
    }

    private int writeV(final int value)
    {
        return Bits.lowSigned((value & vAnd) | vOr, w);
    }

    private int writeI(final int value)
    {
        return Bits.lowSigned((value & iAnd) | iOr, w);
    }

    private int writeSpike(final int value)
    {
        return (value & spikeAnd) | spikeOr;
    }

    /** Stuck-at masks on the v register (low W bits used). */
    public void vFault(final int and, final int or)
    {
        vAnd = and | ~mask;
        vOr = or & mask;
    }

    /** Stuck-at masks on the i register (low W bits used). */
    public void iFault(final int and, final int or)
    {
        iAnd = and | ~mask;
        iOr = or & mask;
    }

    public void spikeFault(final int and, final int or)
    {
        spikeAnd = and & 1;
        spikeOr = or & 1;
    }

    public void clearFaults()
    {
        vFault(-1, 0);
        iFault(-1, 0);
        spikeFault(1, 0);
    }

    /** Loads v, as a forced register write. */
    public void forceV(final int value)
    {
        v = writeV(value);
    }

    /** Loads i, as a forced register write. */
    public void forceI(final int value)
    {
        i = writeI(value);
    }

    public int v()
    {
        return v;
    }

    /** v_out: registered together with v and always equal to it. */
    public int vOut()
    {
        return v;
    }

    public int i()
    {
        return i;
    }

    /** i_out: registered together with i and always equal to it. */
    public int iOut()
    {
        return i;
    }

    public int spike()
    {
        return spike;
    }

    public CubaLifParams params()
    {
        return p;
    }
}
