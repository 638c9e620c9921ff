package org.scfabric.hw.fabric;

import org.HdrHistogram.Histogram;
import org.scfabric.sim.record.LatencyRecorder;

/**
 * What a {@link FabricEngine} run counts besides spikes — step starts, active core cycles, stalls,
 * drops, FIFO occupancy, synapse reads, spike latencies — and the {@link FabricResult} they make.
 * Fields are written directly by the engine's loop (one object, no calls per edge).
 */
final class EngineCounters
{
    final long[] startCycle;
    final long[] activeCycles;
    long stallCycles;
    long firstStallCycle = -1;
    long dropped;
    long firstDropCycle = -1;
    long firstFullCycle = -1;
    long synapseReads;
    /** Per FIFO fill level, core edges seen at that level. */
    final long[] occupancy;
    final Histogram latFirst = new Histogram(3);
    final Histogram latLast = new Histogram(3);

    EngineCounters(final int steps, final int cores, final int fifoDepth)
    {
        startCycle = new long[steps + 1];
        activeCycles = new long[cores];
        occupancy = new long[fifoDepth + 1];
    }

    /** A stall at edge {@code now}. */
    void stall(final long now)
    {
        stallCycles++;
        if (firstStallCycle < 0)
        {
            firstStallCycle = now;
        }
    }

    /** A spike dropped at a full FIFO at edge {@code now}. */
    void drop(final long now)
    {
        dropped++;
        if (firstDropCycle < 0)
        {
            firstDropCycle = now;
        }
    }

    /** A FIFO became full at edge {@code now}. */
    void full(final long now)
    {
        if (firstFullCycle < 0)
        {
            firstFullCycle = now;
        }
    }

    FabricResult result(final FabricParams fp, final int steps, final SpikeLog spikes, final double wall,
        final long cycles)
    {
        final int[][] out = spikes.sortedSteps();
        final long[] perStep = spikes.perStep();
        long total = 0;
        for (final long n : perStep)
        {
            total += n;
        }
        final long[] stepCycles = new long[steps];
        for (int t = 0; t < steps; t++)
        {
            stepCycles[t] = startCycle[t + 1] - startCycle[t];
        }
        final LatencyRecorder lat = new LatencyRecorder(Fabric.LATENCY_POPULATIONS);
        lat.histogram(0).add(latFirst);
        lat.histogram(1).add(latLast);
        return new FabricResult(fp, steps, out, perStep, total, stepCycles, activeCycles.clone(), synapseReads,
            occupancy.clone(), dropped, firstDropCycle, stallCycles, firstStallCycle, firstFullCycle, lat, wall,
            cycles);
    }
}
