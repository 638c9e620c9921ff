package org.scfabric.bench.faults;

import org.scfabric.sim.Kernel;

/**
 * A design under test as a fault campaign sees it: one kernel, how long a run is, and how to observe
 * its spikes. A campaign makes one bench per worker thread (kernels are single-threaded), runs the
 * golden run on it with snapshots, and starts every faulty run from the snapshot before the fault.
 *
 * <p>Contract, for faulty runs from snapshots to be exact: everything that drives the design is in
 * the kernel (components, {@code StatefulComponent} state, scheduled actions) or in
 * {@link #saveState}; {@link #runTo} is a pure function of that state; actions run only at edge
 * times of the first clock; and a component that keeps state outside registers says so through
 * {@code StatefulComponent} (a campaign compares it, by the state's value {@code equals}, and the
 * bench's own state with {@code Objects.deepEquals}, to decide whether a faulty run has rejoined the
 * golden one). Two benches made by one {@link Workload} give the same run.
 */
public interface FaultBench
{
    Kernel kernel();

    /** Length of one run in cycles of the design's first clock. */
    long cycles();

    /** Number of observed neurons; spikes name neurons 0..neurons−1. */
    int neurons();

    /** The unit of spike times: {@code cycle} (of the first clock) or {@code step} (of the network). */
    default String timeUnit()
    {
        return "cycle";
    }

    /** Simulated milliseconds per unit of spike time (spike-train distances use it). */
    double msPerTimeUnit();

    /** Simulated milliseconds of a whole run (rates use it). */
    double durationMs();

    /** Send every spike from now on to {@code sink} (called once, before the golden run). */
    void observe(SpikeSink sink);

    /** Simulate up to and including edge {@code cycle − 1} of the first clock (cycle edges in all). */
    void runTo(long cycle);

    /** State the bench keeps outside the kernel, as a deep copy (null if none). */
    default Object saveState()
    {
        return null;
    }

    /** Put back a state from {@link #saveState}. */
    default void restoreState(final Object state)
    {
    }

    /**
     * Whether every register holds, after each edge of the first clock, the value the hardware holds
     * then. False for designs whose components compute many hardware cycles in one kernel edge (a
     * bitstream window): the campaign then never classifies a stuck-at from the golden run's values,
     * only by running it.
     */
    default boolean valuesSettleEveryCycle()
    {
        return true;
    }

    /**
     * The neuron whose spikes alone make the design read this fault site, or −1 if the site may be
     * read at any edge. A crossbar bit is read only when its presynaptic neuron has spiked, so a fault
     * on it changes nothing until the edge that reads such a spike ({@link #spikeReadCycle}): a faulty
     * run starts just before that edge instead of at the fault, and a faulty run whose state has
     * rejoined the golden one but for such sites skips ahead to their next read. Contract: the site is
     * never written by the design, and no edge but those reads it (checks and snapshots aside).
     */
    default int readOnlyOnSpikeOf(final long site)
    {
        return -1;
    }

    /** The cycle whose edge reads (for {@link #readOnlyOnSpikeOf}) a spike timed {@code time}. */
    default long spikeReadCycle(final long time)
    {
        throw new UnsupportedOperationException("this bench has no sites read only on spikes");
    }

    /**
     * The network's decision — the class its outputs name, an argmax — from the number of times each
     * observed neuron fired in a run ({@code count.applyAsInt(neuron)}), or −1 for a design that makes
     * none ({@link #hasDecision} false). A campaign reports for every fault whether it changed the decision.
     */
    default int decision(final java.util.function.IntUnaryOperator count)
    {
        return -1;
    }

    /** Whether the design's outputs make a decision ({@link #decision}). */
    default boolean hasDecision()
    {
        return false;
    }

    /**
     * An exact fast path for some fault sets ({@link FaultReplay}: a flat model that records the golden
     * run and replays faulty runs differentially), or null (the default): every fault set then runs in
     * the kernel. Called once per bench, before its golden run.
     */
    default FaultReplay newReplay()
    {
        return null;
    }

    /** Go back to a checkpoint: the kernel's snapshot and the bench's own state. */
    default void restore(final org.scfabric.sim.Snapshot snapshot, final Object benchState)
    {
        kernel().restore(snapshot);
        restoreState(benchState);
    }
}
