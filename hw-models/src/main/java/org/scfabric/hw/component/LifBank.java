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
 * N {@code sc_lif_neuron}s with one parameter set as one kernel component, for large arrays. The
 * state is {@link LifBankRegisters}'s three register banks, {@code lif[%d].v} (W bits,
 * reset V_REST), {@code lif[%d].rc} (32 bits, reset 0) and {@code lif[%d].spike} (spike_out, 1 bit),
 * so an instance {@code core0} has fault sites {@code core0.lif[3].v[15]}; that class also holds the
 * edge (the arithmetic is {@link LifCore#vNext}), shared with the Brunel fixed-point parts.
 * Inputs (signed W): {@code leak_k}, {@code gain_k}, {@code noise_in} shared by all neurons, and
 * either one current per neuron, {@code I_t[0]} .. {@code I_t[N-1]}, or one shared {@code I_t}.
 * Each spike is also published on the design's {@link EventBus} as ({@link EventBus#SPIKE}, edge
 * time, {@code population}, neuron index), in ascending neuron order. v_out equals v. Each neuron is
 * exactly {@link LifNeuron} (and {@link LifCore}).
 */
public final class LifBank implements ClockedComponent
{
    private final LifParams p;
    private final int n;
    private final int population;
    private final boolean sharedCurrent;
    private final int w;
    private final LifBankRegisters bank;
    private final int[] currents;
    private final int[] spikes;

    private int leak;
    private int gain;
    private int noise;
    private int[] current;
    private EventBus bus;

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
        this.bank = new LifBankRegisters(params, n, "lif[%d]");
        this.currents = new int[n];
        this.spikes = new int[n];
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
        bank.declare(d);
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
        bank.bind(b);
        bus = b.bus();
    }

    @Override
    public void edge(final Signals s)
    {
        for (int i = 0; i < n; i++)
        {
            currents[i] = (int)s.get(current[i]);
        }
        final int count = bank.edge(s, currents, (int)s.get(leak), (int)s.get(gain), (int)s.get(noise), spikes);
        if (count > 0 && bus.hasListeners(EventBus.SPIKE))
        {
            for (int k = 0; k < count; k++)
            {
                bus.publish(EventBus.SPIKE, s.now(), population, spikes[k]);
            }
        }
    }

    /** Signal id of neuron i's v register. */
    public int vSignal(final int i)
    {
        return bank.vSignal(i);
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
