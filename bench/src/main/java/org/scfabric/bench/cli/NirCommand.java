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
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.NetworkStats;
import org.scfabric.net.Node;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.Options;
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
    description = {"Run a NIR network (.nir, NIR 0.1 to 1.x) on the float64 reference and in the bit-true cores' "
        + "fixed point (--arith), or describe it with --info.",
        "Writes DIR/results.json (\"runs\": arith, total_spikes, spike_counts, wall_s, outputs; fixed point also "
            + "quantisation_error and vs_float64) and DIR/results.md."},
    footer = {"", "Semantics: forward Euler by default; a spike is v > v_threshold; nodes in topological order, "
        + "back edges (found by depth-first search from the Inputs in name order) carry the previous step.",
        "", "Examples:", "  scfabric nir --info net.nir",
        "  scfabric nir net.nir --input spikes.csv --out out/nir",
        "  scfabric nir cnn.nir --poisson 200 --steps 300 --seed 1",
        "  scfabric nir net.nir --input spikes.csv --arith float64,q16.12",
        "  scfabric nir export net.nir --out net-flat.nir   (write it again, normalised)"})
public final class NirCommand implements Callable<Integer>
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
        description = ".csv (one line per step, one value per input channel) or .npy ([T, *input shape], bool, int "
            + "or float)")
    String input;

    @Option(names = "--poisson", paramLabel = "HZ", description = "drive every input channel with Poisson spikes of "
        + "HZ (instead of --input)")
    String poisson;

    @Option(names = "--steps", paramLabel = "T", description = "steps to run (default: the input's rows; 1000 with "
        + "--poisson)")
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

    @Option(names = "--arith", defaultValue = "float64,q8.8,q16.12", paramLabel = "LIST",
        description = "arithmetics to run side by side on the same input, comma-separated: float64 (the reference), "
            + "q8.8, q16.12 (the bit-true cores' fixed point); default all. float64 always runs: the others are "
            + "compared against it")
    String arith;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "seed of the Poisson input (default 42)")
    String seed;

    @Option(names = "--out", defaultValue = "out/nir", paramLabel = "DIR", description = "output folder (default out/nir)")
    String out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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
        final Network net = read(path);
        if (info)
        {
            describe(path, net, stdout);
            stdout.flush();
            return 0;
        }
        // a network that drives itself (its Inputs are random sources, if any: what scfabric brian2 writes) runs
        // without a stimulus
        final boolean selfDriven = input == null && poisson == null && ReferenceRun.selfDriven(net);
        if ((input == null) == (poisson == null) && !selfDriven)
        {
            throw new BadInputException(input == null ? "give --input FILE (.csv or .npy) or --poisson HZ"
                : "give --input FILE or --poisson HZ, not both");
        }
        final double step = OptionValues.positive(dt, "--dt", "a number of seconds > 0");
        final Options.Integrator integ = switch (integrator.trim().toLowerCase(Locale.ROOT))
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
        final long s = OptionValues.seed(seed);
        final List<FixedFormat> fixed = ariths(arith);
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
            if (selfDriven)
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
                stim = Stimulus.read(OptionValues.path(input, "--input"), ReferenceRun.channels(net));
                fresh = () -> stim;
                inputLabel = input;
            }
        }
        catch (final NetworkException e)
        {
            throw new BadInputException(e.getMessage());
        }
        final int n = t != null ? t : stim.rows() == Integer.MAX_VALUE ? 1000 : stim.rows();
        if (n > stim.rows())
        {
            throw new BadInputException("--steps " + n + " but --input " + input + " has only " + stim.rows()
                + " rows (one per step)");
        }
        try (StagedOutput staged = StagedOutput.prepare(out, "--out"))
        {
            final Options opt = new Options(step, integ, rst);
            final List<ArithmeticRun> runs = new ArrayList<>();
            final Map<String, Map<String, Map<String, Double>>> quant = new LinkedHashMap<>();
            final ArithmeticRun r;
            try
            {
                r = ReferenceRun.run(net, stim, n, opt);
                if (floatRequested)
                {
                    runs.add(r);
                }
                for (final FixedFormat fmt : fixed)
                {
                    final FixedPointRun.Result q = FixedPointRun.run(net, fresh.get(), n, opt, fmt);
                    runs.add(q.run());
                    quant.put(fmt.name(), q.quantisation());
                }
            }
            catch (final NetworkException e)
            {
                throw new BadInputException(e.getMessage());
            }
            writeResults(staged.staging(), path, net, inputLabel, step, integ, rst, runs, r, quant);
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
    static int steps(final String value)
    {
        final String accepted = "an integer T in 1.." + OptionValues.MAX_STEPS;
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
                throw new BadInputException("--steps " + value + " is too large; give " + accepted);
            }
            throw new BadInputException("--steps '" + value + "' is not " + accepted);
        }
        if (t < 1)
        {
            throw new BadInputException("--steps " + value + ": give " + accepted);
        }
        if (t > OptionValues.MAX_STEPS)
        {
            throw new BadInputException("--steps " + value + " is too large: the limit is " + OptionValues.MAX_STEPS
                + " steps (every output spike is kept for results.json); give " + accepted);
        }
        return (int)t;
    }

    /** The fixed-point formats of --arith (float64 is always run as the reference). */
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
                default -> throw new BadInputException("--arith '" + a.trim() + "' is not accepted (a comma-separated "
                    + "list of float64, q8.8, q16.12)");
            };
            any = true;
            if (fmt != null && !r.contains(fmt))
            {
                r.add(fmt);
            }
        }
        if (!any)
        {
            throw new BadInputException("--arith is empty (a comma-separated list of float64, q8.8, q16.12)");
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
        writeResults(dir, file, net, input, dt, integ, rst, runs, null, Map.of());
    }

    /**
     * {@code ref}: the float64 run every other run is compared against (null: no comparison); {@code quant}: per
     * fixed-point arith, node -> parameter -> max quantisation error.
     */
    static void writeResults(final Path dir, final Path file, final Network net, final String input, final double dt,
        final Options.Integrator integ, final Options.Reset rst, final List<ArithmeticRun> runs, final ArithmeticRun ref,
        final Map<String, Map<String, Map<String, Double>>> quant) throws IOException
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("network", file.toString());
        json.put("input", input);
        json.put("dt", dt);
        json.put("integrator", integ.name().toLowerCase(Locale.ROOT));
        json.put("reset", rst.name().toLowerCase(Locale.ROOT));
        json.put("steps", runs.isEmpty() ? 0 : runs.get(0).steps());
        json.put("neurons", net.neurons());
        final List<Object> list = new ArrayList<>();
        for (final ArithmeticRun r : runs)
        {
            final Map<String, Object> run = new LinkedHashMap<>();
            run.put("arith", r.arith());
            run.put("total_spikes", r.totalSpikes());
            run.put("spike_counts", r.spikeCounts());
            run.put("wall_s", r.wallSeconds());
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
            run.put("outputs", outs);
            if (quant.containsKey(r.arith()))
            {
                run.put("quantisation_error", quant.get(r.arith()));
            }
            if (ref != null && r != ref && !r.arith().equals("float64"))
            {
                final Map<String, Object> ag = new LinkedHashMap<>();
                for (final Map.Entry<String, Agreement.Output> e : Agreement.of(ref, r).entrySet())
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
                    ag.put(e.getKey(), m);
                }
                run.put("vs_float64", ag);
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
                    md.append("\nAgainst float64, per output node: neurons with float64's spike count, first step "
                        + "any neuron differs, most-spiking neuron.\n\n| arith | output | equal counts | first divergence "
                        + "| argmax (float64) |\n|---|---|---:|---:|---|\n");
                    header = true;
                }
                for (final Map.Entry<String, Agreement.Output> e : Agreement.of(ref, r).entrySet())
                {
                    final Agreement.Output a = e.getValue();
                    int first = -1;
                    for (final int d : a.firstDivergence())
                    {
                        first = d >= 0 && (first < 0 || d < first) ? d : first;
                    }
                    md.append(String.format(Locale.ROOT, "| %s | %s | %d / %d | %s | %d (%d) |%n", r.arith(), e.getKey(),
                        a.countsEqual(), a.neurons(), first < 0 ? "none" : Integer.toString(first), a.argmax(),
                        a.argmaxFloat64()));
                }
            }
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
        final String fmt = "  %-" + w + "s  %-9s  %-14s  %-14s  %10s  %8s  %10s%n";
        o.printf(Locale.ROOT, fmt, "node", "type", "in", "out", "parameters", "neurons", "synapses");
        for (final int v : net.order())
        {
            final Node node = net.node(v);
            o.printf(Locale.ROOT, fmt, node.name(), node.kind().nirType(), node.inShape(), node.outShape(),
                NetworkStats.parameters(node), node.kind().neuron() ? Integer.toString(node.neurons()) : "-",
                NetworkStats.synapses(node) == 0 && node.kind() != Kind.LINEAR && node.kind() != Kind.AFFINE
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
