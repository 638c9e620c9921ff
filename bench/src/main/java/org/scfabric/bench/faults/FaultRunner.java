package org.scfabric.bench.faults;

import java.util.Arrays;
import java.util.List;

import org.scfabric.sim.SimulationException;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;

/**
 * Runs faults on one worker's bench against its golden run: restore the checkpoint before the
 * first fault, inject, run, and stop early where the faulty state has rejoined the golden one
 * (see {@link Activity}). Stuck-ats that never meet a bit of the other value are not run at all.
 * The spikes compared are those that arrived after the restart: before it, both runs are the same.
 */
final class FaultRunner
{
    enum How
    {
        PRUNED, CONVERGED, SIMULATED, REPLAYED, ERROR
    }

    final GoldenRun g;
    final SpikeDiff diff;
    How how;
    long simulatedCycles;
    String error;
    /** Whether the last run started later than its first fault (sites read only on spikes). */
    boolean lateStart;
    /** Times the last run skipped ahead to the next read of its faulted sites. */
    int skips;
    private long[] window = new long[1024];
    /** Whether fault sets the golden run's {@link FaultReplay} handles go to it (tests of the kernel paths turn it off). */
    boolean useReplay = true;

    FaultRunner(final GoldenRun golden, final double tauTimeUnits)
    {
        this.g = golden;
        this.diff = new SpikeDiff(golden.bench.neurons(), tauTimeUnits);
    }

    /** Runs a fault set (one fault, or several at once); the result is in {@link #diff} and {@link #how}. */
    boolean run(final List<Fault> faults)
    {
        error = null;
        simulatedCycles = 0;
        lateStart = false;
        skips = 0;
        if (faults.isEmpty() || (g.activity != null && faults.stream().allMatch(this::inactive)))
        {
            how = How.PRUNED;
            return diff.compare(g.spikes, 0, 0, g.spikes, 0);
        }
        long first = Long.MAX_VALUE;
        long last = 0;
        for (final Fault f : faults)
        {
            if (f.cycle() >= g.cycles)
            {
                throw new IllegalArgumentException("fault at cycle " + f.cycle() + " is after the run's last cycle "
                    + (g.cycles - 1));
            }
            first = Math.min(first, f.cycle());
            last = Math.max(last, f.cycle());
        }
        if (useReplay && g.replay != null && g.replay.handles(faults))
        {
            return replay(faults);
        }
        final boolean lazy = readOnlyOnSpikes(faults);
        long restart = first;
        if (lazy)
        {
            // nothing reads a faulted site before the first spike read after its fault: start just before it
            long read = Long.MAX_VALUE;
            for (final Fault f : faults)
            {
                read = Math.min(read, g.nextSpikeRead(g.bench.readOnlyOnSpikeOf(f.site()), f.cycle()));
            }
            if (read == Long.MAX_VALUE)
            {
                how = How.PRUNED;
                return diff.compare(g.spikes, 0, 0, g.spikes, 0);
            }
            restart = Math.max(first, read - 1);
            lateStart = restart / g.interval > first / g.interval;
        }
        final int k = (int)(restart / g.interval);
        final long start = (long)k * g.interval;
        long skipped = 0;
        g.bench.restore(g.snapshots[k], g.benchStates[k]);
        g.sink.reset();
        try
        {
            inject(faults, restart);
            int joined = -1;
            for (int j = k + 1; j < g.checkpoints; j++)
            {
                final long at = (long)j * g.interval;
                g.bench.runTo(at);
                if (at <= last)
                {
                    continue;
                }
                if (!lazy)
                {
                    if (stuckBitsQuietFrom(faults, at) && g.sameValues(j))
                    {
                        joined = j;
                        break;
                    }
                }
                else if (g.sameValues(j, except, nExcept))
                {
                    // the golden state but for faulted sites that nothing reads before their next spike read
                    long read = Long.MAX_VALUE;
                    for (final Fault f : faults)
                    {
                        read = Math.min(read, g.nextSpikeRead(g.bench.readOnlyOnSpikeOf(f.site()), at - 1));
                    }
                    if (read == Long.MAX_VALUE)
                    {
                        joined = j;
                        break;
                    }
                    final int k2 = (int)((read - 1) / g.interval);
                    if (k2 > j)
                    {
                        // skip to the checkpoint before that read: the golden run's spikes in between
                        g.sink.append(g.spikes, g.spikesBefore[j], g.spikesBefore[k2]);
                        g.bench.restore(g.snapshots[k2], g.benchStates[k2]);
                        inject(faults, read - 1);
                        skipped += (long)(k2 - j) * g.interval;
                        skips++;
                        j = k2;
                    }
                }
            }
            final int gTo;
            if (joined < 0)
            {
                g.bench.runTo(g.cycles);
                simulatedCycles = g.cycles - start - skipped;
                gTo = g.spikes.length;
                how = How.SIMULATED;
            }
            else
            {
                simulatedCycles = (long)joined * g.interval - start - skipped;
                gTo = g.spikesBefore[joined];
                how = How.CONVERGED;
            }
            final int gFrom = g.spikesBefore[k];
            final long[] gw;
            if (g.arrivalSorted)
            {
                gw = g.spikes;
            }
            else
            {
                if (window.length < gTo - gFrom)
                {
                    window = new long[Math.max(gTo - gFrom, window.length * 2)];
                }
                System.arraycopy(g.spikes, gFrom, window, 0, gTo - gFrom);
                Arrays.sort(window, 0, gTo - gFrom);
                gw = window;
            }
            SpikeKeys.sort(g.sink.keys, g.sink.size);
            return g.arrivalSorted ? diff.compare(gw, gFrom, gTo, g.sink.keys, g.sink.size)
                : diff.compare(gw, 0, gTo - gFrom, g.sink.keys, g.sink.size);
        }
        catch (final SimulationException e)
        {
            how = How.ERROR;
            error = e.getMessage();
            return false;
        }
    }

    /**
     * Runs a fault set on the bench's {@link FaultReplay} and compares its spikes from the time it
     * starts with the golden run's from that time (before it the two runs are the same).
     */
    private boolean replay(final List<Fault> faults)
    {
        g.sink.reset();
        final long from = g.replay.run(faults, g.sink);
        simulatedCycles = g.replay.lastCycles();
        how = How.REPLAYED;
        SpikeKeys.sort(g.sink.keys, g.sink.size);
        final long[] gs = g.sortedSpikes;
        int gFrom = Arrays.binarySearch(gs, SpikeKeys.key(from, 0));
        if (gFrom < 0)
        {
            gFrom = -gFrom - 1;
        }
        return diff.compare(gs, gFrom, gs.length, g.sink.keys, g.sink.size);
    }

    /** Memory words (indices into the golden values) of the faulted sites, ascending, for lazy runs. */
    private int[] except = new int[8];
    private int nExcept;

    /**
     * Whether every fault's site is read only on a spike ({@link FaultBench#readOnlyOnSpikeOf}); if so,
     * their memory words go into {@link #except}.
     */
    private boolean readOnlyOnSpikes(final List<Fault> faults)
    {
        nExcept = 0;
        final org.scfabric.sim.fault.FaultSites sites = g.kernel.design().faultSites();
        for (final Fault f : faults)
        {
            if (g.bench.readOnlyOnSpikeOf(f.site()) < 0)
            {
                return false;
            }
            if (nExcept == except.length)
            {
                except = Arrays.copyOf(except, nExcept * 2);
            }
            except[nExcept++] = g.valueIndex(sites.target(f.site()), sites.word(f.site()));
        }
        Arrays.sort(except, 0, nExcept);
        int u = 0;
        for (int x = 0; x < nExcept; x++)
        {
            if (u == 0 || except[u - 1] != except[x])
            {
                except[u++] = except[x];
            }
        }
        nExcept = u;
        return true;
    }

    /**
     * Injects the faults; one whose cycle is before {@code from} strikes after edge {@code from} instead
     * (lazy runs only: its site keeps its faulty value and is not read in between, so this is the same run).
     */
    private void inject(final List<Fault> faults, final long from)
    {
        // in the order of their cycles (stably), so that faults moved onto one cycle still strike in
        // the order they would have: faults of one cycle strike in the order they are injected
        final List<Fault> ordered = faults.size() < 2 ? faults
            : faults.stream().sorted(java.util.Comparator.comparingLong(Fault::cycle)).toList();
        for (final Fault f : ordered)
        {
            g.bench.kernel().inject(f.cycle() >= from ? f : new Fault(f.site(), f.kind(), from));
        }
    }

    private boolean inactive(final Fault f)
    {
        return f.kind() != FaultKind.FLIP
            && g.activity.constantFrom(f.site(), f.kind() == FaultKind.STUCK_AT_1 ? 1 : 0, f.cycle());
    }

    private boolean stuckBitsQuietFrom(final List<Fault> faults, final long cycle)
    {
        for (final Fault f : faults)
        {
            if (f.kind() != FaultKind.FLIP && (g.activity == null
                || !g.activity.constantFrom(f.site(), f.kind() == FaultKind.STUCK_AT_1 ? 1 : 0, cycle)))
            {
                return false;
            }
        }
        return true;
    }
}
