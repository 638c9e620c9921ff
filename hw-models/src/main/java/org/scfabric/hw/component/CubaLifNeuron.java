package org.scfabric.hw.component;

import org.scfabric.hw.lif.CubaLifCore;
import org.scfabric.hw.lif.CubaLifParams;
import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * {@code sc_cuba_lif_neuron} on the kernel (docs/spec/hardware.md §7); the pure
 * twin is {@link CubaLifCore}.
 * <ul>
 *   <li>inputs (signed W): {@code k_syn}, {@code k_mem}, {@code w_in}, {@code r_k}, {@code I_t}</li>
 *   <li>registered outputs: {@code spike_out} (1), {@code v_out} and {@code i_out} (W), all reset 0</li>
 *   <li>registers: {@code v} and {@code i} (W, reset 0)</li>
 * </ul>
 * Every edge: {@code i = CubaLifCore.iNext(...)}, then {@code v_next = CubaLifCore.vNext(...)} from the
 * new i; {@code v_next > V_THRESHOLD} (signed, strict) spikes and resets v to V_RESET. Idle (the kernel
 * skips its edges) when the last edge changed nothing and the inputs stay put.
 */
public final class CubaLifNeuron implements ClockedComponent
{
    private final CubaLifParams p;
    private final int w;
    private final int f;
    private final int vLeak;
    private final int vReset;
    private final int vTh;

    private int kSyn;
    private int kMem;
    private int wIn;
    private int rK;
    private int current;
    private int spikeOut;
    private int vOut;
    private int iOut;
    private int v;
    private int i;
    private boolean quiet;

    public CubaLifNeuron(final CubaLifParams params)
    {
        this.p = params;
        this.w = params.dataWidth();
        this.f = params.fraction();
        this.vLeak = params.vLeak();
        this.vReset = params.vReset();
        this.vTh = params.vThreshold();
    }

    @Override
    public void declare(final Declarations d)
    {
        d.input("k_syn", w);
        d.input("k_mem", w);
        d.input("w_in", w);
        d.input("r_k", w);
        d.input("I_t", w);
        d.output("spike_out", 1, 0);
        d.output("v_out", w, 0);
        d.output("i_out", w, 0);
        d.register("v", w, 0);
        d.register("i", w, 0);
    }

    @Override
    public void bind(final Binding b)
    {
        kSyn = b.signal("k_syn");
        kMem = b.signal("k_mem");
        wIn = b.signal("w_in");
        rK = b.signal("r_k");
        current = b.signal("I_t");
        spikeOut = b.signal("spike_out");
        vOut = b.signal("v_out");
        iOut = b.signal("i_out");
        v = b.signal("v");
        i = b.signal("i");
    }

    @Override
    public void edge(final Signals s)
    {
        final int vNow = (int)s.getSigned(v);
        final int iNow = (int)s.getSigned(i);
        final int iNew = CubaLifCore.iNext(iNow, (int)s.get(kSyn), (int)s.get(wIn), (int)s.get(current), w, f);
        final int next = CubaLifCore.vNext(vNow, iNew, (int)s.get(kMem), (int)s.get(rK), vLeak, w, f);
        final int spike = next > vTh ? 1 : 0;
        final int vNew = spike == 1 ? vReset : next;
        s.setNext(i, iNew);
        s.setNext(iOut, iNew);
        s.setNext(v, vNew);
        s.setNext(vOut, vNew);
        s.setNext(spikeOut, spike);
        quiet = iNew == iNow && vNew == vNow && spike == s.get(spikeOut) && vNew == (int)s.getSigned(vOut)
            && iNew == (int)s.getSigned(iOut);
    }

    /** The last edge changed nothing: with the same inputs the next one changes nothing either. */
    @Override
    public boolean idle(final Signals s)
    {
        return quiet;
    }

    public CubaLifParams params()
    {
        return p;
    }
}
