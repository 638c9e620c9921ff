package org.scfabric.hw.component;

import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.Signals;

/**
 * N {@code sc_lif_neuron}s with one parameter set, for large arrays: the membranes and refractory
 * counters are two register banks, {@code lif[%d].v} (W bits, reset V_REST) and {@code lif[%d].rc}
 * (32 bits, reset 0), so an instance {@code core0} has fault sites {@code core0.lif[3].v[15]}.
 * Inputs (signed W): {@code leak_k}, {@code gain_k}, {@code noise_in} shared by all neurons, and
 * either one current per neuron, {@code I_t[0]} .. {@code I_t[N-1]}, or one shared {@code I_t}.
 * There are no spike_out / v_out registers: each spike is published on the design's
 * {@link EventBus} as ({@link EventBus#SPIKE}, edge time, {@code population}, neuron index), in
 * ascending neuron order, and v_out equals v. Each neuron is exactly {@link LifNeuron} (and
 * {@link LifCore}); the arithmetic is {@link LifCore#vNext}.
 */
public final class LifBank implements ClockedComponent
{
    private final LifParams p;
    private final int n;
    private final int population;
    private final boolean sharedCurrent;
    private final int w;
    private final int f;

    private int leak;
    private int gain;
    private int noise;
    private int[] current;
    private int vBank;
    private int rcBank;
    private int vBase;
    private int rcBase;
    private EventBus bus;
    private boolean quiet;

    /**
     * @param population the {@code source} of this bank's spike events
     * @param sharedCurrent one {@code I_t} input for every neuron (a dense layer core) instead of
     *                      {@code I_t[i]} per neuron
     */
    public LifBank(final LifParams params, final int n, final int population, final boolean sharedCurrent)
    {
        if (n < 1)
        {
            throw new IllegalArgumentException("a LIF bank needs at least one neuron, got " + n);
        }
        this.p = params;
        this.n = n;
        this.population = population;
        this.sharedCurrent = sharedCurrent;
        this.w = params.dataWidth();
        this.f = params.fraction();
    }

    /** Name of neuron i's current input when each neuron has its own. */
    public static String currentPort(final int i)
    {
        return NetlistBuilder.bankRegisterName("I_t", i);
    }

    @Override
    public void declare(final Declarations d)
    {
        d.input("leak_k", w);
        d.input("gain_k", w);
        d.input("noise_in", w);
        if (sharedCurrent)
        {
            d.input("I_t", w);
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                d.input(currentPort(i), w);
            }
        }
        d.registerBank("lif[%d].v", w, n, p.vRest());
        d.registerBank("lif[%d].rc", 32, n, 0);
    }

    @Override
    public void bind(final Binding b)
    {
        leak = b.signal("leak_k");
        gain = b.signal("gain_k");
        noise = b.signal("noise_in");
        current = new int[n];
        for (int i = 0; i < n; i++)
        {
            current[i] = b.signal(sharedCurrent ? "I_t" : currentPort(i));
        }
        vBank = b.bank("lif[%d].v");
        rcBank = b.bank("lif[%d].rc");
        vBase = b.signal("lif[%d].v");
        rcBase = b.signal("lif[%d].rc");
        bus = b.bus();
    }

    @Override
    public void edge(final Signals s)
    {
        s.openBank(vBank);
        s.openBank(rcBank);
        final int lk = (int)s.get(leak);
        final int gn = (int)s.get(gain);
        final int nz = (int)s.get(noise);
        final int vRest = p.vRest();
        final int vReset = p.vReset();
        final int vTh = p.vThreshold();
        final int refractory = p.refractoryPeriod();
        final boolean publish = bus.hasListeners(EventBus.SPIKE);
        boolean unchanged = true;
        for (int i = 0; i < n; i++)
        {
            final int vr = vBase + i;
            final int rr = rcBase + i;
            final long r = s.get(rr);
            final int vNow = (int)s.getSigned(vr);
            final int next = r != 0 ? vRest : LifCore.vNext(vNow, lk, gn, (int)s.get(current[i]), nz, vRest, w, f);
            switch (LifNeuron.outcome(r, next, vTh))
            {
                case LifNeuron.REFRACTORY ->
                {
                    s.putNext(vr, vRest);
                    s.putNext(rr, r - 1);
                    unchanged = false;
                }
                case LifNeuron.FIRE ->
                {
                    s.putNext(vr, vReset);
                    s.putNext(rr, refractory);
                    unchanged = false;
                    if (publish)
                    {
                        bus.publish(EventBus.SPIKE, s.now(), population, i);
                    }
                }
                default ->
                {
                    s.putNext(vr, next);
                    s.putNext(rr, 0);
                    unchanged &= next == vNow && r == 0;
                }
            }
        }
        quiet = unchanged;
    }

    /** The last edge changed no register and fired no spike: with the same inputs, nor will the next. */
    @Override
    public boolean idle(final Signals s)
    {
        return quiet;
    }

    public int size()
    {
        return n;
    }

    public int population()
    {
        return population;
    }

    public LifParams params()
    {
        return p;
    }
}
