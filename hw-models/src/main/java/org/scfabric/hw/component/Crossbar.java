package org.scfabric.hw.component;

import org.scfabric.sim.Binding;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * The connection bits of the network as a kernel memory {@code xbar} of 64-bit words: row i
 * (presynaptic neuron i) in words i·⌈N/64⌉ .., bit j mod 64 of word j/64 set when i → j. Every
 * bit is a fault site (a synapse made or lost); the bits of a row's last word past N are not wired.
 * N² bits, where a weight per synapse would be N² words: the weight is the presynaptic neuron's.
 *
 * <p>While the memory holds exactly the network's synapses — no fault has reached it and nothing has
 * written it since it was loaded ({@link #pristine}) — a row's set bits are the targets of the
 * network's CSR row, so {@code addRow} reads those instead of walking the row's words bit by bit (a
 * mispredicted branch per word). When a fault has reached the memory, only the rows whose words
 * differ from the loaded ones are read bit by bit (a faulty run has one or a few); the others still
 * come from the CSR. Either way a row's targets come in ascending order, and each target gets one
 * addition per row, so the sums are the same bits.
 */
public final class Crossbar
{
    /** The network's synapses as CSR rows (the workload's connectivity): what the memory is loaded with. */
    public interface Synapses
    {
        int size();

        int wordsPerRow();

        /** Row-major crossbar words, {@link #wordsPerRow} per presynaptic neuron. */
        long[] crossbar();

        /** Postsynaptic indices of all rows, ascending within a row. */
        int[] targets();

        /** Index into {@link #targets} of row i's first target; row i ends at {@code rowStart(i + 1)}. */
        int rowStart(int i);
    }

    private final Synapses c;
    private final int n;
    private final int words;
    private final long lastMask;
    private int mem;
    /** The memory version at which its contents were last found equal to the network's synapses, or −1. */
    private long pristineVersion = -1;
    private int checkedVersion = -1;
    /** The words the memory was loaded with (the network's synapses), made on first need. */
    private long[] image;
    /** At {@link #checkedVersion}: whether row i's words differ from {@link #image}. */
    private final boolean[] rowChanged;
    /** The row last read: rowTargets[rowFrom..rowTo) (the CSR's array or {@link #scratch}). */
    private int[] rowTargets;
    private int rowFrom;
    private int rowTo;
    private final int[] scratch;

    public Crossbar(final Synapses c)
    {
        this.c = c;
        this.n = c.size();
        this.words = c.wordsPerRow();
        this.lastMask = (n & 63) == 0 ? -1L : (1L << (n & 63)) - 1;
        this.scratch = new int[n];
        this.rowChanged = new boolean[n];
    }

    public void declare(final Declarations d)
    {
        d.memory("xbar", 64, n * words);
    }

    public void bind(final Binding b)
    {
        mem = b.memory("xbar");
    }

    /** Initial contents: the network's synapses. */
    public void load(final Signals s)
    {
        final long[] bits = c.crossbar();
        image = bits;
        for (int a = 0; a < bits.length; a++)
        {
            s.loadMemory(mem, a, bits[a]);
        }
    }

    /**
     * Whether the memory holds exactly the network's synapses; compares it word by word (once per
     * memory version, so once per load, fault or restore).
     */
    public boolean pristine(final Signals s)
    {
        final int version = s.memoryVersion(mem);
        if (version != checkedVersion)
        {
            checkedVersion = version;
            pristineVersion = compareRows(s) ? version : -1;
        }
        return pristineVersion == version;
    }

    /** Marks in {@link #rowChanged} the rows whose words differ from the loaded ones; true if none does. */
    private boolean compareRows(final Signals s)
    {
        if (image == null)
        {
            image = c.crossbar();
        }
        final long[] img = image;
        boolean same = true;
        for (int i = 0; i < n; i++)
        {
            boolean changed = false;
            for (int k = 0, a = i * words; k < words; k++, a++)
            {
                changed |= s.readMemory(mem, a) != img[a];
            }
            rowChanged[i] = changed;
            same &= !changed;
        }
        return same;
    }

    /** acc[j] += w for every j of row i. */
    public void addRow(final Signals s, final int i, final long w, final long[] acc)
    {
        readRow(s, i);
        final int[] t = rowTargets;
        for (int e = rowFrom, end = rowTo; e < end; e++)
        {
            acc[t[e]] += w;
        }
    }

    /** syn[j] += w for every j of row i, j ascending. */
    public void addRow(final Signals s, final int i, final double w, final double[] syn)
    {
        readRow(s, i);
        final int[] t = rowTargets;
        for (int e = rowFrom, end = rowTo; e < end; e++)
        {
            syn[t[e]] += w;
        }
    }

    /**
     * Row i's targets, ascending, into {@code rowTargets[rowFrom..rowTo)}: the network's CSR row
     * while the memory is {@link #pristine}, else the set bits of the row's words (last word masked).
     */
    private void readRow(final Signals s, final int i)
    {
        if (pristine(s) || !rowChanged[i])
        {
            rowTargets = c.targets();
            rowFrom = c.rowStart(i);
            rowTo = c.rowStart(i + 1);
            return;
        }
        final int[] t = scratch;
        int m = 0;
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
                t[m++] = base + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        rowTargets = t;
        rowFrom = 0;
        rowTo = m;
    }
}
