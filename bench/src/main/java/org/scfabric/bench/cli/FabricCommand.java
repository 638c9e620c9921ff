package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.bench.fabric.BrunelFabric;
import org.scfabric.bench.report.FabricPlots;
import org.scfabric.bench.report.FabricReport;
import org.scfabric.hw.fabric.Fabric;
import org.scfabric.hw.fabric.FabricArea;
import org.scfabric.hw.fabric.FabricEngine;
import org.scfabric.hw.fabric.FabricSynth;
import org.scfabric.hw.fabric.FabricNetwork;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.FabricReference;
import org.scfabric.hw.fabric.FabricResult;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scfabric fabric}: the Brunel network on the time-multiplexed reference fabric, cycle by cycle; or,
 * with {@code --network FILE.nir}, any NIR graph mapped onto the general fabric ({@link FabricNirRun}).
 */
@Command(name = "fabric", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run the Brunel network (or, with --network, a NIR graph) on the time-multiplexed SC fabric, "
        + "cycle by cycle.",
        "",
        "K LIF cores over neuron state in block RAM, spike FIFOs, a CSR synapse router, an LFSR Poisson "
            + "drive - cycle by cycle, and print what a designer plans with: cycles per timestep, real-time factor "
            + "at the clock, utilisation, FIFO occupancy, overflows and per-spike latency percentiles "
            + "(HdrHistogram). The spikes are checked against the unrolled network on the same drive: the "
            + "architecture changes timing, never results, unless a FIFO overflows under --overflow drop "
            + "(reported). docs/fabric.md explains the figures."},
    footer = {"", "Example: scfabric fabric --neurons 1000 --cores 4 --fifo-depth 64 \\",
        "           --clock-mhz 100 --duration-ms 1000 --json out/fabric/fabric.json \\",
        "           --plots out/fabric/plots",
        "         scfabric fabric --network braille.nir --poisson 400 --steps 500 \\",
        "           --cores 4 \\",
        "           --json out/fabric/braille.json --hgrm out/fabric/braille-hgrm",
        "With --network: populations placed by layer over the K cores, input spikes as address events "
            + "(--input FILE or --poisson HZ; a 'scfabric brian2' capture drives itself, no input option), the "
            + "outputs checked against 'scfabric nir --arith q8.8' (or "
            + "q16.12); --hgrm names a folder (latency.hgrm, latency-first.hgrm, latency-io.hgrm). "
            + "docs/fabric.md: 'Any NIR graph'.",
        "Exit codes: 0 done, 2 bad input (nothing written), 1 a failure while running."})
public final class FabricCommand implements Callable<Integer>, CheckOnly
{
    @Option(names = "--network", paramLabel = "FILE.nir",
        description = "run this NIR graph on the general fabric instead of the Brunel network")
    String network;

    @Option(names = "--input", paramLabel = "FILE",
        description = "with --network: input spikes, .csv (a line per step, a value 0 or 1 per channel) or .npy")
    String input;

    @Option(names = "--poisson", paramLabel = "HZ",
        description = "with --network: Poisson input spikes at HZ per channel (scfabric nir's, from --seed)")
    String poisson;

    @Option(names = "--steps", paramLabel = "T",
        description = "with --network: steps to run (default: the input's rows, or 1000 with --poisson or a file "
            + "that drives itself)")
    String steps;

    @Option(names = "--arith", defaultValue = "q8.8", paramLabel = "FORMAT",
        description = "with --network: the cores' fixed point, q8.8 or q16.12, or sc (stochastic-computing synapses "
            + "into Q8.8 cores, as scfabric nir --arith sc; seeded by --seed) (default: ${DEFAULT-VALUE})")
    String arith;

    @Option(names = "--bitstream", paramLabel = "L",
        description = "with --arith sc: bitstream length per step, a multiple of 64 in 64..65536 (default: 256)")
    String bitstream;

    @Option(names = "--dt", defaultValue = "1e-4", paramLabel = "S",
        description = "with --network: seconds per step (default: ${DEFAULT-VALUE})")
    String dt;

    @Option(names = "--neurons", defaultValue = "1000", paramLabel = "N",
        description = "network size N >= 2 (0.8 N excitatory; default: ${DEFAULT-VALUE})")
    String neurons;

    @Option(names = "--cores", defaultValue = "4", paramLabel = "K",
        description = "neuron cores, 1..min(64, N) (default: ${DEFAULT-VALUE}; with --network, fewer if the network"
            + " has fewer neurons)")
    String cores;

    @Option(names = "--fifo-depth", defaultValue = "64", paramLabel = "D",
        description = "spike FIFO depth per core, 1..65536 (default: ${DEFAULT-VALUE})")
    String fifoDepth;

    @Option(names = "--ports", defaultValue = "1", paramLabel = "P",
        description = "fan-out memory read ports (synapses per cycle), 1..32 (default: ${DEFAULT-VALUE})")
    String ports;

    @Option(names = "--core-latency", defaultValue = "2", paramLabel = "L",
        description = "neuron pipeline latency in cycles, 1..16 (default: ${DEFAULT-VALUE})")
    String coreLatency;

    @Option(names = "--memory-latency", defaultValue = "1", paramLabel = "L",
        description = "row / fan-out memory read latency in cycles, 1..16 (default: ${DEFAULT-VALUE})")
    String memoryLatency;

    @Option(names = "--clock-mhz", defaultValue = "100", paramLabel = "F",
        description = "clock frequency in MHz, > 0 (default: ${DEFAULT-VALUE})")
    String clockMhz;

    @Option(names = "--overflow", defaultValue = "stall", paramLabel = "POLICY",
        description = "a full FIFO: stall (cores wait for space) or drop (spikes lost, counted) (default: ${DEFAULT-VALUE})")
    String overflow;

    @Option(names = "--arithmetic", defaultValue = "V3", paramLabel = "V",
        description = "neuron arithmetic: V3 (Q8.8) or V11 (Q16.12) (default: ${DEFAULT-VALUE})")
    String arithmetic;

    @Option(names = "--duration-ms", defaultValue = "1000", paramLabel = "T",
        description = "simulated time in ms, 0.1..1000000 (default: ${DEFAULT-VALUE})")
    String durationMs;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
        description = "seed of connectivity (numpy stream) and drive (default: ${DEFAULT-VALUE})")
    String seed;

    @Option(names = "--engine", defaultValue = "kernel", paramLabel = "E",
        description = "kernel: the fabric as components on the event kernel, cycle by cycle (fault sites, traces);"
            + " fast: the same machine in one loop, property-tested equal on every figure (default: ${DEFAULT-VALUE};"
            + " with --network: fast)")
    String engine;

    @Option(names = "--json", paramLabel = "FILE", description = "write the figures as JSON to FILE")
    String json;

    @Option(names = "--hgrm", defaultValue = "out/fabric/latency.hgrm", paramLabel = "FILE",
        description = "latency histogram (spike to last delivery) in HdrHistogram's .hgrm format; the spike-to-first"
            + " histogram goes beside it as NAME-first.hgrm (default: ${DEFAULT-VALUE}); with --network a folder DIR"
            + " for latency.hgrm, latency-first.hgrm and latency-io.hgrm, none by default")
    String hgrm;

    @Option(names = "--plots", paramLabel = "DIR",
        description = "write latency.png, fifo-occupancy.png and cycles-per-step.png into DIR")
    String plots;

    @Option(names = "--rtl", paramLabel = "DIR",
        description = "also write the Verilog of this fabric and network into DIR (wrapper sc_fabric_cfg.v, memory"
            + " files; with rtl/fabric/sc_fabric.v it is the design the figures describe; with --network: top"
            + " sc_mapped_cfg.v and the memory images of the network and its input events, for"
            + " rtl/fabric/sc_mapped_fabric.v)")
    String rtl;

    @Option(names = "--events", paramLabel = "FILE",
        description = "write every step start, spike and the finish as lines 'T edge', 'S edge neuron', 'F edge'"
            + " (the format of rtl/fabric/tb_sc_fabric.v, sorted; with --network also 'O edge neuron value' for"
            + " every output event, as rtl/fabric/tb_sc_mapped_fabric.v)")
    String events;

    @Option(names = "--synth", paramLabel = "TARGET",
        description = "also synthesise this fabric: ice40 (Yosys synth_ice40 + nextpnr-ice40 on an UP5K: LUT, FF,"
            + " block RAM, Fmax; the real-time factor is then also given at Fmax) or xc7 (Yosys synth_xilinx cells);"
            + " the area estimate from the parts sits beside it with its error. N <= " + MAX_SYNTH_N + " (with"
            + " --network: N <= " + MAX_SYNTH_N + " and at most " + MAX_SYNTH_SYNAPSES + " synapses)")
    String synth;

    @Option(names = "--synth-dir", defaultValue = "out/fabric/synth", paramLabel = "DIR",
        description = "where synthesis writes its Verilog, logs and netlists (default: ${DEFAULT-VALUE})")
    String synthDir;

    static final int MAX_SYNTH_N = 256;
    static final int MAX_SYNTH_SYNAPSES = 16384;

    @Option(names = "--no-check", description = "skip running the unrolled network to compare spikes")
    boolean noCheck;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Set by a sweep's check of its points (see {@link CheckOnly}). */
    private boolean checkOnly;

    @Override
    public void checkOnly()
    {
        checkOnly = true;
    }

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter stderr = spec.commandLine().getErr();
        final CommandLine.ParseResult pr = spec.commandLine().getParseResult();
        if (network != null)
        {
            final FabricNirRun.Args a = nirArgs(pr);
            return FabricNirRun.run(a, stdout, stderr, checkOnly);
        }
        for (final String o : new String[] {"--input", "--poisson", "--steps", "--arith", "--dt", "--bitstream"})
        {
            if (pr != null && pr.hasMatchedOption(o))
            {
                throw new BadInputException(o + " is used only with --network FILE.nir (the Brunel fabric takes "
                    + "--neurons and --duration-ms)");
            }
        }
        final int n = OptionValues.integer(neurons, "--neurons", "an integer N >= 2");
        if (n < 2)
        {
            throw new BadInputException("--neurons " + n + ": the network needs N >= 2 neurons");
        }
        final int k = OptionValues.integer(cores, "--cores", "an integer 1..64");
        final int d = OptionValues.integer(fifoDepth, "--fifo-depth", "an integer 1..65536");
        final int p = OptionValues.integer(ports, "--ports", "an integer 1..32");
        final int lc = OptionValues.integer(coreLatency, "--core-latency", "an integer 1..16");
        final int lr = OptionValues.integer(memoryLatency, "--memory-latency", "an integer 1..16");
        final double mhz = OptionValues.positive(clockMhz, "--clock-mhz", "a frequency in MHz > 0");
        final double ms = OptionValues.durationMs(durationMs, "--duration-ms");
        final long s = OptionValues.seed(seed);
        final FabricParams.Overflow ov = switch (overflow.trim().toLowerCase(Locale.ROOT))
        {
            case "stall" -> FabricParams.Overflow.STALL;
            case "drop" -> FabricParams.Overflow.DROP;
            default -> throw new BadInputException("--overflow '" + overflow + "' is not accepted (stall or drop)");
        };
        final BrunelFabric.Arithmetic ar = arithmetic(arithmetic);
        final boolean fast = switch (engine.trim().toLowerCase(Locale.ROOT))
        {
            case "kernel" -> false;
            case "fast" -> true;
            default -> throw new BadInputException("--engine '" + engine + "' is not accepted (kernel or fast)");
        };
        final FabricParams fp;
        final BrunelParams bp;
        fp = params(n, k, d, p, lc, lr, mhz, ov);
        try
        {
            bp = BrunelParams.ofSize(n).withSeed(s).withDuration(ms);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
        MemoryEstimate.require(MemoryEstimate.fabric(n, bp.connProb(), ms), n, bp.connProb(),
            MemoryEstimate.FABRIC_HEADROOM, "N = " + n, "--neurons");
        final Path jsonPath = json == null ? null : OptionValues.outputFile(json, "--json", true);
        final Path hgrmPath = OptionValues.outputFile(hgrm, "--hgrm", true);
        final Path plotDir = plots == null ? null : OptionValues.outputDir(plots, "--plots");
        final Path rtlDir = rtl == null ? null : OptionValues.outputDir(rtl, "--rtl");
        if (synth == null && pr != null && pr.hasMatchedOption("--synth-dir"))
        {
            throw new BadInputException("--synth-dir is used only with --synth (add --synth ice40|xc7, or drop"
                + " --synth-dir)");
        }
        FabricSynth.Target target = null;
        Path synthPath = null;
        if (synth != null)
        {
            try
            {
                target = FabricSynth.Target.parse(synth);
            }
            catch (final IllegalArgumentException e)
            {
                throw new BadInputException("--synth: " + e.getMessage());
            }
            if (n > MAX_SYNTH_N)
            {
                throw new BadInputException("--synth is for small fabrics (N <= " + MAX_SYNTH_N + "; an iCE40 UP5K holds"
                    + " 30 block RAMs of 4 kbit), got N " + n + "; the area estimate alone is in docs/fabric.md");
            }
            synthPath = OptionValues.outputDir(synthDir, "--synth-dir").resolve(target.id());
        }
        final Path eventsPath = events == null ? null : OptionValues.outputFile(events, "--events", true);

        if (checkOnly)
        {
            return 0;
        }
        // every output is proven writable (its staging folder made) before the simulation
        try (StagedFiles staged = new StagedFiles())
        {
            final Path jsonStage = jsonPath == null ? null : staged.file(jsonPath, "--json", json);
            final Path hgrmStage = staged.file(hgrmPath, "--hgrm", hgrm);
            final Path eventsStage = eventsPath == null ? null : staged.file(eventsPath, "--events", events);
            final Path plotStage = plotDir == null ? null : staged.folder(plotDir, "--plots", plots);
            if (rtlDir != null)
            {
                probe(rtlDir, "--rtl", rtl);   // not staged: the Verilog names its memory files by their final path
            }
            if (synthPath != null)
            {
                probe(synthPath, "--synth-dir", synthDir);
            }
            return simulate(stdout, stderr, staged, n, k, d, s, fast, fp, bp, ar, mhz, target, synthPath, jsonStage,
                hgrmStage, eventsStage, plotStage, rtlDir);
        }
    }

    /** An explicit --cores (0 stands for "not given" in the --network run's options). */
    private int givenCores()
    {
        final int k = OptionValues.integer(cores, "--cores", "an integer 1..64");
        if (k < 1)
        {
            throw new BadInputException("--cores " + cores + ": cores must be 1..min(64, neurons), got " + k);
        }
        return k;
    }

    /** The --network run's options; the Brunel-only ones are refused. */
    private FabricNirRun.Args nirArgs(final CommandLine.ParseResult pr)
    {
        for (final String o : new String[] {"--neurons", "--arithmetic", "--duration-ms"})
        {
            if (pr != null && pr.hasMatchedOption(o))
            {
                throw new BadInputException(o + " is for the Brunel fabric, not with --network (a NIR graph's size is "
                    + "the graph's; it has no RTL or synthesis yet)");
            }
        }
        // a NIR graph runs on the fast engine unless --engine kernel is given (the components, cycle for cycle)
        final boolean onKernel = pr != null && pr.hasMatchedOption("--engine") && switch (engine.trim().toLowerCase(
            Locale.ROOT))
        {
            case "kernel" -> true;
            case "fast" -> false;
            default -> throw new BadInputException("--engine '" + engine + "' is not accepted (kernel or fast)");
        };
        final Path file = OptionValues.inputFile(network, "--network", "a .nir file");
        // neither: the file must drive itself (a Brian2 capture), which the run checks once it has read it
        if (input != null && poisson != null)
        {
            throw new BadInputException("give --input FILE or --poisson HZ, not both");
        }
        final org.scfabric.bench.nir.FixedFormat fmt = switch (arith.trim().toLowerCase(Locale.ROOT))
        {
            case "q8.8", "sc" -> org.scfabric.bench.nir.FixedFormat.Q8_8;
            case "q16.12" -> org.scfabric.bench.nir.FixedFormat.Q16_12;
            default -> throw new BadInputException("--arith '" + arith + "' is not accepted (q8.8, q16.12 or sc)");
        };
        final boolean scArith = arith.trim().equalsIgnoreCase("sc");
        if (!scArith && bitstream != null)
        {
            throw new BadInputException("--bitstream is used only with --arith sc");
        }
        final org.scfabric.bench.nir.ScConfig scConfig = scArith
            ? NirCommand.bitstream(bitstream == null ? "256" : bitstream, OptionValues.seed(seed)) : null;
        final FabricParams.Overflow ov = switch (overflow.trim().toLowerCase(Locale.ROOT))
        {
            case "stall" -> FabricParams.Overflow.STALL;
            case "drop" -> FabricParams.Overflow.DROP;
            default -> throw new BadInputException("--overflow '" + overflow + "' is not accepted (stall or drop)");
        };
        final boolean hgrmGiven = pr != null && pr.hasMatchedOption("--hgrm");
        if (synth == null && pr != null && pr.hasMatchedOption("--synth-dir"))
        {
            throw new BadInputException("--synth-dir is used only with --synth (add --synth ice40|xc7, or drop"
                + " --synth-dir)");
        }
        FabricSynth.Target target = null;
        Path synthPath = null;
        if (synth != null)
        {
            try
            {
                target = FabricSynth.Target.parse(synth);
            }
            catch (final IllegalArgumentException e)
            {
                throw new BadInputException("--synth: " + e.getMessage());
            }
            synthPath = OptionValues.outputDir(synthDir, "--synth-dir").resolve(target.id());
        }
        final Path rtlDir = rtl == null ? null : OptionValues.outputDir(rtl, "--rtl");
        return new FabricNirRun.Args(file, input, poisson, steps == null ? null : NirCommand.steps(steps), fmt,
            OptionValues.positive(dt, "--dt", "a number of seconds > 0"), pr != null && pr.hasMatchedOption("--dt"),
            OptionValues.seed(seed),
            pr != null && !pr.hasMatchedOption("--cores") ? 0 : givenCores(),
            OptionValues.integer(fifoDepth, "--fifo-depth", "an integer 1..65536"),
            OptionValues.integer(ports, "--ports", "an integer 1..32"),
            OptionValues.integer(coreLatency, "--core-latency", "an integer 1..16"),
            OptionValues.integer(memoryLatency, "--memory-latency", "an integer 1..16"),
            OptionValues.positive(clockMhz, "--clock-mhz", "a frequency in MHz > 0"), ov,
            json == null ? null : OptionValues.outputFile(json, "--json", true),
            hgrmGiven ? OptionValues.outputDir(hgrm, "--hgrm") : null,
            plots == null ? null : OptionValues.outputDir(plots, "--plots"), !noCheck, hgrm, json, plots, onKernel, rtlDir, rtl,
            target, synthPath, synthDir, events == null ? null : OptionValues.outputFile(events, "--events", true),
            events, scConfig);
    }

    private static void probe(final Path dir, final String option, final String value)
    {
        try (StagedFiles p = new StagedFiles())
        {
            p.folder(dir, option, value);
        }
    }

    private int simulate(final PrintWriter stdout, final PrintWriter stderr, final StagedFiles staged, final int n,
        final int k, final int d, final long s, final boolean fast, final FabricParams fp, final BrunelParams bp,
        final BrunelFabric.Arithmetic ar, final double mhz, final FabricSynth.Target target, final Path synthPath,
        final Path jsonPath, final Path hgrmPath, final Path eventsPath, final Path plotDir, final Path rtlDir)
        throws IOException
    {
        final FabricNetwork net = BrunelFabric.network(bp, ar);
        final int steps = bp.steps();
        stderr.printf(Locale.ROOT, "fabric: N %d, K %d, %d synapses, %d steps on the %s engine ...%n", n, k,
            net.synapses(), steps, fast ? "fast" : "kernel");
        stderr.flush();
        final java.util.List<long[]> spikeTimes = new java.util.ArrayList<>();
        final FabricResult r;
        if (fast)
        {
            final FabricEngine e = new FabricEngine(fp, net, steps);
            if (eventsPath != null)
            {
                e.keepSpikeTimes();
            }
            r = e.run();
            final long[] st = e.spikeTimes();
            for (int i = 0; i < st.length; i += 2)
            {
                spikeTimes.add(new long[] {st[i], st[i + 1]});
            }
        }
        else
        {
            final Fabric fab = new Fabric(fp, net, steps);
            if (eventsPath != null)
            {
                fab.kernel().bus().subscribe(org.scfabric.sim.EventBus.SPIKE,
                    (type, time, source, value) -> spikeTimes.add(new long[] {time, value}));
            }
            r = fab.run();
        }
        Boolean same = null;
        if (!noCheck)
        {
            final int[][] ref = FabricReference.run(net, steps);
            same = true;
            for (int t = 0; t < steps && same; t++)
            {
                same = Arrays.equals(ref[t], r.spikes()[t]);
            }
        }
        final String workload = String.format(Locale.ROOT, "Brunel %s, N %d (%d exc), %d synapses, seed %d, drive"
            + " λ %.4f kicks/step (on-chip LFSR)", ar, n, bp.nExc(), net.synapses(), s, bp.lambda());
        final FabricReport report = new FabricReport(r, workload, bp.dt(), mhz, same);
        stdout.print(report.text());
        stdout.flush();
        if (target != null)
        {
            stderr.println("fabric: synthesising for " + target.title() + " in " + synthDir + " ...");
            stderr.flush();
            final FabricSynth.Report sr = FabricSynth.run(fp, net, steps, target, synthPath);
            final org.scfabric.hw.area.Area est = FabricArea.estimate(fp, net, target);
            final long estBlocks = FabricArea.bramBlocks(fp, net, target);
            stdout.print(FabricReport.synthText(sr, est, estBlocks, r, bp.dt()));
            stdout.flush();
            report.with("synthesis", FabricReport.synthJson(sr, est, estBlocks, r, bp.dt()));
        }
        if (jsonPath != null)
        {
            report.writeJson(jsonPath);
        }
        report.writeHgrm(hgrmPath);
        if (eventsPath != null)
        {
            Files.write(eventsPath, FabricReport.events(r, spikeTimes));
        }
        if (rtlDir != null)
        {
            org.scfabric.hw.fabric.FabricRtl.write(rtlDir, fp, net, steps);
        }
        int nPlots = 0;
        if (plotDir != null)
        {
            nPlots = FabricPlots.write(plotDir, report, String.format(Locale.ROOT, "N %d, K %d, D %d", n, k, d));
        }
        staged.commit();
        stderr.println("fabric: wrote " + hgrm + " and " + FabricReport.firstHgrm(Path.of(hgrm)).getFileName()
            + (jsonPath != null ? ", " + json : "") + (nPlots > 0 ? ", " + nPlots + " plots in " + plots : ""));
        if (Boolean.FALSE.equals(same) && r.dropped() == 0)
        {
            stderr.println("fabric: the spikes differ from the unrolled network without any drop: a bug, please report");
            return 1;
        }
        return 0;
    }

    /** The architecture, or one line of bad input (shared with {@code scfabric area --design fabric}). */
    static FabricParams params(final int n, final int k, final int d, final int p, final int lc, final int lr,
        final double mhz, final FabricParams.Overflow ov)
    {
        if (n < 2)
        {
            throw new BadInputException("--neurons " + n + ": the network needs N >= 2 neurons");
        }
        try
        {
            return new FabricParams(n, k, d, p, lc, lr, mhz, ov);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
    }

    static BrunelFabric.Arithmetic arithmetic(final String arithmetic)
    {
        try
        {
            return BrunelFabric.Arithmetic.valueOf(arithmetic.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException("--arithmetic '" + arithmetic + "' is not accepted (V3 or V11)");
        }
    }
}
