package org.scfabric.bench.faults;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.bench.fabric.NirFabricRun;
import org.scfabric.bench.fabric.NirMapping;
import org.scfabric.bench.fabric.SourceEvents;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.hw.fabric.Fabric;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.MappedFabric;
import org.scfabric.hw.fabric.MappedNetwork;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.Options;
import org.scfabric.net.ref.Stimulus;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.Kernel;

/**
 * A NIR network mapped onto the general fabric ({@link NirMapping}) and run on its kernel components
 * ({@link MappedFabric#kernel}), driven by a fixed input (a spike file, or seeded Poisson trains): every
 * register and memory bit of the cores ({@code core0.vmem}, {@code core0.acc}, {@code core0.vth}, ...),
 * the router ({@code router.fanout}, {@code router.row}, {@code router.fifo0}, ...), the controller and
 * the input port is a fault site.
 *
 * <p>Observed: every neuron's spikes, timed in network steps by the golden run's step boundaries (as
 * {@link FabricWorkload}), and the values of the readouts an Output node reads (LI, CubaLI, I), each as
 * its W bits: bit b of readout r's value at step t is a "spike" of observed neuron {@code N + r·W + b},
 * so a fault that changes a readout's value is seen, and the sum of a readout's values over the run is
 * a linear function of those counts. The decision ({@link FaultBench#decision}) is the argmax over the
 * first Output node's neurons of their spike counts (spiking outputs) or of their summed values
 * (readouts), the lowest index on ties.
 */
public final class NirFabricWorkload implements Workload
{
    private final String network;
    private final String input;
    private final FixedFormat fmt;
    private final double dt;
    private final NirMapping map;
    private final MappedNetwork mn;
    private final FabricParams fp;
    private final int steps;
    private final int[][] events;
    private final int w;
    /** Per neuron, its readout index (its bits' first observed neuron is N + index·W), or −1. */
    private final int[] readout;
    private final int readouts;
    private final int outBase;
    private final int outSize;
    private long[] stepStart;
    private long cycles;

    /**
     * @param network the file's name, for the report
     * @param input   what drives it, for the report
     * @param events  per step the input channels with a spike ({@link NirFabricRun#events})
     */
    public NirFabricWorkload(final String network, final NirMapping map, final FixedFormat fmt, final double dt,
        final int cores, final int[][] events, final int steps, final String input)
    {
        this.network = network;
        this.input = input;
        this.fmt = fmt;
        this.dt = dt;
        this.map = map;
        this.mn = map.network();
        this.steps = steps;
        this.events = events;
        if (cores > Math.min(64, mn.size()))
        {
            throw new IllegalArgumentException("--cores " + cores + ": " + network + " has " + mn.size()
                + " neurons; give 1.." + Math.min(64, mn.size()));
        }
        // 0: not given, the default of four cores, fewer for a smaller network
        this.fp = FabricParams.of(mn.size(), cores == 0 ? Math.min(4, mn.size()) : cores);
        this.w = mn.width();
        final boolean[] obs = map.observed();
        readout = new int[mn.size()];
        int r = 0;
        for (int j = 0; j < mn.size(); j++)
        {
            readout[j] = obs[j] && !mn.fires(j) ? r++ : -1;
        }
        readouts = r;
        if (map.outputs().isEmpty())
        {
            outBase = 0;
            outSize = 0;
        }
        else
        {
            outBase = map.outputs().get(0).base();
            outSize = map.outputs().get(0).size();
        }
    }

    /**
     * A NIR file and its input: {@code inputFile} (one row per step, spikes 0/1) or Poisson trains of
     * {@code poissonHz} from {@code seed}, or neither for a network that drives itself (a Brian2 capture:
     * {@link SourceEvents}); {@code steps} null for the input's rows (1000 for Poisson and self-driven).
     * Bad input is an {@link IllegalArgumentException} whose message says what and what is accepted.
     */
    public static NirFabricWorkload of(final Path file, final Path inputFile, final Double poissonHz, final long seed,
        final Integer steps, final int cores, final FixedFormat fmt)
    {
        return of(file, inputFile, poissonHz, seed, steps, cores, fmt, null);
    }

    /** {@link #of}, with SC synapses when {@code sc} is not null ({@code --arith sc}, Q8.8 cores). */
    public static NirFabricWorkload of(final Path file, final Path inputFile, final Double poissonHz, final long seed,
        final Integer steps, final int cores, final FixedFormat fmt, final org.scfabric.bench.nir.ScConfig sc)
    {
        try
        {
            final Network net = NirReader.read(file);
            // 1e-4 s, or a Brian2 capture's own step (its delays and refractory periods count steps of it)
            final double dt = org.scfabric.bench.cli.CaptureOptions.dt(net, 1e-4, false, String.valueOf(
                file.getFileName()));
            final NirMapping map;
            try
            {
                map = NirMapping.map(net, new Options(dt, Options.Integrator.EULER, Options.Reset.ZERO), fmt, sc);
            }
            catch (final NetworkException e)
            {
                throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage());
            }
            // a Brian2 capture drives itself: its sources' events are made on the host, as scfabric fabric does
            final boolean self = SourceEvents.selfDriven(net);
            if (self && (inputFile != null || poissonHz != null))
            {
                throw new IllegalArgumentException(file.getFileName() + " drives itself (its inputs are Brian2's "
                    + "sources, or it has none); drop " + (inputFile != null ? "--input" : "--poisson"));
            }
            if (self)
            {
                final int t = steps != null ? steps : 1000;
                final int[][] ev = SourceEvents.events(net, map, new Options(dt, Options.Integrator.EULER,
                    Options.Reset.ZERO), t, fmt.fraction(), fmt.width());
                return new NirFabricWorkload(String.valueOf(file.getFileName()), map, fmt, dt, cores, ev, t,
                    "none (the network's own sources)");
            }
            if (inputFile == null && poissonHz == null)
            {
                throw new IllegalArgumentException("--network needs --input FILE (.csv or .npy) or --poisson HZ");
            }
            final Stimulus stim = poissonHz != null ? Stimulus.poisson(poissonHz, dt, seed)
                : Stimulus.read(inputFile, net);
            final int rows = stim.rows();
            final int t = steps != null ? steps : rows == Integer.MAX_VALUE ? 1000 : rows;
            if (t > rows)
            {
                throw new IllegalArgumentException("--steps " + t + " but --input " + inputFile + " has only " + rows
                    + " rows (one per step)");
            }
            final int[][] ev = NirFabricRun.events(stim, map.channels(), t, fmt);
            final String in = poissonHz != null ? "poisson " + poissonHz + " Hz, seed " + seed
                : String.valueOf(inputFile.getFileName());
            return new NirFabricWorkload(String.valueOf(file.getFileName()), map, fmt, dt, cores, ev, t, in);
        }
        catch (final NetworkException e)
        {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public String name()
    {
        return "fabric-nir";
    }

    @Override
    public Map<String, Object> params()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", "fabric");
        m.put("network", network);
        m.put("arith", mn.sc() != null ? "sc" : fmt.name());
        if (mn.sc() != null)
        {
            m.put("bitstream", mn.sc().bitstream());
        }
        m.put("neurons", mn.size());
        m.put("synapses", mn.synapses());
        m.put("input", input);
        m.put("input_events", events[0][steps] - events[0][0]);
        m.put("cores", fp.cores());
        m.put("steps", steps);
        m.put("dt_s", dt);
        m.put("observed_readout_bits", readouts * w);
        // which neurons each population is: with --cores 1 a core memory's word a is neuron a (placed by level)
        final java.util.List<Map<String, Object>> pops = new java.util.ArrayList<>();
        for (final NirMapping.Population p : map.populations())
        {
            final Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("kind", p.kind().nirType());
            pm.put("first_neuron", p.base());
            pm.put("neurons", p.size());
            pops.add(pm);
        }
        m.put("populations", pops);
        final Map<String, Object> word = new LinkedHashMap<>();
        word.put("weight_bits", mn.weightBits());
        word.put("tag_bits", FabricParams.bitsFor(Math.max(1, mn.groups() * mn.banks() - 1)));
        word.put("target_bits", fp.idBits());
        if (mn.sc() != null)
        {
            // the payload in place of the weight: SC flag, sign, encoder index, ROM stream index (from the top)
            final int[] lay = mn.scPayloadLayout();
            word.put("weight_bits", lay[0]);
            word.put("sc_encoder_bits", lay[1]);
            word.put("sc_stream_bits", lay[2]);
            // which weighted node each ROM stream belongs to, and which layer each input encoder serves
            final java.util.List<Map<String, Object>> rom = new java.util.ArrayList<>();
            for (final NirMapping.ScRom sr : map.scRom())
            {
                final Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("node", sr.node());
                rm.put("first_stream", sr.first());
                rm.put("streams", sr.streams());
                rom.add(rm);
            }
            m.put("sc_rom", rom);
            final java.util.List<Map<String, Object>> enc = new java.util.ArrayList<>();
            for (final NirMapping.Population p : map.populations())
            {
                enc.add(encoders(p.name(), p.base(), p.size()));
            }
            if (mn.inputs() > 0)
            {
                enc.add(encoders("inputs", mn.size(), mn.inputs()));
            }
            m.put("sc_encoders", enc);
        }
        m.put("fanout_word", word);
        m.put("accumulator_bits", mn.accumulatorBits());
        m.put("decision", outSize == 0 ? null : map.outputs().get(0).name());
        return m;
    }

    /** The input encoders of sources {@code base .. base + size − 1} (contiguous: encoders are numbered by source). */
    private Map<String, Object> encoders(final String name, final int base, final int size)
    {
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("sources", name);
        e.put("first_encoder", mn.sc().encoderStart(base));
        e.put("encoders", mn.sc().encoderStart(base + size) - mn.sc().encoderStart(base));
        return e;
    }

    /** The mapping (populations, outputs) the workload runs. */
    public NirMapping mapping()
    {
        return map;
    }

    /** The golden run's step boundaries, measured once. */
    private synchronized void calibrate()
    {
        if (stepStart != null)
        {
            return;
        }
        final Fabric f = fabric();
        final Kernel k = f.kernel();
        final int stepSignal = f.design().signal("ctrl.step");
        final int runSignal = f.design().signal("ctrl.run");
        final long[] start = new long[steps + 1];
        Arrays.fill(start, -1);
        long c = 0;
        while (k.peek(runSignal) != 2)
        {
            k.runUntil(c);
            final int s = (int)k.peek(stepSignal);
            if (k.peek(runSignal) == 2)
            {
                start[steps] = c;
            }
            else if (start[s] < 0)
            {
                start[s] = c;
            }
            c++;
        }
        stepStart = start;
        cycles = start[steps] + 1 + (start[steps] + 1) / 4;
    }

    private Fabric fabric()
    {
        return new MappedFabric(fp, mn, map.observed()).kernel(events[0], events[1], steps);
    }

    /** Cycles of a run (the golden run's and a quarter more). */
    public long cycles()
    {
        calibrate();
        return cycles;
    }

    @Override
    public FaultBench newBench()
    {
        calibrate();
        return new Bench(fabric());
    }

    /** The step a spike at this cycle belongs to, by the golden run's timing. */
    long stepOf(final long cycle)
    {
        return GoldenSteps.stepOf(stepStart, steps, cycle);
    }

    private final class Bench implements FaultBench
    {
        private final Fabric fabric;
        private final Kernel kernel;

        Bench(final Fabric fabric)
        {
            this.fabric = fabric;
            this.kernel = fabric.kernel();
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
            return mn.size() + readouts * w;
        }

        @Override
        public String timeUnit()
        {
            return "step";
        }

        @Override
        public double msPerTimeUnit()
        {
            return dt * 1000;
        }

        @Override
        public double durationMs()
        {
            return steps * dt * 1000;
        }

        @Override
        public void observe(final SpikeSink sink)
        {
            final org.scfabric.sim.Clock clk = fabric.clock();
            final int n = mn.size();
            kernel.bus().subscribe(EventBus.SPIKE, (type, time, source, value) ->
                sink.spike(stepOf(clk.edgesUpTo(time) - 1), (int)value));
            kernel.bus().subscribe(kernel.bus().type(Fabric.OUTPUT_EVENT), (type, time, source, value) ->
            {
                final int j = (int)(value >>> 32);
                final int r = j >= 0 && j < n ? readout[j] : -1;
                if (r < 0)
                {
                    return;
                }
                final long step = stepOf(clk.edgesUpTo(time) - 1);
                final long v = value & ((1L << w) - 1);
                for (int b = 0; b < w; b++)
                {
                    if ((v >>> b & 1) != 0)
                    {
                        sink.spike(step, n + r * w + b);
                    }
                }
            });
        }

        @Override
        public void runTo(final long cycle)
        {
            if (cycle > 0)
            {
                kernel.runUntil(fabric.clock().edgeTime(cycle - 1));
            }
        }

        @Override
        public boolean hasDecision()
        {
            return outSize > 0;
        }

        @Override
        public int decision(final java.util.function.IntUnaryOperator count)
        {
            int best = -1;
            long bestScore = Long.MIN_VALUE;
            for (int i = 0; i < outSize; i++)
            {
                final int j = outBase + i;
                long score;
                if (readout[j] < 0)
                {
                    score = count.applyAsInt(j);
                }
                else
                {
                    // Σ_t v_t from the counts of its bits: two's complement, the top bit weighs −2^(W−1)
                    score = 0;
                    final int first = mn.size() + readout[j] * w;
                    for (int b = 0; b < w; b++)
                    {
                        final long c = count.applyAsInt(first + b);
                        score += b == w - 1 ? -(c << b) : c << b;
                    }
                }
                if (score > bestScore)
                {
                    bestScore = score;
                    best = i;
                }
            }
            return best;
        }
    }
}
