package org.scfabric.hw.fabric;

/**
 * The timestep controller of the {@link FabricEngine}: the same state machine as
 * {@link TimestepController}, over plain fields. {@code run} is 0 before the first edge, 1 while
 * steps run and 2 once the last step is over. A step of a mapped network has several phases (inputs,
 * then one per neuron level): each phase starts like a step (a {@code start} pulse) once every block is
 * idle, and only the last phase's end starts the next step. The Brunel fabric has one phase.
 */
final class EngineController
{
    private final int steps;
    private final long[] startCycle;
    private final int phases;
    int run;
    int phase;
    boolean start;
    int par;
    int step;

    EngineController(final int steps, final int phases, final long[] startCycle)
    {
        this.steps = steps;
        this.phases = phases;
        this.startCycle = startCycle;
    }

    boolean finished()
    {
        return run == 2;
    }

    /**
     * One edge: {@code startQ} is the start pulse of the last edge; a step ends at the first edge
     * after its start at which neither a core nor the router was busy.
     */
    void edge(final boolean startQ, final boolean coresBusy, final boolean routerBusy, final long now)
    {
        if (run == 0)
        {
            start = true;
            par = 0;
            run = 1;
            startCycle[0] = now;
        }
        else if (run == 1)
        {
            if (startQ)
            {
                start = false;
            }
            else if (!routerBusy && !coresBusy && phase + 1 < phases)
            {
                start = true;
                phase++;
            }
            else if (!routerBusy && !coresBusy)
            {
                phase = 0;
                startCycle[step + 1] = now;
                if (step + 1 == steps)
                {
                    run = 2;
                }
                else
                {
                    start = true;
                    par = 1 - par;
                    step++;
                }
            }
        }
    }

    /** Copies the state machine in or out ({@link EngineState}). */
    void state(final EngineState s)
    {
        run = s.i(run);
        phase = s.i(phase);
        start = s.b(start);
        par = s.i(par);
        step = s.i(step);
    }
}
