package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import org.scfabric.bench.faults.AtomicFiles;
import org.scfabric.bench.slurm.JavaLauncher;
import org.scfabric.bench.slurm.Sbatch;
import org.scfabric.bench.slurm.Shell;
import org.scfabric.bench.slurm.SlurmJobScript;
import org.scfabric.bench.slurm.SlurmOptions;
import org.scfabric.bench.slurm.SlurmQueue;
import org.scfabric.bench.slurm.SlurmTools;
import org.scfabric.bench.sweep.SweepPoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code scfabric sweep ... --slurm}: the points as one Slurm array job (task i runs point i's command line,
 * writing into its own folder under --out), then a job that runs once they all succeeded
 * ({@code --dependency=afterok}) and builds the table with {@code scfabric sweep collect DIR}. Everything
 * the jobs need is in {@code DIR/slurm/}: the plan (what {@code collect} reads), both job scripts, a pinned
 * copy of the jar and the logs. The tasks run in the folder the sweep was submitted from, so relative paths
 * among the arguments mean what they mean locally.
 */
final class SweepSlurm
{
    /** The file in DIR/slurm/ that says what the sweep is: command, arguments, axes, figures, marks. */
    static final String PLAN = "plan.json";
    /** The placeholder a dry run shows where the points' array job id will go. */
    static final String POINTS_JOB = "POINTS_JOB_ID";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Supplier<JavaLauncher> launcher;
    private final SlurmTools tools;
    private final PrintWriter out;
    private final PrintWriter err;
    private final long pollMillis;

    SweepSlurm(final Supplier<JavaLauncher> launcher, final SlurmTools tools, final PrintWriter out,
        final PrintWriter err, final long pollMillis)
    {
        this.launcher = launcher;
        this.tools = tools;
        this.out = out;
        this.err = err;
        this.pollMillis = pollMillis;
    }

    /**
     * Submits (or with {@code dryRun} prints) the two jobs. {@code plan} is what {@code collect} needs;
     * {@code args} gives a point's command line writing under {@code dir}.
     */
    int run(final Path dir, final ObjectNode plan, final List<SweepPoint> points,
        final Function<SweepPoint, List<String>> args, final SlurmOptions options, final boolean dryRun,
        final boolean await)
    {
        final Path folder = dir.resolve("slurm");
        final JavaLauncher java;
        try
        {
            java = launcher.get().withJar(folder.resolve("scfabric.jar"));
        }
        catch (final IllegalStateException e)
        {
            throw new BadInputException("--slurm: " + e.getMessage());
        }
        final Path cwd = Path.of("").toAbsolutePath();
        for (final Path p : List.of(folder, cwd))
        {
            if (p.toString().contains("\""))
            {
                throw new BadInputException("--slurm: " + p + " holds a double quote, which a job's #SBATCH lines cannot "
                    + "name; run from and write to folders without one");
            }
        }
        final String name = "scfabric-sweep-" + plan.get("command").asText();
        if (dryRun)
        {
            out.println("# scfabric sweep --slurm --dry-run: nothing written, nothing submitted. A submission writes "
                + PLAN + " and these two scripts");
            out.println("# into " + folder + ", copies the running jar there (" + launcher.get().jar() + ") and runs:");
            out.println("#   sbatch --parsable " + Shell.quote(folder.resolve("points.sh").toString()));
            out.println("#   sbatch --parsable " + Shell.quote(folder.resolve("collect.sh").toString())
                + "    (its dependency: the job id the first sbatch printed)");
            out.println("# ---- " + folder.resolve("points.sh"));
            out.print(pointsScript(name, folder, cwd, java, points, args, options).text());
            out.println("# ---- " + folder.resolve("collect.sh"));
            out.print(collectScript(name, dir, folder, cwd, java, POINTS_JOB, options).text());
            out.flush();
            return 0;
        }
        final Sbatch sbatch;
        try
        {
            sbatch = new Sbatch(tools, "sweep --slurm");
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
        final SlurmQueue queue = new SlurmQueue(tools);
        if (await && !queue.available())
        {
            throw new BadInputException("--wait: no 'squeue' on PATH to follow the jobs with (drop --wait, or put"
                + " Slurm's commands on PATH)");
        }
        try
        {
            Files.createDirectories(folder.resolve("logs"));
            final Path tmp = folder.resolve(".scfabric.jar.tmp");
            // a pinned copy: a rebuild of the jar while tasks wait in the queue must not change what they run
            Files.copy(launcher.get().jar(), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, folder.resolve("scfabric.jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.writeString(folder.resolve(PLAN), MAPPER.writeValueAsString(plan));
            AtomicFiles.writeString(folder.resolve("points.sh"), pointsScript(name, folder, cwd, java, points, args,
                options).text());
        }
        catch (final IOException e)
        {
            throw StagedFiles.cannotWrite("--out", dir.toString(), folder, e);
        }
        final String pointsJob;
        try
        {
            pointsJob = sbatch.submit(folder.resolve("points.sh"), List.of());
        }
        catch (final IllegalArgumentException e)
        {
            StagedOutput.deleteTree(dir); // nothing was submitted: leave nothing that looks like a sweep
            throw new BadInputException(e.getMessage());
        }
        AtomicFiles.writeString(folder.resolve("collect.sh"), collectScript(name, dir, folder, cwd, java, pointsJob,
            options).text());
        final String collectJob;
        try
        {
            collectJob = sbatch.submit(folder.resolve("collect.sh"), List.of());
        }
        catch (final IllegalArgumentException e)
        {
            sbatch.cancel(List.of(pointsJob));
            throw new BadInputException(e.getMessage() + " (the points, job " + pointsJob + ", were cancelled)");
        }
        out.println(String.format(Locale.ROOT, "sweep: submitted %d point%s as job %s (array 0-%d)", points.size(),
            points.size() == 1 ? "" : "s", pointsJob, points.size() - 1));
        out.println("sweep: submitted the table as job " + collectJob + " (runs once job " + pointsJob
            + " has succeeded)");
        out.println("sweep: the table will appear at " + dir.resolve("sweep.json") + " (and sweep.csv, sweep.md); the"
            + " points in " + dir.resolve("points") + ", logs in " + folder.resolve("logs"));
        out.flush();
        return await ? await(dir, points, queue, sbatch, pointsJob, collectJob) : 0;
    }

    /**
     * Follows the jobs until the table job ends: 0 when it wrote sweep.json (written last), 1 when it did
     * not or can never run (a point failed: the table job waits for a dependency that cannot be met, and is
     * cancelled).
     */
    private int await(final Path dir, final List<SweepPoint> points, final SlurmQueue queue, final Sbatch sbatch,
        final String pointsJob, final String collectJob)
    {
        int last = -1;
        int unknown = 0;
        while (true)
        {
            final List<String> missing = points.stream().filter(p -> !Files.isRegularFile(dir.resolve(p.folder())
                .resolve("results.json"))).map(SweepPoint::label).toList();
            if (missing.size() != last)
            {
                err.println(String.format(Locale.ROOT, "sweep: waiting for job %s: %d of %d points done", collectJob,
                    points.size() - missing.size(), points.size()));
                err.flush();
                last = missing.size();
            }
            final SlurmQueue.Job collect = queue.jobs(List.of(collectJob)).get(collectJob);
            if (collect != null && collect.stuck())
            {
                sbatch.cancel(List.of(collectJob));
                err.println("sweep: " + missing.size() + " point" + (missing.size() == 1 ? "" : "s") + " of job "
                    + pointsJob + " failed (" + String.join("; ", missing.subList(0, Math.min(3, missing.size())))
                    + (missing.size() > 3 ? "; ..." : "") + "), so the table (job " + collectJob + ") cannot be built"
                    + " and was cancelled; logs in " + dir.resolve("slurm").resolve("logs"));
                err.flush();
                return 1;
            }
            if (collect == null || !collect.active())
            {
                // no longer known (or not yet shown): sweep.json, written last, decides
                if (Files.isRegularFile(dir.resolve("sweep.json")))
                {
                    err.println("sweep: the table is in " + dir.resolve("sweep.json"));
                    err.flush();
                    return 0;
                }
                if (collect != null || ++unknown >= 5)
                {
                    err.println("sweep: the table job " + collectJob + " ended" + (collect == null ? "" : " as "
                        + collect.state()) + " without a table; its log: " + dir.resolve("slurm").resolve("logs")
                        .resolve("collect-" + collectJob + ".out"));
                    err.flush();
                    return 1;
                }
            }
            else
            {
                unknown = 0;
            }
            try
            {
                Thread.sleep(pollMillis);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
    }

    /** The array job: task i runs point i's command line (in the folder the sweep was submitted from). */
    static SlurmJobScript pointsScript(final String name, final Path folder, final Path cwd, final JavaLauncher java,
        final List<SweepPoint> points, final Function<SweepPoint, List<String>> args, final SlurmOptions options)
    {
        final SlurmJobScript.Builder b = SlurmJobScript.builder(name)
            .directive("--array=" + SlurmJobScript.arraySpec(SlurmJobScript.range(points.size())));
        options.addTo(b);
        b.directive("--chdir", cwd).directive("--output", folder.resolve("logs").resolve("point-%a.out"));
        b.comment("scfabric sweep: array task i runs point i of " + points.size() + ", writing into its own folder")
            .line("set -euo pipefail")
            .line("case \"$SLURM_ARRAY_TASK_ID\" in");
        for (final SweepPoint p : points)
        {
            b.line("  " + p.index() + ")  # " + p.label());
            final List<String> words = new ArrayList<>(java.words());
            final int head = words.size() + 1;
            words.addAll(args.apply(p));
            b.command(words, head, List.of());
            b.line("    ;;");
        }
        b.line("  *) echo \"no point $SLURM_ARRAY_TASK_ID in this sweep\" >&2; exit 2;;").line("esac");
        return b.build();
    }

    /** The job that builds the table once every point succeeded. */
    static SlurmJobScript collectScript(final String name, final Path dir, final Path folder, final Path cwd,
        final JavaLauncher java, final String pointsJob, final SlurmOptions options)
    {
        final SlurmJobScript.Builder b = SlurmJobScript.builder(name + "-collect")
            .directive("--dependency=afterok:" + pointsJob);
        new SlurmOptions(options.partition(), options.time(), 1, options.sbatchArgs()).addTo(b);
        b.directive("--chdir", cwd).directive("--output", folder.resolve("logs").resolve("collect-%j.out"));
        b.comment("scfabric sweep: the table of every point's results.json; runs once every point succeeded.")
            .line("set -euo pipefail");
        final List<String> words = new ArrayList<>(java.words());
        final int head = words.size() + 2;
        words.addAll(List.of("sweep", "collect", dir.toString()));
        b.command(words, head, List.of());
        return b.build();
    }

    /** The plan {@code collect} reads back. */
    static ObjectNode plan(final String command, final List<String> common, final List<org.scfabric.bench.sweep.Axis> axes,
        final List<String> figures, final List<String> marks, final boolean noPlots)
    {
        final ObjectNode p = MAPPER.createObjectNode();
        p.put("command", command);
        final ArrayNode c = p.putArray("common_args");
        common.forEach(c::add);
        final ArrayNode ax = p.putArray("params");
        for (final org.scfabric.bench.sweep.Axis a : axes)
        {
            final ObjectNode o = ax.addObject();
            o.put("name", a.name());
            final ArrayNode vs = o.putArray("values");
            a.values().forEach(vs::add);
        }
        final ArrayNode f = p.putArray("figures");
        figures.forEach(f::add);
        final ArrayNode m = p.putArray("marks");
        marks.forEach(m::add);
        p.put("no_plots", noPlots);
        return p;
    }
}
