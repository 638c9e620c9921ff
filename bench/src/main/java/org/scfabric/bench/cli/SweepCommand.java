package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.scfabric.bench.report.SweepPlots;
import org.scfabric.bench.slurm.JavaLauncher;
import org.scfabric.bench.slurm.SlurmOptions;
import org.scfabric.bench.slurm.SlurmTools;
import org.scfabric.bench.sweep.Axis;
import org.scfabric.bench.sweep.PointFigures;
import org.scfabric.bench.sweep.SweepPoint;
import org.scfabric.bench.sweep.SweepTable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scfabric sweep}: a command run over the cross product of some of its options' values. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false, subcommands = SweepCollect.class,
    description = {"Run brunel, fabric, nir or faults over the cross product of option values, on a pool of threads "
        + "or as a Slurm array job, and tabulate each point's figures (read from the point's own results.json): "
        + "sweep.json, sweep.csv, sweep.md, and for a two-parameter sweep heat maps in plots/. Each point's own output "
        + "is in DIR/points/NAME=V,..."},
    footer = {"", "Example: scfabric sweep brunel --param g=3,5 --param eta=1,2 --threads 2 \\",
        "             --out out/sweep -- --variants V1,V3 --neurons 400 --no-plots",
        "On Slurm, the same with --slurm --partition P --time 01:00:00 (the points as an array job, then 'scfabric "
            + "sweep collect DIR' as a job that waits for them; --dry-run prints both scripts).",
        "Arguments after -- are given to every point. Exit codes: 0 done, 2 bad input (also a point's own bad input; "
            + "nothing written), 1 a point failed while running (nothing written)."})
public final class SweepCommand implements Callable<Integer>
{
    /** Commands a sweep runs, and how each is told where its results.json goes. */
    static final Map<String, List<String>> OUTPUT_OPTIONS = Map.of(
        "brunel", List.of("--out", "--json"),
        "nir", List.of("--out"),
        "fabric", List.of("--json", "--hgrm", "--plots", "--rtl", "--events", "--synth-dir"),
        "faults", List.of("--json", "--plots", "--resume", "--shard", "--slurm", "--shards", "--wait", "--dry-run"));
    static final List<String> COMMANDS = List.of("brunel", "fabric", "nir", "faults");
    /** Figures in sweep.md and the heat maps when --figures is not given (those a run reports). */
    static final Map<String, List<String>> DEFAULT_FIGURES = Map.of(
        "brunel", List.of("rate_hz", "cv_isi", "synchrony", "fano", "spikes"),
        "fabric", List.of("spikes", "cycles.per_step_mean", "real_time_factor", "utilisation.cores_mean"),
        "nir", List.of("total_spikes", "vs_float64.spike_count_agreement"),
        "faults", List.of("summary.masked_fraction", "summary.failed_fraction", "summary.mean_rate_error"));

    // not required by picocli: 'sweep collect DIR' has neither (checked in call())
    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND", description = "brunel, fabric, nir or faults")
    String command;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "after --: arguments given to every point")
    List<String> common = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=V1,V2,...",
        description = "an option of COMMAND (without --) and its values; repeat for more axes (the first varies"
            + " slowest)")
    List<String> params = new ArrayList<>();

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

    @Option(names = "--slurm", description = "run the points as a Slurm array job and the table as a job after it"
        + " (scfabric sweep collect DIR); the outputs are written into --out directly")
    boolean slurm;

    @Option(names = "--partition", paramLabel = "P", description = "with --slurm: the partition (default: the"
        + " cluster's)")
    String partition;

    @Option(names = "--time", paramLabel = "HH:MM:SS", description = "with --slurm: time limit per point (default:"
        + " the partition's)")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "C", description = "with --slurm: CPUs per point (default: 1)")
    String cpusPerTask;

    @Option(names = "--sbatch-arg", paramLabel = "ARG", parameterConsumer = SbatchArg.class,
        description = "with --slurm: one more sbatch option for both"
        + " jobs, e.g. --sbatch-arg=--mem=4G; repeatable")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--dry-run", description = "with --slurm: print the job scripts, write and submit nothing")
    boolean dryRun;

    @Option(names = "--wait", description = "with --slurm: wait for the table and exit 0 once it is written, 1 when"
        + " a point failed")
    boolean await;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CommandLine.IFactory factory;
    private final java.util.function.Supplier<JavaLauncher> launcher;
    private final SlurmTools slurmTools;
    private final long pollMillis;

    public SweepCommand()
    {
        this(CommandLine.defaultFactory());
    }

    /** Points made by {@code factory} (tests run their points with fake runners). */
    public SweepCommand(final CommandLine.IFactory factory)
    {
        this(factory, JavaLauncher::current, SlurmTools.fromEnvironment(), 2000);
    }

    /** With --slurm, jobs start {@code launcher} and Slurm's commands are found with {@code tools} (tests give theirs). */
    SweepCommand(final CommandLine.IFactory factory, final java.util.function.Supplier<JavaLauncher> launcher,
        final SlurmTools tools, final long pollMillis)
    {
        this.factory = factory;
        this.launcher = launcher;
        this.slurmTools = tools;
        this.pollMillis = pollMillis;
    }

    @Override
    public Integer call() throws IOException, InterruptedException
    {
        final PrintWriter stderr = spec.commandLine().getErr();
        // 1. everything typed, checked before any point runs
        if (command == null)
        {
            throw new BadInputException("no command to sweep; give one of " + String.join(", ", COMMANDS)
                + " (or 'collect DIR')");
        }
        if (params.isEmpty())
        {
            throw new BadInputException("no --param: give at least one NAME=V1,V2,... (an option of " + command + ")");
        }
        final SlurmOptions slurmOptions = slurmOptions();
        if (!COMMANDS.contains(command))
        {
            throw new BadInputException("unknown command '" + command + "' to sweep; give one of "
                + String.join(", ", COMMANDS));
        }
        final CommandLine.Model.CommandSpec target = Main.commandLine(factory, new String[] {command}).getSubcommands().get(command)
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
        // options that make a command describe instead of run write no results.json: nothing to tabulate
        for (final String o : List.of("--info", "--help", "-h", "--version", "-V"))
        {
            if (given(common, o) || axes.stream().anyMatch(a -> ("--" + a.name()).equals(o)))
            {
                throw new BadInputException(o + ": a point of a sweep must run and write results.json; drop " + o);
            }
        }
        final int nThreads = threads(points.size());
        final List<String> chosen = figures == null ? List.of() : parseFigures(figures);
        final List<SweepPlots.Mark> markList = parseMarks(marks, axes);
        // every point's command line must parse (an unknown option, a missing value) before any runs
        for (final SweepPoint p : points)
        {
            try
            {
                Main.commandLine(factory, new String[] {command}).parseArgs(args(p, Path.of("probe")).toArray(new String[0]));
            }
            catch (final CommandLine.ParameterException e)
            {
                throw new BadInputException("point " + p.label() + ": scfabric " + command + ": " + Main.oneLine(
                    e.getMessage()));
            }
        }

        if (slurm)
        {
            return submit(points, axes, chosen, slurmOptions);
        }
        try (StagedOutput staged = StagedOutput.prepare(out, "--out"))
        {
            staged.refuseForeign(List.of("sweep.json", "sweep.md", "sweep.csv"));
            final Path dir = staged.staging();
            Files.createDirectories(dir.resolve("points"));
            for (final SweepPoint p : points)
            {
                // fabric and faults write files, not folders: the point's folder must be there
                Files.createDirectories(dir.resolve(p.folder()));
            }
            checkPoints(points, dir);
            stderr.println(String.format(Locale.ROOT, "sweep: %d points of scfabric %s on %d thread%s", points.size(),
                command, nThreads, nThreads == 1 ? "" : "s"));
            stderr.flush();
            final int[] finished = {0};
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
            final SweepOutputs.Written w = SweepOutputs.write(dir, table, command, chosen, markList, noPlots, stderr);
            staged.commit();
            spec.commandLine().getOut().print(w.markdown());
            spec.commandLine().getOut().flush();
            stderr.println("sweep: wrote " + out + "/sweep.json, sweep.csv, sweep.md" + (w.plots() == 0 ? ""
                : " and " + w.plots() + " heat maps in plots/") + "; each point's own output in points/");
            stderr.flush();
        }
        return 0;
    }

    /**
     * Every point's options checked as its command would check them, before any point runs: a bad value
     * in one point is then the sweep's one line of bad input, with no progress lines before it.
     */
    private void checkPoints(final List<SweepPoint> points, final Path dir)
    {
        for (final SweepPoint p : points)
        {
            final CommandLine cl = Main.commandLine(factory, new String[] {command}); // that command alone
            final StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(Writer.nullWriter()));
            cl.setErr(new PrintWriter(err, true));
            if (cl.getSubcommands().get(command).getCommand() instanceof CheckOnly c)
            {
                c.checkOnly();
                final int code = cl.execute(args(p, dir).toArray(new String[0]));
                if (code == Main.EXIT_BAD_INPUT)
                {
                    throw new BadInputException("point " + p.label() + ": " + Main.oneLine(lastLine(err.toString())));
                }
                if (code != 0)
                {
                    throw new RunFailedException("point " + p.label() + ": " + Main.oneLine(lastLine(err.toString())),
                        null);
                }
            }
        }
    }

    /**
     * Before a Slurm submission: every point's values checked here, against the points' folders in a scratch
     * folder (the jobs write into --out directly, so it cannot be used), not in the array job hours later.
     */
    private void checkPointsInScratch(final List<SweepPoint> points)
    {
        Path scratch = null;
        try
        {
            scratch = Files.createTempDirectory("scfabric-sweep-check");
            for (final SweepPoint p : points)
            {
                Files.createDirectories(scratch.resolve(p.folder()));
            }
            checkPoints(points, scratch);
        }
        catch (final IOException e)
        {
            throw new RunFailedException("cannot make a scratch folder to check the points in: " + Main.oneLine(
                e.getMessage()), e);
        }
        finally
        {
            if (scratch != null)
            {
                StagedOutput.deleteTree(scratch);
            }
        }
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

    static List<SweepPlots.Mark> parseMarks(final List<String> marks, final List<Axis> axes)
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

    /** --slurm: the points as an array job into --out, the table as a job after them. */
    private int submit(final List<SweepPoint> points, final List<Axis> axes, final List<String> chosen,
        final SlurmOptions options)
    {
        final Path dir = OptionValues.path(out, "--out").toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir))
        {
            throw new BadInputException("--out " + out + " is a file; give a folder for the sweep");
        }
        if (!dryRun && Files.isDirectory(dir))
        {
            try (var ls = Files.list(dir))
            {
                if (ls.findAny().isPresent())
                {
                    // the jobs write into it directly, over days maybe: no staging, so no mixing with what is there
                    throw new BadInputException("--out " + out + " exists and is not empty; a Slurm sweep writes into"
                        + " its folder directly: give a new folder (or delete this one)");
                }
            }
            catch (final java.io.IOException e)
            {
                throw new BadInputException("--out " + out + ": cannot read it (" + Main.oneLine(e.getMessage()) + ")");
            }
        }
        checkPointsInScratch(points);
        return new SweepSlurm(launcher, slurmTools, spec.commandLine().getOut(), spec.commandLine().getErr(),
            pollMillis).run(dir,
            SweepSlurm.plan(command, common, axes, chosen, marks, noPlots), points,
            p -> args(p, dir), options, dryRun, await);
    }

    /** The Slurm options, or null without --slurm (where they are refused). */
    private SlurmOptions slurmOptions()
    {
        final CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (!slurm)
        {
            for (final String o : List.of("--partition", "--time", "--cpus-per-task", "--sbatch-arg", "--dry-run",
                "--wait"))
            {
                if (given != null && given.hasMatchedOption(o))
                {
                    throw new BadInputException(o + " needs --slurm (the points as a Slurm array job)");
                }
            }
            return null;
        }
        if (threads != null)
        {
            throw new BadInputException("--threads and --slurm do not go together: on Slurm each point is its own"
                + " task (give --cpus-per-task for its CPUs)");
        }
        final int cpus = cpusPerTask == null ? 1 : OptionValues.integer(cpusPerTask, "--cpus-per-task", "an integer >= 1");
        try
        {
            return new SlurmOptions(partition == null ? null : partition.trim(), time == null ? null : time.trim(),
                cpus, sbatchArgs);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
    }

    private static String lastLine(final String s)
    {
        final List<String> lines = s.strip().lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(no message)" : lines.get(lines.size() - 1);
    }
}
