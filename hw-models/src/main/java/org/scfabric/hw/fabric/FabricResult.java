package org.scfabric.hw.fabric;

import java.util.Arrays;

import org.HdrHistogram.Histogram;
import org.scfabric.sim.record.LatencyRecorder;

/**
 * What a fabric run measured. Cycles are clock cycles; a step's cycles run from its start pulse to
 * the next one. Spikes per step are sorted (null when the run kept counts only).
 *
 * @param fifoOccupancy    {@code fifoOccupancy[n]}: (cycle, FIFO) pairs with n entries, over every FIFO
 * @param dropped          spikes lost to a full FIFO (only under DROP), first at {@code firstDropCycle}
 * @param stallCycles      core-cycles a core waited for a FIFO credit (only under STALL)
 * @param firstFullCycle   first cycle a FIFO became full, or −1
 * @param synapseReads     fan-out memory words read (one per delivered synapse)
 */
public record FabricResult(FabricParams params, int steps, int[][] spikes, long[] spikesPerStep, long totalSpikes,
    long[] stepCycles, long[] coreActiveCycles, long synapseReads, long[] fifoOccupancy, long dropped,
    long firstDropCycle, long stallCycles, long firstStallCycle, long firstFullCycle, LatencyRecorder latency,
    double wallSeconds, long evaluatedEdges)
{
    public long totalCycles()
    {
        long t = 0;
        for (final long c : stepCycles)
        {
            t += c;
        }
        return t;
    }

    public long minStepCycles()
    {
        return Arrays.stream(stepCycles).min().orElse(0);
    }

    public long maxStepCycles()
    {
        return Arrays.stream(stepCycles).max().orElse(0);
    }

    /** Median of the per-step cycles (the lower middle for an even count). */
    public long medianStepCycles()
    {
        final long[] s = stepCycles.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[(s.length - 1) / 2];
    }

    /** Seconds of hardware time at {@code mhz}. */
    public double hardwareSeconds(final double mhz)
    {
        return totalCycles() / (mhz * 1e6);
    }

    /**
     * Real-time factor: hardware time over simulated (biological) time; below 1 the fabric runs faster
     * than real time.
     */
    public double realTimeFactor(final double mhz, final double dtMs)
    {
        return hardwareSeconds(mhz) / (steps * dtMs / 1000.0);
    }

    /** Steps whose cycles exceed the budget (they could not keep real time at that clock). */
    public long lateSteps(final long budget)
    {
        return Arrays.stream(stepCycles).filter(c -> c > budget).count();
    }

    /** First late step, or −1. */
    public int firstLateStep(final long budget)
    {
        for (int t = 0; t < stepCycles.length; t++)
        {
            if (stepCycles[t] > budget)
            {
                return t;
            }
        }
        return -1;
    }

    /** The cycle at which step t started. */
    public long stepStartCycle(final int t)
    {
        long c = 0;
        for (int i = 0; i < t; i++)
        {
            c += stepCycles[i];
        }
        return c;
    }

    /** Fraction of cycles core c had a neuron at its result stage. */
    public double coreUtilisation(final int c)
    {
        return totalCycles() == 0 ? 0 : (double)coreActiveCycles[c] / totalCycles();
    }

    public double meanCoreUtilisation()
    {
        double s = 0;
        for (int c = 0; c < coreActiveCycles.length; c++)
        {
            s += coreUtilisation(c);
        }
        return s / coreActiveCycles.length;
    }

    /** Fraction of port-cycles of the fan-out memory that read a synapse. */
    public double portUtilisation()
    {
        return totalCycles() == 0 ? 0 : (double)synapseReads / ((double)params.ports() * totalCycles());
    }

    public int maxFifoOccupancy()
    {
        for (int n = fifoOccupancy.length - 1; n > 0; n--)
        {
            if (fifoOccupancy[n] != 0)
            {
                return n;
            }
        }
        return 0;
    }

    public Histogram latencyFirst()
    {
        return latency.histogram(0);
    }

    public Histogram latencyLast()
    {
        return latency.histogram(1);
    }

    /** Same spikes and same cycles as another run (the architecture-independent part and the timing). */
    public boolean sameTiming(final FabricResult o)
    {
        return Arrays.equals(stepCycles, o.stepCycles);
    }
}
