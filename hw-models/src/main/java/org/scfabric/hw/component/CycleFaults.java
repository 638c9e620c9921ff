package org.scfabric.hw.component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.agrona.collections.Int2ObjectHashMap;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;
import org.scfabric.sim.fault.FaultSites;

/**
 * The kernel's fault semantics, cycle by cycle, for a component that computes many clock cycles in
 * one kernel edge (a bitstream window). The kernel applies a register's stuck-at masks where the
 * register is written, i.e. once per kernel edge; a register that changes on every hardware cycle
 * inside the window needs them on every cycle. Given the faults of its registers (announced with
 * {@link #add} when they are injected), such a component replays a faulted register cycle by cycle:
 * {@link #write} is the value a hardware edge stores, {@link #strike} what a fault does right after
 * the edge of its cycle, {@link #evolve} what faults do to a held value between edges. The result
 * equals a kernel run of the same logic clocked on every cycle (EncoderArrayFaultTest, WindowCountTest).
 *
 * <p>Semantics (those of {@code Kernel.inject}): a fault of cycle c strikes right after the edge of
 * cycle c: a stuck-at forces its bit then and masks every later write; a flip inverts the bit once.
 * Cycles count edges of the design's first clock. Memory faults are not handled here (memories are
 * read, not rewritten, by the Brunel components).
 */
public final class CycleFaults
{
    private final FaultSites sites;
    /** Per fault: signal, bit mask, kind ordinal, cycle; in injection order. */
    private long[][] faults = new long[0][];
    /**
     * The same faults by signal, each list in injection order: every query concerns one register,
     * so it reads that register's few faults, not every fault of a high-rate random fault set.
     */
    private final Int2ObjectHashMap<long[][]> bySignal = new Int2ObjectHashMap<>();
    private static final long[][] NONE = new long[0][];

    public CycleFaults(final FaultSites sites)
    {
        this.sites = sites;
    }

    /** Records a fault injected into the kernel; faults on memories are ignored (false). */
    public boolean add(final Fault f)
    {
        if (sites.isMemory(f.site()))
        {
            return false;
        }
        final int signal = sites.target(f.site());
        final long[] fault = {signal, 1L << sites.bit(f.site()), f.kind().ordinal(), f.cycle()};
        faults = Arrays.copyOf(faults, faults.length + 1);
        faults[faults.length - 1] = fault;
        index(fault);
        return true;
    }

    private void index(final long[] fault)
    {
        final int signal = (int)fault[0];
        final long[][] list = bySignal.get(signal);
        final long[][] grown = list == null ? new long[1][] : Arrays.copyOf(list, list.length + 1);
        grown[grown.length - 1] = fault;
        bySignal.put(signal, grown);
    }

    private long[][] of(final int signal)
    {
        final long[][] list = bySignal.get(signal);
        return list == null ? NONE : list;
    }

    /** Whether any fault concerns this signal. */
    public boolean has(final int signal)
    {
        return bySignal.containsKey(signal);
    }

    /** The value an edge of cycle {@code edge} stores: the stuck-at masks of faults from before it. */
    public long write(final int signal, final long next, final long edge)
    {
        long v = next;
        final long[][] mine = of(signal);
        for (final long[] f : mine)
        {
            if (f[3] < edge && f[2] == FaultKind.STUCK_AT_0.ordinal())
            {
                v &= ~f[1];
            }
        }
        for (final long[] f : mine)
        {
            if (f[3] < edge && f[2] == FaultKind.STUCK_AT_1.ordinal())
            {
                v |= f[1];
            }
        }
        return v;
    }

    /** What the faults of cycle {@code cycle} do to the value right after that cycle's edge. */
    public long strike(final int signal, final long value, final long cycle)
    {
        long v = value;
        for (final long[] f : of(signal))
        {
            if (f[3] == cycle)
            {
                v = apply(f, v);
            }
        }
        return v;
    }

    /** A held (not rewritten) value after the strikes of cycles {@code from} .. {@code to}, in order. */
    public long evolve(final int signal, final long value, final long from, final long to)
    {
        long v = value;
        final List<long[]> hits = new ArrayList<>();
        for (final long[] f : of(signal))
        {
            if (f[3] >= from && f[3] <= to)
            {
                hits.add(f);
            }
        }
        hits.sort((x, y) -> Long.compare(x[3], y[3]));
        for (final long[] f : hits)
        {
            v = apply(f, v);
        }
        return v;
    }

    private static long apply(final long[] f, final long v)
    {
        if (f[2] == FaultKind.STUCK_AT_0.ordinal())
        {
            return v & ~f[1];
        }
        if (f[2] == FaultKind.STUCK_AT_1.ordinal())
        {
            return v | f[1];
        }
        return v ^ f[1];
    }

    /** The recorded faults, for a snapshot. */
    public State save()
    {
        return new State(faults.clone());
    }

    /** Back to a state from {@link #save} (faults recorded after it are forgotten, as by Kernel.restore). */
    public void restore(final State state)
    {
        faults = state.faults.clone();
        bySignal.clear();
        for (final long[] f : faults)
        {
            index(f);
        }
    }

    /** The recorded faults (rows of signal, bit mask, kind, cycle), compared by content. */
    public static final class State
    {
        private final long[][] faults;

        State(final long[][] faults)
        {
            this.faults = faults;
        }

        @Override
        public boolean equals(final Object o)
        {
            return o instanceof State s && Arrays.deepEquals(faults, s.faults);
        }

        @Override
        public int hashCode()
        {
            return Arrays.deepHashCode(faults);
        }
    }
}
