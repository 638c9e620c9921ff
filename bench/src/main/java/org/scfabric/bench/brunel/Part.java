package org.scfabric.bench.brunel;

import java.util.Map;

import org.scfabric.hw.area.Area;

/**
 * One variant's share of a {@link BrunelDesign}: the components it adds to the netlist, its clocks
 * per network step, and what it reports. A design holds one part per variant; parts of one design
 * read the same drive registers and publish their spikes on the same bus.
 */
abstract class Part
{
    final Variant variant;
    final BrunelNetwork net;
    final SpikeRaster raster = new SpikeRaster();

    Part(final Variant variant, final BrunelNetwork net)
    {
        this.variant = variant;
        this.net = net;
    }

    /** Clock cycles of this variant's hardware per network step (the kernel's step period is at least this). */
    abstract int clocksPerStep();

    /** Adds the variant's components; their names start with {@code ctx.prefix()}. */
    abstract void build(DesignContext ctx);

    /** Loads memories of a fresh kernel (initial contents, before the run). */
    void initialize(final org.scfabric.sim.Kernel k)
    {
    }

    /** Network steps this variant simulates. */
    int steps()
    {
        return net.params().steps();
    }

    /** The step (of the network's dt) a spike of this variant's step {@code step} is reported at. */
    int reportStep(final int step)
    {
        return step;
    }

    /** Poisson kicks per neuron per step of its drive (λ of the parameters unless the step differs). */
    double driveLambda()
    {
        return net.params().lambda();
    }

    /** Drive registers it reads (0: none, the variant has no external drive). */
    int driveInputs()
    {
        return net.size();
    }

    /** Neurons whose spikes it reports (the rate is spikes / seconds / neurons). */
    int neurons()
    {
        return net.size();
    }

    /** Clock cycles of a whole run. */
    long cycles()
    {
        return (long)clocksPerStep() * steps();
    }

    /** Area estimate from the component models, or null for a software variant. */
    Area area()
    {
        return null;
    }

    /** Variant-specific figures after the run, in a fixed order. */
    Map<String, Double> extras()
    {
        return Map.of();
    }

    /** The parameters of the variant's {@code sc_lif_neuron} cores, or null if it has none (a fast fault model needs them). */
    org.scfabric.hw.lif.LifParams lifParams()
    {
        return null;
    }

    /** Stops helper threads (data-parallel variants). */
    void close()
    {
    }
}
