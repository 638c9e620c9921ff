package org.scfabric.bench.faults;

import java.util.Arrays;
import java.util.Objects;

import org.scfabric.sim.ComponentStates;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.Signals;
import org.scfabric.sim.Snapshot;
import org.scfabric.sim.fault.FaultSpace;

/**
 * The fault-free run of one bench: its spikes, a checkpoint every {@code interval} cycles (a kernel
 * snapshot, the bench's own state, and a copy of every value for convergence checks), and — when
 * the space has stuck-at faults and the clocks allow it — the {@link Activity} of the selected bits.
 * Checkpoint k holds the state before edge k·interval.
 */
final class GoldenRun
{
    final FaultBench bench;
    final Kernel kernel;
    final long cycles;
    final int interval;
    final int checkpoints;
    final Snapshot[] snapshots;
    final Object[] benchStates;
    final long[][] values;
    final ComponentStates[] componentStates;
    /** Spike keys in arrival order. */
    final long[] spikes;
    /** Spike keys sorted. */
    final long[] sortedSpikes;
    /** Whether the arrival order is sorted already (windows need no sorting then). */
    final boolean arrivalSorted;
    /** Spikes that had arrived when checkpoint k was taken (k = checkpoints: all of them). */
    final int[] spikesBefore;
    final Activity activity;
    /** The bench's fast path for some fault sets, or null. */
    final FaultReplay replay;
    final SpikeKeys sink = new SpikeKeys();
    final long hash;
    /** Each neuron's spike times, ascending: neuron i's in {@code spikeTimes[spikeStart[i] .. spikeStart[i + 1])}. */
    final long[] spikeTimes;
    final int[] spikeStart;

    GoldenRun(final FaultBench bench, final int interval, final FaultSpace trackedSpace)
    {
        this.bench = bench;
        this.kernel = bench.kernel();
        this.cycles = bench.cycles();
        if (cycles > Integer.MAX_VALUE - 1)
        {
            throw new IllegalArgumentException("runs of at most 2^31 cycles are supported");
        }
        if (bench.neurons() > SpikeKeys.MAX_NEURONS)
        {
            throw new IllegalArgumentException("at most " + SpikeKeys.MAX_NEURONS + " neurons are supported");
        }
        this.interval = Math.max(1, interval);
        this.checkpoints = (int)((cycles + this.interval - 1) / this.interval);
        snapshots = new Snapshot[checkpoints];
        benchStates = new Object[checkpoints];
        values = new long[checkpoints][];
        componentStates = new ComponentStates[checkpoints];
        spikesBefore = new int[checkpoints + 1];
        final Design d = kernel.design();
        activity = trackedSpace != null && bench.valuesSettleEveryCycle() && Activity.applicable(d)
            ? new Activity(trackedSpace, kernel) : null;
        replay = bench.newReplay();
        bench.observe(sink);
        sink.reset();
        for (int k = 0; k < checkpoints; k++)
        {
            final long start = (long)k * this.interval;
            spikesBefore[k] = sink.size;
            snapshots[k] = kernel.snapshot();
            benchStates[k] = bench.saveState();
            values[k] = values(kernel);
            componentStates[k] = ComponentStates.save(d);
            final long end = Math.min(cycles, start + this.interval);
            if (activity != null || replay != null && replay.recordsEdges())
            {
                for (long c = start; c < end; c++)
                {
                    bench.runTo(c + 1);
                    if (activity != null)
                    {
                        activity.sample(c);
                    }
                    if (replay != null && replay.recordsEdges())
                    {
                        replay.record(c);
                    }
                }
            }
            else
            {
                bench.runTo(end);
            }
        }
        if (activity != null)
        {
            activity.finish();
        }
        if (replay != null)
        {
            replay.finish();
        }
        spikes = Arrays.copyOf(sink.keys, sink.size);
        spikesBefore[checkpoints] = spikes.length;
        sortedSpikes = spikes.clone();
        Arrays.sort(sortedSpikes);
        arrivalSorted = Arrays.equals(spikes, sortedSpikes);
        hash = Arrays.hashCode(sortedSpikes);
        final int n = bench.neurons();
        spikeStart = new int[n + 1];
        for (final long key : sortedSpikes)
        {
            spikeStart[SpikeKeys.neuron(key) + 1]++;
        }
        for (int i = 0; i < n; i++)
        {
            spikeStart[i + 1] += spikeStart[i];
        }
        spikeTimes = new long[sortedSpikes.length];
        final int[] fill = Arrays.copyOf(spikeStart, n);
        for (final long key : sortedSpikes)
        {
            spikeTimes[fill[SpikeKeys.neuron(key)]++] = SpikeKeys.time(key);
        }
    }

    /**
     * The first cycle after {@code cycle} whose edge reads a spike of neuron i (by
     * {@link FaultBench#spikeReadCycle}), or {@link Long#MAX_VALUE} if no edge of the run does.
     */
    long nextSpikeRead(final int i, final long cycle)
    {
        for (int k = spikeStart[i], end = spikeStart[i + 1]; k < end; k++)
        {
            final long read = bench.spikeReadCycle(spikeTimes[k]);
            if (read > cycle && read < cycles)
            {
                return read;
            }
        }
        return Long.MAX_VALUE;
    }

    /** Every signal value, then every memory word. */
    static long[] values(final Kernel kernel)
    {
        final Design d = kernel.design();
        final long[] out = new long[d.signalCount() + d.memoryWords()];
        kernel.signals().copyValues(out);
        return out;
    }

    /** Index into {@link #values} of a memory word. */
    int valueIndex(final int memory, final int word)
    {
        final Design d = kernel.design();
        int i = d.signalCount();
        for (int m = 0; m < memory; m++)
        {
            i += d.memoryDepth(m);
        }
        return i + word;
    }

    /** The signal where the last comparison found a difference: most often it still differs. */
    private int hint = -1;

    /** True if the kernel's values equal checkpoint k's (short-circuits on the first difference). */
    boolean sameValues(final int k)
    {
        return sameValues(k, NONE, 0);
    }

    private static final int[] NONE = new int[0];

    /**
     * True if the kernel's values equal checkpoint k's but for the values at {@code except[0..nExcept)}
     * (indices into {@link #values}, ascending; memory words only).
     */
    boolean sameValues(final int k, final int[] except, final int nExcept)
    {
        final long[] g = values[k];
        final Design d = kernel.design();
        final int n = d.signalCount();
        if (hint >= 0 && kernel.peek(hint) != g[hint])
        {
            return false;
        }
        for (int s = 0; s < n; s++)
        {
            if (kernel.peek(s) != g[s])
            {
                hint = s;
                return false;
            }
        }
        final Signals sig = kernel.signals();
        int i = n;
        int x = 0;
        for (int m = 0; m < d.memoryCount(); m++)
        {
            for (int w = 0, depth = d.memoryDepth(m); w < depth; w++, i++)
            {
                if (x < nExcept && except[x] == i)
                {
                    x++;
                    continue;
                }
                if (sig.readMemory(m, w) != g[i])
                {
                    return false;
                }
            }
        }
        return componentStates[k].matchCurrent() && Objects.deepEquals(benchStates[k], bench.saveState());
    }

    long spikeCount()
    {
        return spikes.length;
    }

    private int decision = Integer.MIN_VALUE;

    /** The bench's decision on the golden run's spike counts (computed once). */
    int decision()
    {
        if (decision == Integer.MIN_VALUE)
        {
            decision = bench.decision(j -> spikeStart[j + 1] - spikeStart[j]);
        }
        return decision;
    }
}
