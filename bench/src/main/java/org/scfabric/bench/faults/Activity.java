package org.scfabric.bench.faults;

import java.util.Arrays;

import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.Signals;
import org.scfabric.sim.fault.FaultSites;
import org.scfabric.sim.fault.FaultSpace;

/**
 * What every selected bit did in the golden run: for each bit, the last cycle after whose edge it
 * read 0 and the last it read 1. A stuck-at-v from cycle c on a bit that read v after every edge
 * from c to the end cannot change anything (every masked write writes what was written anyway), so
 * the campaign classifies it masked without simulating it; and a faulty run whose whole state equals
 * the golden state at a checkpoint, with every stuck bit reading its stuck value from there on, runs
 * on exactly as the golden run does.
 *
 * <p>Exact when every value the design holds is settled at the edges of its first clock: all clocks
 * are the first clock or have edges only on its edges, and actions run only at those edges
 * ({@link FaultBench}'s contract). {@link #applicable} checks the clocks.
 */
final class Activity
{
    private final FaultSpace space;
    private final Kernel kernel;
    private final Signals signals;
    private final int targets;
    private final int[] signal;     // signal id of target t, or -1 for a memory word
    private final int[] memory;     // memory id, for a memory word
    private final int[] word;
    private final int[] width;
    private final int[] offset;     // first bit slot of target t
    private final long[] prev;
    private final int[] lastZero;
    private final int[] lastOne;
    private long lastSampled = -1;

    Activity(final FaultSpace space, final Kernel kernel)
    {
        this.space = space;
        this.kernel = kernel;
        this.signals = kernel.signals();
        final FaultSites sites = space.sites();
        final Design d = sites.design();
        targets = space.targetCount();
        signal = new int[targets];
        memory = new int[targets];
        word = new int[targets];
        width = new int[targets];
        offset = new int[targets + 1];
        for (int t = 0; t < targets; t++)
        {
            final long site = space.fault(t, 0, 0, 0).site();
            if (sites.isMemory(site))
            {
                signal[t] = -1;
                memory[t] = sites.target(site);
                word[t] = sites.word(site);
                width[t] = d.memoryWidth(memory[t]);
            }
            else
            {
                signal[t] = sites.target(site);
                width[t] = d.width(signal[t]);
            }
            offset[t + 1] = offset[t] + width[t];
        }
        prev = new long[targets];
        lastZero = new int[offset[targets]];
        lastOne = new int[offset[targets]];
        Arrays.fill(lastZero, -1);
        Arrays.fill(lastOne, -1);
        for (int t = 0; t < targets; t++)
        {
            prev[t] = value(t);
        }
    }

    /** Whether the design's clocks allow it (every clock's edges fall on edges of the first clock). */
    static boolean applicable(final Design d)
    {
        final org.scfabric.sim.Clock c0 = d.clocks().get(0);
        for (final org.scfabric.sim.Clock c : d.clocks())
        {
            if (c.phase() < c0.phase() || (c.phase() - c0.phase()) % c0.period() != 0 || c.period() % c0.period() != 0)
            {
                return false;
            }
        }
        return true;
    }

    private long value(final int t)
    {
        return signal[t] >= 0 ? kernel.peek(signal[t]) : signals.readMemory(memory[t], word[t]);
    }

    /** Record the values after edge {@code cycle} (called for every cycle, in order). */
    void sample(final long cycle)
    {
        if (cycle > Integer.MAX_VALUE - 1)
        {
            throw new IllegalStateException("runs longer than 2^31 cycles are not tracked");
        }
        for (int t = 0; t < targets; t++)
        {
            final long v = value(t);
            if (v != prev[t])
            {
                flush(t, cycle - 1);
                prev[t] = v;
            }
        }
        lastSampled = cycle;
    }

    /** After the last cycle: every bit's final run of values ends there. */
    void finish()
    {
        for (int t = 0; t < targets; t++)
        {
            flush(t, lastSampled);
        }
    }

    private void flush(final int t, final long upTo)
    {
        if (upTo < 0)
        {
            return;
        }
        final long v = prev[t];
        for (int b = 0, o = offset[t]; b < width[t]; b++, o++)
        {
            if ((v >>> b & 1) == 0)
            {
                lastZero[o] = (int)upTo;
            }
            else
            {
                lastOne[o] = (int)upTo;
            }
        }
    }

    /**
     * True if bit {@code site} read {@code value} after every edge from {@code fromCycle} to the end of
     * the golden run. False for sites outside the space.
     */
    boolean constantFrom(final long site, final int value, final long fromCycle)
    {
        final int t = space.targetOf(site);
        if (t < 0)
        {
            return false;
        }
        final int o = offset[t] + space.sites().bit(site);
        final int lastOther = value == 0 ? lastOne[o] : lastZero[o];
        return lastOther < fromCycle;
    }
}
