package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.scfabric.bench.brian2.Brian2Runner;
import org.scfabric.bench.brunel.BrunelNir;
import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.bench.brunel.BrunelRunner;
import org.scfabric.bench.brunel.RunResult;
import org.scfabric.bench.brunel.Variant;
import org.scfabric.bench.brunel.VariantRunner;
import org.scfabric.bench.report.Brian2Row;
import org.scfabric.bench.report.BrunelPlots;
import org.scfabric.bench.report.BrunelReport;
import org.scfabric.bench.report.Raster;
import org.scfabric.bench.report.RunRow;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scfabric brunel}: runs the Brunel network in some variants and writes the report. */
@Command(name = "brunel", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run the Brunel (2000) network in some of its 20 variants, optionally beside Brian2.",
        "Writes results.json, results.md and PNG plots (rasters, rates, ISI and rate distributions) into "
            + "--out, prints the Markdown report on stdout and a progress bar on stderr (when a terminal)."},
    footer = {"", "Example: scfabric brunel --variants V1,V3,V18 --neurons 1000 \\",
        "             --duration-ms 1000 --brian2",
        "Exit codes: 0 done, 2 bad input (nothing written), 1 a failure while running (nothing written)."})
public final class BrunelCommand implements Callable<Integer>, CheckOnly
{
    static final String ACCEPTED_VARIANTS = "V1..V20 separated by commas, or all";

    @Option(names = "--variants", defaultValue = "all", paramLabel = "LIST",
        description = "variants to run: V1,V3,... or all (default: ${DEFAULT-VALUE})")
    String variants;

    @Option(names = "--neurons", defaultValue = "1000", paramLabel = "N",
        description = "network size N >= 2 (0.8 N excitatory; default: ${DEFAULT-VALUE})")
    String neurons;

    @Option(names = "--duration-ms", defaultValue = "1000", paramLabel = "T",
        description = "simulated time in ms, 0.1..1000000 (default: ${DEFAULT-VALUE})")
    String durationMs;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
        description = "seed of the numpy-compatible random stream, 0..2^63-1 (default: ${DEFAULT-VALUE})")
    String seed;

    @Option(names = "--g", defaultValue = "5", paramLabel = "G",
        description = "relative inhibition: an inhibitory synapse weighs -G·J, 0..100 (default: ${DEFAULT-VALUE})")
    String g;

    @Option(names = "--eta", defaultValue = "2", paramLabel = "ETA",
        description = "external drive over the rate that reaches threshold, nu_ext / nu_thr, 0..100 (default:"
            + " ${DEFAULT-VALUE})")
    String eta;

    @Option(names = "--j-mv", defaultValue = "0.1", paramLabel = "J",
        description = "excitatory weight J in mV (also the external kick), > 0 and <= 10 (default: ${DEFAULT-VALUE})")
    String jMv;

    @Option(names = "--delay-ms", defaultValue = "0.1", paramLabel = "D",
        description = "synaptic delay in ms, whole steps of 0.1 ms, 0.1..100; other than 0.1 on V1, V3, V11 (default:"
            + " ${DEFAULT-VALUE}, one step)")
    String delayMs;

    @Option(names = "--refractory-ms", paramLabel = "R",
        description = "refractory period in ms, whole steps of 0.1 ms, 0..100, for V1, V3, V8, V11, V13 (default: each"
            + " variant's own: V1 none, V3, V11, V13 0.2 ms, V8 0.5 ms)")
    String refractoryMs;

    @Option(names = "--out", defaultValue = "out/brunel", paramLabel = "DIR",
        description = "output folder, created or updated in one piece (default: ${DEFAULT-VALUE})")
    String out;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the JSON report to FILE")
    String json;

    @Option(names = "--brian2", description = "also run Brian2 (runtime and cpp_standalone modes) on the same N,"
        + " duration and seed, and compare")
    boolean brian2;

    @Option(names = "--brian2-modes", defaultValue = "runtime,cpp_standalone", paramLabel = "LIST",
        description = "Brian2 modes for --brian2: runtime, cpp_standalone or both (default: ${DEFAULT-VALUE})")
    String brian2Modes;

    @Option(names = "--python", paramLabel = "PYTHON",
        description = "Python interpreter with Brian2 (default: /usr/bin/python3 when present, else python3)")
    String python;

    @Option(names = "--export-nir", paramLabel = "FILE",
        description = "also write the network the variant runs as NIR (one of V1, V3, V8, V11, V18, V20 in --variants); "
            + "scfabric nir FILE --steps T runs it again")
    String exportNir;

    @Option(names = "--no-plots", description = "skip the PNG plots")
    boolean noPlots;

    @Option(names = "--raster", defaultValue = "all", paramLabel = "LIST",
        description = "variants to draw a raster for: V1,V3,..., all or none (default: ${DEFAULT-VALUE})")
    String raster;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final VariantRunner runner;

    /** With the real variant runner. */
    public BrunelCommand()
    {
        this(null);
    }

    /** With a given runner (tests); null means the real one. */
    public BrunelCommand(final VariantRunner runner)
    {
        this.runner = runner;
    }

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

        // 1. everything the user typed, checked before any work
        final List<Variant> list = parseVariants(variants, "--variants");
        final int n = OptionValues.integer(neurons, "--neurons", "an integer N >= 2");
        if (n < 2)
        {
            throw new BadInputException("--neurons " + n + ": the network needs N >= 2 neurons (0.8 N excitatory)");
        }
        final double t = OptionValues.durationMs(durationMs, "--duration-ms");
        final long s = OptionValues.seed(seed);
        BrunelParams p;
        try
        {
            p = BrunelParams.ofSize(n).withSeed(s).withDuration(t);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
        p = NetworkOptions.apply(p, g, eta, jMv, delayMs, refractoryMs);
        for (final Variant v : list)
        {
            final String why = v.refuses(p);
            if (why != null)
            {
                throw new BadInputException(why + " (give --variants among those)");
            }
        }
        // an option that would change nothing is refused: the user meant something by it
        final CommandLine.ParseResult given = spec.commandLine().getParseResult();
        for (final String o : List.of("--brian2-modes", "--python"))
        {
            if (!brian2 && given != null && given.hasMatchedOption(o))
            {
                throw new BadInputException(o + " is used only with --brian2 (add --brian2, or drop " + o + ")");
            }
        }
        if (brian2 && !p.equals(BrunelParams.ofSize(n).withSeed(s).withDuration(t)))
        {
            throw new BadInputException("--brian2 runs the reference's network only: drop --brian2 or the network options"
                + " (--g, --eta, --j-mv, --delay-ms, --refractory-ms) that change it");
        }
        MemoryEstimate.require(MemoryEstimate.brunel(n, p.connProb(), t, list.size()), n, p.connProb(),
            MemoryEstimate.CSR_HEADROOM, "N = " + n, "--neurons");
        final List<String> modes = parseModes(brian2Modes);
        if (brian2 && python != null)
        {
            checkPython(python);
        }
        // "all" means every variant that runs
        final List<Variant> rasterFor = "none".equalsIgnoreCase(raster.trim()) ? List.of()
            : "all".equalsIgnoreCase(raster.trim()) ? list : parseVariants(raster, "--raster");
        if (given != null && given.hasMatchedOption("--raster"))
        {
            if (noPlots && !rasterFor.isEmpty())
            {
                throw new BadInputException("--raster draws plots, which --no-plots turns off (drop one of them)");
            }
            final List<Variant> notRun = rasterFor.stream().filter(v -> !list.contains(v)).toList();
            if (!notRun.isEmpty())
            {
                throw new BadInputException("--raster " + raster + ": " + notRun.stream().map(Variant::name)
                    .collect(java.util.stream.Collectors.joining(",")) + (notRun.size() == 1 ? " is" : " are")
                    + " not run (--variants " + variants + "); give variants that run, all or none");
            }
        }

        if (exportNir != null)
        {
            if (list.size() != 1)
            {
                throw new BadInputException("--export-nir writes one variant's network; give one variant in --variants "
                    + "(V1, V3, V8, V11, V18 or V20), not " + list.size());
            }
            if (!BrunelNir.maps(list.get(0)))
            {
                throw new BadInputException(BrunelNir.refusal(list.get(0)));
            }
        }
        if (checkOnly)
        {
            return 0;
        }
        try (StagedOutput staged = StagedOutput.prepare(out, "--out"))
        {
            final Path jsonCopy = json == null ? null : staged.extraFile(json, "--json");
            if (exportNir != null)
            {
                exportNir(staged.extraFile(exportNir, "--export-nir"), list.get(0), p);
            }
            staged.refuseForeign(outputNames(rasterFor));
            final VariantRunner r = runner != null ? runner : real();
            final ProgressBar bar = new ProgressBar(stderr, System.console() != null);

            // 2. the variants
            final List<RunRow> rows = new ArrayList<>();
            final Map<String, Raster> rasters = new LinkedHashMap<>();
            for (int k = 0; k < list.size(); k++)
            {
                final Variant v = list.get(k);
                bar.start(String.format(Locale.ROOT, "%s (%d/%d)", v.name(), k + 1, list.size()));
                final RunResult res;
                try
                {
                    res = r.run(v, p, bar::update);
                }
                catch (final BadInputException e)
                {
                    throw e;
                }
                catch (final RuntimeException e)
                {
                    // a variant that did not run is a failure, never a skip: a report without it would
                    // look complete (exit 1, nothing written)
                    bar.done("failed");
                    throw new RunFailedException(v.name() + " failed: " + e, e);
                }
                final Raster ras = Raster.of(res);
                final RunRow row = RunRow.of(res, ras);
                rows.add(row);
                rasters.put(v.name(), ras);
                bar.done(String.format(Locale.ROOT, "%8d spikes %8.2f Hz  build %.2f s  run %.2f s", res.spikes(),
                    row.metrics().rateHz(), res.buildSeconds(), res.runSeconds()));
            }

            // 3. Brian2 beside them
            final List<Brian2Row> b2 = new ArrayList<>();
            final Map<String, Raster> b2Rasters = new LinkedHashMap<>();
            if (brian2)
            {
                final Brian2Runner br = new Brian2Runner(python != null ? python : Brian2Runner.defaultPython(), 3600);
                for (final String m : modes)
                {
                    bar.start("Brian2 " + m);
                    final Thread ticker = bar.enabled() ? ticker(bar) : null;
                    final Brian2Runner.Outcome o;
                    try
                    {
                        o = br.run(m, p);
                    }
                    finally
                    {
                        if (ticker != null)
                        {
                            ticker.interrupt();
                        }
                    }
                    b2.add(o.row());
                    if (o.raster() != null)
                    {
                        b2Rasters.put("Brian2 " + m, o.raster());
                        bar.done(String.format(Locale.ROOT, "%8d spikes %8.2f Hz  build %.2f s  run %.2f s",
                            o.row().metrics().spikes(), o.row().metrics().rateHz(), o.row().buildS(), o.row().wallS()));
                    }
                    else
                    {
                        bar.done("failed");
                        stderr.println("brunel: Brian2 " + m + " did not run: " + o.row().error());
                        stderr.flush();
                    }
                }
            }

            // 4. the report, into the staging folder, then into place
            final BrunelReport report = new BrunelReport(p, rows, b2, Map.of(), BrunelReport.currentEnv());
            final Path dir = staged.staging();
            report.writeJson(dir.resolve("results.json"));
            int plots = 0;
            final StringBuilder md = new StringBuilder(report.toMarkdown());
            if (!noPlots)
            {
                plots = writePlots(dir.resolve("plots"), p, rows, rasters, rasterFor, b2, b2Rasters);
                md.append("\n## Plots\n\n");
                for (final String f : List.of("rates", "isi", "rate-distribution"))
                {
                    md.append("![").append(f).append("](plots/").append(f).append(".png)\n\n");
                }
                try (var ls = Files.list(dir.resolve("plots")))
                {
                    final List<String> rs = ls.map(x -> x.getFileName().toString()).filter(x -> x.startsWith("raster-"))
                        .sorted(BrunelCommand::naturalOrder).toList();
                    md.append("Rasters: ");
                    md.append(String.join(", ", rs.stream().map(x -> "[" + x.substring(7, x.length() - 4) + "](plots/"
                        + x + ")").toList())).append("\n");
                }
            }
            Files.writeString(dir.resolve("results.md"), md.toString());
            if (jsonCopy != null)
            {
                report.writeJson(jsonCopy);
            }
            staged.commit();

            stdout.print(report.toMarkdown());
            stdout.flush();
            stderr.println("brunel: wrote " + displayPath(staged.target()) + "/results.json, results.md"
                + (plots > 0 ? " and " + plots + " plots in plots/" : "")
                + (json != null ? "; JSON copy in " + json : "")
                + (exportNir != null ? "; the " + list.get(0).name() + " network in " + exportNir : ""));
            stderr.flush();
        }
        return 0;
    }

    /** raster-V2 before raster-V10, Brian2 last. */
    private static int naturalOrder(final String a, final String b)
    {
        return key(a).compareTo(key(b));
    }

    private static String key(final String f)
    {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("raster-V(\\d+)\\.png").matcher(f);
        return m.matches() ? String.format(Locale.ROOT, "0%04d", Integer.parseInt(m.group(1))) : "1" + f;
    }

    private static Thread ticker(final ProgressBar bar)
    {
        final Thread th = new Thread(() ->
        {
            try
            {
                while (true)
                {
                    bar.update(Double.NaN);
                    Thread.sleep(200);
                }
            }
            catch (final InterruptedException e)
            {
                // done
            }
        }, "scfabric-progress");
        th.setDaemon(true);
        th.start();
        return th;
    }

    /** The files this run will write in --out that are known before it runs (Brian2's rasters are checked at commit). */
    private List<String> outputNames(final List<Variant> rasterFor)
    {
        final List<String> names = new ArrayList<>(List.of("results.json", "results.md"));
        if (!noPlots)
        {
            names.addAll(List.of("plots/rates.png", "plots/isi.png", "plots/rate-distribution.png"));
            rasterFor.forEach(v -> names.add("plots/raster-" + v.name() + ".png"));
        }
        return names;
    }

    private static int writePlots(final Path dir, final BrunelParams p, final List<RunRow> rows,
        final Map<String, Raster> rasters, final List<Variant> rasterFor, final List<Brian2Row> b2,
        final Map<String, Raster> b2Rasters) throws IOException
    {
        Files.createDirectories(dir);
        int count = 0;
        for (final RunRow r : rows)
        {
            if (rasterFor.contains(r.variant()))
            {
                final Raster ras = rasters.get(r.variant().name());
                BrunelPlots.raster(dir.resolve("raster-" + r.variant().name() + ".png"),
                    r.variant().name() + " " + r.variant().title(p.nTotal()) + ": spike raster (" + window(ras) + ")", ras);
                count++;
            }
        }
        for (final Map.Entry<String, Raster> e : b2Rasters.entrySet())
        {
            BrunelPlots.raster(dir.resolve("raster-" + e.getKey().replace(' ', '-') + ".png"),
                e.getKey() + ": spike raster (" + window(e.getValue()) + ")", e.getValue());
            count++;
        }
        final Map<String, Double> rates = new LinkedHashMap<>();
        rows.forEach(r -> rates.put(r.variant().name(), r.metrics().rateHz()));
        final Map<String, Double> brates = new LinkedHashMap<>();
        b2.stream().filter(Brian2Row::ok).forEach(b -> brates.put("Brian2 " + b.mode(), b.metrics().rateHz()));
        BrunelPlots.rates(dir.resolve("rates.png"), rates, brates,
            String.format(Locale.ROOT, "N = %d, %s ms, seed %d", p.nTotal(), trim(p.durationMs()), p.seed()));
        count++;
        // overlaid plots: a few runs stay readable; Brian2 (one mode: both give the same spikes) as reference
        final List<BrunelPlots.Labelled> chosen = new ArrayList<>(
            BrunelPlots.choose(rasters, List.of("V1", "V3", "V4", "V11", "V14", "V18"), 6));
        b2Rasters.entrySet().stream().findFirst()
            .ifPresent(e -> chosen.add(new BrunelPlots.Labelled(e.getKey(), e.getValue())));
        BrunelPlots.isi(dir.resolve("isi.png"), chosen);
        count++;
        BrunelPlots.rateDistribution(dir.resolve("rate-distribution.png"), chosen);
        count++;
        return count;
    }

    private static String window(final Raster r)
    {
        final int n = Math.min(BrunelPlots.RASTER_NEURONS, r.neuronCount());
        final String who = n == r.neuronCount() ? "all " + n + " neurons" : "first " + n + " neurons";
        return String.format(Locale.ROOT, "%s, first %d ms", who, (int)Math.min(BrunelPlots.RASTER_MS,
            r.seconds() * 1000));
    }

    /** Writes the network {@code v} runs (drawn as the run draws it) as NIR to {@code file}. */
    private void exportNir(final Path file, final Variant v, final BrunelParams p) throws IOException
    {
        final org.scfabric.net.Network net;
        try
        {
            net = BrunelNir.of((runner instanceof BrunelRunner br ? br : real()).network(p), v);
        }
        catch (final org.scfabric.net.NetworkException e)
        {
            final String m = e.getMessage();
            throw new BadInputException(m.startsWith("--export-nir: ") ? m : "--export-nir: " + m);
        }
        org.scfabric.net.nir.NirWriter.write(net, file);
    }

    /** The real runner, made once: it keeps the network drawn for the export, so the run does not draw it again. */
    private BrunelRunner real()
    {
        if (own == null)
        {
            own = new BrunelRunner();
        }
        return own;
    }

    private BrunelRunner own;

    static List<Variant> parseVariants(final String s, final String option)
    {
        try
        {
            return Variant.parseList(s);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(option + ": " + e.getMessage());
        }
    }

    /** An interpreter the user named must exist: a run that only notes its absence would be exit 0. */
    private static void checkPython(final String py)
    {
        if (py.isBlank())
        {
            throw new BadInputException("--python is empty: give a Python interpreter with Brian2 (a path or a name on"
                + " PATH)");
        }
        if (py.contains("/"))
        {
            final Path f = OptionValues.path(py, "--python");
            if (!Files.isRegularFile(f) || !Files.isExecutable(f))
            {
                throw new BadInputException("--python " + py + (Files.exists(f) ? " is not an executable file"
                    : ": no such file") + "; give a Python interpreter with Brian2 (a path or a name on PATH)");
            }
        }
        else if (!org.scfabric.sim.ToolPath.onPath(py))
        {
            throw new BadInputException("--python " + py + " is not on PATH; give a Python interpreter with Brian2 (a"
                + " path or a name on PATH)");
        }
    }

    private static List<String> parseModes(final String s)
    {
        final List<String> out = new ArrayList<>();
        for (final String part : s.split(","))
        {
            final String m = part.trim().toLowerCase(Locale.ROOT);
            if (!Brian2Runner.MODES.contains(m))
            {
                throw new BadInputException("--brian2-modes: unknown mode '" + part.trim()
                    + "' (accepted: runtime, cpp_standalone, separated by commas)");
            }
            if (!out.contains(m))
            {
                out.add(m);
            }
        }
        return out;
    }

    private static String trim(final double v)
    {
        return v == Math.rint(v) ? Long.toString((long)v) : Double.toString(v);
    }

    private static String displayPath(final Path p)
    {
        final Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) && !p.equals(cwd) ? cwd.relativize(p).toString() : p.toString();
    }
}
