package org.scfabric.net.ref;

import java.util.Map;

/**
 * One arithmetic's run of a network, in the shape of the {@code "runs"} entries of {@code results.json}.
 *
 * @param arith the arithmetic ("float64", ...)
 * @param steps steps run
 * @param totalSpikes spikes of all spiking nodes
 * @param spikeCounts spikes per spiking node, in node order
 * @param wallSeconds the run phase alone
 * @param outputs per Output node (name order): its shape and its spikes
 * @param neuronSpikes per spiking node (the keys of {@code spikeCounts}), in evaluation order: spikes of each
 *     neuron (flat index); empty when not recorded
 * @param probe the membrane potential of the {@link Probe}d neuron after each step, in real units (after a
 *     spike's reset); null when nothing was probed
 */
public record ArithmeticRun(String arith, int steps, long totalSpikes, Map<String, Long> spikeCounts, double wallSeconds,
    Map<String, OutputTrain> outputs, Map<String, long[]> neuronSpikes, double[] probe)
{
    /** A run without per-neuron counts or probe. */
    public ArithmeticRun(final String arith, final int steps, final long totalSpikes, final Map<String, Long> spikeCounts,
        final double wallSeconds, final Map<String, OutputTrain> outputs)
    {
        this(arith, steps, totalSpikes, spikeCounts, wallSeconds, outputs, Map.of(), null);
    }

    /**
     * An Output node's spikes: the non-zero entries of its values, as (step, flat index) pairs in step order,
     * then index order. For spiking sources these are exactly the spikes.
     *
     * @param shape the output's shape
     * @param steps step of each spike
     * @param indices flat (row-major) index of each spike
     */
    public record OutputTrain(int[] shape, int[] steps, int[] indices)
    {
        public int size()
        {
            return steps.length;
        }
    }
}
