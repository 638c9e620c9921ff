package org.scfabric.bench.faults;

import java.util.Arrays;

/**
 * Spikes as sortable {@code long} keys, {@code time << 25 | neuron}: sorted keys are in (time,
 * neuron) order. A growable list in arrival order that a bench's sink appends to.
 */
final class SpikeKeys implements SpikeSink
{
    static final int NEURON_BITS = 25;
    static final long NEURON_MASK = (1L << NEURON_BITS) - 1;
    /** Spike times must stay below this (SpikeDiff packs a time and a side bit into 39 bits). */
    static final long MAX_TIME = 1L << 38;
    static final int MAX_NEURONS = 1 << NEURON_BITS;

    long[] keys = new long[1024];
    int size;

    static long key(final long time, final int neuron)
    {
        return time << NEURON_BITS | neuron;
    }

    static long time(final long key)
    {
        return key >>> NEURON_BITS;
    }

    static int neuron(final long key)
    {
        return (int)(key & NEURON_MASK);
    }

    @Override
    public void spike(final long time, final int neuron)
    {
        if (time < 0 || time >= MAX_TIME || neuron < 0 || neuron >= MAX_NEURONS)
        {
            throw new IllegalArgumentException("spike of neuron " + neuron + " at time " + time
                + " is outside 0.." + (MAX_NEURONS - 1) + " × 0.." + (MAX_TIME - 1));
        }
        if (size == keys.length)
        {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size++] = key(time, neuron);
    }

    /** Appends keys {@code from[a .. b)}. */
    void append(final long[] from, final int a, final int b)
    {
        if (size + (b - a) > keys.length)
        {
            keys = Arrays.copyOf(keys, Math.max(size + (b - a), keys.length * 2));
        }
        System.arraycopy(from, a, keys, size, b - a);
        size += b - a;
    }

    void reset()
    {
        size = 0;
    }

    /**
     * Sorts {@code a[0..size)}. Keys that come in time order, unsorted only among one time's neurons
     * (a replay's spikes, step by step), are sorted one time at a time; the result is the same.
     */
    static void sort(final long[] a, final int size)
    {
        boolean inOrder = true;
        for (int i = 1; i < size; i++)
        {
            if (a[i] < a[i - 1])
            {
                if (time(a[i]) < time(a[i - 1]))
                {
                    Arrays.sort(a, 0, size);
                    return;
                }
                inOrder = false;
            }
        }
        if (inOrder)
        {
            return;
        }
        int from = 0;
        for (int i = 1; i <= size; i++)
        {
            if (i == size || time(a[i]) != time(a[from]))
            {
                if (!sorted(a, from, i))
                {
                    Arrays.sort(a, from, i);
                }
                from = i;
            }
        }
    }

    static boolean sorted(final long[] a, final int from, final int to)
    {
        for (int i = from + 1; i < to; i++)
        {
            if (a[i] < a[i - 1])
            {
                return false;
            }
        }
        return true;
    }
}
