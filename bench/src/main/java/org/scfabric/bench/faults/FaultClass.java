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

    /** The class of a label; an unknown label is an error that lists the accepted ones. */
    public static FaultClass parse(final String s)
    {
        for (final FaultClass c : values())
        {
            if (c.label().equals(s))
            {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown fault class '" + s + "' (accepted: masked, degraded, failed)");
    }
}
