package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.scfabric.bench.fabric.NirFabricRun;
import org.scfabric.bench.fabric.NirMapping;
import org.scfabric.bench.fabric.SourceEvents;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.bench.nir.FixedPointRun;
import org.scfabric.bench.report.FabricPlots;
import org.scfabric.bench.report.FabricReport;
import org.scfabric.hw.area.Area;
import org.scfabric.hw.area.Target;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.FabricSynth;
import org.scfabric.hw.fabric.MappedArea;
import org.scfabric.hw.fabric.MappedFabric;
import org.scfabric.hw.fabric.MappedNetwork;
import org.scfabric.hw.fabric.MappedResult;
import org.scfabric.hw.fabric.MappedRtl;
import org.scfabric.hw.fabric.MappedTrace;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.ArithmeticRun;
import org.scfabric.net.ref.Options;
import org.scfabric.net.ref.Stimulus;

/**
 * {@code scfabric fabric --network FILE.nir}: a NIR graph mapped onto the general fabric
 * ({@link NirMapping}, {@link MappedFabric}), its figures printed and written, and its outputs checked
 * against the unrolled fixed-point engine ({@code scfabric nir --arith q8.8}) on the same input.
 */
final class FabricNirRun
{
    /** Devices the area is compared with: LUT, FF, block RAMs, DSP (iCE40 UP5K; Artix-7 35T in RAMB18). */
    private static final long[] UP5K = {5280, 5280, 30, 8};
    private static final long[] A35T = {20800, 41600, 100, 90};

    /** What the command parsed. */
    record Args(Path network, String input, String poisson, Integer steps, FixedFormat fmt, double dt, boolean dtGiven, long seed,
        int cores, int fifoDepth, int ports, int coreLatency, int memoryLatency, double mhz,
        FabricParams.Overflow overflow, Path json, Path hgrmDir, Path plotDir, boolean check, String hgrmLabel,
        String jsonLabel, String plotLabel, boolean kernel, Path rtlDir, String rtlLabel, FabricSynth.Target synth, Path synthPath,
        String synthLabel, Path events, String eventsLabel, org.scfabric.bench.nir.ScConfig sc)
    {
        /** The same arguments run at step {@code d} (a Brian2 capture's own dt). */
        Args withDt(final double d)
        {
            return new Args(network, input, poisson, steps, fmt, d, dtGiven, seed, cores, fifoDepth, ports, coreLatency, memoryLatency, mhz, overflow, json, hgrmDir, plotDir, check, hgrmLabel, jsonLabel, plotLabel, kernel, rtlDir, rtlLabel, synth, synthPath, synthLabel, events, eventsLabel, sc);
        }
    }

    private FabricNirRun()
    {
    }

    /** @param checkOnly check everything a run checks (the network maps, the cores fit, the input reads) and stop */
    static int run(final Args given, final PrintWriter stdout, final PrintWriter stderr, final boolean checkOnly)
        throws IOException
    {
        final Network net;
        try
        {
            net = NirReader.read(given.network());
        }
        catch (final NetworkException e)
        {
            throw new BadInputException(e.getMessage());
        }
        // a Brian2 capture runs at the dt it was captured at (its delays and refractory periods count steps of it)
        final Args a = given.withDt(CaptureOptions.dt(net, given.dt(), given.dtGiven(),
            given.network().getFileName().toString()));
        final Options opt = new Options(a.dt(), Options.Integrator.EULER, Options.Reset.ZERO);
        final NirMapping map;
        try
        {
            map = NirMapping.map(net, opt, a.fmt(), a.sc());
        }
        catch (final NetworkException e)
        {
            throw new BadInputException(a.network().getFileName() + ": " + e.getMessage());
        }
        final MappedNetwork mn = map.network();
        final FabricParams fp;
        try
        {
            // 0: --cores not given, the default of four cores, fewer for a network of fewer neurons
            fp = new FabricParams(mn.size(), a.cores() == 0 ? Math.min(4, mn.size()) : a.cores(), a.fifoDepth(),
                a.ports(), a.coreLatency(), a.memoryLatency(), a.mhz(), a.overflow());
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
        if (a.rtlDir() != null || a.synth() != null)
        {
            try
            {
                MappedRtl.check(mn);
            }
            catch (final IllegalArgumentException e)
            {
                throw new BadInputException((a.rtlDir() != null ? "--rtl: " : "--synth: ") + e.getMessage());
            }
        }
        if (a.synth() != null && (mn.size() > FabricCommand.MAX_SYNTH_N
            || mn.synapses() > FabricCommand.MAX_SYNTH_SYNAPSES))
        {
            throw new BadInputException("--synth is for small graphs (N <= " + FabricCommand.MAX_SYNTH_N + " and <= "
                + FabricCommand.MAX_SYNTH_SYNAPSES + " synapses), " + a.network().getFileName() + " has N "
                + mn.size() + " and " + mn.synapses() + " synapses; the area estimate alone is in the report");
        }
        final java.util.function.Supplier<Stimulus> stim;
        final String inputLabel;
        // a Brian2 capture drives itself: its sources' events are made on the host (SourceEvents)
        final boolean self = SourceEvents.selfDriven(net);
        if (self && (a.input() != null || a.poisson() != null))
        {
            throw new BadInputException(a.network().getFileName() + " drives itself (its inputs are Brian2's sources, "
                + "or it has none); drop " + (a.input() != null ? "--input" : "--poisson"));
        }
        if (!self && a.input() == null && a.poisson() == null)
        {
            throw new BadInputException("--network needs --input FILE (.csv or .npy) or --poisson HZ");
        }
        try
        {
            if (self)
            {
                final Stimulus z = Stimulus.zeros();
                stim = () -> z;
                inputLabel = "none (the network's own sources)";
            }
            else if (a.poisson() != null)
            {
                final double hz;
                try
                {
                    hz = Double.parseDouble(a.poisson().trim());
                }
                catch (final NumberFormatException e)
                {
                    throw new BadInputException("--poisson '" + a.poisson() + "' is not a rate in Hz (a number >= 0)");
                }
                Stimulus.poisson(hz, a.dt(), a.seed());
                stim = () -> Stimulus.poisson(hz, a.dt(), a.seed());
                inputLabel = "poisson " + a.poisson().trim() + " Hz, seed " + a.seed();
            }
            else
            {
                final Stimulus s = Stimulus.read(OptionValues.path(a.input(), "--input"), net);
                stim = () -> s;
                inputLabel = a.input();
            }
        }
        catch (final NetworkException e)
        {
            throw new BadInputException(e.getMessage());
        }
        final int rows = stim.get().rows();
        final int steps = a.steps() != null ? a.steps() : rows == Integer.MAX_VALUE ? 1000 : rows;
        if (steps > rows)
        {
            throw new BadInputException("--steps " + steps + " but --input " + a.input() + " has only " + rows
                + " rows (one per step)");
        }
        final int[][] events;
        try
        {
            events = self ? SourceEvents.events(net, map, opt, steps, a.fmt().fraction(), a.fmt().width())
                : NirFabricRun.events(stim.get(), map.channels(), steps, a.fmt());
        }
        catch (final NetworkException e)
        {
            throw new BadInputException(e.getMessage());
        }
        if (checkOnly)
        {
            return 0;
        }
        try (StagedFiles staged = new StagedFiles())
        {
            final Path jsonStage = a.json() == null ? null : staged.file(a.json(), "--json", a.jsonLabel());
            final Path hgrmStage = a.hgrmDir() == null ? null : staged.folder(a.hgrmDir(), "--hgrm", a.hgrmLabel());
            final Path plotStage = a.plotDir() == null ? null : staged.folder(a.plotDir(), "--plots", a.plotLabel());
            final Path eventsStage = a.events() == null ? null : staged.file(a.events(), "--events", a.eventsLabel());
            if (a.rtlDir() != null)
            {
                probe(a.rtlDir(), "--rtl", a.rtlLabel());   // not staged: the top names its images by their final path
            }
            if (a.synthPath() != null)
            {
                probe(a.synthPath(), "--synth-dir", a.synthLabel());
            }
            stderr.printf(Locale.ROOT, "fabric: %s, %d neurons in %d populations, %d synapses, %d steps, K %d on the %s "
                + "engine ...%n", a.network().getFileName(), mn.size(), map.populations().size(), mn.synapses(), steps,
                fp.cores(), a.kernel() ? "kernel" : "fast");
            stderr.flush();
            final NirFabricRun run;
            ArithmeticRun ref = null;
            try
            {
                run = NirFabricRun.run(map, fp, events, steps, a.fmt(), a.kernel());
                if (a.check())
                {
                    ref = FixedPointRun.run(net, stim.get(), steps, opt, a.fmt(), a.sc()).run();
                }
            }
            catch (final NetworkException e)
            {
                throw new BadInputException(e.getMessage());
            }
            final Boolean same = ref == null ? null : sameOutputs(ref, run.run());
            final MappedResult r = run.figures();
            final String workload = String.format(Locale.ROOT, "%s in %s: %d neurons (%s), %d synapses, %d input "
                + "channels; input %s", a.network().getFileName(), a.sc() == null ? a.fmt().name()
                : "SC synapses (L " + a.sc().bitstream() + ", seed " + a.seed() + ") into q8.8 cores", mn.size(), populations(map),
                mn.synapses(), mn.inputs(), inputLabel);
            final FabricReport report = new FabricReport(r.fabric(), workload, a.dt() * 1000, a.mhz(), same)
                .withCoreSizes(new MappedFabric(fp, mn, map.observed()).coreSizes())
                .withRouted(r.inputEvents() == 0 ? "spikes" : "spikes and input events (each routed to its fan-out)");
            final Area ice = MappedArea.estimate(fp, mn, Target.ICE40);
            final Area xc7 = MappedArea.estimate(fp, mn, Target.XC7);
            final long iceBlocks = MappedArea.blocks(fp, mn, Target.ICE40);
            final long xcBlocks = MappedArea.blocks(fp, mn, Target.XC7);
            report.withLine("mapping", String.format(Locale.ROOT, "%d phases per step (inputs + %d levels), placed by "
                + "layer; %d accumulator group%s x %d delay bank%s of %d bits; weights %d bits", mn.phases(),
                mn.phases() - 1, mn.groups(), mn.groups() == 1 ? "" : "s", mn.banks(), mn.banks() == 1 ? "" : "s",
                mn.accumulatorBits(), mn.weightBits()) + (mn.sc() == null ? "" : String.format(Locale.ROOT,
                "; SC: %d input encoders, %d weight streams of %d bits, %d + max(R, L/64) + ceil(len/P) cycles to route a spike",
                mn.sc().encoders(), mn.sc().streams(), mn.sc().bitstream(), 1)));
            report.withLine("input", String.format(Locale.ROOT, "%d events; the input port waited %d cycles for FIFO "
                + "space", r.inputEvents(), r.inputStallCycles()));
            report.withLine("latency (in->out)", latencyLine(r.ioLatency()));
            report.withLine("area iCE40", areaLine(ice, iceBlocks, "SB_RAM40_4K", UP5K, "UP5K"));
            report.withLine("area xc7", areaLine(xc7, xcBlocks, "RAMB18", A35T, "Artix-7 35T"));
            report.with("network", networkJson(a, map));
            report.with("outputs", outputsJson(run.run()));
            report.with("spike_counts", run.run().spikeCounts());
            final Map<String, Object> in = new LinkedHashMap<>();
            in.put("source", inputLabel);
            in.put("events", r.inputEvents());
            in.put("stall_cycles", r.inputStallCycles());
            report.with("input", in);
            report.with("latency_io_cycles", latency(r.ioLatency()));
            report.with("cycles_per_step_histogram", histogram(r.fabric().stepCycles()));
            final Map<String, Object> area = new LinkedHashMap<>();
            area.put("ice40", areaJson(ice, iceBlocks, UP5K));
            area.put("xc7", areaJson(xc7, xcBlocks, A35T));
            area.put("memory_bits", MappedArea.memoryBits(fp, mn));
            report.with("area", area);
            stdout.print(report.text());
            stdout.flush();
            if (a.synth() != null)
            {
                stderr.println("fabric: synthesising for " + a.synth().title() + " in " + a.synthLabel() + " ...");
                stderr.flush();
                final FabricSynth.Report sr = FabricSynth.run(fp, mn, map.observed(), events[0], events[1], steps,
                    a.synth(), a.synthPath(), org.scfabric.sim.ToolPath::onPath);
                final Target t = a.synth() == FabricSynth.Target.ICE40 ? Target.ICE40 : Target.XC7;
                final Area est = MappedArea.estimate(fp, mn, t, steps, events[0][steps] - events[0][0]);
                final long estBlocks = MappedArea.blocks(fp, mn, t);
                stdout.print(FabricReport.synthText(sr, est, estBlocks, r.fabric(), a.dt() * 1000));
                stdout.flush();
                report.with("synthesis", FabricReport.synthJson(sr, est, estBlocks, r.fabric(), a.dt() * 1000));
            }
            if (eventsStage != null)
            {
                java.nio.file.Files.write(eventsStage, MappedTrace.lines(new MappedFabric(fp, mn, map.observed()), r,
                    events[0], events[1], steps));
            }
            if (a.rtlDir() != null)
            {
                MappedRtl.write(a.rtlDir(), fp, mn, map.observed(), events[0], events[1], steps);
            }
            if (jsonStage != null)
            {
                report.writeJson(jsonStage);
            }
            if (hgrmStage != null)
            {
                report.writeHgrm(hgrmStage.resolve("latency.hgrm"));
                FabricReport.writeHgrm(hgrmStage.resolve("latency-io.hgrm"), r.ioLatency());
            }
            int nPlots = 0;
            if (plotStage != null)
            {
                nPlots = FabricPlots.write(plotStage, report, String.format(Locale.ROOT, "%s, K %d, D %d, P %d",
                    a.network().getFileName(), fp.cores(), a.fifoDepth(), a.ports()));
            }
            if (Boolean.FALSE.equals(same) && r.fabric().dropped() == 0)
            {
                // a result that contradicts the unrolled network is not written as one
                stderr.println("fabric: the outputs differ from the unrolled engine without any drop: a bug, please "
                    + "report (no --json, --hgrm, --plots or --events written)");
                return 1;
            }
            staged.commit();
            final List<String> wrote = new ArrayList<>();
            if (a.json() != null)
            {
                wrote.add(a.jsonLabel());
            }
            if (a.hgrmDir() != null)
            {
                wrote.add("latency.hgrm, latency-first.hgrm and latency-io.hgrm in " + a.hgrmLabel());
            }
            if (nPlots > 0)
            {
                wrote.add(nPlots + " plots in " + a.plotLabel());
            }
            if (a.events() != null)
            {
                wrote.add(a.eventsLabel());
            }
            if (a.rtlDir() != null)
            {
                wrote.add(MappedRtl.WRAPPER + ".v and its memory images in " + a.rtlLabel() + " (with "
                    + "rtl/fabric/sc_mapped_fabric.v)");
            }
            if (!wrote.isEmpty())
            {
                stderr.println("fabric: wrote " + String.join(", ", wrote));
            }
        }
        return 0;
    }

    private static void probe(final Path dir, final String option, final String value)
    {
        try (StagedFiles p = new StagedFiles())
        {
            p.folder(dir, option, value);
        }
    }

    private static String populations(final NirMapping map)
    {
        final StringBuilder sb = new StringBuilder();
        for (final NirMapping.Population p : map.populations())
        {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.name()).append(' ').append(p.kind().nirType()).append(' ')
                .append(p.size());
        }
        return sb.toString();
    }

    static boolean sameOutputs(final ArithmeticRun a, final ArithmeticRun b)
    {
        if (!a.spikeCounts().equals(b.spikeCounts()) || !a.outputs().keySet().equals(b.outputs().keySet()))
        {
            return false;
        }
        for (final String o : a.outputs().keySet())
        {
            final ArithmeticRun.OutputTrain x = a.outputs().get(o);
            final ArithmeticRun.OutputTrain y = b.outputs().get(o);
            if (!Arrays.equals(x.steps(), y.steps()) || !Arrays.equals(x.indices(), y.indices()))
            {
                return false;
            }
        }
        return true;
    }

    /** As {@code scfabric nir}'s results.json: output name → shape and [step, flat index] pairs. */
    static Map<String, Object> outputsJson(final ArithmeticRun r)
    {
        final Map<String, Object> outs = new LinkedHashMap<>();
        for (final Map.Entry<String, ArithmeticRun.OutputTrain> o : r.outputs().entrySet())
        {
            final ArithmeticRun.OutputTrain tr = o.getValue();
            final int[][] spikes = new int[tr.size()][];
            for (int i = 0; i < spikes.length; i++)
            {
                spikes[i] = new int[] {tr.steps()[i], tr.indices()[i]};
            }
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("shape", tr.shape());
            m.put("spikes", spikes);
            outs.put(o.getKey(), m);
        }
        return outs;
    }

    private static Map<String, Object> networkJson(final Args a, final NirMapping map)
    {
        final MappedNetwork mn = map.network();
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", a.network().toString());
        m.put("format", a.fmt().name());
        if (a.sc() != null)
        {
            m.put("arith", "sc");
            m.put("bitstream", a.sc().bitstream());
            m.put("sc_seed", a.seed());
        }
        m.put("dt", a.dt());
        m.put("neurons", mn.size());
        m.put("synapses", mn.synapses());
        m.put("input_channels", mn.inputs());
        m.put("phases", mn.phases());
        m.put("groups", mn.groups());
        m.put("delay_banks", mn.banks());
        m.put("accumulator_bits", mn.accumulatorBits());
        m.put("weight_bits", mn.weightBits());
        m.put("placement", "by layer, balanced");
        final List<Object> pops = new ArrayList<>();
        for (final NirMapping.Population p : map.populations())
        {
            final Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", p.name());
            x.put("kind", p.kind().nirType());
            x.put("first_neuron", p.base());
            x.put("neurons", p.size());
            x.put("level", p.level());
            pops.add(x);
        }
        m.put("populations", pops);
        return m;
    }

    private static String latencyLine(final Histogram h)
    {
        if (h.getTotalCount() == 0)
        {
            return "no output events";
        }
        return String.format(Locale.ROOT, "p50 %d, p90 %d, p99 %d, max %d, mean %.1f cycles over %d output events "
            + "(from the step's input phase to the output's result edge)", h.getValueAtPercentile(50),
            h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getMaxValue(), h.getMean(), h.getTotalCount());
    }

    private static Map<String, Object> latency(final Histogram h)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        if (h.getTotalCount() > 0)
        {
            m.put("min", h.getMinValue());
            m.put("p50", h.getValueAtPercentile(50));
            m.put("p90", h.getValueAtPercentile(90));
            m.put("p99", h.getValueAtPercentile(99));
            m.put("p99_9", h.getValueAtPercentile(99.9));
            m.put("max", h.getMaxValue());
            m.put("mean", h.getMean());
        }
        return m;
    }

    /** Cycles per step in 20 equal bins from the minimum to the maximum. */
    static Map<String, Object> histogram(final long[] stepCycles)
    {
        final long min = Arrays.stream(stepCycles).min().orElse(0);
        final long max = Arrays.stream(stepCycles).max().orElse(0);
        final int bins = 20;
        final long width = Math.max(1, (max - min + bins) / bins);
        final long[] count = new long[bins];
        for (final long c : stepCycles)
        {
            count[(int)Math.min(bins - 1, (c - min) / width)]++;
        }
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("first_bin_cycles", min);
        m.put("bin_width_cycles", width);
        m.put("counts", count);
        return m;
    }

    private static String areaLine(final Area a, final long blocks, final String block, final long[] dev,
        final String device)
    {
        return String.format(Locale.ROOT, "%d LUT, %d FF, %d DSP, %d memory bits in %d %s; %s the %s", a.lut(),
            a.ff(), a.dsp(), a.bramBits(), blocks, block, fits(a, blocks, dev) ? "fits" : "does NOT fit", device);
    }

    private static boolean fits(final Area a, final long blocks, final long[] dev)
    {
        return a.lut() <= dev[0] && a.ff() <= dev[1] && blocks <= dev[2] && a.dsp() <= dev[3];
    }

    private static Map<String, Object> areaJson(final Area a, final long blocks, final long[] dev)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("lut", a.lut());
        m.put("ff", a.ff());
        m.put("dsp", a.dsp());
        m.put("memory_bits", a.bramBits());
        m.put("block_rams", blocks);
        m.put("fits", fits(a, blocks, dev));
        return m;
    }
}
