package org.scfabric.bench.faults;

/**
 * The result of one campaign item: a single fault (site, kind, cycle; {@code rate} NaN) or, in a
 * fault-rate campaign, one trial of random faults at a rate ({@code site} null). Metrics are those of
 * {@link SpikeDiff}; {@code error} is the message of a faulty run that stopped (then the metrics
 * are NaN and the class is failed). {@code argmaxChanged}: for a design whose outputs make a decision
 * ({@link FaultBench#decision}), whether the fault changed it (a stopped run counts as changed); null
 * for the others.
 */
public record Outcome(long position, String site, String kind, long cycle, int bit, String group, String component,
    double rate, int trial, int faults, long spikeDelta, double rateError, double vanRossum, long firstDivergence,
    FaultClass cls, String error, Boolean argmaxChanged)
{
    /** An outcome of a design without a decision. */
    public Outcome(final long position, final String site, final String kind, final long cycle, final int bit,
        final String group, final String component, final double rate, final int trial, final int faults,
        final long spikeDelta, final double rateError, final double vanRossum, final long firstDivergence,
        final FaultClass cls, final String error)
    {
        this(position, site, kind, cycle, bit, group, component, rate, trial, faults, spikeDelta, rateError, vanRossum,
            firstDivergence, cls, error, null);
    }

    public boolean single()
    {
        return site != null;
    }
}
