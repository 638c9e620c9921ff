package org.scfabric.hw.lif;

import org.scfabric.hw.Bits;

/**
 * {@code sc_lif_neuron} (docs/spec/hardware.md §1), one neuron; twin of {@code rtl/sc_lif_neuron.v}.
 * State: v (signed W), rc (unsigned 32), spike_out; v_out always equals v. Every edge:
 * <pre>
 *   dv_leak = low_W(((V_REST - v) * leak_k) >> F)      difference and product exact, shift arithmetic
 *   dv_in   = low_W((I_t * gain_k) >> F)
 *   v_next  = low_W(v + dv_leak + dv_in + noise_in)
 *   if rc != 0:            rc -= 1; spike = 0; v = V_REST
 *   elif v_next >= V_TH:   spike = 1; v = V_RESET; rc = REFRACTORY_PERIOD
 *   else:                  spike = 0; v = v_next
 * </pre>
 * Inputs are taken as W-bit signed (their low W bits), as at the module's ports. The registers
 * v, rc and spike_out have stuck-at masks applied where they are written.
 */
public final class LifCore
{
    private final LifParams p;
    private final int w;
    private final int f;
    private final int vMask;

    private int v;
    private int rc;
    private int spike;
    private int vNext;
    private int rcNext;
    private int spikeNext;

    private int vAnd = -1;
    private int vOr;
    private int rcAnd = -1;
    private int rcOr;
    private int spikeAnd = 1;
    private int spikeOr;

    public LifCore(final LifParams params)
    {
        this.p = params;
        this.w = params.dataWidth();
        this.f = params.fraction();
        this.vMask = Bits.mask(w);
        reset();
    }

    /** {@code v_next} of docs/spec/hardware.md §1, before the refractory / threshold decision. Pure. */
    public static int vNext(final int v, final int leak, final int gain, final int current, final int noise,
        final int vRest, final int w, final int f)
    {
        final long diff = (long)vRest - Bits.lowSigned(v, w);
        final int dvLeak = Bits.lowSigned((diff * Bits.lowSigned(leak, w)) >> f, w);
        final int dvIn = Bits.lowSigned(((long)Bits.lowSigned(current, w) * Bits.lowSigned(gain, w)) >> f, w);
        return Bits.lowSigned((long)v + dvLeak + dvIn + Bits.lowSigned(noise, w), w);
    }

    /** Asynchronous reset: v = v_out = V_REST, spike_out = 0, rc = 0. */
    public void reset()
    {
        v = writeV(p.vRest());
        rc = writeRc(0);
        spike = writeSpike(0);
    }

    /** Phase 1 of an edge. */
    public void eval(final int leak, final int gain, final int current, final int noise)
    {
        if (rc != 0)
        {
            rcNext = rc - 1;
            spikeNext = 0;
            vNext = p.vRest();
            return;
        }
        final int next = vNext(v, leak, gain, current, noise, p.vRest(), w, f);
        if (next >= p.vThreshold())
        {
            spikeNext = 1;
            vNext = p.vReset();
            rcNext = p.refractoryPeriod();
        }
        else
        {
            spikeNext = 0;
            vNext = next;
            rcNext = 0;
        }
    }

    /** Phase 2 of an edge. */
    public void commit()
    {
        v = writeV(vNext);
        rc = writeRc(rcNext);
        spike = writeSpike(spikeNext);
    }

    /** One rising edge; returns spike_out. */
    public int clock(final int leak, final int gain, final int current, final int noise)
    {
        eval(leak, gain, current, noise);
        commit();
        return spike;
    }

    private int writeV(final int value)
    {
        return Bits.lowSigned((value & vAnd) | vOr, w);
    }

    private int writeRc(final int value)
    {
        return (value & rcAnd) | rcOr;
    }

    private int writeSpike(final int value)
    {
        return (value & spikeAnd) | spikeOr;
    }

    /** Stuck-at masks on the v register (low W bits used). */
    public void vFault(final int and, final int or)
    {
        vAnd = and | ~vMask;
        vOr = or & vMask;
    }

    public void rcFault(final int and, final int or)
    {
        rcAnd = and;
        rcOr = or;
    }

    public void spikeFault(final int and, final int or)
    {
        spikeAnd = and & 1;
        spikeOr = or & 1;
    }

    public void clearFaults()
    {
        vFault(-1, 0);
        rcFault(-1, 0);
        spikeFault(1, 0);
    }

    /** Loads v (e.g. to start a trace from a given membrane value), as a forced register write. */
    public void forceV(final int value)
    {
        v = writeV(value);
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

    public int spike()
    {
        return spike;
    }

    public int rc()
    {
        return rc;
    }

    public LifParams params()
    {
        return p;
    }
}
