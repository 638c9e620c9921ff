package org.scfabric.hw.fabric;

/**
 * The fabric's fast path: the same machine as {@link Fabric} — the same registers, the same
 * edge-by-edge behaviour of the cores, FIFOs, router and controller — evaluated in one loop over
 * primitive fields instead of as kernel components, with the stretches in which only the router
 * streams a row computed in one go. Everything observable is what the kernel model gives, cycle for
 * cycle: spikes, cycles per step, latencies, FIFO occupancy, stalls and drops
 * (FabricEngineTest proves it over random architectures). No fault sites, no waveforms: use
 * {@link Fabric} for those.
 *
 * <p>Each block is its own class ({@link EngineController}, {@link EngineRouter}, {@link EngineCores});
 * this class only drives them. The wires between router and cores are arrays made here and handed
 * to both, so an edge allocates nothing.
 */
public final class FabricEngine
{
    private final FabricParams fp;
    private final int steps;
    private final EngineCounters counters;
    private final SpikeLog spikes;
    private final EngineController controller;
    private final EngineRouter router;
    private final EngineCores cores;
    private final EngineInputPort port;
    private final Wires wires;
    private final FanOut fanOut;
    private final EngineState codec = new EngineState();
    private long now;

    public FabricEngine(final FabricParams fp, final FabricNetwork net, final int steps)
    {
        this(fp, checked(fp, net.size(), steps), Placement.contiguous(fp), FanOut.of(net), 1, null,
            pl -> new LifDriveDatapath(net, pl));
    }

    /**
     * A mapped network: placed by layer ({@link Placement#layered}), inputs from {@code events} (per step
     * t the channels {@code channel[stepStart[t] .. stepStart[t+1])}), output events of the
     * {@code observed} neurons into {@code out}.
     */
    FabricEngine(final FabricParams fp, final MappedNetwork net, final int steps, final int[] stepStart,
        final int[] channel, final boolean[] observed, final OutputEvents out)
    {
        this(fp, checked(fp, net.size(), steps), Placement.layered(fp.cores(), net.levelStarts(), net.phases()),
            FanOut.of(net), net.phases(), new int[][] {stepStart, channel}, pl -> new MappedDatapath(net, observed, out));
    }

    private static int checked(final FabricParams fp, final int neurons, final int steps)
    {
        if (fp.neurons() != neurons)
        {
            throw new IllegalArgumentException("the architecture has " + fp.neurons() + " neurons, the network "
                + neurons);
        }
        if (steps < 1)
        {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        return steps;
    }

    private FabricEngine(final FabricParams fp, final int steps, final Placement pl, final FanOut fo,
        final int phases, final int[][] events, final java.util.function.Function<Placement, CoreDatapath> datapath)
    {
        this.fp = fp;
        this.steps = steps;
        this.fanOut = fo;
        final int k = fp.cores();
        final int fifos = events == null ? k : k + 1;
        counters = new EngineCounters(steps, k, fp.fifoDepth());
        spikes = new SpikeLog(steps);
        controller = new EngineController(steps, phases, counters.startCycle);
        wires = new Wires(fifos, fp.ports());
        router = new EngineRouter(fp, fo, fifos, counters, wires);
        cores = new EngineCores(fp, pl, datapath.apply(pl), counters, spikes, wires);
        port = events == null ? null : new EngineInputPort(fp, k, fp.neurons(), events[0], events[1], wires);
    }

    /** Also keep the edge of every spike ({@link #spikeTimes()}); off by default. */
    public FabricEngine keepSpikeTimes()
    {
        spikes.keepTimes();
        return this;
    }

    /** Pairs (edge, neuron) of every spike in edge order, after {@link #run()} with {@link #keepSpikeTimes()}. */
    public long[] spikeTimes()
    {
        return spikes.times();
    }

    /** The input port's stalls and per-step input start edges (mapped networks; null otherwise). */
    EngineInputPort inputPort()
    {
        return port;
    }

    /** Run every step. */
    public FabricResult run()
    {
        final long t0 = System.nanoTime();
        while (!controller.finished())
        {
            cycle();
        }
        final double wall = (System.nanoTime() - t0) / 1e9;
        return counters.result(fp, steps, spikes, wall, now);
    }

    // ---- checkpointed runs (fault campaigns: FabricReplay in bench.faults)

    /** Receives the spikes of a run driven edge by edge ({@link #runTo}) instead of the run's log. */
    @FunctionalInterface
    public interface SpikeListener
    {
        /** Neuron {@code neuron} fired at edge {@code edge}. */
        void spike(long edge, int neuron);
    }

    /** Send every spike from now on to {@code listener} (nothing goes into the run's log or result then). */
    public FabricEngine onSpikes(final SpikeListener listener)
    {
        spikes.listener = listener;
        return this;
    }

    /** Edges simulated so far. */
    public long now()
    {
        return now;
    }

    /** Whether the last step has ended. */
    public boolean finished()
    {
        return controller.finished();
    }

    /**
     * Simulates edges until {@code edges} of them have been simulated in all (or the run has finished):
     * the state is then that of the kernel model after edge {@code edges − 1}, the point at which a fault
     * of that cycle strikes.
     */
    public void runTo(final long edges)
    {
        while (now < edges && !controller.finished())
        {
            cycle(edges);
        }
    }

    /** Ints of a saved state ({@link #saveState}). */
    public int stateLength()
    {
        codec.save(null);
        state(codec);
        return codec.position();
    }

    /** Copies the whole state (registers, FIFOs, memories but the router's, wires) into {@code into}. */
    public void saveState(final int[] into)
    {
        codec.save(into);
        state(codec);
    }

    /** Puts back a state saved by {@link #saveState} (the fan-out memory stays as it is). */
    public void restoreState(final int[] from)
    {
        codec.load(from);
        state(codec);
    }

    /**
     * Whether the state equals a saved one in everything that can change what the fabric does from here.
     */
    public boolean sameState(final int[] saved)
    {
        codec.compare(saved);
        state(codec);
        return codec.same();
    }

    private void state(final EngineState s)
    {
        if (port != null)
        {
            throw new UnsupportedOperationException("checkpoints of a mapped network's engine are not supported");
        }
        now = s.l(now);
        controller.state(s);
        router.state(s);
        cores.state(s);
        s.mark();
        router.auxState(s);
    }

    /** Fan-out entry e's target (a neuron; a faulted word may name one past the network). */
    public int fanOutTarget(final int e)
    {
        return fanOut.target[e];
    }

    /** Fan-out entry e's weight. */
    public int fanOutWeight(final int e)
    {
        return fanOut.weight[e];
    }

    /** Overwrites fan-out entry e (a fault on the router's {@code fanout} memory, which it only reads). */
    public void setFanOut(final int e, final int target, final int weight)
    {
        fanOut.target[e] = target;
        fanOut.weight[e] = weight;
    }

    /** One clock edge of the whole fabric: every block reads the values of the last edge, then all commit. */
    private void cycle()
    {
        cycle(Long.MAX_VALUE);
    }

    /** One edge, or a streamed stretch of edges (up to the row's end or {@code limit}, whichever comes first). */
    private void cycle(final long limit)
    {
        final EngineController ctl = controller;
        if (router.state == SynapseRouter.STREAM && ctl.run == 1 && !ctl.start && cores.quiet()
            && (port == null || port.quiet(wires.credit)))
        {
            streamRow(limit);
            return;
        }
        // values of the last edge that cross blocks
        final boolean startQ = ctl.start;
        final int stepQ = ctl.step;
        final int phaseQ = ctl.phase;
        final int dv = router.dlvValid;
        ctl.edge(startQ, cores.busy() || port != null && port.busy, router.busy, now);
        // the router reads the cores' (and the input port's) push registers of the last edge before they update them
        router.edge(now);
        cores.edge(startQ, stepQ, phaseQ, dv, now);
        if (port != null)
        {
            port.edge(startQ, stepQ, phaseQ, now);
        }
        now++;
    }

    /**
     * The edges in which the router streams the rest of a row while every core is quiet: nothing but
     * the beats, their deliveries into the accumulators and the FIFO occupancy changes, so those edges
     * are computed in one loop (the controller waits: the router is busy; no FIFO moves). A stretch cut
     * at {@code limit} leaves the router streaming, as those edges one by one would.
     */
    private void streamRow(final long limit)
    {
        router.beginStream();
        long edges = 0;
        boolean lastBeat;
        do
        {
            cores.accumulate(router.dlvValid);
            edges++;
            lastBeat = router.streamBeat(now);
            now++;
        }
        while (!lastBeat && now < limit);
        router.endStream(edges, lastBeat);
        cores.endStream();
    }
}
