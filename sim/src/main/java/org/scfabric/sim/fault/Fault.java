package org.scfabric.sim.fault;

/**
 * One fault: a site (an index into {@link FaultSites}), a kind and a cycle of the design's first
 * clock (cycle 0 is its first edge). Both kinds strike right after that cycle's edge has committed,
 * so they change nothing before it: a stuck-at forces the bit then and holds it in every value
 * written later; a flip inverts the bit once (a single-event upset) and the next write overwrites it.
 */
public record Fault(long site, FaultKind kind, long cycle)
{
    public Fault
    {
        if (site < 0)
        {
            throw new IllegalArgumentException("fault site must be >= 0, was " + site);
        }
        if (cycle < 0)
        {
            throw new IllegalArgumentException("fault cycle must be >= 0, was " + cycle);
        }
    }

    public static Fault stuckAt0(final long site, final long fromCycle)
    {
        return new Fault(site, FaultKind.STUCK_AT_0, fromCycle);
    }

    public static Fault stuckAt1(final long site, final long fromCycle)
    {
        return new Fault(site, FaultKind.STUCK_AT_1, fromCycle);
    }

    public static Fault flip(final long site, final long atCycle)
    {
        return new Fault(site, FaultKind.FLIP, atCycle);
    }
}
