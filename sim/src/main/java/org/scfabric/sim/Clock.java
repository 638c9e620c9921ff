package org.scfabric.sim;

/**
 * A clock: rising edges at {@code phase + k * period} base ticks, k = 0, 1, 2, ...
 * A derived clock (a strobe such as one pulse per network timestep) is a clock whose period is a
 * multiple of its parent's and whose edges coincide with parent edges.
 */
public final class Clock
{
    private final String name;
    private final int id;
    private final long period;
    private final long phase;
    private final Clock parent;

    Clock(final String name, final int id, final long period, final long phase, final Clock parent)
    {
        this.name = name;
        this.id = id;
        this.period = period;
        this.phase = phase;
        this.parent = parent;
    }

    public String name()
    {
        return name;
    }

    public int id()
    {
        return id;
    }

    public long period()
    {
        return period;
    }

    public long phase()
    {
        return phase;
    }

    /** The clock this one is derived from, or null for a root clock. */
    public Clock parent()
    {
        return parent;
    }

    /** Time of edge number {@code cycle} (cycle 0 is the first edge). */
    public long edgeTime(final long cycle)
    {
        return phase + cycle * period;
    }

    /** Number of edges at or before {@code time} (0 before the first edge). */
    public long edgesUpTo(final long time)
    {
        return time < phase ? 0 : (time - phase) / period + 1;
    }

    /** The first edge strictly after {@code time}. */
    public long nextEdgeAfter(final long time)
    {
        if (time < phase)
        {
            return phase;
        }
        return phase + ((time - phase) / period + 1) * period;
    }

    @Override
    public String toString()
    {
        return name + "(period " + period + ", phase " + phase + ")";
    }
}
