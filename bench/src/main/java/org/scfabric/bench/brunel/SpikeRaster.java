package org.scfabric.bench.brunel;

import java.util.Arrays;

/** Spikes of one population as two parallel growable arrays (step, neuron), in step order. */
public final class SpikeRaster
{
    private int[] step = new int[1024];
    private int[] neuron = new int[1024];
    private int count;

    public void add(final int t, final int j)
    {
        if (count == step.length)
        {
            step = Arrays.copyOf(step, count * 2);
            neuron = Arrays.copyOf(neuron, count * 2);
        }
        step[count] = t;
        neuron[count++] = j;
    }

    public int count()
    {
        return count;
    }

    /** Forgets the spikes after the first {@code n} (a restored snapshot). */
    public void truncate(final int n)
    {
        if (n < 0 || n > count)
        {
            throw new IllegalArgumentException("cannot truncate " + count + " spikes to " + n);
        }
        count = n;
    }

    public int step(final int i)
    {
        return step[i];
    }

    public int neuron(final int i)
    {
        return neuron[i];
    }

    /** A copy of the steps, exactly {@link #count()} long. */
    public int[] steps()
    {
        return Arrays.copyOf(step, count);
    }

    /** A copy of the neurons, exactly {@link #count()} long. */
    public int[] neurons()
    {
        return Arrays.copyOf(neuron, count);
    }
}
