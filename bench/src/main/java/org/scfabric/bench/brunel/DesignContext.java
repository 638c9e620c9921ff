package org.scfabric.bench.brunel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.scfabric.sim.Clock;
import org.scfabric.sim.Component;
import org.scfabric.sim.NetlistBuilder;

/**
 * What a {@link Part} needs to add itself to a netlist: the builder, the instance prefix of its
 * variant, the phase clocks of a network step and the names of the drive registers.
 *
 * <p>Time: the base clock {@code clk} (period 1 tick) counts hardware cycles; a network step lasts
 * {@link #period()} cycles, and a part's stages run on derived clocks {@code step@k} that tick once
 * per step at cycle k of it. Cycle 0 belongs to the drive, which loads the step's kicks; every stage
 * that reads the drive runs at cycle 1 or later.
 */
final class DesignContext
{
    private final NetlistBuilder b;
    private final Clock base;
    private final long period;
    private final Map<Integer, Clock> phases = new HashMap<>();
    private final List<RegisterRef> refs = new ArrayList<>();
    private String prefix = "";
    private int population;

    DesignContext(final NetlistBuilder b, final Clock base, final long period)
    {
        this.b = b;
        this.base = base;
        this.period = period;
    }

    void enter(final String instancePrefix, final int populationId)
    {
        this.prefix = instancePrefix;
        this.population = populationId;
    }

    /** Cycles per network step of the whole design. */
    long period()
    {
        return period;
    }

    String prefix()
    {
        return prefix;
    }

    /** The bus source id of the current part's spikes. */
    int population()
    {
        return population;
    }

    /** The clock ticking at cycle {@code k} of every step. */
    Clock at(final int k)
    {
        if (k < 0 || k >= period)
        {
            throw new IllegalArgumentException("cycle " + k + " is outside a step of " + period + " cycles");
        }
        return phases.computeIfAbsent(k, c -> b.derivedClock("step@" + c, base, period, c));
    }

    /** Adds an instance named prefix + name, clocked at cycle k of the step. */
    NetlistBuilder.Instance add(final String name, final Component c, final int k)
    {
        return b.add(prefix + name, c).clock(at(k));
    }

    /**
     * A reference to registers {@code pattern[0..n)} of another instance (full name with
     * {@code %d}, e.g. {@code core0.lif[%d].spike}), resolved when the design is built.
     */
    RegisterRef reference(final String pattern, final int n, final int width)
    {
        final RegisterRef r = new RegisterRef(pattern, n, width);
        refs.add(r);
        return r;
    }

    /** The first {@code n} drive registers. */
    RegisterRef drive(final int n)
    {
        return reference(BrunelDesign.DRIVE + ".ext[%d]", n, DriveSource.WIDTH);
    }

    List<RegisterRef> references()
    {
        return refs;
    }
}
