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
        PRUNED, CONVERGED, SIMULATED, ERROR
    }

    final GoldenRun g;
    final SpikeDiff diff;
    How how;
    long simulatedCycles;
    String error;
    private long[] window = new long[1024];

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
        final int k = (int)(first / g.interval);
        final long start = (long)k * g.interval;
        g.bench.restore(g.snapshots[k], g.benchStates[k]);
        g.sink.reset();
        try
        {
            for (final Fault f : faults)
            {
                g.bench.kernel().inject(f);
            }
            int joined = -1;
            for (int j = k + 1; j < g.checkpoints; j++)
            {
                final long at = (long)j * g.interval;
                g.bench.runTo(at);
                if (at > last && stuckBitsQuietFrom(faults, at) && g.sameValues(j))
                {
                    joined = j;
                    break;
                }
            }
            final int gTo;
            if (joined < 0)
            {
                g.bench.runTo(g.cycles);
                simulatedCycles = g.cycles - start;
                gTo = g.spikes.length;
                how = How.SIMULATED;
            }
            else
            {
                simulatedCycles = (long)joined * g.interval - start;
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
            if (!SpikeKeys.sorted(g.sink.keys, 0, g.sink.size))
            {
                Arrays.sort(g.sink.keys, 0, g.sink.size);
            }
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
