package org.scfabric.bench.brunel;

import java.util.Arrays;

import org.scfabric.sim.Signals;

/**
 * V5, the reference's {@code SCIzhikevichNeuron}: regular spiking (a 0.02, b 0.2, c −65, d 8) at
 * dt = 0.25 ms, so 4000 steps per simulated second, each one input current
 * {@code I = 5 + ext·W_ext + syn} (a tonic 5 keeps the neuron near threshold; weights are the LIF's
 * times 10 / J, so 10 per excitatory and −50 per inhibitory spike) and two half-steps of Euler:
 * <pre>
 *   v += (dt/2)·(0.04·v² + 5·v + 140 − u + I)      twice
 *   u += dt·a·(b·v − u)
 *   v >= 30: spike, v = c, u += d
 * </pre>
 * starting from v = c, u = b·c. Its drive is its own: poisson(λ·2.5) per 0.25 ms step from the
 * same generator position (where the reference's V5 draws it).
 */
final class IzhikevichPopulation extends Population<IzhikevichPopulation.Model>
{
    static final double A = 0.02;
    static final double B = 0.2;
    static final double C = -65.0;
    static final double D = 8.0;
    static final double V_PEAK = 30.0;
    static final double BIAS = 5.0;

    private final Connectivity c;
    private final int nExc;
    private final double wExc;
    private final double wInh;
    private final double wExt;
    private final double h;
    private final double dt;
    private final double[] v;
    private final double[] u;
    private final double[] syn;
    private final FiredLists fired;

    IzhikevichPopulation(final BrunelNetwork net, final RegisterRef drive, final SpikeRaster raster,
        final int population)
    {
        super(drive, raster, population);
        final BrunelParams p = net.params();
        final double scale = BrunelTranslator.izhikevichScale(p);
        c = net.connectivity();
        nExc = p.nExc();
        wExc = p.weightExc() * scale;
        wInh = wExc * -p.g();
        wExt = p.weightExc() * scale;
        dt = BrunelTranslator.IZH_DT;
        h = dt / 2;
        final int n = net.size();
        v = new double[n];
        u = new double[n];
        Arrays.fill(v, C);
        Arrays.fill(u, B * C);
        syn = new double[n];
        fired = new FiredLists(n);
    }

    @Override
    void update(final Signals s, final int step)
    {
        c.scatter(fired.prev, fired.prevCount, nExc, wExc, wInh, syn);
        final int[] cur = fired.cur;
        int count = 0;
        for (int j = 0; j < v.length; j++)
        {
            final double current = BIAS + ext[j] * wExt + syn[j];
            double x = v[j];
            final double uj = u[j];
            x += h * (0.04 * x * x + 5 * x + 140 - uj + current);
            x += h * (0.04 * x * x + 5 * x + 140 - uj + current);
            double un = uj + dt * (A * (B * x - uj));
            if (x >= V_PEAK)
            {
                x = C;
                un += D;
                cur[count++] = j;
            }
            v[j] = x;
            u[j] = un;
        }
        publish(s, step, cur, count);
        fired.swap(count);
    }

    @Override
    Model saveModel()
    {
        return new Model(v.clone(), u.clone(), fired.savePrev());
    }

    @Override
    void restoreModel(final Model state)
    {
        System.arraycopy(state.v, 0, v, 0, v.length);
        System.arraycopy(state.u, 0, u, 0, u.length);
        fired.restorePrev(state.prev);
    }

    /** Membranes, recovery variables and last step's spikes. */
    static final class Model
    {
        private final double[] v;
        private final double[] u;
        private final int[] prev;

        Model(final double[] v, final double[] u, final int[] prev)
        {
            this.v = v;
            this.u = u;
            this.prev = prev;
        }

        @Override
        public boolean equals(final Object o)
        {
            return o instanceof Model m && Arrays.equals(v, m.v) && Arrays.equals(u, m.u) && Arrays.equals(prev, m.prev);
        }

        @Override
        public int hashCode()
        {
            return (31 * Arrays.hashCode(v) + Arrays.hashCode(u)) * 31 + Arrays.hashCode(prev);
        }
    }
}
