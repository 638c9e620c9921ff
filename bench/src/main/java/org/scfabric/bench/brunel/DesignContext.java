package org.scfabric.bench.brunel;

import java.util.HashMap;
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

    NetlistBuilder builder()
    {
        return b;
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

    /** Connects ports {@code port[0..n)} of an instance to nets {@code net[0..n)} (patterns with {@code %d}). */
    static void connect(final NetlistBuilder.Instance inst, final String port, final String net, final int n)
    {
        for (int j = 0; j < n; j++)
        {
            final String idx = Integer.toString(j);
            inst.connect(port.replace("%d", idx), net.replace("%d", idx));
        }
    }

    /** The drive register of neuron j pattern: {@code drive.ext[%d]}. */
    static String driveNet()
    {
        return BrunelDesign.DRIVE + ".ext[%d]";
    }
}
