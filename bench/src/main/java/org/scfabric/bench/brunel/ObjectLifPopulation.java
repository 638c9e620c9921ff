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
    /** One float64 LIF neuron (delta-PSC kicks, Euler leak; the refractory period is the population's). */
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
    /**
     * The kicks in flight, a ring of delay + 1 rows: row {@code head} is consumed in this step, a spike of
     * this step lands {@code delay} rows on (with the reference's delay of one step: the next row).
     */
    private final double[][] ring;
    private final int delay;
    private int head;
    /** Refractory steps left per neuron (null without a refractory period, the reference's V1). */
    private final int[] rc;
    private final int refractory;

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
        delay = net.params().delaySteps();
        ring = new double[delay + 1][net.size()];
        head = 0;
        refractory = net.params().refractorySteps(0);
        rc = refractory > 0 ? new int[net.size()] : null;
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
        final double[] next = ring[(head + delay) % ring.length];
        for (int e = rs[i], end = rs[i + 1]; e < end; e++)
        {
            next[cols[e]] += w;
        }
    }

    @Override
    void update(final Signals s, final int step)
    {
        head = (head + 1) % ring.length;
        final double[] syn = ring[head];
        for (int j = 0; j < neurons.length; j++)
        {
            if (rc != null && rc[j] > 0)
            {
                // V8's rule: input ignored, v held at v_rest
                rc[j]--;
                neurons[j].v = m.vRest;
                continue;
            }
            if (neurons[j].step(m.kick(ext[j], syn[j])))
            {
                if (rc != null)
                {
                    rc[j] = refractory;
                }
                spike(s, step, j);
            }
        }
        Arrays.fill(syn, 0.0);
    }

    @Override
    Model saveModel()
    {
        final double[] v = new double[neurons.length];
        for (int j = 0; j < v.length; j++)
        {
            v[j] = neurons[j].v;
        }
        final int n = neurons.length;
        final double[] r = new double[ring.length * n];
        for (int k = 0; k < ring.length; k++)
        {
            System.arraycopy(ring[(head + k) % ring.length], 0, r, k * n, n);
        }
        return new Model(v, r, rc == null ? new int[0] : rc.clone());
    }

    @Override
    void restoreModel(final Model state)
    {
        for (int j = 0; j < neurons.length; j++)
        {
            neurons[j].v = state.v[j];
        }
        head = 0;
        for (int k = 0; k < ring.length; k++)
        {
            System.arraycopy(state.ring, k * neurons.length, ring[k], 0, neurons.length);
        }
        if (rc != null)
        {
            System.arraycopy(state.rc, 0, rc, 0, rc.length);
        }
    }

    /** Membranes, the kicks in flight (from the row consumed last on) and refractory counters. */
    static final class Model
    {
        private final double[] v;
        /** The rows of the ring, oldest (the one consumed last) first, one after another. */
        private final double[] ring;
        private final int[] rc;

        Model(final double[] v, final double[] ring, final int[] rc)
        {
            this.v = v;
            this.ring = ring;
            this.rc = rc;
        }

        @Override
        public boolean equals(final Object o)
        {
            return o instanceof Model m && Arrays.equals(v, m.v) && Arrays.equals(ring, m.ring)
                && Arrays.equals(rc, m.rc);
        }

        @Override
        public int hashCode()
        {
            return 31 * (31 * Arrays.hashCode(v) + Arrays.hashCode(ring)) + Arrays.hashCode(rc);
        }
    }
}
