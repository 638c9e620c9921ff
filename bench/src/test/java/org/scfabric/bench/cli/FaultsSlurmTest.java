package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli.Run;
import org.scfabric.bench.slurm.JavaLauncher;
import org.scfabric.bench.slurm.SlurmTools;

import picocli.CommandLine;

/**
 * {@code faults --slurm} without a cluster: the job scripts a dry run prints, run shard by shard and
 * merged, give the local report's bytes; submission, --resume, status and --wait against stand-in
 * sbatch / squeue / scancel scripts that record their calls and answer from files. (The same against a
 * real Slurm: bench/scripts/slurm-ci.sh, run by .ci/run.)
 */
class FaultsSlurmTest
{
    @TempDir
    Path tmp;

    Path bin;
    Path jar;
    JavaLauncher launcher;

    @BeforeEach
    void fakeSlurm() throws IOException
    {
        bin = Files.createDirectories(tmp.resolve("bin"));
        // sbatch: records its arguments, answers the next job id; a merge script gets the exit status in merge-exit
        script("sbatch", "d=\"$(dirname \"$0\")\"; n=$(( $(cat \"$d/next\" 2>/dev/null || echo 0) + 1 )); echo $n >\"$d/next\"",
            "echo \"$*\" >>\"$d/calls\"; s=\"${@: -1}\"; cp \"$s\" \"$d/submitted-$n.sh\"",
            "if [ -f \"$d/refuse\" ]; then echo 'sbatch: error: invalid partition specified: nope' >&2; exit 1; fi",
            "case \"$s\" in *merge.sh) [ -f \"$d/merge-exit\" ] && cp \"$d/merge-exit\" \"$(dirname \"$s\")/merge.exit\";; esac",
            "echo \"$n\"");
        // squeue -h -r -t all -j ID -o FMT: the lines in state-ID
        script("squeue", "f=\"$(dirname \"$0\")/state-$6\"; [ -f \"$f\" ] && cat \"$f\"; exit 0");
        script("scancel", "echo \"scancel $*\" >>\"$(dirname \"$0\")/calls\"");
        jar = Files.writeString(tmp.resolve("scfabric.jar"), "not really a jar");
        launcher = new JavaLauncher(Path.of("/opt/jdk/bin/java"), List.of("--add-modules=jdk.incubator.vector"), jar);
    }

    private void script(final String name, final String... lines) throws IOException
    {
        final Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/bash\n" + String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    Run cli(final SlurmTools tools, final List<String> args)
    {
        final CommandLine.IFactory factory = new CommandLine.IFactory()
        {
            @Override
            public <K> K create(final Class<K> cls) throws Exception
            {
                return cls == FaultsCommand.class ? cls.cast(new FaultsCommand(() -> launcher, tools, 10))
                    : CommandLine.defaultFactory().create(cls);
            }
        };
        return Cli.run(factory, args);
    }

    Run cli(final List<String> args)
    {
        return cli(new SlurmTools(bin.toString()), args);
    }

    static List<String> campaign(final String... more)
    {
        final List<String> a = new ArrayList<>(List.of("faults", "--variant", "fabric-v3", "--neurons", "16",
            "--duration-ms", "5", "--cores", "1", "--sites", "core0.vmem[3][*],core0.addr[*],router.state[*]"));
        a.addAll(List.of(more));
        return a;
    }

    String calls() throws IOException
    {
        return Files.exists(bin.resolve("calls")) ? Files.readString(bin.resolve("calls")) : "";
    }

    /** The words bash makes of the launcher command in a job script, with {@code i} set (shard scripts). */
    static List<String> commandWords(final String script, final String java, final int i) throws Exception
    {
        final List<String> lines = script.lines().toList();
        int k = 0;
        while (!lines.get(k).startsWith(java))
        {
            k++;
        }
        final StringBuilder cmd = new StringBuilder();
        while (true)
        {
            final String l = lines.get(k++);
            cmd.append(l).append('\n');
            if (!l.endsWith("\\"))
            {
                break;
            }
        }
        final Process p = new ProcessBuilder("bash", "-s").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream())
        {
            in.write(("i=" + i + "\nset -- " + cmd + "printf '%s\\0' \"$@\"\n").getBytes(StandardCharsets.UTF_8));
        }
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return Arrays.asList(out.substring(0, out.length() - 1).split("\0", -1));
    }

    /** The arguments after {@code java OPTIONS -jar JAR}: what scfabric's main receives on the node. */
    static String[] scfabricArgs(final List<String> words, final Path jarCopy)
    {
        final int j = words.indexOf("-jar");
        assertEquals(jarCopy.toString(), words.get(j + 1), "the job runs the campaign's pinned jar, by absolute path");
        return words.subList(j + 2, words.size()).toArray(new String[0]);
    }

    @Test
    void theDryRunsJobScriptsRunShardByShardAndMergedGiveTheLocalReportsBytes() throws Exception
    {
        final Path local = tmp.resolve("local.json");
        final Run run = Cli.run(campaign("--threads", "2", "--json", local.toString()));
        assertEquals(0, run.code(), run.err());
        final Path report = Files.createDirectories(tmp.resolve("out")).resolve("slurm.json");
        final Run dry = cli(campaign("--slurm", "--shards", "3", "--time", "00:10:00", "--json", report.toString(),
            "--dry-run"));
        assertEquals(0, dry.code(), dry.err());
        try (java.util.stream.Stream<Path> l = Files.list(tmp.resolve("out")))
        {
            assertEquals(0, l.count(), "a dry run writes nothing");
        }
        assertEquals("", calls(), "a dry run submits nothing");
        final Path dir = tmp.resolve("out/slurm.slurm");
        final String shards = dry.out().substring(dry.out().indexOf("#!/bin/bash"), dry.out().indexOf("# ---- " + dir
            + "/merge.sh"));
        final String merge = dry.out().substring(dry.out().lastIndexOf("#!/bin/bash"));
        assertTrue(shards.contains("#SBATCH --array=0-2\n") && shards.contains("#SBATCH --time=00:10:00\n")
            && shards.contains("#SBATCH --output=" + dir + "/logs/shard-%a.out\n"), shards);
        assertTrue(merge.contains("#SBATCH --dependency=afterok:" + FaultsSlurm.SHARDS_JOB + "\n"), merge);
        // what each array task runs, as bash parses it, run here; then the merge job's command
        for (int i = 0; i < 3; i++)
        {
            final String[] args = scfabricArgs(commandWords(shards, "/opt/jdk/bin/java", i), dir.resolve("scfabric.jar"));
            assertTrue(String.join(" ", args).endsWith("--shard " + i + "/3 --threads 1 --resume --json " + dir
                + "/shard-" + i + ".json"), String.join(" ", args));
            Files.createDirectories(dir);
            final Run ran = Cli.run(args);
            assertEquals(0, ran.code(), ran.err());
        }
        final String[] m = scfabricArgs(commandWords(merge, "/opt/jdk/bin/java", 0), dir.resolve("scfabric.jar"));
        assertEquals(List.of("faults", "merge", "--json", report.toString(), dir + "/shard-0.json", dir + "/shard-1.json",
            dir + "/shard-2.json"), List.of(m));
        final Run merged = Cli.run(m);
        assertEquals(0, merged.code(), merged.err());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(report));
    }

    @Test
    void withoutSbatchOnThePathNothingIsWrittenAndTheExitCodeIsTwo() throws IOException
    {
        final Path report = tmp.resolve("r.json");
        final Run r = cli(new SlurmTools(tmp.resolve("empty").toString()), campaign("--slurm", "--json",
            report.toString()));
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("no 'sbatch' on PATH") && r.err().contains("without --slurm"), r.err());
        assertFalse(Files.exists(tmp.resolve("r.slurm")));
    }

    @Test
    void resumeSubmitsOnlyTheShardsWithoutAShardFileAndStatusCountsThem() throws IOException
    {
        final Path report = tmp.resolve("c.json");
        final Path dir = tmp.resolve("c.slurm");
        final Run first = cli(campaign("--slurm", "--shards", "4", "--partition", "ci", "--sbatch-arg=--mem=1G",
            "--json", report.toString()));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("submitted 4 shard tasks of 4 as job 1 (array 0-3)"), first.out());
        assertTrue(first.out().contains("submitted the merge as job 2 (runs once job 1 has succeeded)"), first.out());
        assertTrue(calls().contains("--parsable " + dir + "/shards.sh") && calls().contains("--parsable " + dir
            + "/merge.sh"), calls());
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(dir.resolve("scfabric.jar")));
        final String merge1 = Files.readString(bin.resolve("submitted-2.sh"));
        assertTrue(merge1.contains("#SBATCH --dependency=afterok:1\n") && merge1.contains("#SBATCH --partition=ci\n")
            && merge1.contains("#SBATCH --mem=1G\n"), merge1);

        // shards 0 and 2 done, 1 running with a journal, 3 pending
        Files.writeString(dir.resolve("shard-0.json"), "{}");
        Files.writeString(dir.resolve("shard-2.json"), "{}");
        Files.writeString(dir.resolve("shard-1.json.partial"), "{header}\n{a}\n{b}\n");
        Files.writeString(bin.resolve("state-1"), "1_1|RUNNING|None\n1_3|PENDING|Resources\n");
        Files.writeString(bin.resolve("state-2"), "2|PENDING|Dependency\n");
        Run st = cli(List.of("faults", "status", dir.toString()));
        assertEquals(0, st.code(), st.err());
        assertTrue(st.out().contains("4 shards: 2 done, 1 running, 1 pending, 0 failed"), st.out());
        assertTrue(st.out().contains("shard 1/4 running: task 1_1 RUNNING, 2 items in its journal"), st.out());
        assertTrue(st.out().contains("shard 3/4 pending: task 1_3 PENDING (Resources)"), st.out());
        assertTrue(st.out().contains("report: " + report + " (not written yet)"), st.out());
        final Run byReport = cli(List.of("faults", "status", report.toString()));
        assertEquals(st.out(), byReport.out(), "the report's path, before the report exists, names the same campaign");

        // while tasks run, a resubmission would put two tasks on one journal: refused
        final Run busy = cli(campaign("--slurm", "--shards", "4", "--json", report.toString(), "--resume"));
        assertEquals(2, busy.code());
        assertTrue(busy.err().contains("still queued or running (1_1 RUNNING, 1_3 PENDING, 2 PENDING)"), busy.err());

        // task 1 cancelled, task 3 cancelled before it started (gone from the queue); the merge can never run
        Files.writeString(bin.resolve("state-1"), "1_1|CANCELLED|None\n1_0|COMPLETED|None\n1_2|COMPLETED|None\n");
        Files.writeString(bin.resolve("state-2"), "2|PENDING|DependencyNeverSatisfied\n");
        st = cli(List.of("faults", "status", dir.toString()));
        assertTrue(st.out().contains("4 shards: 2 done, 0 running, 0 pending, 2 failed"), st.out());
        assertTrue(st.out().contains("shard 1/4 failed: task 1_1 CANCELLED, no shard file, 2 items in its journal"), st.out());
        assertTrue(st.out().contains("shard 3/4 failed: task 1_3 is no longer in the queue, no shard file"), st.out());
        assertTrue(st.out().contains("next: finish the failed shards"), st.out());

        // other options cannot resume this campaign
        final Run other = cli(campaign("--slurm", "--shards", "5", "--json", report.toString(), "--resume"));
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("a campaign in 4 shards, not 5"), other.err());

        final Run resumed = cli(campaign("--slurm", "--shards", "4", "--partition", "ci", "--sbatch-arg=--mem=1G",
            "--json", report.toString(), "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("cancelled the earlier merge job 2"), resumed.err());
        assertTrue(calls().contains("scancel 2"), calls());
        assertTrue(resumed.out().contains("submitted 2 shard tasks of 4 as job 3 (array 1,3), the others have their shard "
            + "files"), resumed.out());
        assertTrue(Files.readString(bin.resolve("submitted-3.sh")).contains("#SBATCH --array=1,3\n"));
        assertTrue(Files.readString(bin.resolve("submitted-4.sh")).contains("#SBATCH --dependency=afterok:3\n"));
        assertTrue(Files.exists(dir.resolve("shard-1.json.partial")), "the journal stays for the resumed task");
        st = cli(List.of("faults", "status", dir.toString()));
        assertTrue(st.out().contains("shard 1/4 failed: task 3_1 is no longer in the queue"), st.out());

        // a fresh submission (no --resume) starts afresh: the old shard files go
        final Run fresh = cli(campaign("--slurm", "--shards", "4", "--json", report.toString()));
        assertEquals(0, fresh.code(), fresh.err());
        assertFalse(Files.exists(dir.resolve("shard-0.json")) || Files.exists(dir.resolve("shard-1.json.partial")));
        assertTrue(fresh.out().contains("submitted 4 shard tasks of 4 as job 5 (array 0-3)"), fresh.out());
        assertTrue(fresh.err().contains("deleted the 3 shard files and journals of its earlier submission (--resume would "
            + "have kept them)"), fresh.err());
    }

    @Test
    void waitExitsWithTheMergesStatusOrOneWhenAShardFailed() throws IOException
    {
        final Path report = tmp.resolve("w.json");
        Files.writeString(bin.resolve("merge-exit"), "3\n");
        final Run failedMerge = cli(campaign("--slurm", "--shards", "2", "--json", report.toString(), "--wait"));
        assertEquals(3, failedMerge.code(), failedMerge.err());
        assertTrue(failedMerge.err().contains("merge job 2 ended with exit status 3"), failedMerge.err());

        Files.delete(bin.resolve("merge-exit"));
        Files.writeString(bin.resolve("state-3"), "3_0|COMPLETED|None\n3_1|TIMEOUT|None\n");
        Files.writeString(bin.resolve("state-4"), "4|PENDING|DependencyNeverSatisfied\n");
        final Run stuck = cli(campaign("--slurm", "--shards", "2", "--json", report.toString(), "--wait"));
        assertEquals(1, stuck.code(), stuck.err());
        assertTrue(stuck.err().contains("shard tasks 0/2 (task 3_0 COMPLETED, no shard file); 1/2 (task 3_1 TIMEOUT, no "
            + "shard file) failed, so the merge (job 4) cannot run and was cancelled"), stuck.err());
        assertTrue(calls().contains("scancel 4"), calls());
    }

    @Test
    void slurmOptionsAreCheckedBeforeAnythingIsSubmitted() throws IOException
    {
        final String r = tmp.resolve("b.json").toString();
        final List<List<String>> bad = List.of(
            campaign("--shards", "4", "--json", r),
            campaign("--wait", "--json", r),
            campaign("--slurm", "--shard", "0/2", "--json", r),
            campaign("--slurm", "--time", "1h", "--json", r),
            campaign("--slurm", "--threads", "2", "--cpus-per-task", "4", "--json", r),
            campaign("--slurm", "--sbatch-arg=--array=0-1", "--json", r),
            campaign("--slurm", "--shards", "0", "--json", r),
            campaign("--slurm", "--shards", "100000", "--json", r));
        for (final List<String> a : bad)
        {
            final Run run = cli(a);
            assertEquals(2, run.code(), a + ": " + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
        }
        final Run own = cli(campaign("--slurm", "--sbatch-arg=--partition=x", "--json", r));
        assertEquals(2, own.code(), own.err());
        assertEquals("scfabric faults: --sbatch-arg --partition=x: scfabric sets --partition itself (use scfabric's own "
            + "--partition, --time, --cpus-per-task)", own.err().strip());
        final Run time = cli(campaign("--slurm", "--time", "1:99:00", "--json", r));
        assertEquals(2, time.code(), time.err());
        assertTrue(time.err().strip().startsWith("scfabric faults: --time '1:99:00' is not a Slurm time limit: minutes"),
            time.err());
        Files.writeString(bin.resolve("refuse"), "");
        final Run refused = cli(campaign("--slurm", "--json", r));
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("sbatch refused shards.sh: sbatch: error: invalid partition specified: nope"),
            refused.err());
        assertEquals("", calls().lines().filter(l -> l.startsWith("scancel")).findAny().orElse(""));
        assertFalse(Files.exists(tmp.resolve("b.slurm")), "a refused first submission leaves no folder behind");
        // a report in a folder that does not exist: refused before anything is made, dry run or not
        final String missing = tmp.resolve("no/such/dir/x.json").toString();
        for (final List<String> a : List.of(campaign("--slurm", "--json", missing),
            campaign("--slurm", "--dry-run", "--json", missing)))
        {
            final Run run = cli(a);
            assertEquals(2, run.code(), run.err());
            assertTrue(run.err().contains("does not exist"), run.err());
        }
        assertFalse(Files.exists(tmp.resolve("no")));
    }

    /**
     * A campaign on a NIR network: the submission pins a copy of the network file beside the jar, the job scripts
     * carry it and the campaign's input, and give the local report's bytes even when the user's file has changed
     * while the tasks waited.
     */
    @Test
    void aNetworkCampaignsJobScriptsRunAPinnedCopyOfTheNetworkAndGiveTheLocalReportsBytes() throws Exception
    {
        final Path braille = Path.of(System.getenv("SCFABRIC_ROOT") != null ? System.getenv("SCFABRIC_ROOT") : "..")
            .resolve("network/src/test/resources/nir/braille_noDelay_bias_zero.nir").toAbsolutePath().normalize();
        final Path users = Files.copy(braille, tmp.resolve("users-network.nir"));
        final List<String> net = List.of("faults", "--network", users.toString(), "--poisson", "400", "--steps", "20",
            "--cores", "2", "--sites", "core0.vmem[*][*]", "--sample", "12");
        final Path local = tmp.resolve("net-local.json");
        final List<String> localArgs = new ArrayList<>(net);
        localArgs.addAll(List.of("--threads", "2", "--json", local.toString()));
        final Run ran = Cli.run(localArgs.toArray(new String[0]));
        assertEquals(0, ran.code(), ran.err());
        final Path report = Files.createDirectories(tmp.resolve("net-out")).resolve("net.json");
        final Path dir = tmp.resolve("net-out/net.slurm");
        final List<String> submitArgs = new ArrayList<>(net);
        submitArgs.addAll(List.of("--slurm", "--shards", "2", "--json", report.toString()));
        final Run dry = cli(withDryRun(submitArgs));
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains(", the campaign's --network file into network/, and runs:"), dry.out());
        final Run submitted = cli(submitArgs);
        assertEquals(0, submitted.code(), submitted.err());
        final Path pinned = dir.resolve("network/users-network.nir");
        assertArrayEquals(Files.readAllBytes(braille), Files.readAllBytes(pinned), "the pinned copy is the user's file");
        Files.writeString(users, "edited while the tasks waited in the queue");
        final String shards = Files.readString(dir.resolve("shards.sh"));
        final String merge = Files.readString(dir.resolve("merge.sh"));
        for (int i = 0; i < 2; i++)
        {
            final String[] args = scfabricArgs(commandWords(shards, "/opt/jdk/bin/java", i), dir.resolve("scfabric.jar"));
            final String line = String.join(" ", args);
            assertTrue(line.contains("--network " + pinned) && line.contains("--poisson 400")
                && line.contains("--steps 20"), line);
            final Run shard = Cli.run(args);
            assertEquals(0, shard.code(), shard.err());
        }
        final String[] m = scfabricArgs(commandWords(merge, "/opt/jdk/bin/java", 0), dir.resolve("scfabric.jar"));
        final Run merged = Cli.run(m);
        assertEquals(0, merged.code(), merged.err());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(report));
        // finished: --resume has nothing to submit
        Files.copy(braille, users, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        final String before = calls();
        final List<String> again = new ArrayList<>(submitArgs);
        again.add("--resume");
        final Run resumed = cli(again);
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("already this campaign's finished report: nothing to resume"), resumed.err());
        assertEquals(before, calls(), "nothing submitted");
    }

    /** A Brian2 capture drives itself: its campaign's job scripts carry neither --poisson nor --input. */
    @Test
    void aCaptureThatDrivesItselfIsSubmittedWithoutInputOptions() throws Exception
    {
        org.scfabric.net.Network net = null;
        for (long seed = 0; net == null; seed++)
        {
            final org.scfabric.net.Network n = org.scfabric.bench.fabric.Brian2FabricEquivalenceTest.randomNetwork(
                new java.util.SplittableRandom(seed), new StringBuilder());
            net = n.inputs().length > 0 ? n : null;
        }
        final Path file = tmp.resolve("capture.nir");
        org.scfabric.net.nir.NirWriter.write(net, file);
        final Path report = Files.createDirectories(tmp.resolve("cap")).resolve("c.json");
        final Run dry = cli(List.of("faults", "--network", file.toString(), "--steps", "30", "--sites", "*", "--sample",
            "4", "--slurm", "--shards", "2", "--json", report.toString(), "--dry-run"));
        assertEquals(0, dry.code(), dry.err());
        final String shards = dry.out().substring(dry.out().indexOf("#!/bin/bash"));
        final String line = String.join(" ", scfabricArgs(commandWords(shards, "/opt/jdk/bin/java", 0),
            tmp.resolve("cap/c.slurm/scfabric.jar")));
        assertTrue(line.contains("--network " + tmp.resolve("cap/c.slurm/network/capture.nir")) && !line.contains("--poisson")
            && !line.contains("--input"), line);
    }

    /**
     * #SBATCH lines name the campaign's folder double-quoted when it holds a space, a ' or a # (slurm-ci.sh runs
     * one such campaign on a real Slurm); a folder with a double quote cannot be named there and is refused.
     */
    @Test
    void foldersWithSpacesAreQuotedInTheDirectivesAndADoubleQuoteIsRefused() throws Exception
    {
        final Path odd = Files.createDirectories(tmp.resolve("a user's #1 dir"));
        final Run dry = cli(withDryRun(campaign("--slurm", "--json", odd.resolve("r.json").toString())));
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("#SBATCH --chdir=\"" + odd.resolve("r.slurm") + "\"\n"), dry.out());
        assertTrue(dry.out().contains("#SBATCH --output=\"" + odd.resolve("r.slurm/logs/shard-%a.out") + "\"\n"),
            dry.out());
        final Path quote = Files.createDirectories(tmp.resolve("say \"hi\""));
        final Run refused = cli(withDryRun(campaign("--slurm", "--json", quote.resolve("r.json").toString())));
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("double quote") && refused.err().strip().lines().count() == 1, refused.err());
    }

    private static List<String> withDryRun(final List<String> args)
    {
        final List<String> a = new ArrayList<>(args);
        a.add("--dry-run");
        return a;
    }

    @Test
    void statusOfAFileSaysItIsAFileNotThatNoFolderExists() throws IOException
    {
        final Path file = Files.writeString(tmp.resolve("notes.txt"), "not a campaign");
        final Run st = cli(List.of("faults", "status", file.toString()));
        assertEquals(2, st.code(), st.err());
        assertEquals(1, st.err().lines().count(), st.err());
        assertTrue(st.err().contains(file + " is a file, not a folder"), st.err());
        final Run none = cli(List.of("faults", "status", tmp.resolve("gone").toString()));
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("no such folder"), none.err());
    }
}
