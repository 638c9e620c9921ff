package org.scfabric.hw.fabric;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * The timestep controller. On the first edge after reset it raises {@code start} (a one-cycle pulse)
 * for step 0 with {@code par} = 0. From the edge after a start on, at every edge at which every core's
 * and the router's {@code busy} are low, the step is over: it starts the next one at that same edge
 * (start again, parity flipped), or after the last step sets {@code finished}. A step's cycles are the
 * edges from its start to the next start (or to the finish).
 *
 * <p>For a mapped network ({@link #TimestepController(int, int, int)}) a step has several phases (the
 * input events, then one per neuron level): each phase starts like a step (a {@code start} pulse) once
 * every block, the input port included ({@code port_busy}), is idle, and only the last phase's end
 * starts the next step. The step number and the phase are then outputs ({@code step}, {@code phase}) the
 * cores and the input port read; there is no parity.
 */
public final class TimestepController implements ClockedComponent
{
    private final int k;
    private final int steps;
    private final int phases;
    private final boolean mapped;
    private int[] sCoreBusy;
    private int sPortBusy;
    private int rPhase;
    private int sRouterBusy;
    private int rStart;
    private int rPar;
    private int rStep;
    private int rRun;

    /** Instrumentation: the edge (cycle) at which each step started, and the finish edge at index steps. */
    final long[] startCycle;

    /** Clock timing, for cycle numbers in the instrumentation: edge e is at phase + e·period. */
    long period = 1;
    long phase;

    long cycle(final Signals s)
    {
        return (s.now() - phase) / period;
    }

    public TimestepController(final int cores, final int steps)
    {
        if (steps < 1)
        {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.k = cores;
        this.steps = steps;
        this.phases = 1;
        this.mapped = false;
        this.startCycle = new long[steps + 1];
    }

    /** The controller of a mapped network: {@code phases} phases per step, an input port's busy. */
    TimestepController(final int cores, final int steps, final int phases)
    {
        if (steps < 1)
        {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.k = cores;
        this.steps = steps;
        this.phases = phases;
        this.mapped = true;
        this.startCycle = new long[steps + 1];
    }

    @Override
    public void declare(final Declarations d)
    {
        for (int c = 0; c < k; c++)
        {
            d.input("core_busy" + c, 1);
        }
        d.input("router_busy", 1);
        if (mapped)
        {
            d.input("port_busy", 1);
            d.output("start", 1);
            d.output("step", 32);
            d.output("phase", FabricParams.bitsFor(Math.max(1, phases - 1)));
            d.register("run", 2, 0);
            return;
        }
        d.output("start", 1);
        d.output("par", 1);
        d.register("step", 32, 0);
        d.register("run", 2, 0);
    }

    @Override
    public void bind(final Binding b)
    {
        sCoreBusy = new int[k];
        for (int c = 0; c < k; c++)
        {
            sCoreBusy[c] = b.signal("core_busy" + c);
        }
        sRouterBusy = b.signal("router_busy");
        rStart = b.signal("start");
        if (mapped)
        {
            sPortBusy = b.signal("port_busy");
            rPhase = b.signal("phase");
        }
        else
        {
            rPar = b.signal("par");
        }
        rStep = b.signal("step");
        rRun = b.signal("run");
    }

    @Override
    public void edge(final Signals s)
    {
        final int run = (int)s.get(rRun);
        if (run == 0)
        {
            s.setNext(rStart, 1);
            if (!mapped)
            {
                s.setNext(rPar, 0);
            }
            s.setNext(rRun, 1);
            startCycle[0] = cycle(s);
            return;
        }
        if (run != 1)
        {
            return;
        }
        if (s.get(rStart) != 0)
        {
            s.setNext(rStart, 0);
            return;
        }
        if (s.get(sRouterBusy) != 0)
        {
            return;
        }
        for (int c = 0; c < k; c++)
        {
            if (s.get(sCoreBusy[c]) != 0)
            {
                return;
            }
        }
        if (mapped)
        {
            if (s.get(sPortBusy) != 0)
            {
                return;
            }
            // a fault may drive the phase register past the last phase: it then ends the step as the last one does
            final long phase = s.get(rPhase);
            if (phase + 1 < phases)
            {
                s.setNext(rStart, 1);
                s.setNext(rPhase, phase + 1);
                return;
            }
            // back to phase 0 for the next step; after the last one it stays (a change would wake the blocks
            // that read it for one more edge, which the fast engine does not have)
            if (phase != 0 && (int)s.get(rStep) + 1 != steps)
            {
                s.setNext(rPhase, 0);
            }
        }
        final int step = (int)s.get(rStep);
        if (step >= 0 && step < steps)
        {
            // instrumentation only: a fault can drive the 32-bit step register past the last step, and the
            // hardware then counts on (it finishes only at step + 1 == steps)
            startCycle[step + 1] = cycle(s);
        }
        if (step + 1 == steps)
        {
            s.setNext(rRun, 2);
        }
        else
        {
            s.setNext(rStart, 1);
            if (!mapped)
            {
                s.setNext(rPar, 1 - s.get(rPar));
            }
            s.setNext(rStep, step + 1);
        }
    }

    @Override
    public boolean idle(final Signals s)
    {
        return s.get(rRun) == 2;
    }

    public int step(final Signals s)
    {
        return (int)s.get(rStep);
    }

    public boolean finished(final Signals s)
    {
        return s.get(rRun) == 2;
    }
}
