package org.scfabric.bench.nir;

import java.util.List;

import org.scfabric.net.ref.ReferenceRun;
import org.scfabric.sim.Binding;
import org.scfabric.sim.BusListener;
import org.scfabric.sim.Clock;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.Signals;

/**
 * Every arithmetic of {@code scfabric nir} as a clocked component of one kernel, as the Brunel variants' parts are:
 * a network step is one edge of the {@code step} clock, at which each arithmetic runs its step on the same input
 * row and publishes its output spikes on the event bus ({@link EventBus#SPIKE}, source = the arithmetic's index,
 * value = output node k in the high 32 bits and the flat neuron index in the low ones). The arithmetics run in
 * lockstep, float64 among them, so a listener on the bus sees every arithmetic's spikes of a step together.
 */
public final class NirKernelRun
{
    private NirKernelRun()
    {
    }

    /** One arithmetic's run, a step at a time ({@link ReferenceRun.Stepper}, {@link FixedPointRun.Stepper}). */
    public interface Arithmetic
    {
        void step(int t, ReferenceRun.OutputSink sink);
    }

    /** Runs {@code steps} network steps of every arithmetic; {@code listener} (may be null) hears their spikes. */
    public static void run(final List<Arithmetic> arithmetics, final int steps, final BusListener listener)
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clock = b.clock("step", 1, 0);
        for (int i = 0; i < arithmetics.size(); i++)
        {
            b.add("arith" + i, new Part(arithmetics.get(i), i)).clock(clock);
        }
        final Kernel k = new Kernel(b.build());
        if (listener != null)
        {
            k.bus().subscribe(EventBus.SPIKE, listener);
        }
        k.runCycles(clock, steps);
    }

    /** The component: reads nothing from the netlist (its input is the run's stimulus), publishes spikes. */
    private static final class Part implements ClockedComponent, ReferenceRun.OutputSink
    {
        private final Arithmetic arithmetic;
        private final int source;
        private EventBus bus;
        private long period;
        private long phase;
        private long now;

        Part(final Arithmetic arithmetic, final int source)
        {
            this.arithmetic = arithmetic;
            this.source = source;
        }

        @Override
        public void declare(final Declarations d)
        {
        }

        @Override
        public void bind(final Binding b)
        {
            bus = b.bus();
            period = b.clock().period();
            phase = b.clock().phase();
        }

        @Override
        public void edge(final Signals s)
        {
            now = s.now();
            arithmetic.step((int)((now - phase) / period), this);
        }

        @Override
        public void spike(final int output, final int index)
        {
            bus.publish(EventBus.SPIKE, now, source, (long)output << 32 | index);
        }
    }
}
