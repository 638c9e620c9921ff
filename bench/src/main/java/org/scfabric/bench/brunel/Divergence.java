package org.scfabric.bench.brunel;

import java.util.Locale;

/**
 * Where two runs of the network on identical drive part (typically V1 in float64 against V3 in
 * Q8.8, simulated together by {@link BrunelRunner#compare}): the first spike that one raster has and
 * the other has not, and how far the per-neuron rates end up apart.
 *
 * @param a               the first run's variant
 * @param b               the second run's variant
 * @param spikesA         spikes of a
 * @param spikesB         spikes of b
 * @param commonPrefix    spikes identical in both, in (step, neuron) order, before the first difference
 * @param firstStep       step of the first differing spike, or −1 when the rasters are identical
 * @param firstNeuron     neuron of the first differing spike, or −1
 * @param firstIn         the variant that has that spike (the other has not), or null
 * @param rates           per-neuron rate difference a − b
 */
public record Divergence(Variant a, Variant b, int spikesA, int spikesB, int commonPrefix, int firstStep,
    int firstNeuron, Variant firstIn, RateDifference rates)
{
    /**
     * Per-neuron firing rates (Hz) of a minus those of b, over all N neurons.
     *
     * @param meanHz      mean of the differences (= rate difference of the populations)
     * @param meanAbsHz   mean absolute difference
     * @param rmsHz       root mean square difference
     * @param maxAbsHz    largest absolute difference
     * @param maxNeuron   the neuron where it is largest (the lowest index on a tie)
     * @param correlation Pearson correlation of the two rate vectors (NaN if either is constant)
     * @param identical   neurons with the same spike count in both
     */
    public record RateDifference(double meanHz, double meanAbsHz, double rmsHz, double maxAbsHz, int maxNeuron,
        double correlation, int identical)
    {
    }

    /** Compares two results of the same network (same N and duration). */
    public static Divergence of(final RunResult ra, final RunResult rb)
    {
        if (ra.params().nTotal() != rb.params().nTotal() || ra.params().steps() != rb.params().steps())
        {
            throw new IllegalArgumentException("the runs are of different networks: " + ra.params() + " vs "
                + rb.params());
        }
        final int na = ra.spikes();
        final int nb = rb.spikes();
        int i = 0;
        while (i < na && i < nb && ra.spikeStep(i) == rb.spikeStep(i) && ra.spikeNeuron(i) == rb.spikeNeuron(i))
        {
            i++;
        }
        int step = -1;
        int neuron = -1;
        Variant in = null;
        if (i < na || i < nb)
        {
            final boolean aFirst = i < na && (i >= nb || ra.spikeStep(i) < rb.spikeStep(i)
                || ra.spikeStep(i) == rb.spikeStep(i) && ra.spikeNeuron(i) < rb.spikeNeuron(i));
            step = aFirst ? ra.spikeStep(i) : rb.spikeStep(i);
            neuron = aFirst ? ra.spikeNeuron(i) : rb.spikeNeuron(i);
            in = aFirst ? ra.variant() : rb.variant();
        }
        return new Divergence(ra.variant(), rb.variant(), na, nb, i, step, neuron, in, rates(ra, rb));
    }

    private static RateDifference rates(final RunResult ra, final RunResult rb)
    {
        final int n = ra.params().nTotal();
        final double seconds = ra.params().steps() * ra.params().dt() / 1000.0;
        final int[] ca = counts(ra, n);
        final int[] cb = counts(rb, n);
        double sum = 0;
        double sumAbs = 0;
        double sumSq = 0;
        double max = -1;
        int maxNeuron = -1;
        int same = 0;
        double sa = 0;
        double sb = 0;
        for (int j = 0; j < n; j++)
        {
            final double d = (ca[j] - cb[j]) / seconds;
            sum += d;
            sumAbs += Math.abs(d);
            sumSq += d * d;
            if (Math.abs(d) > max)
            {
                max = Math.abs(d);
                maxNeuron = j;
            }
            same += ca[j] == cb[j] ? 1 : 0;
            sa += ca[j];
            sb += cb[j];
        }
        final double ma = sa / n;
        final double mb = sb / n;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int j = 0; j < n; j++)
        {
            cov += (ca[j] - ma) * (cb[j] - mb);
            va += (ca[j] - ma) * (ca[j] - ma);
            vb += (cb[j] - mb) * (cb[j] - mb);
        }
        final double corr = va == 0 || vb == 0 ? Double.NaN : cov / Math.sqrt(va * vb);
        return new RateDifference(sum / n, sumAbs / n, Math.sqrt(sumSq / n), max, maxNeuron, corr, same);
    }

    private static int[] counts(final RunResult r, final int n)
    {
        final int[] c = new int[n];
        for (int i = 0; i < r.spikes(); i++)
        {
            c[r.spikeNeuron(i)]++;
        }
        return c;
    }

    /** Whether the two rasters are identical. */
    public boolean identical()
    {
        return firstStep < 0;
    }

    /** One line for a person: where the runs part and how far their rates end up. */
    public String summary()
    {
        if (identical())
        {
            return String.format(Locale.ROOT, "%s and %s are identical: %d spikes", a, b, spikesA);
        }
        return String.format(Locale.ROOT,
            "%s (%d spikes) and %s (%d spikes) agree on the first %d spikes; the first difference is a spike of neuron"
                + " %d at step %d that only %s has. Per-neuron rate %s − %s: mean %+.3f Hz, mean |d| %.3f Hz,"
                + " rms %.3f Hz, max |d| %.3f Hz (neuron %d), correlation %.4f, %d neurons with equal counts",
            a, spikesA, b, spikesB, commonPrefix, firstNeuron, firstStep, firstIn, a, b, rates.meanHz(),
            rates.meanAbsHz(), rates.rmsHz(), rates.maxAbsHz(), rates.maxNeuron(), rates.correlation(),
            rates.identical());
    }
}
