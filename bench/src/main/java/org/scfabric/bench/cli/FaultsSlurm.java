package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Supplier;

import org.scfabric.bench.faults.AtomicFiles;
import org.scfabric.bench.slurm.JavaLauncher;
import org.scfabric.bench.slurm.Sbatch;
import org.scfabric.bench.slurm.Shell;
import org.scfabric.bench.slurm.SlurmJobScript;
import org.scfabric.bench.slurm.SlurmOptions;
import org.scfabric.bench.slurm.SlurmQueue;
import org.scfabric.bench.slurm.SlurmTools;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code scfabric faults ... --slurm}: one array job of shard tasks ({@code --shard i/N --resume}, each
 * its own shard file) and a merge job that runs once they all succeeded ({@code --dependency=afterok})
 * and writes the report a local run writes, byte for byte. {@code --resume} submits only the shards
 * without a shard file; {@code --wait} follows the jobs to the merge's end and returns its status.
 */
final class FaultsSlurm
{
    /** What to submit: the campaign's own options (without --shard, --threads, --json, --plots, --resume) and where things go. */
    record Request(List<String> campaignArgs, JsonNode identity, int shards, SlurmOptions options, Path report,
        Path plots, boolean resume, boolean dryRun, boolean await, String jobName)
    {
    }

    /** The placeholder a dry run shows where the shard array's job id will go. */
    static final String SHARDS_JOB = "SHARDS_JOB_ID";

    private final Supplier<JavaLauncher> launcher;
    private final SlurmTools tools;
    private final PrintWriter out;
    private final PrintWriter err;
    private final long pollMillis;

    FaultsSlurm(final Supplier<JavaLauncher> launcher, final SlurmTools tools, final PrintWriter out,
        final PrintWriter err, final long pollMillis)
    {
        this.launcher = launcher;
        this.tools = tools;
        this.out = out;
        this.err = err;
        this.pollMillis = pollMillis;
    }

    int run(final Request r)
    {
        final SlurmCampaignFolder f = SlurmCampaignFolder.of(r.report());
        final Path parent = r.report().toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent))
        {
            // as nir export and --export-nir: a missing folder is a typo more often than a wish
            throw new BadInputException("--json " + r.report() + ": the folder " + parent + " does not exist; create it "
                + "or give a report path in an existing folder");
        }
        if (f.dir().toString().contains("\""))
        {
            throw new BadInputException("--json " + r.report() + ": the campaign's folder " + f.dir() + " holds a double "
                + "quote, which a job's #SBATCH lines cannot name; give a report path without one");
        }
        final boolean fresh = !Files.exists(f.dir());
        final JavaLauncher java;
        try
        {
            java = launcher.get().withJar(f.jar());
        }
        catch (final IllegalStateException e)
        {
            throw new BadInputException("--slurm: " + e.getMessage());
        }
        if (r.dryRun())
        {
            final SortedSet<Integer> tasks = r.resume() && resumable(f, r) ? f.missing(r.shards())
                : SlurmJobScript.range(r.shards());
            out.println("# scfabric faults --slurm --dry-run: nothing written, nothing submitted. A submission writes "
                + "these two scripts into");
            final List<String> pinned = PINNED.stream().filter(r.campaignArgs()::contains).toList();
            out.println("# " + f.dir() + ", copies the running jar there (" + launcher.get().jar() + ")"
                + (pinned.isEmpty() ? "" : ", the campaign's " + String.join(" and ", pinned) + " file"
                + (pinned.size() > 1 ? "s" : "") + " into " + String.join(" and ", pinned.stream().map(o -> o.substring(2)
                + "/").toList())) + ", and runs:");
            out.println("#   sbatch --parsable " + Shell.quote(f.shardsScript().toString()));
            out.println("#   sbatch --parsable " + Shell.quote(f.mergeScript().toString()) + "    (its dependency: "
                + "the job id the first sbatch printed)");
            out.println("# ---- " + f.shardsScript());
            if (tasks.isEmpty())
            {
                out.println("# (every shard has its shard file: only the merge is submitted)");
            }
            else
            {
                out.print(shardsScript(r, f, java, tasks).text());
            }
            out.println("# ---- " + f.mergeScript());
            out.print(mergeScript(r, f, java, tasks.isEmpty() ? null : SHARDS_JOB).text());
            out.flush();
            return 0;
        }
        final Sbatch sbatch;
        try
        {
            sbatch = new Sbatch(tools, "faults --slurm");
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
        final SlurmQueue queue = new SlurmQueue(tools);
        final JsonNode old = readRecord(f);
        final List<SlurmCampaignFolder.Submission> subs = new ArrayList<>();
        final boolean resuming = r.resume() && old != null && resumable(f, r);
        if (old != null)
        {
            refuseIfActive(f, old, queue, sbatch);
        }
        if (r.resume() && old == null)
        {
            err.println("faults: nothing to resume (" + f.record() + " does not exist): submitting every shard");
        }
        if (resuming)
        {
            subs.addAll(SlurmCampaignFolder.submissions(old));
        }
        else
        {
            if (old != null || Files.isDirectory(f.dir()))
            {
                final int dropped = clear(f);
                if (dropped > 0)
                {
                    err.println("faults: starting afresh in " + f.dir() + ": deleted the " + dropped + " shard files and "
                        + "journals of its earlier submission (--resume would have kept them)");
                }
            }
        }
        final SortedSet<Integer> tasks = resuming ? f.missing(r.shards()) : SlurmJobScript.range(r.shards());
        try
        {
            Files.createDirectories(f.logs());
            if (!resuming || !Files.isRegularFile(f.jar()))
            {
                // a pinned copy: a rebuild of the jar while tasks wait in the queue must not change what they run
                final Path tmp = f.dir().resolve(".scfabric.jar.tmp");
                Files.copy(launcher.get().jar(), tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, f.jar(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            for (final int k : pinnedAt(r.campaignArgs()))
            {
                final String file = r.campaignArgs().get(k + 1);
                final Path copy = f.pinned(r.campaignArgs().get(k), file);
                if (!resuming || !Files.isRegularFile(copy))
                {
                    // as the jar: the file may be edited or rewritten while the tasks wait
                    Files.createDirectories(copy.getParent());
                    final Path tmp = copy.resolveSibling("." + copy.getFileName() + ".tmp");
                    Files.copy(Path.of(file), tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.deleteIfExists(f.mergeExit());
        }
        catch (final IOException e)
        {
            throw StagedFiles.cannotWrite("--json", r.report().toString(), f.dir(), e);
        }
        String shardsJob = null;
        if (!tasks.isEmpty())
        {
            AtomicFiles.writeString(f.shardsScript(), shardsScript(r, f, java, tasks).text());
            try
            {
                shardsJob = submit(sbatch, f.shardsScript());
            }
            catch (final BadInputException e)
            {
                if (!resuming)
                {
                    clear(f); // nothing was submitted: leave no scripts or jar that look like a campaign
                    if (fresh)
                    {
                        removeEmptyFolders(f);
                    }
                }
                throw e;
            }
        }
        AtomicFiles.writeString(f.mergeScript(), mergeScript(r, f, java, shardsJob).text());
        final String mergeJob;
        try
        {
            mergeJob = sbatch.submit(f.mergeScript(), List.of());
        }
        catch (final IllegalArgumentException e)
        {
            if (shardsJob != null)
            {
                sbatch.cancel(List.of(shardsJob));
            }
            throw new BadInputException(e.getMessage() + (shardsJob != null ? " (the shard tasks, job " + shardsJob
                + ", were cancelled)" : ""));
        }
        subs.add(new SlurmCampaignFolder.Submission(shardsJob, tasks, mergeJob));
        f.write(r.identity(), r.shards(), r.report().toAbsolutePath().normalize(),
            r.plots() == null ? null : r.plots().toAbsolutePath().normalize(), subs);
        if (shardsJob != null)
        {
            out.println(String.format(Locale.ROOT, "faults: submitted %d shard task%s of %d as job %s (array %s)%s",
                tasks.size(), tasks.size() == 1 ? "" : "s", r.shards(), shardsJob, SlurmJobScript.arraySpec(tasks),
                resuming ? ", the others have their shard files" : ""));
        }
        else
        {
            out.println("faults: every shard has its shard file; submitted only the merge");
        }
        out.println("faults: submitted the merge as job " + mergeJob + (shardsJob == null ? ""
            : " (runs once job " + shardsJob + " has succeeded)"));
        out.println("faults: the report will appear at " + r.report().toAbsolutePath().normalize()
            + (r.plots() == null ? "" : ", plots in " + r.plots().toAbsolutePath().normalize()));
        out.println("faults: job scripts, shard files and logs in " + f.dir() + "; follow with: scfabric faults status "
            + Shell.quote(f.dir().toString()));
        out.flush();
        return r.await() ? await(f, queue, sbatch, shardsJob, mergeJob, r.shards()) : 0;
    }

    private String submit(final Sbatch sbatch, final Path script)
    {
        try
        {
            return sbatch.submit(script, List.of());
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
    }

    private static JsonNode readRecord(final SlurmCampaignFolder f)
    {
        try
        {
            return f.read();
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage() + "; delete " + f.dir() + " to start afresh");
        }
    }

    /** Whether the folder holds this campaign (same options, same shard count): --resume may continue it. */
    private boolean resumable(final SlurmCampaignFolder f, final Request r)
    {
        final JsonNode old = readRecord(f);
        if (old == null)
        {
            return false;
        }
        if (!old.path("campaign").equals(SlurmCampaignFolder.normal(r.identity())) || old.path("shards").asInt() != r.shards())
        {
            throw new BadInputException("--resume: " + f.dir() + " holds " + (old.path("shards").asInt() != r.shards()
                ? "a campaign in " + old.path("shards").asInt() + " shards, not " + r.shards() + " (--shards)"
                : "a campaign with other options") + "; give the options it was submitted with, or drop --resume to "
                + "start afresh (its shard files are then deleted)");
        }
        return true;
    }

    /**
     * Refuses to submit while a task of an earlier submission is queued or running (two tasks of one
     * shard would write one journal). A merge stuck on a failed task is cancelled: a new one replaces it.
     */
    private void refuseIfActive(final SlurmCampaignFolder f, final JsonNode old, final SlurmQueue queue,
        final Sbatch sbatch)
    {
        final List<String> ids = new ArrayList<>();
        for (final SlurmCampaignFolder.Submission s : SlurmCampaignFolder.submissions(old))
        {
            if (s.shardsJob() != null)
            {
                ids.add(s.shardsJob());
            }
            ids.add(s.mergeJob());
        }
        final Map<String, SlurmQueue.Job> jobs = queue.jobs(ids);
        final List<String> active = new ArrayList<>();
        final List<String> stuck = new ArrayList<>();
        for (final SlurmQueue.Job j : jobs.values())
        {
            if (j.stuck())
            {
                stuck.add(j.id());
            }
            else if (j.active())
            {
                active.add(j.id() + " " + j.state());
            }
        }
        if (!active.isEmpty())
        {
            throw new BadInputException(f.dir() + " has jobs still queued or running (" + String.join(", ", active)
                + "): wait for them (scfabric faults status " + Shell.quote(f.dir().toString()) + "), or scancel them "
                + "first");
        }
        if (!stuck.isEmpty())
        {
            sbatch.cancel(stuck);
            err.println("faults: cancelled the earlier merge job " + String.join(", ", stuck)
                + " (it waited for a shard task that failed)");
        }
    }

    /**
     * Deletes what an earlier submission left in the folder (only the files this class names) and
     * returns how many shard files and journals went.
     */
    /** The logs folder and the campaign folder this submission made, once {@link #clear} emptied them. */
    private static void removeEmptyFolders(final SlurmCampaignFolder f)
    {
        try
        {
            Files.deleteIfExists(f.logs());
            Files.deleteIfExists(f.dir());
        }
        catch (final IOException e)
        {
            // not empty (something else was put there meanwhile): leave it
        }
    }

    private static int clear(final SlurmCampaignFolder f)
    {
        int shardFiles = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(f.dir()))
        {
            for (final Path p : ds)
            {
                final String n = p.getFileName().toString();
                final boolean shard = n.matches("shard-[0-9]+\\.json(\\.partial)?");
                if (shard || n.equals("shards.sh") || n.equals("merge.sh") || n.equals("merge.exit")
                    || n.equals("scfabric.jar") || n.equals(SlurmCampaignFolder.RECORD))
                {
                    Files.delete(p);
                    shardFiles += shard ? 1 : 0;
                }
            }
            if (Files.isDirectory(f.logs()))
            {
                try (DirectoryStream<Path> logs = Files.newDirectoryStream(f.logs(), "*.out"))
                {
                    for (final Path p : logs)
                    {
                        Files.delete(p);
                    }
                }
            }
            for (final String option : PINNED)
            {
                final Path copies = f.pinned(option, "x").getParent();
                if (Files.isDirectory(copies))
                {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(copies))
                    {
                        for (final Path p : files)
                        {
                            Files.delete(p);
                        }
                    }
                    Files.delete(copies);
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return shardFiles;
    }

    /** The options whose files a submission copies into the campaign's folder (the tasks read the copies). */
    static final List<String> PINNED = List.of("--network", "--input");

    /** Where in the campaign's arguments a pinned option stands (its file follows it). */
    private static List<Integer> pinnedAt(final List<String> args)
    {
        final List<Integer> at = new ArrayList<>();
        for (int k = 0; k + 1 < args.size(); k++)
        {
            if (PINNED.contains(args.get(k)))
            {
                at.add(k);
            }
        }
        return at;
    }

    /** The campaign's arguments with each pinned option's file replaced by its copy in the folder. */
    static List<String> pinnedArgs(final List<String> args, final SlurmCampaignFolder f)
    {
        final List<String> a = new ArrayList<>(args);
        for (final int k : pinnedAt(args))
        {
            a.set(k + 1, f.pinned(args.get(k), args.get(k + 1)).toString());
        }
        return a;
    }

    static SlurmJobScript shardsScript(final Request r, final SlurmCampaignFolder f, final JavaLauncher java,
        final SortedSet<Integer> tasks)
    {
        final SlurmJobScript.Builder b = SlurmJobScript.builder(r.jobName())
            .directive("--array=" + SlurmJobScript.arraySpec(tasks));
        r.options().addTo(b);
        b.directive("--chdir", f.dir()).directive("--output", f.logs().resolve("shard-%a.out"));
        b.comment("scfabric fault campaign, shard $SLURM_ARRAY_TASK_ID of " + r.shards() + " per array task. --resume: "
            + "a task cancelled, timed out or")
            .comment("lost with its node continues from its journal when resubmitted (scfabric faults ... --slurm "
                + "--resume).")
            .line("set -euo pipefail")
            .line("i=\"$SLURM_ARRAY_TASK_ID\"");
        final List<String> words = new ArrayList<>(java.words());
        final int head = words.size() + 1;
        words.addAll(pinnedArgs(r.campaignArgs(), f));
        b.command(words, head, List.of("--shard", "\"$i/" + r.shards() + "\"", "--threads",
            String.valueOf(r.options().cpusPerTask()), "--resume", "--json",
            Shell.quote(f.dir() + "/shard-") + "\"$i\".json"));
        return b.build();
    }

    static SlurmJobScript mergeScript(final Request r, final SlurmCampaignFolder f, final JavaLauncher java,
        final String shardsJob)
    {
        final SlurmJobScript.Builder b = SlurmJobScript.builder(r.jobName() + "-merge");
        if (shardsJob != null)
        {
            b.directive("--dependency=afterok:" + shardsJob);
        }
        new SlurmOptions(r.options().partition(), r.options().time(), 1, r.options().sbatchArgs()).addTo(b);
        b.directive("--chdir", f.dir()).directive("--output", f.logs().resolve("merge-%j.out"));
        b.comment("Joins the " + r.shards() + " shard files into the report (the bytes a local run writes); runs once "
            + "every shard task succeeded.")
            .comment("Its exit status goes to merge.exit too: scfabric faults --wait reads it where Slurm keeps no "
                + "accounting.")
            .line("set -uo pipefail");
        final List<String> words = new ArrayList<>(java.words());
        final int head = words.size() + 2;
        words.add("faults");
        words.add("merge");
        words.add("--json");
        words.add(r.report().toAbsolutePath().normalize().toString());
        if (r.plots() != null)
        {
            words.add("--plots");
            words.add(r.plots().toAbsolutePath().normalize().toString());
        }
        b.command(words, head, List.of(Shell.quote(f.dir() + "/shard-") + "{" + range(r.shards()) + "}.json"));
        b.line("code=$?").line("echo \"$code\" >" + Shell.quote(f.mergeExit().toString())).line("exit \"$code\"");
        return b.build();
    }

    /** Brace expansion of 0..n-1 ({@code 0..3}; one shard: {@code 0,}) — the command line stays short for any n. */
    private static String range(final int n)
    {
        return n == 1 ? "0," : "0.." + (n - 1);
    }

    /** The shards' states: done (shard file), pending, running, failed. */
    record ShardState(int index, String state, String detail)
    {
    }

    static List<ShardState> shardStates(final SlurmCampaignFolder f, final JsonNode record,
        final Map<String, SlurmQueue.Job> jobs)
    {
        final int n = record.path("shards").asInt();
        final List<SlurmCampaignFolder.Submission> subs = SlurmCampaignFolder.submissions(record);
        final List<ShardState> states = new ArrayList<>();
        for (int i = 0; i < n; i++)
        {
            if (Files.isRegularFile(f.shard(i)))
            {
                states.add(new ShardState(i, "done", ""));
                continue;
            }
            String task = null;
            for (final SlurmCampaignFolder.Submission s : subs)
            {
                if (s.shardsJob() != null && s.tasks().contains(i))
                {
                    task = s.shardsJob() + "_" + i;
                }
            }
            final long journaled = f.journaled(i);
            final String items = journaled > 0 ? ", " + journaled + " items in its journal" : "";
            final SlurmQueue.Job j = task == null ? null : jobs.get(task);
            if (j != null && j.active())
            {
                states.add(new ShardState(i, j.state().equals("PENDING") ? "pending" : "running", "task " + task + " "
                    + j.state() + (j.state().equals("PENDING") && !j.reason().isEmpty() ? " (" + j.reason() + ")" : "")
                    + items));
            }
            else
            {
                states.add(new ShardState(i, "failed", (task == null ? "never submitted" : "task " + task + " "
                    + (j == null ? "is no longer in the queue" : j.state())) + ", no shard file" + items));
            }
        }
        return states;
    }

    static Map<String, SlurmQueue.Job> jobsOf(final JsonNode record, final SlurmQueue queue)
    {
        final List<String> ids = new ArrayList<>();
        for (final SlurmCampaignFolder.Submission s : SlurmCampaignFolder.submissions(record))
        {
            if (s.shardsJob() != null)
            {
                ids.add(s.shardsJob());
            }
            ids.add(s.mergeJob());
        }
        return queue.jobs(ids);
    }

    static String counts(final List<ShardState> states)
    {
        final long[] c = new long[4];
        final List<String> names = List.of("done", "running", "pending", "failed");
        states.forEach(s -> c[names.indexOf(s.state())]++);
        return String.format(Locale.ROOT, "%d done, %d running, %d pending, %d failed", c[0], c[1], c[2], c[3]);
    }

    /** Follows the jobs until the merge ends; its exit status, or 1 when a shard task failed and the merge cannot run. */
    private int await(final SlurmCampaignFolder f, final SlurmQueue queue, final Sbatch sbatch,
        final String shardsJob, final String mergeJob, final int shards)
    {
        if (!queue.available())
        {
            throw new RunFailedException("--wait: no 'squeue' on PATH to follow job " + mergeJob + " with", null);
        }
        String last = "";
        int unknown = 0;
        while (true)
        {
            final JsonNode record = f.read();
            final Map<String, SlurmQueue.Job> jobs = jobsOf(record, queue);
            final SlurmQueue.Job merge = jobs.get(mergeJob);
            final List<ShardState> states = shardStates(f, record, jobs);
            final String now = counts(states);
            if (!now.equals(last))
            {
                err.println("faults: waiting for merge job " + mergeJob + ": shards " + now);
                last = now;
            }
            if (merge != null && merge.stuck())
            {
                sbatch.cancel(List.of(mergeJob));
                final List<String> failed = states.stream().filter(s -> s.state().equals("failed"))
                    .map(s -> s.index() + "/" + shards + " (" + s.detail() + ")").toList();
                err.println("faults: shard task" + (failed.size() == 1 ? " " : "s ") + String.join("; ", failed)
                    + " failed, so the merge (job " + mergeJob + ") cannot run and was cancelled; finish with the same "
                    + "command and --resume (logs in " + f.logs() + ")");
                return 1;
            }
            if (merge == null || !merge.active())
            {
                // not known any more (or never shown): the exit status file decides
                if (merge == null && !Files.isRegularFile(f.mergeExit()) && ++unknown < 5)
                {
                    sleep();
                    continue;
                }
                return mergeStatus(f, merge, mergeJob);
            }
            unknown = 0;
            sleep();
        }
    }

    private int mergeStatus(final SlurmCampaignFolder f, final SlurmQueue.Job merge, final String mergeJob)
    {
        if (Files.isRegularFile(f.mergeExit()))
        {
            try
            {
                final int code = Integer.parseInt(Files.readString(f.mergeExit(), StandardCharsets.UTF_8).strip());
                err.println("faults: merge job " + mergeJob + " ended with exit status " + code + (code == 0 ? ""
                    : " (its log: " + f.logs().resolve("merge-" + mergeJob + ".out") + ")"));
                return code;
            }
            catch (final IOException | NumberFormatException e)
            {
                // fall through to Slurm's word
            }
        }
        err.println("faults: merge job " + mergeJob + " ended " + (merge == null ? "out of Slurm's sight" : merge.state())
            + " without an exit status (its log: " + f.logs().resolve("merge-" + mergeJob + ".out") + ")");
        return 1;
    }

    private void sleep()
    {
        try
        {
            Thread.sleep(pollMillis);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new RunFailedException("interrupted while waiting for the merge job", e);
        }
    }

    /** The merge job's exit status as its script wrote it, or null. */
    private static String mergeExitText(final SlurmCampaignFolder f)
    {
        try
        {
            return Files.isRegularFile(f.mergeExit()) ? Files.readString(f.mergeExit(), StandardCharsets.UTF_8).strip()
                : null;
        }
        catch (final IOException e)
        {
            return null;
        }
    }

    /** {@code scfabric faults status DIR}. */
    static int status(final Path dirArg, final SlurmTools tools, final PrintWriter out)
    {
        Path dir = dirArg.toAbsolutePath().normalize();
        if (dir.getFileName() != null && dir.getFileName().toString().endsWith(".json") && !Files.isDirectory(dir))
        {
            dir = SlurmCampaignFolder.of(dir).dir(); // the report's path works too, written yet or not
        }
        final SlurmCampaignFolder f = new SlurmCampaignFolder(dir);
        if (Files.exists(dir) && !Files.isDirectory(dir))
        {
            throw new BadInputException(dirArg + " is a file, not a folder (give the .slurm folder that faults --slurm "
                + "printed, e.g. out/faults/v3.slurm, or the campaign's .json report)");
        }
        if (!Files.isDirectory(dir))
        {
            throw new BadInputException("no such folder: " + dirArg + " (give the .slurm folder that faults --slurm "
                + "printed, e.g. out/faults/v3.slurm)");
        }
        final JsonNode record = readRecord(f);
        if (record == null)
        {
            throw new BadInputException(dirArg + " has no " + SlurmCampaignFolder.RECORD + ": not a campaign folder of "
                + "faults --slurm");
        }
        final SlurmQueue queue = new SlurmQueue(tools);
        final Map<String, SlurmQueue.Job> jobs = jobsOf(record, queue);
        final List<ShardState> states = shardStates(f, record, jobs);
        final Path report = Path.of(record.path("report").asText());
        final List<SlurmCampaignFolder.Submission> subs = SlurmCampaignFolder.submissions(record);
        final String mergeJob = subs.isEmpty() ? null : subs.get(subs.size() - 1).mergeJob();
        final SlurmQueue.Job merge = mergeJob == null ? null : jobs.get(mergeJob);
        out.println("faults status: " + dir + ": " + states.size() + " shards: " + counts(states)
            + (queue.available() ? "" : " (no squeue on PATH: from the files alone)"));
        for (final ShardState s : states)
        {
            if (!s.state().equals("done"))
            {
                out.println(String.format(Locale.ROOT, "  shard %d/%d %s: %s", s.index(), states.size(), s.state(),
                    s.detail()));
            }
        }
        String mergeText = merge == null ? "job " + mergeJob + (Files.isRegularFile(f.mergeExit()) ? " ended"
            : " is not in the queue") : "job " + mergeJob + " " + merge.state() + (merge.reason().isEmpty()
            || merge.reason().equals("None") ? "" : " (" + merge.reason() + ")");
        if (mergeExitText(f) != null)
        {
            mergeText += ", exit status " + mergeExitText(f);
        }
        out.println("  merge: " + mergeText);
        final boolean failed = states.stream().anyMatch(s -> s.state().equals("failed"));
        final boolean written = Files.isRegularFile(report) && "0".equals(mergeExitText(f));
        out.println("  report: " + report + (written ? " (written)" : " (not written yet)"));
        if (failed && (merge == null || !merge.active() || merge.stuck()))
        {
            out.println("  next: finish the failed shards with the same faults command and --slurm --resume");
        }
        out.flush();
        return 0;
    }
}
