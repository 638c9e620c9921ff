package org.scfabric.bench.faults;

import java.util.Locale;

/** What a fault did to the spikes. */
public enum FaultClass
{
    /** Every spike of every neuron at the same cycle as in the golden run. */
    MASKED,
    /** Spikes differ, but the rate error is within the campaign's tolerance. */
    DEGRADED,
    /** The rate error exceeds the tolerance, or the faulty run could not go on (a simulation error). */
    FAILED;

    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FaultClass parse(final String s)
    {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
