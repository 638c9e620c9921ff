package org.scfabric.bench.brunel;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.scfabric.sim.Signals;
import org.scfabric.random.NumpyGenerator;
import org.scfabric.random.Pcg64;

/**
 * V12: V1 with the first 2000 excitatory synapses (CSR order, i.e. row by row) plastic, each a
 * stochastic STDP synapse whose weight is a bitstream of L = 256 bits held as its count of ones k:
 * weight = k / L · V_th mV (k starts at round(w·L), w = clip(J/V_th, 0.001, 0.999), so 1 → 0.078 mV).
 * <ul>
 *   <li>LTP: a postsynaptic spike at step t after a presynaptic spike arrived at t_pre (the step after
 *       the spike) with t − t_pre ≤ 5: k += 1 with probability lr·L = 0.256;</li>
 *   <li>LTD: a presynaptic spike arriving at t after a postsynaptic spike at t_post with
 *       0 &lt; t − t_post ≤ 5: k −= 1 with probability lr·L·0.5 = 0.128;</li>
 *   <li>k stays in 0..L. Expected changes are lr and lr·0.5 per pairing: the learning rate of the
 *       reference, in whole bits of the stream (stochastic rounding).</li>
 * </ul>
 * The update runs after the neurons of step t, first LTP for the spiking neurons in ascending order,
 * then LTD for the arriving spikes in ascending order, one uniform of {@code default_rng(seed + 12·2^64)}
 * per candidate change; new weights act from step t + 1.
 */
final class StdpPopulation extends Population<StdpPopulation.Model>
{
    static final int PLASTIC = 2000;
    static final int LENGTH = 256;
    static final double LEARNING_RATE = 0.001;
    static final int WINDOW = 5;
    static final double LTD_RATIO = 0.5;

    private final FloatLif m;
    private final Connectivity c;
    private final int plastic;
    private final int[] count;
    private final double[] weight;
    private final int[] postStart;
    private final int[] postSyn;
    private final int[] synPre;
    private final int[] lastArrival;
    private final int[] lastPost;
    private final double ltp;
    private final double ltd;
    private final double unit;
    private NumpyGenerator rng;
    private final double[] v;
    private final double[] syn;
    private final FiredLists fired;
    private long potentiations;
    private long depressions;

    StdpPopulation(final BrunelNetwork net, final RegisterRef drive, final SpikeRaster raster, final int population)
    {
        super(drive, raster, population);
        final BrunelParams p = net.params();
        m = new FloatLif(p);
        c = net.connectivity();
        final int n = net.size();
        final int[] rs = c.rowStarts();
        final int[] cols = c.targets();
        plastic = Math.min(PLASTIC, rs[p.nExc()]);
        unit = p.vThreshold() / LENGTH;
        count = new int[plastic];
        weight = new double[plastic];
        Arrays.fill(count, initialCount(p));
        Arrays.fill(weight, initialCount(p) * unit);
        synPre = new int[plastic];
        for (int i = 0; i < n && rs[i] < plastic; i++)
        {
            for (int e = rs[i]; e < Math.min(rs[i + 1], plastic); e++)
            {
                synPre[e] = i;
            }
        }
        postStart = new int[n + 1];
        for (int e = 0; e < plastic; e++)
        {
            postStart[cols[e] + 1]++;
        }
        for (int j = 0; j < n; j++)
        {
            postStart[j + 1] += postStart[j];
        }
        postSyn = new int[plastic];
        final int[] fill = Arrays.copyOf(postStart, n);
        for (int e = 0; e < plastic; e++)
        {
            postSyn[fill[cols[e]]++] = e;
        }
        lastArrival = new int[n];
        lastPost = new int[n];
        Arrays.fill(lastArrival, Integer.MIN_VALUE / 2);
        Arrays.fill(lastPost, Integer.MIN_VALUE / 2);
        ltp = LEARNING_RATE * LENGTH;
        ltd = LEARNING_RATE * LENGTH * LTD_RATIO;
        rng = net.stream(12);
        v = new double[n];
        Arrays.fill(v, m.vRest);
        syn = new double[n];
        fired = new FiredLists(n);
    }

    static int initialCount(final BrunelParams p)
    {
        return (int)Math.round(BrunelTranslator.weightProbability(p) * LENGTH);
    }

    @Override
    void update(final Signals s, final int step)
    {
        Arrays.fill(syn, 0.0);
        final int[] rs = c.rowStarts();
        final int[] cols = c.targets();
        final int[] prev = fired.prev;
        final int prevCount = fired.prevCount;
        final int[] cur = fired.cur;
        for (int k = 0; k < prevCount; k++)
        {
            final int i = prev[k];
            final double w = m.weight(i);
            final int start = rs[i];
            final int end = rs[i + 1];
            int e = start;
            for (; e < end && e < plastic; e++)
            {
                syn[cols[e]] += weight[e];
            }
            for (; e < end; e++)
            {
                syn[cols[e]] += w;
            }
            lastArrival[i] = step;
        }
        int n = 0;
        for (int j = 0; j < v.length; j++)
        {
            if (m.step(v, j, m.kick(ext[j], syn[j])))
            {
                cur[n++] = j;
            }
        }
        // LTP: postsynaptic spikes now, presynaptic arrivals within the window
        for (int k = 0; k < n; k++)
        {
            final int j = cur[k];
            for (int q = postStart[j]; q < postStart[j + 1]; q++)
            {
                final int e = postSyn[q];
                if (step - lastArrival[synPre[e]] <= WINDOW && rng.random() < ltp && count[e] < LENGTH)
                {
                    count[e]++;
                    weight[e] = count[e] * unit;
                    potentiations++;
                }
            }
        }
        // LTD: presynaptic arrivals now, postsynaptic spikes before them within the window
        for (int k = 0; k < prevCount; k++)
        {
            final int i = prev[k];
            for (int e = rs[i]; e < rs[i + 1] && e < plastic; e++)
            {
                final int dtPost = step - lastPost[cols[e]];
                if (dtPost > 0 && dtPost <= WINDOW && rng.random() < ltd && count[e] > 0)
                {
                    count[e]--;
                    weight[e] = count[e] * unit;
                    depressions++;
                }
            }
        }
        for (int k = 0; k < n; k++)
        {
            lastPost[cur[k]] = step;
        }
        publish(s, step, cur, n);
        fired.swap(n);
    }

    /** Mean plastic weight (mV), potentiations and depressions so far. */
    @Override
    Map<String, Double> extras()
    {
        double sum = 0;
        for (final double w : weight)
        {
            sum += w;
        }
        final Map<String, Double> out = new java.util.LinkedHashMap<>();
        out.put("stdp_synapses", (double)plastic);
        out.put("stdp_mean_weight_mv", plastic == 0 ? 0.0 : sum / plastic);
        out.put("stdp_potentiations", (double)potentiations);
        out.put("stdp_depressions", (double)depressions);
        return out;
    }

    @Override
    Model saveModel()
    {
        return new Model(v.clone(), fired.savePrev(), count.clone(), lastArrival.clone(), lastPost.clone(),
            rng.bitGenerator().copy(), potentiations, depressions);
    }

    @Override
    void restoreModel(final Model state)
    {
        System.arraycopy(state.v, 0, v, 0, v.length);
        fired.restorePrev(state.prev);
        System.arraycopy(state.count, 0, count, 0, count.length);
        for (int e = 0; e < plastic; e++)
        {
            weight[e] = count[e] * unit;
        }
        System.arraycopy(state.lastArrival, 0, lastArrival, 0, lastArrival.length);
        System.arraycopy(state.lastPost, 0, lastPost, 0, lastPost.length);
        rng = new NumpyGenerator(state.rng.copy());
        potentiations = state.potentiations;
        depressions = state.depressions;
    }

    /**
     * Membranes, last step's spikes, weight counts, spike times, the stream and the tallies. The
     * stream is compared by identity, as {@link Pcg64} has no value equality: a saved state never
     * equals a later one, so a campaign never counts a run of this model as rejoined.
     */
    static final class Model
    {
        private final double[] v;
        private final int[] prev;
        private final int[] count;
        private final int[] lastArrival;
        private final int[] lastPost;
        private final Pcg64 rng;
        private final long potentiations;
        private final long depressions;

        Model(final double[] v, final int[] prev, final int[] count, final int[] lastArrival, final int[] lastPost,
            final Pcg64 rng, final long potentiations, final long depressions)
        {
            this.v = v;
            this.prev = prev;
            this.count = count;
            this.lastArrival = lastArrival;
            this.lastPost = lastPost;
            this.rng = rng;
            this.potentiations = potentiations;
            this.depressions = depressions;
        }

        @Override
        public boolean equals(final Object o)
        {
            return o instanceof Model m && Arrays.equals(v, m.v) && Arrays.equals(prev, m.prev)
                && Arrays.equals(count, m.count) && Arrays.equals(lastArrival, m.lastArrival)
                && Arrays.equals(lastPost, m.lastPost) && Objects.equals(rng, m.rng)
                && potentiations == m.potentiations && depressions == m.depressions;
        }

        @Override
        public int hashCode()
        {
            return Objects.hash(Arrays.hashCode(v), Arrays.hashCode(prev), Arrays.hashCode(count),
                Arrays.hashCode(lastArrival), Arrays.hashCode(lastPost), rng, potentiations, depressions);
        }
    }
}
