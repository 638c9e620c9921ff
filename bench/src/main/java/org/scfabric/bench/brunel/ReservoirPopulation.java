package org.scfabric.bench.brunel;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.sim.Signals;
import org.scfabric.random.NumpyGenerator;

/**
 * V16, the reference's {@code SCRecurrentLayer}: a 100-unit reservoir of probabilities, each step
 * {@code state = clip(W_in·x + W_rec·state, 0, 1)} with the input {@code x_i = clip(ext_i / 10, 0, 1)}
 * of drive neurons 0..99 (the reference scales its Poisson counts the same way), W_in ~ U(0, J/V_th)
 * and W_rec ~ U(0, 0.2), drawn row-major (W_in first) from {@code default_rng(seed + 16·2^64)}.
 * Row j of each matrix feeds unit j; its sum runs over i ascending, the input part first, from 0.
 * No spikes: it reports the mean state over units and steps ({@code mean_output_probability}).
 */
final class ReservoirPopulation extends Population<ReservoirPopulation.Model>
{
    static final double W_REC_MAX = 0.2;
    static final double INPUT_SCALE = 10.0;

    private final int units;
    private final double[] wIn;
    private final double[] wRec;
    private final double[] x;
    private double[] state;
    private double[] next;
    private double sum;
    private long samples;

    ReservoirPopulation(final BrunelNetwork net, final int units, final RegisterRef drive, final SpikeRaster raster,
        final int population)
    {
        super(drive, raster, population);
        this.units = units;
        final BrunelParams p = net.params();
        final NumpyGenerator g = net.stream(16);
        wIn = new double[units * units];
        wRec = new double[units * units];
        g.uniform(0.0, p.weightExc() / p.vThreshold(), wIn, 0, wIn.length);
        g.uniform(0.0, W_REC_MAX, wRec, 0, wRec.length);
        x = new double[units];
        state = new double[units];
        next = new double[units];
    }

    @Override
    void update(final Signals s, final int step)
    {
        for (int i = 0; i < units; i++)
        {
            x[i] = Math.min(1.0, Math.max(0.0, ext[i] / INPUT_SCALE));
        }
        for (int j = 0; j < units; j++)
        {
            double a = 0.0;
            final int row = j * units;
            for (int i = 0; i < units; i++)
            {
                a += wIn[row + i] * x[i];
            }
            for (int i = 0; i < units; i++)
            {
                a += wRec[row + i] * state[i];
            }
            next[j] = Math.min(1.0, Math.max(0.0, a));
            sum += next[j];
        }
        samples += units;
        final double[] t = state;
        state = next;
        next = t;
    }

    @Override
    Map<String, Double> extras()
    {
        final Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean_output_probability", samples == 0 ? 0.0 : sum / samples);
        m.put("neurons", (double)units);
        return m;
    }

    @Override
    Model saveModel()
    {
        return new Model(state.clone(), sum, samples);
    }

    @Override
    void restoreModel(final Model st)
    {
        System.arraycopy(st.state, 0, state, 0, units);
        sum = st.sum;
        samples = st.samples;
    }

    /** The units' states and the running mean's sum and count. */
    static final class Model
    {
        private final double[] state;
        private final double sum;
        private final long samples;

        Model(final double[] state, final double sum, final long samples)
        {
            this.state = state;
            this.sum = sum;
            this.samples = samples;
        }

        /** {@code sum} by its bits, as Arrays.equals compares doubles. */
        @Override
        public boolean equals(final Object o)
        {
            return o instanceof Model m && Arrays.equals(state, m.state)
                && Double.doubleToLongBits(sum) == Double.doubleToLongBits(m.sum) && samples == m.samples;
        }

        @Override
        public int hashCode()
        {
            return (31 * Arrays.hashCode(state) + Double.hashCode(sum)) * 31 + Long.hashCode(samples);
        }
    }
}
