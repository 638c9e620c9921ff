package org.scfabric.bench.faults;

import java.util.Arrays;

/**
 * Compares a faulty spike train with the golden one through their symmetric difference: spikes
 * present in both cancel, so every figure here is a function of the differing spikes alone — not
 * of where the faulty run was restarted — and is the same bit for bit however a campaign is split.
 *
 * Times are in the bench's time unit; τ is given in it too.
 *
 * <ul>
 *   <li>spike delta: faulty spikes − golden spikes;</li>
 *   <li>rate error: Σ over neurons of |faulty count − golden count|, divided by the golden count
 *       (at least 1): 0 when every neuron fires as often as in the golden run;</li>
 *   <li>van Rossum distance: D² = Σ_neurons (1/τ)∫(f − g)² dt with exponential kernels,
 *       so one extra isolated spike gives D = √½; computed in one pass per neuron (with
 *       {@link StrictMath#exp}, identical on every JVM);</li>
 *   <li>first divergence: the earliest time of a differing spike, −1 if none.</li>
 * </ul>
 */
final class SpikeDiff
{
    long spikeDelta;
    long absCountError;
    double vanRossum;
    long firstDivergence;
    int differing;

    private long[] diff = new long[256];
    private long[] byNeuron = new long[256];
    /** Per neuron: its number of differing spikes, then where its run starts in {@link #byNeuron}. */
    private final int[] bucket;
    private final int[] countDelta;
    /** Neurons whose spike count changed in the last comparison, and by how much. */
    final int[] touched;
    final int[] touchedDelta;
    int nTouched;
    private final double tau;

    SpikeDiff(final int neurons, final double tauTimeUnits)
    {
        countDelta = new int[Math.max(1, neurons)];
        bucket = new int[Math.max(1, neurons) + 1];
        touched = new int[Math.max(1, neurons)];
        touchedDelta = new int[Math.max(1, neurons)];
        tau = tauTimeUnits;
    }

    /**
     * @param g  golden keys, sorted; the window is {@code g[gFrom, gTo)}
     * @param f  faulty keys of the same window, sorted
     * @return true if the windows are identical (nothing else is computed then)
     */
    boolean compare(final long[] g, final int gFrom, final int gTo, final long[] f, final int fSize)
    {
        spikeDelta = fSize - (gTo - gFrom);
        absCountError = 0;
        vanRossum = 0;
        firstDivergence = -1;
        differing = 0;
        nTouched = 0;
        if (spikeDelta == 0 && Arrays.equals(g, gFrom, gTo, f, 0, fSize))
        {
            return true;
        }
        // symmetric difference of two sorted multisets; the low bit of each entry says which side
        int n = 0;
        int i = gFrom;
        int j = 0;
        while (i < gTo || j < fSize)
        {
            final long side;
            final long k;
            if (j >= fSize || (i < gTo && g[i] < f[j]))
            {
                k = g[i++];
                side = 0; // golden only: a spike the fault removed
            }
            else if (i >= gTo || f[j] < g[i])
            {
                k = f[j++];
                side = 1; // faulty only: a spike the fault added
            }
            else
            {
                i++;
                j++;
                continue;
            }
            if (n == diff.length)
            {
                diff = Arrays.copyOf(diff, n * 2);
            }
            // re-key as (neuron, cycle, side) for the per-neuron pass
            diff[n++] = ((long)SpikeKeys.neuron(k) << 39) | (SpikeKeys.time(k) << 1) | side;
        }
        differing = n;
        long first = Long.MAX_VALUE;
        final long[] grouped = groupByNeuron(n);
        int nTouched = 0;
        double sum = 0;
        int p = 0;
        while (p < n)
        {
            final int neuron = (int)(grouped[p] >>> 39);
            // D² of this neuron: ½ Σ_i Σ_j s_i s_j exp(−|t_i − t_j|/τ), in one pass with a running trace
            double d2 = 0;
            double trace = 0;
            long prevT = 0;
            int delta = 0;
            boolean firstOfNeuron = true;
            while (p < n && (int)(grouped[p] >>> 39) == neuron)
            {
                final long t = (grouped[p] >>> 1) & ((1L << 38) - 1);
                final int s = (grouped[p] & 1) == 1 ? 1 : -1;
                if (t < first)
                {
                    first = t;
                }
                if (!firstOfNeuron)
                {
                    trace *= decay(t - prevT);
                }
                d2 += 0.5 + s * trace;
                trace += s;
                prevT = t;
                firstOfNeuron = false;
                delta += s;
                p++;
            }
            sum += Math.max(0.0, d2);
            if (delta != 0)
            {
                touched[nTouched++] = neuron;
                countDelta[neuron] = delta;
            }
        }
        for (int t = 0; t < nTouched; t++)
        {
            absCountError += Math.abs(countDelta[touched[t]]);
            touchedDelta[t] = countDelta[touched[t]];
            countDelta[touched[t]] = 0;
        }
        this.nTouched = nTouched;
        vanRossum = Math.sqrt(sum);
        firstDivergence = first;
        return false;
    }

    /**
     * The n re-keyed differences, which the merge made in (time, neuron) order, grouped by neuron by
     * a stable counting pass: each neuron's entries keep their time order, which is the order a sort
     * of the (neuron, time, side) keys gives (one key never has both sides: equal keys cancel).
     */
    private long[] groupByNeuron(final int n)
    {
        if (byNeuron.length < n)
        {
            byNeuron = new long[diff.length];
        }
        final int[] at = bucket;
        for (int p = 0; p < n; p++)
        {
            at[(int)(diff[p] >>> 39) + 1]++;
        }
        for (int k = 1; k < at.length; k++)
        {
            at[k] += at[k - 1];
        }
        for (int p = 0; p < n; p++)
        {
            byNeuron[at[(int)(diff[p] >>> 39)]++] = diff[p];
        }
        Arrays.fill(at, 0);
        return byNeuron;
    }

    private double cachedDt = -1;
    private double cachedDecay;

    private double decay(final long dt)
    {
        if (dt == 0)
        {
            return 1.0;
        }
        if (dt != cachedDt)
        {
            cachedDt = dt;
            cachedDecay = StrictMath.exp(-dt / tau);
        }
        return cachedDecay;
    }
}
