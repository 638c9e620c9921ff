package org.scfabric.sim.fault;

/** The kinds of fault a site can take. */
public enum FaultKind
{
    /** The bit reads 0 from the fault's first cycle on. */
    STUCK_AT_0("sa0"),
    /** The bit reads 1 from the fault's first cycle on. */
    STUCK_AT_1("sa1"),
    /** The bit is inverted once, just after the given cycle's edge (a single-event upset). */
    FLIP("flip");

    private final String shortName;

    FaultKind(final String shortName)
    {
        this.shortName = shortName;
    }

    public String shortName()
    {
        return shortName;
    }

    /** Parses {@code sa0}, {@code sa1} or {@code flip}. */
    public static FaultKind parse(final String s)
    {
        for (final FaultKind k : values())
        {
            if (k.shortName.equalsIgnoreCase(s.trim()))
            {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown fault kind '" + s + "' (accepted: sa0, sa1, flip)");
    }
}
