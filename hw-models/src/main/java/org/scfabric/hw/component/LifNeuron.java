package org.scfabric.hw.component;

import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * {@code sc_lif_neuron} on the kernel (docs/spec/hardware.md §1); the pure twin is {@link LifCore}.
 * <ul>
 *   <li>inputs (signed W): {@code leak_k}, {@code gain_k}, {@code I_t}, {@code noise_in}</li>
 *   <li>registered outputs: {@code spike_out} (1, reset 0), {@code v_out} (W, reset V_REST)</li>
 *   <li>registers: {@code v} (W, reset V_REST), {@code rc} (32, reset 0)</li>
 * </ul>
 * Every edge: {@code v_next = LifCore.vNext(...)}; refractory ({@code rc != 0}) holds v at V_REST
 * and counts down; otherwise {@code v_next >= V_THRESHOLD} (signed) spikes, resets v to V_RESET and
 * loads rc with REFRACTORY_PERIOD; else v integrates. {@code v_out} is written with {@code v}.
 * Idle (the kernel skips its edges) when the last edge changed nothing and the inputs stay put.
 */
public final class LifNeuron implements ClockedComponent
{
    /** What an edge does, from rc and v_next. */
    static final int REFRACTORY = 0;
    static final int FIRE = 1;
    static final int INTEGRATE = 2;

    private final LifParams p;
    private final int w;
    private final int f;
    private final int vRest;
    private final int vReset;
    private final int vTh;
    private final int refractory;

    private int leak;
    private int gain;
    private int current;
    private int noise;
    private int spikeOut;
    private int vOut;
    private int v;
    private int rc;
    private boolean quiet;

    public LifNeuron(final LifParams params)
    {
        this.p = params;
        this.w = params.dataWidth();
        this.f = params.fraction();
        this.vRest = params.vRest();
        this.vReset = params.vReset();
        this.vTh = params.vThreshold();
        this.refractory = params.refractoryPeriod();
    }

    /** The decision of docs/spec/hardware.md §1: refractory first, then the signed {@code >=} threshold compare. */
    static int outcome(final long rc, final int vNext, final int vThreshold)
    {
        if (rc != 0)
        {
            return REFRACTORY;
        }
        return vNext >= vThreshold ? FIRE : INTEGRATE;
    }

    @Override
    public void declare(final Declarations d)
    {
        d.input("leak_k", w);
        d.input("gain_k", w);
        d.input("I_t", w);
        d.input("noise_in", w);
        d.output("spike_out", 1, 0);
        d.output("v_out", w, vRest);
        d.register("v", w, vRest);
        d.register("rc", 32, 0);
    }

    @Override
    public void bind(final Binding b)
    {
        leak = b.signal("leak_k");
        gain = b.signal("gain_k");
        current = b.signal("I_t");
        noise = b.signal("noise_in");
        spikeOut = b.signal("spike_out");
        vOut = b.signal("v_out");
        v = b.signal("v");
        rc = b.signal("rc");
    }

    @Override
    public void edge(final Signals s)
    {
        final long r = s.get(rc);
        final int vNow = (int)s.getSigned(v);
        final int next = r != 0 ? vRest
            : LifCore.vNext(vNow, (int)s.get(leak), (int)s.get(gain), (int)s.get(current), (int)s.get(noise), vRest, w, f);
        final int vNew;
        final long rcNew;
        final int spike;
        switch (outcome(r, next, vTh))
        {
            case REFRACTORY ->
            {
                vNew = vRest;
                rcNew = r - 1;
                spike = 0;
            }
            case FIRE ->
            {
                vNew = vReset;
                rcNew = refractory;
                spike = 1;
            }
            default ->
            {
                vNew = next;
                rcNew = 0;
                spike = 0;
            }
        }
        s.setNext(v, vNew);
        s.setNext(vOut, vNew);
        s.setNext(rc, rcNew);
        s.setNext(spikeOut, spike);
        quiet = rcNew == r && vNew == vNow && spike == s.get(spikeOut) && vNew == (int)s.getSigned(vOut);
    }

    /** The last edge changed nothing: with the same inputs the next one changes nothing either. */
    @Override
    public boolean idle(final Signals s)
    {
        return quiet;
    }

    public LifParams params()
    {
        return p;
    }
}
