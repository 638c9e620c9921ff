package org.scfabric.bench.brunel;

import java.util.Arrays;

import org.scfabric.sim.BusListener;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.Signals;

/**
 * V1, the reference's {@code StochasticLIFNeuron} loop: one neuron object per neuron, each stepped
 * with its kick, and the recurrent input event-driven: the population listens to its own spikes on
 * the event bus and adds each spiking neuron's row to the next step's input as the spike is
 * published (in ascending neuron order, so the sums are V1's, from 0.0). The float reference
 * neurons of the design notes: fed by the same bus and the same drive registers as the hardware.
 */
final class ObjectLifPopulation extends Population<ObjectLifPopulation.Model> implements BusListener
{
    /** One float64 LIF neuron (delta-PSC kicks, Euler leak, no refractory period). */
    static final class Neuron
    {
        private final FloatLif m;
        double v;

        Neuron(final FloatLif m)
        {
            this.m = m;
            this.v = m.vRest;
        }

        /** v += kick; v += α·(v_rest − v); spike and reset when v >= v_th. */
        boolean step(final double kick)
        {
            final double x = m.leak(v + kick);
            final boolean fired = m.fires(x);
            v = fired ? m.vReset : x;
            return fired;
        }
    }

    private final FloatLif m;
    private final Connectivity c;
    private final Neuron[] neurons;
    private double[] syn;
    private double[] synNext;

    ObjectLifPopulation(final BrunelNetwork net, final RegisterRef drive, final SpikeRaster raster,
        final int population)
    {
        super(drive, raster, population);
        this.m = new FloatLif(net.params());
        this.c = net.connectivity();
        neurons = new Neuron[net.size()];
        for (int i = 0; i < neurons.length; i++)
        {
            neurons[i] = new Neuron(m);
        }
        syn = new double[net.size()];
        synNext = new double[net.size()];
    }

    @Override
    void bindState(final org.scfabric.sim.Binding b)
    {
        b.bus().subscribe(EventBus.SPIKE, this);
    }

    @Override
    public void onEvent(final int type, final long time, final int source, final long value)
    {
        if (source != population())
        {
            return;
        }
        final int i = (int)value;
        final double w = m.weight(i);
        final int[] rs = c.rowStarts();
        final int[] cols = c.targets();
        final double[] next = synNext;
        for (int e = rs[i], end = rs[i + 1]; e < end; e++)
        {
            next[cols[e]] += w;
        }
    }

    @Override
    void update(final Signals s, final int step)
    {
        final double[] t = syn;
        syn = synNext;
        synNext = t;
        Arrays.fill(synNext, 0.0);
        for (int j = 0; j < neurons.length; j++)
        {
            if (neurons[j].step(m.kick(ext[j], syn[j])))
            {
                spike(s, step, j);
            }
        }
    }

    @Override
    Model saveModel()
    {
        final double[] v = new double[neurons.length];
        for (int j = 0; j < v.length; j++)
        {
            v[j] = neurons[j].v;
        }
        return new Model(v, synNext.clone());
    }

    @Override
    void restoreModel(final Model state)
    {
        for (int j = 0; j < neurons.length; j++)
        {
            neurons[j].v = state.v[j];
        }
        System.arraycopy(state.synNext, 0, synNext, 0, synNext.length);
    }

    /** Membranes and the kicks queued for the next step. */
    static final class Model
    {
        private final double[] v;
        private final double[] synNext;

        Model(final double[] v, final double[] synNext)
        {
            this.v = v;
            this.synNext = synNext;
        }

        @Override
        public boolean equals(final Object o)
        {
            return o instanceof Model m && Arrays.equals(v, m.v) && Arrays.equals(synNext, m.synNext);
        }

        @Override
        public int hashCode()
        {
            return 31 * Arrays.hashCode(v) + Arrays.hashCode(synNext);
        }
    }
}
