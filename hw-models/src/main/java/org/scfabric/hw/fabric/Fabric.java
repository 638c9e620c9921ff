package org.scfabric.hw.fabric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.SimulationException;
import org.scfabric.sim.record.LatencyRecorder;
import org.scfabric.sim.record.RecordSink;
import org.scfabric.sim.record.Recorder;

/**
 * The time-multiplexed fabric on the kernel, cycle by cycle: K {@link NeuronCore}s, the
 * {@link SynapseRouter} with its spike FIFOs, and the {@link TimestepController}, wired as a netlist
 * on one clock (period 1 tick: tick = cycle). Every register and memory word is a fault site
 * ({@code core0.vmem[12][3]}, {@code router.fifo0[5][0]}, {@code router.fanout[77][20]}, ...).
 *
 * <pre>{@code
 * Fabric f = new Fabric(FabricParams.of(1000, 4), network, steps);
 * FabricResult r = f.run();
 * }</pre>
 *
 * <p>A {@link MappedNetwork} runs on the same components ({@link MappedFabric#kernel}): cores placed by
 * layer with the network's memories ({@link MappedMemories}: {@code core0.vmem}, {@code core0.acc},
 * {@code core0.vth}, ...), phases per step in the controller, the {@link InputPort} ({@code input})
 * feeding the router's {@code fifo_in}, fan-out words with tags; its output events are published on
 * the bus and collected in {@link #outputEvents()}.
 */
public final class Fabric
{
    /** Latency populations of the recorder: spike to first delivery, spike to last delivery. */
    public static final String[] LATENCY_POPULATIONS = {"first", "last"};

    private final FabricParams fp;
    private final FabricNetwork net;
    private final MappedNetwork mapped;
    private final InputPort port;
    private final OutputEvents outputs;
    private final int steps;
    private final Design design;
    private final Kernel kernel;
    private final Clock clk;
    private final NeuronCore[] cores;
    private final SynapseRouter router;
    private final TimestepController ctrl;
    private boolean keepSpikes = true;
    private int[][] spikeBuf;
    private int[] spikeCount;

    public Fabric(final FabricParams fp, final FabricNetwork net, final int steps)
    {
        this(fp, net, steps, 1, 0);
    }

    /**
     * A fabric whose clock has edges at {@code phase + e·period} base ticks (e.g. period 10 for a VCD in
     * nanoseconds at 100 MHz); cycle numbers in the figures count edges whatever the period.
     */
    public Fabric(final FabricParams fp, final FabricNetwork net, final int steps, final long period,
        final long phase)
    {
        if (fp.neurons() != net.size())
        {
            throw new IllegalArgumentException("the architecture has " + fp.neurons() + " neurons, the network "
                + net.size());
        }
        this.fp = fp;
        this.net = net;
        this.mapped = null;
        this.port = null;
        this.outputs = null;
        this.steps = steps;
        final NetlistBuilder b = new NetlistBuilder();
        clk = b.clock("clk", period, phase);
        final int k = fp.cores();
        cores = new NeuronCore[k];
        router = new SynapseRouter(fp, net);
        ctrl = new TimestepController(k, steps);
        final NetlistBuilder.Instance ci = b.add("ctrl", ctrl).clock(clk).connect("start", "start").connect("par", "par")
            .connect("router_busy", "router.busy");
        final NetlistBuilder.Instance ri = b.add("router", router).clock(clk).connect("busy", "router.busy")
            .connect("dlv_valid", "dlv_valid");
        for (int p = 0; p < fp.ports(); p++)
        {
            ri.connect("dlv_tgt" + p, "dlv_tgt" + p).connect("dlv_w" + p, "dlv_w" + p);
        }
        for (int c = 0; c < k; c++)
        {
            cores[c] = new NeuronCore(c, fp, net);
            final String name = "core" + c;
            final NetlistBuilder.Instance inst = b.add(name, cores[c]).clock(clk).connect("start", "start")
                .connect("par", "par").connect("credit", "credit" + c).connect("dlv_valid", "dlv_valid")
                .connect("push_valid", name + ".push_valid").connect("push_id", name + ".push_id")
                .connect("busy", name + ".busy");
            for (int p = 0; p < fp.ports(); p++)
            {
                inst.connect("dlv_tgt" + p, "dlv_tgt" + p).connect("dlv_w" + p, "dlv_w" + p);
            }
            ri.connect("push_valid" + c, name + ".push_valid").connect("push_id" + c, name + ".push_id")
                .connect("credit" + c, "credit" + c);
            ci.connect("core_busy" + c, name + ".busy");
        }
        design = b.build();
        for (final NeuronCore core : cores)
        {
            core.period = period;
            core.phase = phase;
        }
        router.period = period;
        router.phase = phase;
        ctrl.period = period;
        ctrl.phase = phase;
        kernel = new Kernel(design);
        load(kernel.signals());
    }

    /**
     * A mapped network, placed by layer; the input events of step t are the channels
     * {@code channel[stepStart[t] .. stepStart[t+1])}; the neurons {@code observed} give output events.
     */
    Fabric(final FabricParams fp, final MappedNetwork m, final int steps, final int[] stepStart, final int[] channel,
        final boolean[] observed)
    {
        if (fp.neurons() != m.size())
        {
            throw new IllegalArgumentException("the architecture has " + fp.neurons() + " neurons, the network "
                + m.size());
        }
        if (steps < 1)
        {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.fp = fp;
        this.net = null;
        this.mapped = m;
        this.steps = steps;
        this.outputs = new OutputEvents();
        final NetlistBuilder b = new NetlistBuilder();
        clk = b.clock("clk", 1, 0);
        final int k = fp.cores();
        final Placement pl = Placement.layered(k, m.levelStarts(), m.phases());
        cores = new NeuronCore[k];
        router = new SynapseRouter(fp, m);
        ctrl = new TimestepController(k, steps, m.phases());
        port = new InputPort(fp, m.size(), steps, stepStart, channel, router.sourceBits(), m.phases());
        final NetlistBuilder.Instance ci = b.add("ctrl", ctrl).clock(clk).connect("start", "start")
            .connect("step", "ctrl.step").connect("phase", "ctrl.phase").connect("router_busy", "router.busy")
            .connect("port_busy", "input.busy");
        final NetlistBuilder.Instance ri = b.add("router", router).clock(clk).connect("busy", "router.busy")
            .connect("dlv_valid", "dlv_valid");
        for (int p = 0; p < fp.ports(); p++)
        {
            ri.connect("dlv_tgt" + p, "dlv_tgt" + p).connect("dlv_w" + p, "dlv_w" + p)
                .connect("dlv_tag" + p, "dlv_tag" + p);
        }
        b.add("input", port).clock(clk).connect("start", "start").connect("step", "ctrl.step").connect("phase", "ctrl.phase")
            .connect("credit", "credit_in").connect("push_valid", "input.push_valid")
            .connect("push_id", "input.push_id").connect("busy", "input.busy");
        ri.connect("push_valid_in", "input.push_valid").connect("push_id_in", "input.push_id")
            .connect("credit_in", "credit_in");
        // the accumulators are as wide as the widest sum any of them can hold
        final int accBits = Math.min(64, m.accumulatorBits());
        for (int c = 0; c < k; c++)
        {
            cores[c] = new NeuronCore(c, fp, m, pl, observed, router.sourceBits(), router.weightBits(),
                router.tagBits(), accBits);
            final String name = "core" + c;
            final NetlistBuilder.Instance inst = b.add(name, cores[c]).clock(clk).connect("start", "start")
                .connect("step", "ctrl.step").connect("phase", "ctrl.phase").connect("credit", "credit" + c)
                .connect("dlv_valid", "dlv_valid").connect("push_valid", name + ".push_valid")
                .connect("push_id", name + ".push_id").connect("busy", name + ".busy");
            for (int p = 0; p < fp.ports(); p++)
            {
                inst.connect("dlv_tgt" + p, "dlv_tgt" + p).connect("dlv_w" + p, "dlv_w" + p)
                    .connect("dlv_tag" + p, "dlv_tag" + p);
            }
            ri.connect("push_valid" + c, name + ".push_valid").connect("push_id" + c, name + ".push_id")
                .connect("credit" + c, "credit" + c);
            ci.connect("core_busy" + c, name + ".busy");
        }
        design = b.build();
        kernel = new Kernel(design);
        load(kernel.signals());
    }

    /**
     * The event-bus type of a mapped network's output events: at the time of the core's result edge,
     * {@code source} the step, {@code value} the neuron in the high 32 bits and its output (2^F for a spike,
     * v for a readout) in the low 32 bits.
     */
    public static final String OUTPUT_EVENT = MappedMemories.OUTPUT_EVENT;

    /** The output events of a mapped network's run, in the order they left the cores (null for Brunel). */
    public OutputEvents outputEvents()
    {
        return outputs;
    }

    /** The input port of a mapped network (null for Brunel). */
    InputPort inputPort()
    {
        return port;
    }

    /**
     * Loads the memories' initial contents (drive seeds, V_REST, rows and fan-out) into a kernel of this
     * design: done for {@link #kernel()}; needed for any other kernel made from {@link #design()}.
     */
    public void load(final org.scfabric.sim.Signals s)
    {
        for (final NeuronCore core : cores)
        {
            core.load(s);
        }
        router.load(s);
    }

    public Design design()
    {
        return design;
    }

    public Kernel kernel()
    {
        return kernel;
    }

    public Clock clock()
    {
        return clk;
    }

    public FabricParams params()
    {
        return fp;
    }

    /** The Brunel network (null for a mapped one). */
    public FabricNetwork network()
    {
        return net;
    }

    /** Keep the spike list of every step in the result (default true; off for long runs that need counts only). */
    public Fabric keepSpikes(final boolean keep)
    {
        this.keepSpikes = keep;
        return this;
    }

    /** Run every step; latencies go to a recorder of its own. */
    public FabricResult run()
    {
        if (mapped != null)
        {
            // a mapped network's latencies go straight into histograms, as the fast engine's do: no writer thread
            final LatencyRecorder lat = new LatencyRecorder(LATENCY_POPULATIONS);
            router.latenciesTo(lat.histogram(0), lat.histogram(1));
            return run(null, lat);
        }
        final LatencyRecorder lat = new LatencyRecorder(LATENCY_POPULATIONS);
        final Recorder rec = new Recorder(1 << 14, lat);
        final FabricResult r;
        try
        {
            r = run(rec, lat);
        }
        finally
        {
            try
            {
                rec.close();
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException(e);
            }
        }
        return r;
    }

    /**
     * Run with a recorder the caller attached sinks to (a {@link LatencyRecorder} with
     * {@link #LATENCY_POPULATIONS}, a VCD writer, ...). The latency histograms are read from {@code lat}
     * after the recorder is closed, so the caller must close it before reading {@link FabricResult#latencyFirst()}.
     */
    public FabricResult run(final Recorder rec, final LatencyRecorder lat)
    {
        if (rec != null)
        {
            if (kernel.recorder() != rec)
            {
                kernel.attach(rec);
            }
            router.recordTo(rec);
        }
        if (mapped != null)
        {
            kernel.bus().subscribe(kernel.bus().type(OUTPUT_EVENT), (type, time, source, value) ->
                outputs.add(source, (int)(value >>> 32), clk.edgesUpTo(time) - 1, (int)value));
        }
        spikeCount = new int[steps];
        spikeBuf = keepSpikes ? new int[steps][] : null;
        final long[] total = new long[1];
        kernel.bus().subscribe(EventBus.SPIKE, (type, time, source, value) ->
        {
            final int t = ctrl.step(kernel.signals());
            if (keepSpikes)
            {
                int[] row = spikeBuf[t];
                if (row == null)
                {
                    row = new int[8];
                    spikeBuf[t] = row;
                }
                else if (spikeCount[t] == row.length)
                {
                    row = Arrays.copyOf(row, row.length * 2);
                    spikeBuf[t] = row;
                }
                row[spikeCount[t]] = (int)value;
            }
            spikeCount[t]++;
            total[0]++;
        });
        final long limit = maxCycles();
        final long t0 = System.nanoTime();
        long until = 0;
        while (!ctrl.finished(kernel.signals()))
        {
            if (until >= limit)
            {
                throw new SimulationException("the fabric did not finish " + steps + " steps within " + limit
                    + " cycles (step " + ctrl.step(kernel.signals()) + " still running)");
            }
            until = Math.min(limit, until + (1 << 20));
            kernel.runUntil(clk.edgeTime(until));
        }
        final double wall = (System.nanoTime() - t0) / 1e9;
        int[][] spikes = null;
        if (keepSpikes)
        {
            spikes = new int[steps][];
            for (int t = 0; t < steps; t++)
            {
                spikes[t] = spikeBuf[t] == null ? new int[0] : Arrays.copyOf(spikeBuf[t], spikeCount[t]);
                Arrays.sort(spikes[t]);
            }
        }
        final long[] stepCycles = new long[steps];
        for (int t = 0; t < steps; t++)
        {
            stepCycles[t] = ctrl.startCycle[t + 1] - ctrl.startCycle[t];
        }
        final long[] coreActive = new long[cores.length];
        long stalls = 0;
        long firstStall = -1;
        for (int c = 0; c < cores.length; c++)
        {
            coreActive[c] = cores[c].activeCycles;
            stalls += cores[c].stallCycles;
            if (cores[c].firstStallCycle >= 0 && (firstStall < 0 || cores[c].firstStallCycle < firstStall))
            {
                firstStall = cores[c].firstStallCycle;
            }
        }
        return new FabricResult(fp, steps, spikes, spikeCounts(), total[0], stepCycles, coreActive,
            router.synapseReads, router.occupancy.clone(), router.dropped, router.firstDropCycle, stalls, firstStall,
            router.firstFullCycle, lat, wall, kernel.evaluatedEdges());
    }

    private long[] spikeCounts()
    {
        final long[] c = new long[steps];
        for (int t = 0; t < steps; t++)
        {
            c[t] = spikeCount[t];
        }
        return c;
    }

    /** A generous bound on the cycles of a run: anything longer is a hang. */
    long maxCycles()
    {
        final long sources = net != null ? fp.neurons() : (long)mapped.size() + mapped.inputs();
        final long row = fp.csrLatency() + (mapped != null && mapped.sc() != null ? mapped.sc().bitstream() / 64 : 0);
        final long perStep = 16L + fp.neurons() + fp.coreLatency() + 2L * (row + 2) * sources
            + (net != null ? net.synapses() : mapped.synapses() + (long)mapped.phases() * (fp.coreLatency()
                + fp.csrLatency() + 8));
        return perStep * steps * 4 + (1 << 20);
    }

    /** Instrumentation access for tests: the router. */
    SynapseRouter router()
    {
        return router;
    }

    /** Sinks for a run, in one place: a latency recorder and whatever else is given. */
    public static Recorder recorder(final LatencyRecorder lat, final RecordSink... more)
    {
        final RecordSink[] all = Arrays.copyOf(more, more.length + 1);
        all[more.length] = lat;
        return new Recorder(1 << 14, all);
    }
}
