package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.scfabric.bench.nir.Agreement;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.bench.nir.FixedPointRun;
import org.scfabric.bench.nir.NirKernelRun;
import org.scfabric.bench.nir.ScConfig;
import org.scfabric.bench.nir.VanRossum;
import org.scfabric.bench.report.NirReport;
import org.scfabric.bench.nir.SourceStimulus;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.NetworkStats;
import org.scfabric.net.Node;
import org.scfabric.net.nir.NirMetadata;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.Options;
import org.scfabric.net.ref.Probe;
import org.scfabric.net.ref.ReferenceRun;
import org.scfabric.net.ref.ArithmeticRun;
import org.scfabric.net.ref.Stimulus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scfabric nir}: runs a NIR network (any spiking network written by snnTorch, Norse, Sinabs, Rockpool,
 * Lava, ...) on its float64 reference semantics, or with {@code --info} describes it.
 */
@Command(name = "nir", mixinStandardHelpOptions = true, sortOptions = false,
    subcommands = NirExportCommand.class,
    description = {"Run a NIR network (.nir, NIR 0.1 to 1.x) on the float64 reference and, side by side, in the "
        + "bit-true cores' fixed point and on SC synapses (--arith), or describe it with --info.",
        "Writes DIR/results.json (read_s; \"runs\": arith, total_spikes, spike_counts, wall_s, outputs; the others also "
            + "quantisation_error, vs_float64 per output neuron with the van Rossum distance, layer_agreement), "
            + "DIR/results.md, DIR/membrane.csv (the --probe neuron) and plots."},
    footer = {"", "Semantics: forward Euler by default; a spike is v > v_threshold; nodes in topological order, "
        + "back edges (found by depth-first search from the Inputs in name order) carry the previous step.",
        "", "Examples:", "  scfabric nir --info net.nir",
        "  scfabric nir net.nir --input spikes.csv --out out/nir",
        "  scfabric nir cnn.nir --poisson 200 --steps 300 --seed 1",
        "  scfabric nir net.nir --input spikes.csv --arith float64,q16.12",
        "  scfabric nir net.nir --input in.csv --arith sc --bitstream 1024 --probe lif:0",
        "  scfabric nir export net.nir --out net-flat.nir   (write it again, normalised)",
        "  scfabric nir v3.nir --arith q8.8 --steps 10000  (from brunel --export-nir)"})
public final class NirCommand implements Callable<Integer>, CheckOnly
{
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    // optional to picocli only so that 'nir export IN.nir' parses (picocli checks a parent's required
    // parameters before it runs a subcommand); call() requires it
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.nir", description = "the NIR file")
    String file;

    @Option(names = "--info", description = "describe the network (nodes, types, shapes, parameters, neurons, "
        + "synapses, cycles) and run nothing")
    boolean info;

    @Option(names = "--input", paramLabel = "FILE",
        description = ".csv (one line per step, one value per input channel; # lines are comments) or .npy "
            + "([T, *input shape] or [T, channels], bool, int or float)")
    String input;

    @Option(names = "--poisson", paramLabel = "HZ", description = "drive every input channel with Poisson spikes of "
        + "HZ (instead of --input)")
    String poisson;

    @Option(names = "--steps", paramLabel = "T", description = "steps to run (default: the input's rows; 1000 with "
        + "--poisson or for a network that drives itself, e.g. one written by brunel --export-nir)")
    String steps;

    @Option(names = "--dt", defaultValue = "1e-4", paramLabel = "S", description = "seconds per step (default 1e-4)")
    String dt;

    @Option(names = "--integrator", defaultValue = "euler", paramLabel = "euler|exact",
        description = "euler (default: snnTorch, Norse, Nengo, SpiNNaker2) or exact (exponential decay over a step)")
    String integrator;

    @Option(names = "--reset", defaultValue = "zero", paramLabel = "zero|subtract",
        description = "zero: v = v_reset after a spike (default, NIR's definition); subtract: v -= v_threshold "
            + "(Sinabs, Speck)")
    String reset;

    @Option(names = "--arith", defaultValue = "float64,q8.8,q16.12,sc", paramLabel = "LIST",
        description = "arithmetics to run side by side on the same input, comma-separated: float64 (the reference), "
            + "q8.8, q16.12 (the bit-true cores' fixed point), sc (synapses as LFSR bitstreams, AND gates and "
            + "popcounts into Q8.8 cores); default all. float64 always runs: the others are compared against it")
    String arith;

    @Option(names = "--warm-up", defaultValue = "0", paramLabel = "W",
        description = "before each arithmetic's run, run it W steps on the same input and discard that run, so that "
            + "wall_s times compiled code rather than the JVM compiling it (for benchmarks; default 0: none)")
    String warmUp;

    @Option(names = "--threads", paramLabel = "N",
        description = "threads of the float64 run (default: every core); the results are the same bits for any N "
            + "(networks with dense Linear, Conv, pooling or spike-list inputs run on one)")
    String threads;

    @Option(names = "--bitstream", defaultValue = "256", paramLabel = "L",
        description = "bitstream length per step of --arith sc (a multiple of 64 in 64..65536; default 256, as "
            + "the Brunel SC variants V4 and V17)")
    String bitstream;

    @Option(names = "--probe", paramLabel = "NODE:INDEX",
        description = "the neuron whose membrane every arithmetic records after each step (membrane.csv, membrane.png; "
            + "the first " + Probe.MAX_STEPS + " steps); default neuron 0 of the first neuron population feeding an "
            + "Output")
    String probe;

    @Option(names = "--van-rossum-tau", defaultValue = "10", paramLabel = "STEPS",
        description = "time constant of the van Rossum distance to float64, in steps (default 10)")
    String vrTau;

    @Option(names = "--no-plots", description = "skip the PNG plots (output rasters, membrane, agreement per layer)")
    boolean noPlots;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
        description = "seed of the Poisson input and of the SC encoders (default 42)")
    String seed;

    @Option(names = "--out", defaultValue = "out/nir", paramLabel = "DIR", description = "output folder (default out/nir)")
    String out;

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
        if (file == null)
        {
            throw new BadInputException("give a NIR file: nir FILE.nir [options], nir --info FILE.nir or nir export "
                + "IN.nir --out OUT.nir");
        }
        final Path path = OptionValues.path(file, "FILE.nir");
        // the file first: a bad file is the first thing to hear about
        final long r0 = System.nanoTime();
        Network net = read(path);
        final double readSeconds = (System.nanoTime() - r0) / 1e9;
        if (info)
        {
            describe(path, net, stdout);
            stdout.flush();
            return 0;
        }
        if (SourceStimulus.mixed(net))
        {
            throw new BadInputException(path + ": some Input nodes are scfabric sources (" + NirMetadata.KIND + " "
                + NirMetadata.NUMPY_POISSON + ") and some are not; scfabric runs a network with either kind only");
        }
        final boolean self = SourceStimulus.drivesItself(net);
        if (self && (input != null || poisson != null))
        {
            throw new BadInputException(path.getFileName() + " drives itself (its Input nodes are scfabric "
                + NirMetadata.NUMPY_POISSON + " sources); give no " + (input != null ? "--input" : "--poisson"));
        }
        // a network that drives itself otherwise (its Inputs, if any, are random sources with scfabric.poisson_n,
        // or its brian2 populations drive themselves: what scfabric brian2 writes) runs without a stimulus
        final boolean selfDriven = !self && input == null && poisson == null && ReferenceRun.selfDriven(net);
        if (!self && (input != null || poisson != null) && ReferenceRun.selfDriven(net))
        {
            throw new BadInputException(path.getFileName() + " drives itself (a Brian2 capture: its sources and drives "
                + "are in the file); give no " + (input != null ? "--input" : "--poisson"));
        }
        if (!self && !selfDriven && (input == null) == (poisson == null))
        {
            throw new BadInputException(input == null ? "give --input FILE (.csv or .npy) or --poisson HZ"
                : "give --input FILE or --poisson HZ, not both");
        }
        final CommandLine.ParseResult given = spec.commandLine().getParseResult();
        final boolean capture = CaptureOptions.isCapture(net);
        final double step = CaptureOptions.dt(net, OptionValues.positive(dt, "--dt", "a number of seconds > 0"),
            given.hasMatchedOption("--dt"), path.getFileName().toString());
        Options.Integrator integ = switch (integrator.trim().toLowerCase(Locale.ROOT))
        {
            case "euler" -> Options.Integrator.EULER;
            case "exact" -> Options.Integrator.EXACT;
            default -> throw new BadInputException("--integrator '" + integrator + "' is not accepted (euler or exact)");
        };
        final Options.Reset rst = switch (reset.trim().toLowerCase(Locale.ROOT))
        {
            case "zero" -> Options.Reset.ZERO;
            case "subtract" -> Options.Reset.SUBTRACT;
            default -> throw new BadInputException("--reset '" + reset + "' is not accepted (zero or subtract)");
        };
        if (capture && given.hasMatchedOption("--reset"))
        {
            throw new BadInputException("--reset: " + path.getFileName() + "'s populations reset as the Brian2 script "
                + "says (v = c or v -= c, " + NirMetadata.RESET_OP + "); --reset is for NIR's own neurons");
        }
        if (capture && given.hasMatchedOption("--integrator"))
        {
            net = CaptureOptions.withMethod(net, integ); // Brian2's method, unless --integrator says otherwise
        }
        else if (capture && CaptureOptions.method(net) != null)
        {
            integ = CaptureOptions.method(net); // what the populations integrate by, for the report
        }
        final long s = OptionValues.seed(seed);
        final List<FixedFormat> fixed = ariths(arith);
        if ((self || selfDriven) && spec.commandLine().getParseResult().hasMatchedOption("--seed"))
        {
            // the file's sources carry their own seed (scfabric.seed): the network was drawn from it too
            if (!fixed.contains(SC))
            {
                throw new BadInputException("--seed: " + path.getFileName() + " drives itself from the seed stored in "
                    + "it (" + NirMetadata.SEED + "), and without --arith sc there are no SC encoders to seed; drop "
                    + "--seed (export the network again with another seed to change its drive)");
            }
            spec.commandLine().getErr().println("nir: --seed " + s + " seeds the SC encoders only; "
                + path.getFileName() + " drives itself from the seed stored in it (" + NirMetadata.SEED + ")");
        }
        final ScConfig scConfig = bitstream(bitstream, s);
        final Probe probed = probe(net, probe);
        final double tau = OptionValues.positive(vrTau, "--van-rossum-tau", "a number of steps > 0");
        final boolean floatRequested = java.util.Arrays.stream(arith.split(",")).anyMatch(
            a -> a.trim().equalsIgnoreCase("float64"));
        Integer t = null;
        if (steps != null)
        {
            t = steps(steps);
        }
        final Stimulus stim;
        final java.util.function.Supplier<Stimulus> fresh;
        final String inputLabel;
        try
        {
            if (self)
            {
                stim = null;
                fresh = null;
                inputLabel = "scfabric sources (numpy_poisson)";
            }
            else if (selfDriven)
            {
                stim = Stimulus.zeros();
                fresh = () -> stim;
                inputLabel = "none (the network's own sources)";
            }
            else if (poisson != null)
            {
                final double hz;
                try
                {
                    hz = Double.parseDouble(poisson.trim());
                }
                catch (final NumberFormatException e)
                {
                    throw new BadInputException("--poisson '" + poisson + "' is not a rate in Hz (a number >= 0)");
                }
                stim = Stimulus.poisson(hz, step, s);
                // a Poisson stimulus is drawn in step order: every arithmetic gets its own, from the same seed
                fresh = () -> Stimulus.poisson(hz, step, s);
                inputLabel = "poisson " + poisson.trim() + " Hz, seed " + s;
            }
            else
            {
                stim = Stimulus.read(OptionValues.path(input, "--input"), net);
                fresh = () -> stim;
                inputLabel = input;
            }
        }
        catch (final NetworkException e)
        {
            throw new BadInputException(e.getMessage());
        }
        final int n = t != null ? t : stim == null || stim.rows() == Integer.MAX_VALUE ? 1000 : stim.rows();
        if (stim != null && n > stim.rows())
        {
            throw new BadInputException("--steps " + n + " but --input " + input + " has only " + stim.rows()
                + " rows (one per step)");
        }
        final int warm = steps(warmUp, "--warm-up", 0);
        final int nThreads = threads(threads);
        if (stim != null && warm > stim.rows())
        {
            throw new BadInputException("--warm-up " + warm + " but --input " + input + " has only " + stim.rows()
                + " rows; give 0.." + stim.rows());
        }
        if (checkOnly)
        {
            return 0;
        }
        try (StagedOutput staged = StagedOutput.prepare(out, "--out"))
        {
            staged.refuseForeign(outputNames(fixed, floatRequested, !noPlots));
            final Options opt = new Options(step, integ, rst);
            final List<ArithmeticRun> runs = new ArrayList<>();
            final Map<String, Map<String, Map<String, Double>>> quant = new LinkedHashMap<>();
            final ArithmeticRun r;
            final List<SourceStimulus> sources = new ArrayList<>();
            try
            {
                // warm-up: each arithmetic alone, its run discarded (for benchmarks: wall_s then times compiled code)
                if (warm > 0)
                {
                    try (SourceStimulus src = self ? SourceStimulus.of(net, warm) : null)
                    {
                        ReferenceRun.run(net, self ? src : fresh.get(), warm, opt, null, nThreads);
                    }
                    for (final FixedFormat fmt : fixed)
                    {
                        try (SourceStimulus src = self ? SourceStimulus.of(net, warm) : null)
                        {
                            FixedPointRun.run(net, self ? src : fresh.get(), warm, opt, fmt == SC ? FixedFormat.Q8_8 : fmt,
                                fmt == SC ? scConfig : null, null);
                        }
                    }
                }
                // the run: every arithmetic a component of one kernel, stepping in lockstep on the same input
                final ReferenceRun.Stepper ref = new ReferenceRun.Stepper(net,
                    self ? open(sources, net, n) : warm > 0 ? fresh.get() : stim, n, opt, probed, nThreads);
                final List<FixedPointRun.Stepper> fixedRuns = new ArrayList<>();
                final List<NirKernelRun.Arithmetic> parts = new ArrayList<>();
                parts.add(ref::step);
                for (final FixedFormat fmt : fixed)
                {
                    final boolean isSc = fmt == SC;
                    final FixedPointRun.Stepper q = new FixedPointRun.Stepper(net, self ? open(sources, net, n)
                        : fresh.get(), n, opt, isSc ? FixedFormat.Q8_8 : fmt, isSc ? scConfig : null, probed);
                    fixedRuns.add(q);
                    parts.add(q::step);
                }
                NirKernelRun.run(parts, n, null);
                r = ref.finish();
                if (floatRequested)
                {
                    runs.add(r);
                }
                for (final FixedPointRun.Stepper q : fixedRuns)
                {
                    final FixedPointRun.Result res = q.finish();
                    runs.add(res.run());
                    quant.put(res.run().arith(), res.quantisation());
                }
            }
            catch (final NetworkException e)
            {
                throw new BadInputException(e.getMessage());
            }
            finally
            {
                for (final SourceStimulus src : sources)
                {
                    src.close();
                }
            }
            writeResults(staged.staging(), path, net, inputLabel, step, integ, rst, runs, r, quant,
                new Report(probed, tau, !noPlots), readSeconds);
            staged.commit();
            final StringBuilder line = new StringBuilder();
            for (final ArithmeticRun a : runs)
            {
                line.append(line.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%d spikes (%s, %.3f s)",
                    a.totalSpikes(), a.arith(), a.wallSeconds()));
            }
            stdout.printf(Locale.ROOT, "nir: %s, %d steps of %s s: %s; results in %s%n", path.getFileName(), n,
                dt.trim(), line, staged.target());
            stdout.flush();
        }
        return 0;
    }

    /**
     * --steps: 1..{@link OptionValues#MAX_STEPS}, as brunel. Every output spike of a run is kept until results.json
     * is written, so a run of 2 * 10^9 steps ran for minutes, silent, towards a heap it could not have.
     */
    /** --threads: 1 to the machine's cores (the threads meet, spinning, several times a step). */
    static int threads(final String value)
    {
        final int cpus = Runtime.getRuntime().availableProcessors();
        if (value == null)
        {
            return cpus;
        }
        final String accepted = "an integer in 1.." + cpus + " (this machine's cores)";
        try
        {
            final int t = Integer.parseInt(value.trim());
            if (t >= 1 && t <= cpus)
            {
                return t;
            }
            throw new BadInputException("--threads " + value.trim() + ": give " + accepted);
        }
        catch (final NumberFormatException e)
        {
            throw new BadInputException("--threads '" + value + "' is not " + accepted);
        }
    }

    static int steps(final String value)
    {
        return steps(value, "--steps", 1);
    }

    /** A step count of option {@code name}: {@code min}..{@link OptionValues#MAX_STEPS}. */
    static int steps(final String value, final String name, final int min)
    {
        final String accepted = "an integer in " + min + ".." + OptionValues.MAX_STEPS;
        final String v = value.trim().replace("_", "");
        final long t;
        try
        {
            t = Long.parseLong(v);
        }
        catch (final NumberFormatException e)
        {
            if (v.matches("\\+?\\d+"))
            {
                throw new BadInputException(name + " " + value + " is too large; give " + accepted);
            }
            throw new BadInputException(name + " '" + value + "' is not " + accepted);
        }
        if (t < min)
        {
            throw new BadInputException(name + " " + value + ": give " + accepted);
        }
        if (t > OptionValues.MAX_STEPS)
        {
            throw new BadInputException(name + " " + value + " is too large: the limit is " + OptionValues.MAX_STEPS
                + " steps (every output spike is kept for results.json); give " + accepted);
        }
        return (int)t;
    }

    /** A network's own sources for one arithmetic's run, closed with the others once the kernel has run. */
    private static SourceStimulus open(final List<SourceStimulus> sources, final Network net, final int steps)
    {
        final SourceStimulus src = SourceStimulus.of(net, steps);
        sources.add(src);
        return src;
    }

    /** Stands for --arith sc in the list of {@link #ariths}: SC synapses into Q8.8 cores. */
    static final FixedFormat SC = new FixedFormat("sc", 16, 8);

    /** --bitstream L: a multiple of 64 in 64..65536. */
    static ScConfig bitstream(final String value, final long seed)
    {
        final String accepted = "a multiple of 64 in 64.." + ScConfig.MAX_BITSTREAM;
        final int l;
        try
        {
            l = Integer.parseInt(value.trim().replace("_", ""));
        }
        catch (final NumberFormatException e)
        {
            throw new BadInputException("--bitstream '" + value + "' is not " + accepted);
        }
        if (l < 64 || l > ScConfig.MAX_BITSTREAM || l % 64 != 0)
        {
            throw new BadInputException("--bitstream " + value.trim() + ": give " + accepted);
        }
        return new ScConfig(l, seed);
    }

    /** The fixed-point formats of --arith (float64 is always run as the reference); {@link #SC} for sc. */
    static List<FixedFormat> ariths(final String list)
    {
        final List<FixedFormat> r = new ArrayList<>();
        boolean any = false;
        for (final String a : list.split(",", -1))
        {
            final String t = a.trim().toLowerCase(Locale.ROOT);
            final FixedFormat fmt = switch (t)
            {
                case "float64" -> null;
                case "q8.8" -> FixedFormat.Q8_8;
                case "q16.12" -> FixedFormat.Q16_12;
                case "sc" -> SC;
                default -> throw new BadInputException("--arith '" + a.trim() + "' is not accepted (a comma-separated "
                    + "list of float64, q8.8, q16.12, sc)");
            };
            any = true;
            if (fmt != null && !r.contains(fmt))
            {
                r.add(fmt);
            }
        }
        if (!any)
        {
            throw new BadInputException("--arith is empty (a comma-separated list of float64, q8.8, q16.12, sc)");
        }
        return r;
    }

    private static Network read(final Path path)
    {
        try
        {
            return NirReader.read(path);
        }
        catch (final NetworkException e)
        {
            throw new BadInputException(e.getMessage());
        }
    }

    static void writeResults(final Path dir, final Path file, final Network net, final String input, final double dt,
        final Options.Integrator integ, final Options.Reset rst, final List<ArithmeticRun> runs) throws IOException
    {
        writeResults(dir, file, net, input, dt, integ, rst, runs, null, Map.of(),
            new Report(null, VanRossum.DEFAULT_TAU_STEPS, false), Double.NaN);
    }

    /**
     * What goes into the output folder besides the runs.
     *
     * @param probe the probed neuron (null: none; then no membrane.csv or membrane.png)
     * @param tau the van Rossum time constant, steps
     * @param plots whether to draw the PNGs
     */
    record Report(Probe probe, double tau, boolean plots)
    {
    }

    /** The files a run writes, for the up-front check against files that are not scfabric's. */
    static List<String> outputNames(final List<FixedFormat> fixed, final boolean floatRequested, final boolean plots)
    {
        final List<String> names = new ArrayList<>(List.of("results.json", "results.md", "membrane.csv"));
        if (plots)
        {
            names.add("membrane.png");
            names.add("agreement.png");
            if (floatRequested)
            {
                names.add("raster-float64.png");
            }
            for (final FixedFormat f : fixed)
            {
                names.add("raster-" + f.name() + ".png");
            }
        }
        return names;
    }

    /** --probe NODE:INDEX (split at the last ':'), or the default; null when the network has no neurons. */
    static Probe probe(final Network net, final String value)
    {
        if (value == null)
        {
            return Probe.defaultOf(net);
        }
        final List<String> neurons = new ArrayList<>();
        for (final Node node : net.nodes())
        {
            if (node.kind().neuron())
            {
                neurons.add(node.name());
            }
        }
        final String accepted = "NODE:INDEX with NODE a neuron population (" + (neurons.isEmpty() ? "none"
            : String.join(", ", neurons)) + ")";
        final int colon = value.lastIndexOf(':');
        if (colon <= 0)
        {
            throw new BadInputException("--probe '" + value + "' is not " + accepted);
        }
        final String name = value.substring(0, colon);
        if (!net.contains(name))
        {
            throw new BadInputException("--probe " + value + ": no node '" + name + "'; give " + accepted);
        }
        final int v = net.indexOf(name);
        if (!net.node(v).kind().neuron())
        {
            throw new BadInputException("--probe " + value + ": node " + name + " is a " + net.node(v).kind().nirType()
                + ", not a neuron population; give " + accepted);
        }
        final int size = net.node(v).outShape().size();
        final int index;
        try
        {
            index = Integer.parseInt(value.substring(colon + 1).trim());
        }
        catch (final NumberFormatException e)
        {
            throw new BadInputException("--probe '" + value + "': INDEX is not an integer in 0.." + (size - 1));
        }
        if (index < 0 || index >= size)
        {
            throw new BadInputException("--probe " + value + ": node " + name + " has " + size + " neurons; give "
                + "an INDEX in 0.." + (size - 1));
        }
        return new Probe(v, index);
    }

    /**
     * {@code ref}: the float64 run every other run is compared against (null: no comparison); {@code quant}: per
     * fixed-point arith, node -> parameter -> max quantisation error; {@code readSeconds}: how long reading the file
     * took ({@code "read_s"}; NaN: not reported).
     */
    static void writeResults(final Path dir, final Path file, final Network net, final String input, final double dt,
        final Options.Integrator integ, final Options.Reset rst, final List<ArithmeticRun> runs, final ArithmeticRun ref,
        final Map<String, Map<String, Map<String, Double>>> quant, final Report report, final double readSeconds)
        throws IOException
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("network", file.toString());
        if (!Double.isNaN(readSeconds))
        {
            json.put("read_s", readSeconds);
        }
        json.put("input", input);
        json.put("dt", dt);
        json.put("integrator", integ.name().toLowerCase(Locale.ROOT));
        json.put("reset", rst.name().toLowerCase(Locale.ROOT));
        json.put("steps", runs.isEmpty() ? 0 : runs.get(0).steps());
        json.put("neurons", net.neurons());
        // the input is one stimulus sequence: a readout's argmax agreement is over one decision
        json.put("inputs", 1);
        json.put("van_rossum_tau_steps", report.tau());
        json.put("van_rossum_tau_s", report.tau() * dt);
        json.put("probe", report.probe() == null ? null : report.probe().label(net));
        final List<Object> list = new ArrayList<>();
        for (final ArithmeticRun r : runs)
        {
            final Map<String, Object> run = new LinkedHashMap<>();
            run.put("arith", r.arith());
            run.put("total_spikes", r.totalSpikes());
            run.put("spike_counts", r.spikeCounts());
            run.put("wall_s", r.wallSeconds());
            // the object fabric --network's JSON repeats: one writer for both
            run.put("outputs", FabricNirRun.outputsJson(r));
            if (quant.containsKey(r.arith()))
            {
                run.put("quantisation_error", quant.get(r.arith()));
            }
            if (ref != null && r != ref && !r.arith().equals("float64"))
            {
                final Map<String, Object> ag = new LinkedHashMap<>();
                for (final Map.Entry<String, Agreement.Output> e : Agreement.of(ref, r, report.tau()).entrySet())
                {
                    final Agreement.Output a = e.getValue();
                    final Map<String, Object> m = new LinkedHashMap<>();
                    m.put("neurons", a.neurons());
                    m.put("spike_count_agreement", a.neurons() == 0 ? 1.0 : (double)a.countsEqual() / a.neurons());
                    final Integer[] fd = new Integer[a.firstDivergence().length];
                    for (int i = 0; i < fd.length; i++)
                    {
                        fd[i] = a.firstDivergence()[i] < 0 ? null : a.firstDivergence()[i];
                    }
                    m.put("first_divergence", fd);
                    m.put("argmax_float64", a.argmaxFloat64());
                    m.put("argmax", a.argmax());
                    m.put("argmax_agrees", a.argmaxAgrees());
                    // the fraction of inputs whose argmax agrees: one input, so 1.0 or 0.0
                    m.put("argmax_agreement", a.argmaxAgrees() ? 1.0 : 0.0);
                    m.put("van_rossum", a.vanRossum());
                    m.put("van_rossum_mean", a.meanVanRossum());
                    ag.put(e.getKey(), m);
                }
                run.put("vs_float64", ag);
                run.put("layer_agreement", Agreement.layers(ref, r));
            }
            list.add(run);
        }
        json.put("runs", list);
        MAPPER.writeValue(dir.resolve("results.json").toFile(), json);

        final StringBuilder md = new StringBuilder();
        md.append("# ").append(file.getFileName()).append("\n\n");
        md.append(String.format(Locale.ROOT, "%d steps of %s s, input %s, %s integration, reset %s.%n%n",
            runs.isEmpty() ? 0 : runs.get(0).steps(), dt, input, integ.name().toLowerCase(Locale.ROOT),
            rst.name().toLowerCase(Locale.ROOT)));
        md.append("| arith | total spikes | output spikes | wall (s) |\n|---|---:|---:|---:|\n");
        for (final ArithmeticRun r : runs)
        {
            int outSpikes = 0;
            for (final ArithmeticRun.OutputTrain tr : r.outputs().values())
            {
                outSpikes += tr.size();
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f |%n", r.arith(), r.totalSpikes(), outSpikes,
                r.wallSeconds()));
        }
        if (ref != null)
        {
            boolean header = false;
            for (final ArithmeticRun r : runs)
            {
                if (r.arith().equals("float64"))
                {
                    continue;
                }
                if (!header)
                {
                    md.append(String.format(Locale.ROOT, "%nAgainst float64, per output node: neurons with float64's spike "
                        + "count, first step any neuron differs, van Rossum distance per neuron (τ = %s steps = %s s; "
                        + "D² ≈ unmatched spikes), most-spiking neuron. The input is one stimulus sequence, so the "
                        + "argmax agreement is one decision.%n%n| arith | output | equal counts | first divergence "
                        + "| van Rossum mean | van Rossum max | argmax (float64) |%n|---|---|---:|---:|---:|---:|---|%n",
                        trim(report.tau()), trim(report.tau() * dt)));
                    header = true;
                }
                for (final Map.Entry<String, Agreement.Output> e : Agreement.of(ref, r, report.tau()).entrySet())
                {
                    final Agreement.Output a = e.getValue();
                    double worst = 0;
                    for (final double d : a.vanRossum())
                    {
                        worst = Math.max(worst, d);
                    }
                    int first = -1;
                    for (final int d : a.firstDivergence())
                    {
                        first = d >= 0 && (first < 0 || d < first) ? d : first;
                    }
                    md.append(String.format(Locale.ROOT, "| %s | %s | %d / %d | %s | %.3f | %.3f | %d (%d) |%n", r.arith(),
                        e.getKey(), a.countsEqual(), a.neurons(), first < 0 ? "none" : Integer.toString(first),
                        a.meanVanRossum(), worst, a.argmax(), a.argmaxFloat64()));
                }
            }
            NirReport.layers(md, ref, runs);
        }
        if (!quant.isEmpty())
        {
            md.append("\nQuantisation error (largest |quantised - exact| per node and parameter):\n\n"
                + "| arith | node | parameter | max abs error |\n|---|---|---|---:|\n");
            for (final Map.Entry<String, Map<String, Map<String, Double>>> a : quant.entrySet())
            {
                for (final Map.Entry<String, Map<String, Double>> nd : a.getValue().entrySet())
                {
                    for (final Map.Entry<String, Double> p : nd.getValue().entrySet())
                    {
                        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3g |%n", a.getKey(), nd.getKey(),
                            p.getKey(), p.getValue()));
                    }
                }
            }
        }
        if (!runs.isEmpty())
        {
            md.append("\n| node | spikes |\n|---|---:|\n");
            for (final Map.Entry<String, Long> c : runs.get(0).spikeCounts().entrySet())
            {
                md.append("| ").append(c.getKey()).append(" | ").append(c.getValue()).append(" |\n");
            }
        }
        NirReport.outputs(dir, md, net, ref, runs, report.probe(), report.plots());
        Files.writeString(dir.resolve("results.md"), md.toString(), StandardCharsets.UTF_8);
    }

    /** The --info table: one line per node in evaluation order, then totals. */
    static void describe(final Path file, final Network net, final PrintWriter o)
    {
        long params = 0;
        long synapses = 0;
        for (final Node node : net.nodes())
        {
            params += NetworkStats.parameters(node);
            synapses += NetworkStats.synapses(node);
        }
        o.printf(Locale.ROOT, "%s: %d nodes, %d edges, %d neurons, %d synapses, %d parameter values%n",
            file.getFileName(), net.size(), net.edges().size(), net.neurons(), synapses, params);
        int w = 4;
        for (final Node node : net.nodes())
        {
            w = Math.max(w, node.name().length());
        }
        final String fmt = "  %-" + w + "s  %-10s  %-14s  %-14s  %10s  %8s  %10s%n";
        o.printf(Locale.ROOT, fmt, "node", "type", "in", "out", "parameters", "neurons", "synapses");
        for (final int v : net.order())
        {
            final Node node = net.node(v);
            o.printf(Locale.ROOT, fmt, node.name(), node.kind().nirType() + (node.kind().scfabricKind() == null ? ""
                : ":" + node.kind().scfabricKind()), node.inShape(), node.outShape(),
                NetworkStats.parameters(node), node.kind().neuron() ? Integer.toString(node.neurons()) : "-",
                NetworkStats.synapses(node) == 0 && node.kind() != Kind.LINEAR && node.kind() != Kind.AFFINE
                    && node.kind() != Kind.CSR_LINEAR
                    ? "-" : Long.toString(NetworkStats.synapses(node)));
        }
        final int back = net.backEdgeCount();
        o.printf(Locale.ROOT, "inputs: %s; outputs: %s%n", names(net, net.inputs()), names(net, net.outputs()));
        if (back == 0)
        {
            o.println("cycles: none (feed-forward)");
        }
        else
        {
            final List<String> edges = new ArrayList<>();
            for (int e = 0; e < net.edges().size(); e++)
            {
                if (net.isBackEdge(e))
                {
                    edges.add(net.edges().get(e).toString());
                }
            }
            o.printf(Locale.ROOT, "cycles: %d back edge%s, each carrying the previous step: %s%n", back,
                back == 1 ? "" : "s", String.join(", ", edges));
        }
    }

    /** A number as Java prints it, without a trailing ".0". */
    private static String trim(final double d)
    {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long)d) : Double.toString(d);
    }

    private static String names(final Network net, final int[] idx)
    {
        final List<String> r = new ArrayList<>();
        for (final int i : idx)
        {
            r.add(net.node(i).name() + " " + net.node(i).outShape());
        }
        return r.isEmpty() ? "none" : String.join(", ", r);
    }
}
