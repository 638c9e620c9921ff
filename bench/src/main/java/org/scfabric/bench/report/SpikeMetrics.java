package org.scfabric.bench.report;

/**
 * Firing statistics of one run. The definitions are part of the report (the Markdown footer and
 * docs/tutorial.md quote them):
 * <ul>
 * <li>{@code rateHz} = spikes / simulated seconds / neurons; {@code rateExcHz} and {@code rateInhHz}
 * the same over the excitatory and inhibitory populations;</li>
 * <li>{@code cvIsi} = the mean, over neurons with at least 3 spikes, of the coefficient of variation
 * (population standard deviation / mean) of that neuron's inter-spike intervals; NaN when no neuron
 * has 3 spikes;</li>
 * <li>{@code fano} = variance / mean (population variance) of the whole network's spike count in
 * consecutive 10 ms bins from t = 0 (a last, partial bin is dropped); NaN when there is no full bin
 * or no spike;</li>
 * <li>{@code synchrony} = Golomb's χ²: the variance over time of the population's mean spike count per
 * 1 ms bin over the mean, across neurons, of each neuron's own variance over the same bins (full bins
 * from t = 0). About 1/N for independent neurons, 1 when all fire together; NaN when no neuron's
 * count varies.</li>
 * </ul>
 * NaN is written as {@code null} in JSON and "–" in Markdown.
 */
public record SpikeMetrics(int spikes, double rateHz, double rateExcHz, double rateInhHz, double cvIsi, double fano,
    int cvNeurons, double synchrony)
{
    /** Width of the synchrony bins. */
    public static final double SYNC_BIN_MS = 1.0;

    /** Width of the Fano-factor bins. */
    public static final double FANO_BIN_MS = 10.0;
    /** A neuron needs this many spikes (two intervals) to count in the CV of ISIs. */
    public static final int CV_MIN_SPIKES = 3;

    public static SpikeMetrics of(final Raster r)
    {
        final int n = r.spikes();
        final double sec = r.seconds();
        int exc = 0;
        for (final int i : r.neurons())
        {
            if (i < r.nExc())
            {
                exc++;
            }
        }
        final double rate = ratio(n, sec * r.neuronCount());
        final double rateExc = ratio(exc, sec * r.nExc());
        final double rateInh = ratio(n - exc, sec * r.nInh());
        final double[] cv = cvIsi(r);
        return new SpikeMetrics(n, rate, rateExc, rateInh, cv[0], fano(r, FANO_BIN_MS), (int)cv[1],
            synchrony(r, SYNC_BIN_MS));
    }

    private static double ratio(final double a, final double b)
    {
        return b > 0 ? a / b : Double.NaN;
    }

    /** {mean CV, number of neurons that entered it}. */
    static double[] cvIsi(final Raster r)
    {
        final int neurons = Math.max(r.neuronCount(), maxNeuron(r) + 1);
        final int[] count = new int[neurons];
        final int[] last = new int[neurons];
        final double[] sum = new double[neurons];
        final double[] sumSq = new double[neurons];
        final int[] steps = r.steps();
        final int[] ids = r.neurons();
        for (int k = 0; k < steps.length; k++)
        {
            final int i = ids[k];
            if (count[i] > 0)
            {
                final double isi = (steps[k] - last[i]) * r.dtMs();
                sum[i] += isi;
                sumSq[i] += isi * isi;
            }
            last[i] = steps[k];
            count[i]++;
        }
        double cvSum = 0;
        int used = 0;
        for (int i = 0; i < neurons; i++)
        {
            if (count[i] >= CV_MIN_SPIKES)
            {
                final int m = count[i] - 1;
                final double mean = sum[i] / m;
                final double var = Math.max(0, sumSq[i] / m - mean * mean);
                if (mean > 0)
                {
                    cvSum += Math.sqrt(var) / mean;
                    used++;
                }
            }
        }
        return new double[] {used > 0 ? cvSum / used : Double.NaN, used};
    }

    private static int maxNeuron(final Raster r)
    {
        int m = -1;
        for (final int i : r.neurons())
        {
            m = Math.max(m, i);
        }
        return m;
    }

    /**
     * Golomb's synchrony χ² = Var_t(A) / mean_i Var_t(c_i), c_i the spike count of neuron i in bins of
     * {@code binMs} and A their mean over neurons (the raster's steps ascend, as the runs record them).
     */
    static double synchrony(final Raster r, final double binMs)
    {
        final int binSteps = Math.max(1, (int)Math.round(binMs / r.dtMs()));
        final int bins = r.totalSteps() / binSteps;
        final int neurons = Math.max(r.neuronCount(), maxNeuron(r) + 1);
        if (bins < 1 || neurons < 1)
        {
            return Double.NaN;
        }
        final long[] pop = new long[bins];
        final long[] total = new long[neurons];
        final double[] sumSq = new double[neurons];
        final int[] bin = new int[neurons];
        final int[] inBin = new int[neurons];
        final int[] steps = r.steps();
        final int[] ids = r.neurons();
        for (int k = 0; k < steps.length; k++)
        {
            final int b = steps[k] / binSteps;
            if (b >= bins)
            {
                continue;
            }
            final int i = ids[k];
            pop[b]++;
            total[i]++;
            if (inBin[i] > 0 && bin[i] != b)
            {
                sumSq[i] += (double)inBin[i] * inBin[i];
                inBin[i] = 0;
            }
            bin[i] = b;
            inBin[i]++;
        }
        double meanVarSingle = 0;
        for (int i = 0; i < neurons; i++)
        {
            final double sq = sumSq[i] + (double)inBin[i] * inBin[i];
            final double mean = (double)total[i] / bins;
            meanVarSingle += Math.max(0, sq / bins - mean * mean);
        }
        meanVarSingle /= neurons;
        double m = 0;
        double m2 = 0;
        for (final long c : pop)
        {
            final double a = (double)c / neurons;
            m += a;
            m2 += a * a;
        }
        m /= bins;
        final double varPop = Math.max(0, m2 / bins - m * m);
        return meanVarSingle > 0 ? varPop / meanVarSingle : Double.NaN;
    }

    /** Fano factor of the population count in bins of {@code binMs}. */
    static double fano(final Raster r, final double binMs)
    {
        final int binSteps = Math.max(1, (int)Math.round(binMs / r.dtMs()));
        final int bins = r.totalSteps() / binSteps;
        if (bins < 1)
        {
            return Double.NaN;
        }
        final long[] counts = new long[bins];
        for (final int s : r.steps())
        {
            final int b = s / binSteps;
            if (b < bins)
            {
                counts[b]++;
            }
        }
        double mean = 0;
        for (final long c : counts)
        {
            mean += c;
        }
        mean /= bins;
        if (mean <= 0)
        {
            return Double.NaN;
        }
        double var = 0;
        for (final long c : counts)
        {
            var += (c - mean) * (c - mean);
        }
        var /= bins;
        return var / mean;
    }

    /** The inter-spike intervals of every neuron, in ms, pooled (for the ISI histogram). */
    public static double[] isisMs(final Raster r)
    {
        final int neurons = Math.max(r.neuronCount(), maxNeuron(r) + 1);
        final int[] last = new int[neurons];
        java.util.Arrays.fill(last, -1);
        final double[] out = new double[r.spikes()];
        int k2 = 0;
        for (int k = 0; k < r.spikes(); k++)
        {
            final int i = r.neurons()[k];
            if (last[i] >= 0)
            {
                out[k2++] = (r.steps()[k] - last[i]) * r.dtMs();
            }
            last[i] = r.steps()[k];
        }
        return java.util.Arrays.copyOf(out, k2);
    }
}
