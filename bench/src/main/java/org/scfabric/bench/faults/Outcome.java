package org.scfabric.bench.faults;

/**
 * The result of one campaign item: a single fault (site, kind, cycle; {@code rate} NaN) or, in a
 * fault-rate campaign, one trial of random faults at a rate ({@code site} null). Metrics are those of
 * {@link SpikeDiff}; {@code error} is the message of a faulty run that stopped (then the metrics
 * are NaN and the class is failed).
 */
public record Outcome(long position, String site, String kind, long cycle, int bit, String group, String component,
    double rate, int trial, int faults, long spikeDelta, double rateError, double vanRossum, long firstDivergence,
    FaultClass cls, String error)
{
    public boolean single()
    {
        return site != null;
    }
}
