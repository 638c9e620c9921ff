package org.scfabric.sim;

/**
 * The whole state of a kernel at one moment: every signal, memory word and fault mask, the pending
 * events, and the private state of {@link StatefulComponent}s. Restoring it into the kernel it came
 * from continues the run exactly as if it had never been interrupted (a fault campaign starts each
 * faulty run from the golden run's snapshot at the fault's cycle instead of from zero).
 */
public final class Snapshot
{
    final Design design;
    final SignalState signals;
    final EventQueue queue;
    final boolean[] clockScheduled;
    final long processedUpTo;
    final long edgeCount;
    final int faultCount;
    final ComponentStates componentState;

    Snapshot(final Design design, final Signals s, final EventQueue queue, final boolean[] clockScheduled,
        final long processedUpTo, final long edgeCount, final int faultCount, final ComponentStates componentState)
    {
        this.design = design;
        this.signals = s.save();
        this.queue = queue.copy();
        this.clockScheduled = clockScheduled.clone();
        this.processedUpTo = processedUpTo;
        this.edgeCount = edgeCount;
        this.faultCount = faultCount;
        this.componentState = componentState;
    }

    /** Everything at or before this time had been simulated when the snapshot was taken. */
    public long simulatedUpTo()
    {
        return processedUpTo;
    }
}
