package org.scfabric.hw.fabric;

import java.util.Arrays;

/**
 * The output events of a mapped network, in the order they leave the cores: step, neuron, the edge
 * of its result stage and the value (2^F for a spike, v for a readout). Grows by doubling; nothing
 * allocated per event otherwise.
 */
public final class OutputEvents
{
    private long[] data = new long[256];
    private int count;

    void add(final int step, final int neuron, final long edge, final int value)
    {
        if (4 * count + 4 > data.length)
        {
            data = Arrays.copyOf(data, 2 * data.length);
        }
        data[4 * count] = step;
        data[4 * count + 1] = neuron;
        data[4 * count + 2] = edge;
        data[4 * count + 3] = value;
        count++;
    }

    public int size()
    {
        return count;
    }

    public int step(final int i)
    {
        return (int)data[4 * i];
    }

    public int neuron(final int i)
    {
        return (int)data[4 * i + 1];
    }

    public long edge(final int i)
    {
        return data[4 * i + 2];
    }

    public int value(final int i)
    {
        return (int)data[4 * i + 3];
    }
}
