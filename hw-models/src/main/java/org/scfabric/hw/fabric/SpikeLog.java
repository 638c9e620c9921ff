package org.scfabric.hw.fabric;

import java.util.Arrays;

/**
 * The spikes of a {@link FabricEngine} run: the neurons of each step, in the order they fire, and
 * optionally the edge of each spike; at the end, each step's neurons sorted (the form of
 * {@link FabricResult}).
 */
final class SpikeLog
{
    private final int[][] spikes;
    private final int[] count;
    private long[] times;
    private int timeCount;
    /** Where spikes go instead, in a checkpointed run. */
    FabricEngine.SpikeListener listener;

    SpikeLog(final int steps)
    {
        spikes = new int[steps][];
        count = new int[steps];
    }

    /** Also keep the edge of every spike. */
    void keepTimes()
    {
        times = new long[256];
    }

    void add(final int step, final int neuron, final long edge)
    {
        if (listener != null)
        {
            listener.spike(edge, neuron);
            return;
        }
        int[] row = spikes[step];
        if (row == null)
        {
            row = new int[8];
            spikes[step] = row;
        }
        else if (count[step] == row.length)
        {
            row = Arrays.copyOf(row, 2 * row.length);
            spikes[step] = row;
        }
        row[count[step]++] = neuron;
        if (times != null)
        {
            if (timeCount + 2 > times.length)
            {
                times = Arrays.copyOf(times, 2 * times.length);
            }
            times[timeCount++] = edge;
            times[timeCount++] = neuron;
        }
    }

    /** Pairs (edge, neuron) in edge order; empty unless {@link #keepTimes} was called. */
    long[] times()
    {
        return times == null ? new long[0] : Arrays.copyOf(times, timeCount);
    }

    /** Each step's neurons, ascending. */
    int[][] sortedSteps()
    {
        final int[][] out = new int[spikes.length][];
        for (int t = 0; t < spikes.length; t++)
        {
            out[t] = spikes[t] == null ? new int[0] : Arrays.copyOf(spikes[t], count[t]);
            Arrays.sort(out[t]);
        }
        return out;
    }

    long[] perStep()
    {
        final long[] out = new long[count.length];
        for (int t = 0; t < count.length; t++)
        {
            out[t] = count[t];
        }
        return out;
    }
}
