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
    private long now;

    public FabricEngine(final FabricParams fp, final FabricNetwork net, final int steps)
    {
        if (fp.neurons() != net.size())
        {
            throw new IllegalArgumentException("the architecture has " + fp.neurons() + " neurons, the network "
                + net.size());
        }
        if (steps < 1)
        {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.fp = fp;
        this.steps = steps;
        final int k = fp.cores();
        final int ports = fp.ports();
        counters = new EngineCounters(steps, k, fp.fifoDepth());
        spikes = new SpikeLog(steps);
        controller = new EngineController(steps, counters.startCycle);
        final boolean[] pushValid = new boolean[k];
        final int[] pushId = new int[k];
        final boolean[] credit = new boolean[k];
        final boolean[] creditQ = new boolean[k];
        final int[] dlvTgt = new int[ports];
        final int[] dlvW = new int[ports];
        final int[] dlvTgtQ = new int[ports];
        final int[] dlvWQ = new int[ports];
        router = new EngineRouter(fp, net, counters, pushValid, pushId, credit, creditQ, dlvTgt, dlvW, dlvTgtQ,
            dlvWQ);
        cores = new EngineCores(fp, net, counters, spikes, pushValid, pushId, credit, creditQ, dlvTgt, dlvW,
            dlvTgtQ, dlvWQ);
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

    /** One clock edge of the whole fabric: every block reads the values of the last edge, then all commit. */
    private void cycle()
    {
        final EngineController ctl = controller;
        if (router.state == SynapseRouter.STREAM && ctl.run == 1 && !ctl.start && cores.quiet())
        {
            streamRow();
            return;
        }
        // values of the last edge that cross blocks
        final boolean startQ = ctl.start;
        final int parQ = ctl.par;
        final int stepQ = ctl.step;
        final int dv = router.dlvValid;
        ctl.edge(startQ, cores.busy(), router.busy, now);
        // the router reads the cores' push registers of the last edge before the cores update them
        router.edge(now);
        cores.edge(startQ, parQ, stepQ, dv, now);
        now++;
    }

    /**
     * The edges in which the router streams the rest of a row while every core is quiet: nothing but
     * the beats, their deliveries into the accumulators and the FIFO occupancy changes, so those edges
     * are computed in one loop (the controller waits: the router is busy; no FIFO moves).
     */
    private void streamRow()
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
        while (!lastBeat);
        router.endStream(edges);
        cores.endStream();
    }
}
