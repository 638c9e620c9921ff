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

import org.scfabric.bench.report.SweepPlots;
import org.scfabric.bench.sweep.Axis;
import org.scfabric.bench.sweep.PointFigures;
import org.scfabric.bench.sweep.SweepPoint;
import org.scfabric.bench.sweep.SweepTable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scfabric sweep}: a command run over the cross product of some of its options' values. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run brunel, fabric, nir or faults over the cross product of option values, on a pool of threads,",
        "and tabulate each point's figures (read from the point's own results.json): sweep.json, sweep.csv, sweep.md,",
        "and for a two-parameter sweep heat maps in plots/. Each point's own output is in DIR/points/NAME=V,..."},
    footer = {"", "Example: scfabric sweep brunel --param g=3,5 --param eta=1,2 --threads 2 --out out/sweep \\",
        "             -- --variants V1,V3 --neurons 400 --duration-ms 500 --no-plots",
        "Arguments after -- are given to every point. Exit codes: 0 done, 2 bad input (also a point's own bad",
        "input; nothing written), 1 a point failed while running (nothing written)."})
public final class SweepCommand implements Callable<Integer>
{
    /** Commands a sweep runs, and how each is told where its results.json goes. */
    static final Map<String, List<String>> OUTPUT_OPTIONS = Map.of(
        "brunel", List.of("--out", "--json"),
        "nir", List.of("--out"),
        "fabric", List.of("--json", "--hgrm", "--plots", "--rtl", "--events", "--synth-dir"),
        "faults", List.of("--json", "--plots", "--resume", "--shard"));
    static final List<String> COMMANDS = List.of("brunel", "fabric", "nir", "faults");
    /** Figures in sweep.md and the heat maps when --figures is not given (those a run reports). */
    static final Map<String, List<String>> DEFAULT_FIGURES = Map.of(
        "brunel", List.of("rate_hz", "cv_isi", "synchrony", "fano", "spikes"),
        "fabric", List.of("spikes", "cycles.per_step_mean", "real_time_factor", "utilisation.cores_mean"),
        "nir", List.of("total_spikes", "vs_float64.spike_count_agreement"),
        "faults", List.of("summary.masked_fraction", "summary.failed_fraction", "summary.mean_rate_error"));

    @Parameters(index = "0", paramLabel = "COMMAND", description = "brunel, fabric, nir or faults")
    String command;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "after --: arguments given to every point")
    List<String> common = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=V1,V2,...", required = true,
        description = "an option of COMMAND (without --) and its values; repeat for more axes (the first varies"
            + " slowest)")
    List<String> params;

    @Option(names = "--threads", paramLabel = "N",
        description = "points run at once, 1..4 per core (default: the cores, at most the points)")
    String threads;

    @Option(names = "--figures", paramLabel = "LIST",
        description = "figures in sweep.md and the heat maps (default for brunel: rate_hz,cv_isi,synchrony,fano,"
            + "spikes; every figure is in sweep.csv and sweep.json)")
    String figures;

    @Option(names = "--mark", paramLabel = "LABEL=X,Y",
        description = "a labelled point drawn on the heat maps of a two-parameter sweep; repeatable")
    List<String> marks = new ArrayList<>();

    @Option(names = "--no-plots", description = "skip the heat maps")
    boolean noPlots;

    @Option(names = "--out", defaultValue = "out/sweep", paramLabel = "DIR",
        description = "output folder, created or updated in one piece (default: ${DEFAULT-VALUE})")
    String out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CommandLine.IFactory factory;

    public SweepCommand()
    {
        this(CommandLine.defaultFactory());
    }

    /** Points made by {@code factory} (tests run their points with fake runners). */
    public SweepCommand(final CommandLine.IFactory factory)
    {
        this.factory = factory;
    }

    @Override
    public Integer call() throws IOException, InterruptedException
    {
        final PrintWriter stderr = spec.commandLine().getErr();
        // 1. everything typed, checked before any point runs
        if (!COMMANDS.contains(command))
        {
            throw new BadInputException("unknown command '" + command + "' to sweep; give one of "
                + String.join(", ", COMMANDS));
        }
        final CommandLine.Model.CommandSpec target = Main.commandLine(factory).getSubcommands().get(command)
            .getCommandSpec();
        final List<Axis> axes = parseAxes(target);
        final List<SweepPoint> points;
        try
        {
            points = SweepPoint.crossProduct(axes);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException("--param: " + e.getMessage());
        }
        for (final String o : OUTPUT_OPTIONS.get(command))
        {
            if (given(common, o))
            {
                throw new BadInputException(o + " after --: the sweep says where each point writes (drop " + o
                    + "; the points' outputs are in --out/points/)");
            }
        }
        final int nThreads = threads(points.size());
        final List<String> chosen = figures == null ? List.of() : parseFigures(figures);
        final List<SweepPlots.Mark> markList = parseMarks(axes);
        // every point's command line must parse (an unknown option, a missing value) before any runs
        for (final SweepPoint p : points)
        {
            try
            {
                Main.commandLine(factory).parseArgs(args(p, Path.of("probe")).toArray(new String[0]));
            }
            catch (final CommandLine.ParameterException e)
            {
                throw new BadInputException("point " + p.label() + ": scfabric " + command + ": " + Main.oneLine(
                    e.getMessage()));
            }
        }

        try (StagedOutput staged = StagedOutput.prepare(out, "--out"))
        {
            staged.refuseForeign(List.of("sweep.json", "sweep.md", "sweep.csv"));
            final Path dir = staged.staging();
            Files.createDirectories(dir.resolve("points"));
            stderr.println(String.format(Locale.ROOT, "sweep: %d points of scfabric %s on %d thread%s", points.size(),
                command, nThreads, nThreads == 1 ? "" : "s"));
            stderr.flush();
            final int[] finished = {0};
            for (final SweepPoint p : points)
            {
                // fabric and faults write files, not folders: the point's folder must be there
                Files.createDirectories(dir.resolve(p.folder()));
            }
            final List<LocalSweepRunner.Outcome> outcomes = new LocalSweepRunner(nThreads, factory).run(points,
                p -> args(p, dir), o ->
                {
                    synchronized (finished)
                    {
                        finished[0]++;
                        stderr.println(String.format(Locale.ROOT, "sweep: %d/%d %s %s (%.1f s)", finished[0],
                            points.size(), o.point().label(), o.exitCode() == 0 ? "done" : "failed", o.wallS()));
                        stderr.flush();
                    }
                });
            // 2. a failed point fails the sweep: a table with a hole would look complete
            for (final LocalSweepRunner.Outcome o : outcomes)
            {
                if (o != null && o.exitCode() != 0)
                {
                    final String why = "point " + o.point().label() + ": " + Main.oneLine(lastLine(o.stderr()));
                    if (o.exitCode() == Main.EXIT_BAD_INPUT)
                    {
                        throw new BadInputException(why);
                    }
                    throw new RunFailedException(why, null);
                }
            }
            // 3. the table, from each point's own results.json
            final List<SweepTable.PointResult> results = new ArrayList<>();
            for (final LocalSweepRunner.Outcome o : outcomes)
            {
                results.add(new SweepTable.PointResult(o.point(), o.wallS(),
                    PointFigures.read(dir.resolve(o.point().folder()).resolve("results.json"))));
            }
            final SweepTable table = new SweepTable(command, common, axes, results);
            final List<String> shown = shownFigures(table, chosen, stderr);
            final List<String> plots = new ArrayList<>();
            if (!noPlots && axes.size() == 2)
            {
                Files.createDirectories(dir.resolve("plots"));
                for (final String label : table.labels())
                {
                    for (final String f : shown)
                    {
                        final String name = (label.isEmpty() ? "" : label + "-") + f.replaceAll("[^A-Za-z0-9._-]", "_")
                            + ".png";
                        SweepPlots.heatMap(dir.resolve("plots").resolve(name), table, label, f,
                            (label.isEmpty() ? "" : label + ": ") + f, markList);
                        plots.add(name);
                    }
                }
            }
            table.writeCsv(dir.resolve("sweep.csv"));
            Files.writeString(dir.resolve("sweep.md"), table.toMarkdown(shown, plots));
            table.writeJson(dir.resolve("sweep.json"));
            staged.commit();
            spec.commandLine().getOut().print(table.toMarkdown(shown, List.of()));
            spec.commandLine().getOut().flush();
            stderr.println("sweep: wrote " + out + "/sweep.json, sweep.csv, sweep.md" + (plots.isEmpty() ? ""
                : " and " + plots.size() + " heat maps in plots/") + "; each point's own output in points/");
            stderr.flush();
        }
        return 0;
    }

    /** The command line of one point: COMMAND, the common arguments, the point's values, where it writes. */
    List<String> args(final SweepPoint p, final Path dir)
    {
        final List<String> a = new ArrayList<>();
        a.add(command);
        a.addAll(common);
        p.values().forEach((k, v) ->
        {
            a.add("--" + k);
            a.add(v);
        });
        final Path folder = dir.resolve(p.folder());
        switch (command)
        {
            case "brunel", "nir" -> a.addAll(List.of("--out", folder.toString()));
            case "fabric" -> a.addAll(List.of("--json", folder.resolve("results.json").toString(), "--hgrm",
                folder.resolve("latency.hgrm").toString()));
            default -> a.addAll(List.of("--json", folder.resolve("results.json").toString()));
        }
        return a;
    }

    private List<Axis> parseAxes(final CommandLine.Model.CommandSpec target)
    {
        final Map<String, Axis> axes = new LinkedHashMap<>();
        for (final String p : params)
        {
            final int eq = p.indexOf('=');
            if (eq <= 0)
            {
                throw new BadInputException("--param '" + p + "' is not NAME=V1,V2,... (NAME an option of " + command
                    + " without --, e.g. g=3,5)");
            }
            final String name = p.substring(0, eq).trim().replaceFirst("^--", "");
            final String o = "--" + name;
            if (target.findOption(o) == null || o.equals("--help") || o.equals("--version"))
            {
                throw new BadInputException("--param " + name + ": scfabric " + command + " has no option " + o
                    + " (see 'scfabric " + command + " --help')");
            }
            if (OUTPUT_OPTIONS.get(command).contains(o))
            {
                throw new BadInputException("--param " + name + ": the sweep says where each point writes; sweep the"
                    + " network's options, not " + o);
            }
            if (target.findOption(o).arity().max == 0)
            {
                throw new BadInputException("--param " + name + ": " + o + " is a switch without a value; give it"
                    + " after -- to every point instead");
            }
            if (given(common, o))
            {
                throw new BadInputException("--param " + name + " and " + o + " after --: give it once");
            }
            if (axes.containsKey(name))
            {
                throw new BadInputException("--param " + name + " is given twice; give all its values in one --param");
            }
            final List<String> values = new ArrayList<>();
            for (final String v : p.substring(eq + 1).split(",", -1))
            {
                if (v.isBlank())
                {
                    throw new BadInputException("--param '" + p + "' has an empty value; give NAME=V1,V2,...");
                }
                if (values.contains(v.trim()))
                {
                    throw new BadInputException("--param " + name + " repeats the value " + v.trim());
                }
                values.add(v.trim());
            }
            axes.put(name, new Axis(name, values));
        }
        return List.copyOf(axes.values());
    }

    private static boolean given(final List<String> args, final String option)
    {
        return args.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
    }

    private int threads(final int points)
    {
        final int cores = Runtime.getRuntime().availableProcessors();
        if (threads == null)
        {
            return Math.max(1, Math.min(cores, points));
        }
        final int n = OptionValues.integer(threads, "--threads", "an integer 1.." + 4 * cores);
        if (n < 1 || n > 4 * cores)
        {
            throw new BadInputException("--threads " + n + ": give 1.." + 4 * cores + " (at most 4 per core)");
        }
        return Math.min(n, points);
    }

    private static List<String> parseFigures(final String s)
    {
        final List<String> out = new ArrayList<>();
        for (final String f : s.split(","))
        {
            if (f.isBlank())
            {
                throw new BadInputException("--figures '" + s + "' has an empty name; give names such as rate_hz,cv_isi");
            }
            out.add(f.trim());
        }
        return out;
    }

    private List<SweepPlots.Mark> parseMarks(final List<Axis> axes)
    {
        final List<SweepPlots.Mark> out = new ArrayList<>();
        for (final String m : marks)
        {
            if (axes.size() != 2 || !axes.get(0).numeric() || !axes.get(1).numeric())
            {
                throw new BadInputException("--mark needs a sweep of two parameters with numeric values (it is drawn on"
                    + " the heat maps)");
            }
            final String[] lr = m.split("=", 2);
            final String[] xy = lr.length == 2 ? lr[1].split(",") : new String[0];
            if (lr.length != 2 || lr[0].isBlank() || xy.length != 2 || !Axis.isNumber(xy[0]) || !Axis.isNumber(xy[1]))
            {
                throw new BadInputException("--mark '" + m + "' is not LABEL=X,Y (X a value of " + axes.get(0).name()
                    + ", Y of " + axes.get(1).name() + ", e.g. A=3,2)");
            }
            out.add(new SweepPlots.Mark(lr[0].trim(), Double.parseDouble(xy[0].trim()), Double.parseDouble(xy[1].trim())));
        }
        return out;
    }

    /** The chosen figures that some run reported (a name none reported is said, not drawn). */
    private List<String> shownFigures(final SweepTable t, final List<String> chosen, final PrintWriter stderr)
    {
        final List<String> all = t.figureNames();
        final List<String> want = chosen.isEmpty() ? DEFAULT_FIGURES.get(command) : chosen;
        final List<String> shown = want.stream().filter(all::contains).toList();
        for (final String f : want)
        {
            if (chosen.contains(f) && !all.contains(f))
            {
                stderr.println("sweep: no point reported a figure '" + f + "'; figures: " + String.join(", ", all));
            }
        }
        return shown.isEmpty() && chosen.isEmpty() ? all : shown;
    }

    private static String lastLine(final String s)
    {
        final List<String> lines = s.strip().lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(no message)" : lines.get(lines.size() - 1);
    }
}
