package org.scfabric.bench.faults;

import java.util.List;

import org.scfabric.sim.fault.Fault;

/**
 * A bench's exact fast path for some fault sets: a flat model of its design that records the golden
 * run once and then runs a faulty copy differentially — only the neurons whose state differs from the
 * golden run's are computed, every other neuron's state is read from the recording — instead of
 * simulating the whole design in the kernel. It must give, for every fault set it {@link #handles},
 * exactly the spikes a kernel run of that set gives (tests prove it against runs from reset).
 *
 * <p>One replay belongs to one bench and one worker thread: {@link GoldenRun} calls {@link #record}
 * after every edge of its golden run, then {@link #finish}; {@link FaultRunner} then calls
 * {@link #run} for the fault sets it handles.
 */
public interface FaultReplay
{
    /** Called by the golden run after the edge of {@code cycle} (0, 1, 2, … in order). */
    void record(long cycle);

    /** Whether {@link #record} needs every edge (false: the golden run may run in longer stretches). */
    default boolean recordsEdges()
    {
        return true;
    }

    /** The golden run has ended: no more {@link #record}. */
    void finish();

    /** Whether {@link #run} covers this fault set (otherwise the kernel runs it). */
    boolean handles(List<Fault> faults);

    /**
     * Runs a fault set it {@link #handles}: appends to {@code sink} every spike of the faulty run from
     * time {@code from} on (the returned value; the faulty run equals the golden run before it).
     */
    long run(List<Fault> faults, SpikeSink sink);

    /** Cycles of the design the last {@link #run} stepped through (its cost figure). */
    long lastCycles();
}
