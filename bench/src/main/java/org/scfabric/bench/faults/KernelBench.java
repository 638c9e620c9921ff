package org.scfabric.bench.faults;

import java.util.function.Consumer;

import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.Kernel;

/**
 * A bench for a design that drives itself (its stimulus is made by components) and publishes its
 * spikes on the event bus: {@link EventBus#SPIKE} events, {@code source} a population and
 * {@code value} the neuron index in it; neuron ids are {@code offsets[source] + value}.
 */
public final class KernelBench implements FaultBench
{
    private final Kernel kernel;
    private final Clock clock;
    private final long cycles;
    private final int neurons;
    private final double msPerCycle;
    private final int[] offsets;

    /**
     * @param design  a freshly built design (one per bench)
     * @param setup   pokes and memory loads before the run (may be null)
     * @param offsets first neuron id of each bus source (population); {@code {0}} for one population
     */
    public KernelBench(final Design design, final Consumer<Kernel> setup, final long cycles, final int neurons,
        final double msPerCycle, final int... offsets)
    {
        if (design.clocks().isEmpty())
        {
            throw new IllegalArgumentException("a fault campaign needs a clocked design");
        }
        if (cycles < 1 || neurons < 0 || !(msPerCycle > 0))
        {
            throw new IllegalArgumentException("cycles must be >= 1, neurons >= 0, msPerCycle > 0");
        }
        this.kernel = new Kernel(design);
        this.clock = design.clocks().get(0);
        this.cycles = cycles;
        this.neurons = neurons;
        this.msPerCycle = msPerCycle;
        this.offsets = offsets.length == 0 ? new int[] {0} : offsets.clone();
        if (setup != null)
        {
            setup.accept(kernel);
        }
    }

    @Override
    public Kernel kernel()
    {
        return kernel;
    }

    @Override
    public long cycles()
    {
        return cycles;
    }

    @Override
    public int neurons()
    {
        return neurons;
    }

    @Override
    public double msPerTimeUnit()
    {
        return msPerCycle;
    }

    @Override
    public double durationMs()
    {
        return cycles * msPerCycle;
    }

    @Override
    public void observe(final SpikeSink sink)
    {
        final Clock c = clock;
        final int[] off = offsets;
        kernel.bus().subscribe(EventBus.SPIKE, (type, time, source, value) ->
            sink.spike(c.edgesUpTo(time) - 1, off[source] + (int)value));
    }

    @Override
    public void runTo(final long cycle)
    {
        if (cycle > 0)
        {
            kernel.runUntil(clock.edgeTime(cycle - 1));
        }
    }
}
