package org.scfabric.hw.fabric;

import org.scfabric.sim.Binding;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * The memories and result-stage arithmetic of a {@link NeuronCore} on the kernel — the kernel twin of
 * {@link CoreDatapath}: the Brunel LIF with its drive ({@link LifDriveMemories}) or a mapped network's
 * populations ({@link MappedMemories}). The core's issue counter, pipeline, credits and push register
 * around them are the same for both. Every word lives in a kernel memory, so every bit is a fault site.
 */
interface CoreMemories
{
    /** Declares the memories, after the core's own ports and registers. */
    void declare(Declarations d);

    void bind(Binding b);

    /** Initial memory contents. */
    void load(Signals s);

    /**
     * Adds last edge's deliveries ({@code dv}: port mask) of this core's neurons into the accumulators of
     * the step they count in; {@code stepOld} is the core's step (or parity) before this edge.
     */
    void deliver(Signals s, long dv, int stepOld);

    /**
     * The neuron at local address {@code a} leaves the pipeline in step {@code step}: reads and clears
     * its accumulators (with this edge's deliveries), updates its state, publishes its spike or output.
     * Returns whether it spiked.
     */
    boolean update(Signals s, int a, long step);

    /** The neuron at local address {@code a} (its spike's source id). */
    int neuron(int a);
}
