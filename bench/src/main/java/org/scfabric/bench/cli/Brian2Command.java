package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.scfabric.bench.brian2.Brian2Runner;
import org.scfabric.bench.brian2.CaptureReader;
import org.scfabric.bench.brian2.Comparison;
import org.scfabric.bench.brian2.ShimRunner;
import org.scfabric.bench.brian2.Translation;
import org.scfabric.net.NetworkException;
import org.scfabric.net.nir.NirWriter;
import org.scfabric.net.ref.FreeRun;
import org.scfabric.net.ref.Options;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scfabric brian2 SCRIPT.py}: runs a Brian2 script with its {@code run()} intercepted, translates the
 * network it built (realised connectivity and initial values) and writes it as NIR; {@code --compare} also
 * runs it in Brian2 and on scfabric's float64 reference and reports both. See docs/brian2.md.
 */
@Command(name = "brian2", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Translate a Brian2 script's network (LIF family: leaky membrane, exponential currents, "
        + "refractory periods, delays, PoissonInput, PoissonGroup, SpikeGeneratorGroup) into NIR, exactly as Brian2 "
        + "built it, for scfabric's float64, fixed-point and SC back ends. "
        + "Anything else (xi noise, conductance-based or Hodgkin-Huxley models, adaptive thresholds, plasticity, "
        + "summed variables) is refused naming the group and the term."},
    footer = {"", "Examples:", "  scfabric brian2 IF_curve_LIF.py --out if.nir",
        "  scfabric brian2 CUBA.py --compare", "  scfabric brian2 CUBA.py --compare --hardware q8.8,q16.12,sc", "  scfabric brian2 Brunel_2000.py --capture all --out brunel.nir",
        "  scfabric brian2 my_net.py -- --my-option 3"})
public final class Brian2Command implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "SCRIPT.py", description = "the Brian2 script")
    String script;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "arguments for the script (after --)")
    List<String> args = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE.nir",
        description = "the NIR file to write (default out/brian2/SCRIPT.nir; with --capture all, FILE-K.nir per run)")
    String out;

    @Option(names = "--capture", paramLabel = "N|all", defaultValue = "1",
        description = "the network at the N-th run() (default ${DEFAULT-VALUE}), or 'all': one NIR file per run")
    String capture;

    @Option(names = "--compare", description = "also run the network in Brian2 (runtime mode) and on scfabric's "
        + "float64 reference, and report both: rates, CV of ISIs, Fano factor, spike agreement, run times")
    boolean compare;

    @Option(names = "--hardware", paramLabel = "LIST", defaultValue = "q8.8,sc",
        description = "with --compare, the hardware arithmetics also run and set beside Brian2, comma-separated: "
            + "q8.8, q16.12, sc (SC synapses into Q8.8 cores), or none (default ${DEFAULT-VALUE})")
    String hardware;

    @Option(names = "--bitstream", paramLabel = "L", defaultValue = "256",
        description = "SC bitstream length for --hardware sc (a multiple of 64; default ${DEFAULT-VALUE})")
    String bitstream;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
        description = "seed of the Poisson sources (default ${DEFAULT-VALUE})")
    String seedText;

    long seed;

    @Option(names = "--python", paramLabel = "PYTHON", description = "the interpreter (default /usr/bin/python3 "
        + "when present, else python3)")
    String python;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException
    {
        final Path file = OptionValues.path(script, "SCRIPT.py");
        if (!Files.isRegularFile(file) || !Files.isReadable(file))
        {
            throw new BadInputException("SCRIPT.py " + script + ": no such readable file; give a Brian2 script");
        }
        final boolean all = capture.equals("all");
        if (!all)
        {
            OptionValues.integer(capture, "--capture", "a run number >= 1 or 'all'");
            if (Integer.parseInt(capture.trim()) < 1)
            {
                throw new BadInputException("--capture " + capture + ": a run number >= 1 or 'all' is accepted");
            }
        }
        seed = OptionValues.seed(seedText);
        final CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (!compare && (parsed.hasMatchedOption("--hardware") || parsed.hasMatchedOption("--bitstream")))
        {
            throw new BadInputException((parsed.hasMatchedOption("--hardware") ? "--hardware" : "--bitstream")
                + " is used only with --compare (the NIR file holds the network, not an arithmetic); add --compare");
        }
        final List<String> hw = hardwareList();
        final org.scfabric.bench.nir.ScConfig scConfig = hw.contains("sc") ? NirCommand.bitstream(bitstream, seed)
            : null;
        if (all && compare)
        {
            throw new BadInputException("--compare with --capture all: compare one run at a time (--capture N)");
        }
        final String stem = file.getFileName().toString().replaceFirst("\\.py$", "");
        final String outName = out != null ? out : "out/brian2/" + stem + ".nir";
        if (!outName.endsWith(".nir"))
        {
            throw new BadInputException("--out " + outName + ": give a file name ending in .nir");
        }
        final Path dest = OptionValues.outputFile(outName, "--out", true);
        // proven writable before Brian2 runs, so a bad path costs no Brian2 time; the folder (the default
        // out/brian2/ too) is made only when the file is written, so a failed run leaves no folder behind
        StagedFiles.probe(dest.getParent(), "--out", outName);
        final String py = python != null ? python : Brian2Runner.defaultPython();
        final PrintWriter stdout = spec.commandLine().getOut();
        final Path tmp = Files.createTempDirectory("scfabric-brian2-");
        try
        {
            final long t0 = System.nanoTime();
            run(new ShimRunner(py), file, all ? "all" : capture.trim(), "capture", tmp);
            final double captureS = (System.nanoTime() - t0) / 1e9;
            final List<Path> folders = new ArrayList<>();
            if (all)
            {
                final int runs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    tmp.resolve("runs.json").toFile()).get("runs").asInt();
                for (int k = 1; k <= runs; k++)
                {
                    folders.add(tmp.resolve("run-" + k));
                }
            }
            else
            {
                folders.add(tmp);
            }
            // translate every run before writing any file: a refused run leaves nothing half-written
            final List<Translation.Result> results = new ArrayList<>();
            for (int k = 0; k < folders.size(); k++)
            {
                final Translation.Result t = translate(folders.get(k));
                if (t.network().neurons() == 0)
                {
                    throw new BadInputException(file.getFileName() + ": run " + (all ? Integer.toString(k + 1)
                        : capture.trim()) + " has no NeuronGroup (nothing to translate); give a script whose run() "
                        + "simulates a NeuronGroup");
                }
                results.add(t);
            }
            for (int k = 0; k < folders.size(); k++)
            {
                final Translation.Result t = results.get(k);
                final Path target = all ? numbered(dest, k + 1) : dest;
                write(t, target);
                stdout.printf("brian2: %s run %s -> %s: %d neurons, %d synapses, %d nodes, dt %s s, %d steps "
                    + "(Brian2 capture %.1f s)%n", file.getFileName(), all ? Integer.toString(k + 1) : capture.trim(),
                    target, t.network().neurons(), t.synapses(), t.network().size(), t.dt(), t.steps(), captureS);
                // a NIR file holds no duration and nir's --dt defaults to 1e-4: say how to run what Brian2 would run
                stdout.printf("brian2: to run it as the script does: scfabric nir %s --steps %d%s%n", target, t.steps(),
                    t.dt() == 1e-4 ? "" : " --dt " + t.dt());
            }
            stdout.flush();
            if (compare)
            {
                compare(new ShimRunner(py), file, tmp.resolve("sim"), dest, stdout, hw, scConfig);
            }
            return 0;
        }
        finally
        {
            deleteTree(tmp);
        }
    }

    private void run(final ShimRunner r, final Path file, final String cap, final String mode, final Path folder)
        throws IOException
    {
        try
        {
            Files.createDirectories(folder);
            r.run(file, args, cap, mode, folder);
        }
        catch (final ShimRunner.Failure f)
        {
            throw new BadInputException(file.getFileName() + ": " + (f.kind().equals("refused") ? "cannot translate: "
                : "") + Main.oneLine(f.getMessage()));
        }
    }

    private Translation.Result translate(final Path folder) throws IOException
    {
        try
        {
            return Translation.of(new CaptureReader(folder, "capture.json"), seed);
        }
        catch (final NetworkException e)
        {
            throw new BadInputException(script + ": cannot translate: " + e.getMessage());
        }
    }

    private void write(final Translation.Result t, final Path target) throws IOException
    {
        try
        {
            Files.createDirectories(target.getParent());
            NirWriter.write(t.network(), target);
        }
        catch (final NetworkException e)
        {
            throw new BadInputException("--out " + target + ": " + e.getMessage());
        }
    }

    static Path numbered(final Path dest, final int k)
    {
        final String name = dest.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        final String numbered = dot > 0 ? name.substring(0, dot) + "-" + k + name.substring(dot) : name + "-" + k;
        return dest.resolveSibling(numbered);
    }

    /** --hardware as a list of q8.8, q16.12, sc (empty for none). */
    private List<String> hardwareList()
    {
        final List<String> l = new ArrayList<>();
        for (final String a : hardware.split(","))
        {
            final String x = a.trim().toLowerCase(java.util.Locale.ROOT);
            if (x.equals("none") || x.isEmpty())
            {
                continue;
            }
            if (!List.of("q8.8", "q16.12", "sc").contains(x))
            {
                throw new BadInputException("--hardware '" + hardware + "': " + x + " is not accepted (a comma-separated "
                    + "list of q8.8, q16.12, sc, or none)");
            }
            if (!l.contains(x))
            {
                l.add(x);
            }
        }
        return l;
    }

    private void compare(final ShimRunner r, final Path file, final Path folder, final Path dest,
        final PrintWriter stdout, final List<String> hw, final org.scfabric.bench.nir.ScConfig scConfig)
        throws IOException
    {
        run(r, file, capture.trim(), "simulate", folder);
        // the simulating process drew its own random instance: compare on the network it captured itself
        final Translation.Result t = translate(folder);
        final CaptureReader b = new CaptureReader(folder, "brian2.json");
        final JsonNode root = b.root();
        final FreeRun.Result f = FreeRun.run(t.network(), t.steps(),
            new Options(t.dt(), Options.Integrator.EULER, Options.Reset.ZERO));
        final Map<String, Object> report = new LinkedHashMap<>();
        report.put("script", file.getFileName().toString());
        report.put("dt", t.dt());
        report.put("steps", t.steps());
        final Map<String, Object> groups = new LinkedHashMap<>();
        report.put("groups", groups);
        stdout.printf("%n| group | neurons | Brian2 rate (Hz) | float64 rate | Brian2 CV | float64 CV | Brian2 Fano "
            + "| float64 Fano | spikes in both (of Brian2's) |%n|---|---:|---:|---:|---:|---:|---:|---:|---:|%n");
        for (final FreeRun.Train tr : f.trains().values())
        {
            final JsonNode s = root.path("spikes").path(tr.node());
            final int[] bs = toInts(b.longs(s.get("step")));
            final int[] bi = toInts(b.longs(s.get("index")));
            final Comparison.Stats sb = Comparison.stats(bs, bi, tr.neurons(), t.steps(), t.dt());
            final Comparison.Stats sf = Comparison.stats(tr.steps(), tr.index(), tr.neurons(), t.steps(), t.dt());
            final double agree = Comparison.agreement(bs, bi, tr.steps(), tr.index());
            stdout.printf("| %s | %d | %.3f | %.3f | %s | %s | %s | %s | %s |%n", tr.node(), tr.neurons(),
                sb.rateHz(), sf.rateHz(), cell(sb.cv(), "%.3f", "few"), cell(sf.cv(), "%.3f", "few"),
                cell(sb.fano(), "%.3f", "silent"), cell(sf.fano(), "%.3f", "silent"),
                sb.spikes() == 0 ? "n/a (silent)" : cell(agree, "%.4f", "silent"));
            final Map<String, Object> g = new LinkedHashMap<>();
            g.put("neurons", tr.neurons());
            g.put("brian2", side(sb, bs, bi, tr.neurons(), t.steps()));
            g.put("float64", side(sf, tr.steps(), tr.index(), tr.neurons(), t.steps()));
            g.put("spike_agreement", sb.spikes() == 0 || Double.isNaN(agree) ? null : agree);
            groups.put(tr.node(), g);
        }
        final Map<String, Object> walls = new LinkedHashMap<>();
        walls.put("brian2_runtime", root.get("wall_s").asDouble());
        walls.put("float64", f.wallS());
        if (!hw.isEmpty())
        {
            stdout.printf("%nThe hardware arithmetics on the same instance (the same Poisson draws as float64), against "
                + "Brian2:%n%n| group | arithmetic | rate (Hz) | rate vs Brian2 | CV | Fano | run (s) |%n"
                + "|---|---|---:|---:|---:|---:|---:|%n");
        }
        for (final String a : hw)
        {
            final FreeRun.Result h;
            try
            {
                h = org.scfabric.bench.brian2.HardwareRun.run(t.network(), t.steps(), new Options(t.dt(),
                    Options.Integrator.EULER, Options.Reset.ZERO), a.equals("q16.12")
                        ? org.scfabric.bench.nir.FixedFormat.Q16_12 : org.scfabric.bench.nir.FixedFormat.Q8_8,
                    a.equals("sc") ? scConfig : null);
            }
            catch (final NetworkException e)
            {
                throw new BadInputException(script + ": " + a + ": " + e.getMessage());
            }
            walls.put(a, h.wallS());
            for (final FreeRun.Train tr : h.trains().values())
            {
                final JsonNode s = root.path("spikes").path(tr.node());
                final Comparison.Stats sb = Comparison.stats(toInts(b.longs(s.get("step"))),
                    toInts(b.longs(s.get("index"))), tr.neurons(), t.steps(), t.dt());
                final Comparison.Stats sh = Comparison.stats(tr.steps(), tr.index(), tr.neurons(), t.steps(), t.dt());
                final double dev = sh.rateHz() / sb.rateHz() - 1;
                stdout.printf("| %s | %s | %.3f | %s | %s | %s | %.2f |%n", tr.node(), a, sh.rateHz(),
                    Double.isFinite(dev) ? String.format(java.util.Locale.ROOT, "%+.1f %%", 100 * dev) : "n/a (silent)",
                    cell(sh.cv(), "%.3f", "few"), cell(sh.fano(), "%.3f", "silent"), h.wallS());
                @SuppressWarnings("unchecked")
                final Map<String, Object> g = (Map<String, Object>) groups.get(tr.node());
                final Map<String, Object> side = side(sh, tr.steps(), tr.index(), tr.neurons(), t.steps());
                side.put("rate_vs_brian2", Double.isFinite(dev) ? dev : null);
                g.put(a, side);
            }
        }
        report.put("wall_s", walls);
        final Path json = dest.resolveSibling(dest.getFileName().toString().replaceFirst("\\.nir$", "")
            + "-compare.json");
        final Path part = json.resolveSibling(json.getFileName() + ".partial");
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(part.toFile(), report);
        Files.move(part, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        stdout.printf("%nrun time: Brian2 (runtime) %.2f s, scfabric float64 %.2f s (%d steps); details in %s%n",
            root.get("wall_s").asDouble(), f.wallS(), t.steps(), json);
        stdout.flush();
    }

    /**
     * One engine's statistics, spike counts per neuron, the population's spike count per step (its rate's
     * spectrum) and the raster of its first 50 neurons.
     */
    private static Map<String, Object> side(final Comparison.Stats st, final int[] steps, final int[] index,
        final int neurons, final int totalSteps)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("spikes", st.spikes());
        m.put("rate_hz", st.rateHz());
        m.put("cv_isi", Double.isNaN(st.cv()) ? null : st.cv());
        m.put("fano", Double.isNaN(st.fano()) ? null : st.fano());
        final int[] counts = new int[neurons];
        final int[] perStep = new int[totalSteps];
        final List<int[]> raster = new ArrayList<>();
        for (int k = 0; k < steps.length; k++)
        {
            counts[index[k]]++;
            if (steps[k] >= 0 && steps[k] < totalSteps)
            {
                perStep[steps[k]]++;
            }
            if (index[k] < 50)
            {
                raster.add(new int[] {steps[k], index[k]});
            }
        }
        m.put("counts", counts);
        m.put("population_per_step", perStep);
        m.put("raster_first_50", raster);
        return m;
    }

    /**
     * A table cell: the number, or "n/a (why)" where it is undefined (the JSON holds null there): a CV needs
     * two intervals in a neuron ("few"), a Fano factor or a ratio to Brian2 needs spikes ("silent").
     */
    public static String cell(final double v, final String format, final String why)
    {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, format, v) : "n/a (" + why + ")";
    }

    private static int[] toInts(final long[] a)
    {
        final int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++)
        {
            r[i] = (int) a[i];
        }
        return r;
    }

    private static void deleteTree(final Path dir)
    {
        try (var s = Files.walk(dir))
        {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException e)
        {
            // a temporary folder left behind is harmless
        }
    }
}
