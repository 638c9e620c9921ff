package org.scfabric.hw.fabric;

/**
 * The arithmetic of the {@link EngineCores}' result stage and accumulators — what differs between the
 * Brunel fabric ({@link LifDriveDatapath}) and a mapped network ({@link MappedDatapath}); the issue
 * counters, pipeline, credits and timing around it are the same for both.
 */
interface CoreDatapath
{
    /**
     * A synapse delivered to neuron j (core c, local address a) while core c is in step {@code stepC}:
     * its weight into the accumulator its tag selects.
     */
    void deliver(int c, int a, int j, int tag, int w, int stepC);

    /** Neuron j (core c, local address a) at the result stage of step {@code step}; returns whether it spiked. */
    boolean update(int c, int a, int j, int step, long now);

    /** Copies the neurons' state in or out ({@link EngineState}); only the Brunel datapath has checkpoints. */
    default void state(final EngineState s)
    {
        throw new UnsupportedOperationException("checkpoints of a mapped network's engine are not supported");
    }
}
