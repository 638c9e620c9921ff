package org.scfabric.bench.report;

import java.util.Arrays;

import org.scfabric.bench.brunel.RunResult;

/**
 * Spikes as (step, neuron) pairs in step order, with the size of the network they came from.
 * Both scfabric runs and Brian2 runs are reduced to this, so every metric and plot treats them alike.
 *
 * @param steps   step of each spike (0-based, non-decreasing)
 * @param neurons neuron of each spike
 * @param nExc    neurons 0..nExc-1 are excitatory
 * @param nInh    neurons nExc..nExc+nInh-1 are inhibitory
 * @param totalSteps simulated steps
 * @param dtMs    step length in ms
 */
public record Raster(int[] steps, int[] neurons, int nExc, int nInh, int totalSteps, double dtMs)
{
    public Raster
    {
        if (steps.length != neurons.length)
        {
            throw new IllegalArgumentException("steps and neurons differ in length: " + steps.length + " vs " + neurons.length);
        }
    }

    /** Copies the raster of a run (its first {@code spikes()} entries). */
    public static Raster of(final RunResult r)
    {
        final int n = r.spikes();
        final int[] s = new int[n];
        final int[] i = new int[n];
        for (int k = 0; k < n; k++)
        {
            s[k] = r.spikeStep(k);
            i[k] = r.spikeNeuron(k);
        }
        final Double own = r.extras().get(NEURONS_EXTRA);
        if (own != null && own >= 1 && own.intValue() != r.params().nTotal())
        {
            // a layer of its own size (e.g. a 100-unit SC layer): one population, no exc/inh split
            return new Raster(s, i, own.intValue(), 0, r.params().steps(), r.params().dt());
        }
        return new Raster(s, i, r.params().nExc(), r.params().nInh(), r.params().steps(), r.params().dt());
    }

    /**
     * A run whose spiking population is not the N-neuron network (an SC layer, a reservoir) says its
     * size in {@code extras().get("neurons")}; rates are per neuron of that population.
     */
    public static final String NEURONS_EXTRA = "neurons";

    public int spikes()
    {
        return steps.length;
    }

    public int neuronCount()
    {
        return nExc + nInh;
    }

    public double seconds()
    {
        return totalSteps * dtMs / 1000.0;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Raster r && Arrays.equals(steps, r.steps) && Arrays.equals(neurons, r.neurons)
            && nExc == r.nExc && nInh == r.nInh && totalSteps == r.totalSteps && dtMs == r.dtMs;
    }

    @Override
    public int hashCode()
    {
        return 31 * Arrays.hashCode(steps) + Arrays.hashCode(neurons);
    }

    @Override
    public String toString()
    {
        return "Raster[" + spikes() + " spikes, " + neuronCount() + " neurons, " + totalSteps + " steps]";
    }
}
