package org.scfabric.bench.brian2;

import java.util.Arrays;

/**
 * Spike statistics of one population's run, compared between Brian2 and scfabric: mean rate, mean CV of the
 * inter-spike intervals (neurons with at least 3 spikes), Fano factor of the population's spike count in 10 ms
 * bins, and the fraction of spikes (step, neuron) that both runs have.
 */
public final class Comparison
{
    private Comparison()
    {
    }

    /** The statistics of one train. */
    public record Stats(long spikes, double rateHz, double cv, double fano)
    {
    }

    public static Stats stats(final int[] steps, final int[] index, final int neurons, final int totalSteps,
        final double dt)
    {
        final double seconds = totalSteps * dt;
        final int[] count = new int[neurons];
        final int[] lastStep = new int[neurons];
        Arrays.fill(lastStep, -1);
        final double[] sum = new double[neurons];
        final double[] sum2 = new double[neurons];
        for (int k = 0; k < steps.length; k++)
        {
            final int i = index[k];
            if (lastStep[i] >= 0)
            {
                final double isi = (steps[k] - lastStep[i]) * dt;
                sum[i] += isi;
                sum2[i] += isi * isi;
            }
            lastStep[i] = steps[k];
            count[i]++;
        }
        double cvSum = 0;
        int cvN = 0;
        for (int i = 0; i < neurons; i++)
        {
            final int m = count[i] - 1;
            if (m >= 2)
            {
                final double mean = sum[i] / m;
                final double var = Math.max(0, sum2[i] / m - mean * mean);
                cvSum += Math.sqrt(var) / mean;
                cvN++;
            }
        }
        final int bin = Math.max(1, (int) Math.round(0.01 / dt));
        final int bins = Math.max(1, totalSteps / bin);
        final double[] c = new double[bins];
        for (final int s : steps)
        {
            if (s / bin < bins)
            {
                c[s / bin]++;
            }
        }
        double m = 0;
        for (final double x : c)
        {
            m += x;
        }
        m /= bins;
        double v = 0;
        for (final double x : c)
        {
            v += (x - m) * (x - m);
        }
        v /= bins;
        return new Stats(steps.length, steps.length / (neurons * seconds), cvN == 0 ? Double.NaN : cvSum / cvN,
            m == 0 ? Double.NaN : v / m);
    }

    /** Fraction of the spikes of {@code a} (step, neuron) that {@code b} also has; 1 when a has none. */
    public static double agreement(final int[] aSteps, final int[] aIndex, final int[] bSteps, final int[] bIndex)
    {
        if (aSteps.length == 0)
        {
            return bSteps.length == 0 ? 1.0 : 0.0;
        }
        final long[] b = new long[bSteps.length];
        for (int k = 0; k < b.length; k++)
        {
            b[k] = ((long) bSteps[k] << 32) | bIndex[k];
        }
        Arrays.sort(b);
        int hit = 0;
        for (int k = 0; k < aSteps.length; k++)
        {
            hit += Arrays.binarySearch(b, ((long) aSteps[k] << 32) | aIndex[k]) >= 0 ? 1 : 0;
        }
        return hit / (double) aSteps.length;
    }
}
