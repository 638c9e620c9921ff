package org.scfabric.bench.faults;

/**
 * Receives the spikes a bench observes: neuron {@code neuron} fired at time {@code time}, in the
 * bench's time unit ({@link FaultBench#timeUnit}: a clock cycle, or a network step for designs whose
 * steps take a varying number of cycles).
 */
@FunctionalInterface
public interface SpikeSink
{
    void spike(long time, int neuron);
}
