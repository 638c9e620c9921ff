package org.scfabric.bench.faults;

/**
 * Whether a faulty run changed its design's decision ({@link FaultBench#decision}): the faulty run's
 * spike count of every neuron is the golden run's plus the difference {@link SpikeDiff} found (a run
 * restarted from a checkpoint, or stopped where it rejoined the golden run, has the golden run's
 * spikes outside what it simulated), so the decision is computed without another run.
 */
final class Decisions
{
    private Decisions()
    {
    }

    /** Null for a design without a decision; true for a run the simulation stopped. */
    static Boolean changed(final FaultRunner r)
    {
        final FaultBench bench = r.g.bench;
        if (!bench.hasDecision())
        {
            return null;
        }
        if (r.how == FaultRunner.How.ERROR)
        {
            return true;
        }
        final int[] start = r.g.spikeStart;
        final int golden = r.g.decision();
        final SpikeDiff d = r.diff;
        if (d.nTouched == 0)
        {
            return false;
        }
        final int[] delta = new int[start.length - 1];
        for (int t = 0; t < d.nTouched; t++)
        {
            delta[d.touched[t]] += d.touchedDelta[t];
        }
        return bench.decision(j -> start[j + 1] - start[j] + delta[j]) != golden;
    }
}
