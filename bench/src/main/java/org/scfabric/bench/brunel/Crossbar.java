package org.scfabric.bench.brunel;

import org.scfabric.sim.Binding;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * The connection bits of the network as a kernel memory {@code xbar} of 64-bit words: row i
 * (presynaptic neuron i) in words i·⌈N/64⌉ .., bit j mod 64 of word j/64 set when i → j. Every
 * bit is a fault site (a synapse made or lost); the bits of a row's last word past N are not wired.
 * N² bits, where a weight per synapse would be N² words: the weight is the presynaptic neuron's.
 */
final class Crossbar
{
    private final Connectivity c;
    private final int n;
    private final int words;
    private final long lastMask;
    private int mem;

    Crossbar(final Connectivity c)
    {
        this.c = c;
        this.n = c.size();
        this.words = c.wordsPerRow();
        this.lastMask = (n & 63) == 0 ? -1L : (1L << (n & 63)) - 1;
    }

    void declare(final Declarations d)
    {
        d.memory("xbar", 64, n * words);
    }

    void bind(final Binding b)
    {
        mem = b.memory("xbar");
    }

    /** Initial contents: the network's synapses. */
    void load(final Signals s)
    {
        final long[] bits = c.crossbar();
        for (int a = 0; a < bits.length; a++)
        {
            s.loadMemory(mem, a, bits[a]);
        }
    }

    /** acc[j] += w for every j of row i. */
    void addRow(final Signals s, final int i, final long w, final long[] acc)
    {
        final int row = i * words;
        for (int k = 0; k < words; k++)
        {
            long bits = s.readMemory(mem, row + k);
            if (k == words - 1)
            {
                bits &= lastMask;
            }
            final int base = k << 6;
            while (bits != 0)
            {
                acc[base + Long.numberOfTrailingZeros(bits)] += w;
                bits &= bits - 1;
            }
        }
    }

    /** syn[j] += w for every j of row i, j ascending. */
    void addRow(final Signals s, final int i, final double w, final double[] syn)
    {
        final int row = i * words;
        for (int k = 0; k < words; k++)
        {
            long bits = s.readMemory(mem, row + k);
            if (k == words - 1)
            {
                bits &= lastMask;
            }
            final int base = k << 6;
            while (bits != 0)
            {
                syn[base + Long.numberOfTrailingZeros(bits)] += w;
                bits &= bits - 1;
            }
        }
    }
}
