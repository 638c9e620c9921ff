package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * {@code sweep --slurm} without a cluster: the array job's script, run by bash task by task, and the
 * collect job's script give the table of the local sweep; a dry run writes nothing; no sbatch is exit 2.
 * A stand-in {@code java} records the arguments bash gives it, which then run in this JVM.
 */
class SweepSlurmTest
{
    @TempDir
    Path tmp;

    Path bin;
    JavaLauncher launcher;

    @BeforeEach
    void fakeSlurm() throws IOException
    {
        bin = Files.createDirectories(tmp.resolve("bin"));
        script("sbatch", "d=\"$(dirname \"$0\")\"; n=$(( $(cat \"$d/next\" 2>/dev/null || echo 0) + 1 )); echo $n >\"$d/next\"",
            "echo \"$*\" >>\"$d/calls\"",
            "if [ -f \"$d/refuse\" ]; then echo 'sbatch: error: invalid partition specified: nope' >&2; exit 1; fi",
            "echo \"$n\"");
        script("scancel", "echo \"scancel $*\" >>\"$(dirname \"$0\")/calls\"");
        // squeue -h -r -t all -j ID -o FMT: the lines in state-ID
        script("squeue", "f=\"$(dirname \"$0\")/state-$6\"; [ -f \"$f\" ] && cat \"$f\"; exit 0");
        // java: the words bash passes, NUL-separated, one file per array task (or "collect")
        script("java", "printf '%s\\0' \"$@\" >\"$(dirname \"$0\")/java-${SLURM_ARRAY_TASK_ID:-collect}\"");
        final Path jar = Files.writeString(tmp.resolve("scfabric.jar"), "not really a jar");
        launcher = new JavaLauncher(bin.resolve("java"), List.of("--add-modules=jdk.incubator.vector"), jar);
    }

    private void script(final String name, final String... lines) throws IOException
    {
        final Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/bash\n" + String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run cli(final SlurmTools tools, final List<String> args)
    {
        final CommandLine.IFactory factory = new CommandLine.IFactory()
        {
            @Override
            public <K> K create(final Class<K> cls) throws Exception
            {
                return cls == SweepCommand.class ? cls.cast(new SweepCommand(CommandLine.defaultFactory(), () -> launcher,
                    tools, 10)) : CommandLine.defaultFactory().create(cls);
            }
        };
        return Cli.run(factory, args);
    }

    private Run cli(final List<String> args)
    {
        return cli(new SlurmTools(bin.toString()), args);
    }

    private static List<String> sweep(final Path out, final String... more)
    {
        final List<String> a = new ArrayList<>(List.of("sweep", "brunel", "--param", "g=3,6", "--param", "eta=1,2",
            "--out", out.toString()));
        a.addAll(List.of(more));
        a.addAll(List.of("--", "--variants", "V1,V3", "--neurons", "120", "--duration-ms", "100", "--no-plots"));
        return a;
    }

    /** Runs a job script with bash as Slurm would (the task id in the environment); returns what java got. */
    private List<String> runScript(final Path script, final String task) throws Exception
    {
        final ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        if (task != null)
        {
            pb.environment().put("SLURM_ARRAY_TASK_ID", task);
        }
        final Process p = pb.start();
        final String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        final String words = Files.readString(bin.resolve("java-" + (task == null ? "collect" : task)));
        final List<String> w = new ArrayList<>(Arrays.asList(words.split("\0", -1)));
        w.remove(w.size() - 1);
        return w;
    }

    /** scfabric's own arguments among the words (after -jar JAR), checked to name the pinned jar. */
    private static String[] scfabricArgs(final List<String> words, final Path folder)
    {
        final int j = words.indexOf("-jar");
        assertEquals(folder.resolve("scfabric.jar").toString(), words.get(j + 1), "the pinned copy of the jar");
        return words.subList(j + 2, words.size()).toArray(new String[0]);
    }

    @Test
    void theJobScriptsRunTaskByTaskGiveTheLocalSweepsTable() throws Exception
    {
        final Path local = tmp.resolve("local");
        assertEquals(0, cli(sweep(local, "--no-plots")).code());
        final Path dir = tmp.resolve("slurm-sweep");
        final Run r = cli(sweep(dir, "--no-plots", "--slurm", "--partition", "debug", "--time", "00:10:00"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("submitted 4 points as job 1 (array 0-3)"), r.out());
        assertTrue(r.out().contains("submitted the table as job 2 (runs once job 1 has succeeded)"), r.out());
        final String calls = Files.readString(bin.resolve("calls"));
        assertTrue(calls.contains("points.sh") && calls.contains("collect.sh"), calls);
        final Path folder = dir.resolve("slurm");
        final String points = Files.readString(folder.resolve("points.sh"));
        assertTrue(points.contains("#SBATCH --array=0-3\n") && points.contains("#SBATCH --partition=debug\n")
            && points.contains("#SBATCH --time=00:10:00\n"), points);
        assertTrue(Files.readString(folder.resolve("collect.sh")).contains("#SBATCH --dependency=afterok:1\n"));
        assertFalse(Files.exists(dir.resolve("sweep.json")), "no table before the points ran");
        // the array's tasks, as Slurm would run them, then the collect job
        for (int i = 0; i < 4; i++)
        {
            final Run t = cli(List.of(scfabricArgs(runScript(folder.resolve("points.sh"), Integer.toString(i)), folder)));
            assertEquals(0, t.code(), t.err());
        }
        final String[] collect = scfabricArgs(runScript(folder.resolve("collect.sh"), null), folder);
        assertEquals(List.of("sweep", "collect", dir.toString()), List.of(collect));
        final Run c = cli(List.of(collect));
        assertEquals(0, c.code(), c.err());
        assertEquals(SweepCommandTest.withoutTimings(local.resolve("sweep.csv")),
            SweepCommandTest.withoutTimings(dir.resolve("sweep.csv")));
        assertTrue(Files.readString(dir.resolve("sweep.md")).contains("| 6 | 2 | [V3](points/g=6,eta=2/) |"));
    }

    @Test
    void waitEndsWithTheTableOrWithTheFailedPoints() throws IOException
    {
        // a table job that can never run (a point failed): cancelled, exit 1, the points without results named
        Files.writeString(bin.resolve("state-2"), "2|PENDING|DependencyNeverSatisfied\n");
        final Path stuck = tmp.resolve("stuck");
        final Run r = cli(sweep(stuck, "--slurm", "--wait"));
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("4 points of job 1 failed (g=3, eta=1; g=3, eta=2; g=6, eta=1; ...)"), r.err());
        assertTrue(Files.readString(bin.resolve("calls")).contains("scancel 2"));
        // a table job that has ended and left sweep.json (here the stand-in sbatch writes one): exit 0
        Files.delete(bin.resolve("state-2"));
        script("sbatch", "d=\"$(dirname \"$0\")\"; n=$(( $(cat \"$d/next\" 2>/dev/null || echo 0) + 1 )); echo $n >\"$d/next\"",
            "s=\"${@: -1}\"; case \"$s\" in *collect.sh) echo '{}' >\"$(dirname \"$(dirname \"$s\")\")/sweep.json\";; esac",
            "echo \"$n\"");
        final Path done = tmp.resolve("done");
        final Run d = cli(sweep(done, "--slurm", "--wait"));
        assertEquals(0, d.code(), d.err());
        assertTrue(d.err().contains("the table is in " + done.toAbsolutePath().normalize().resolve("sweep.json")), d.err());
    }

    @Test
    void aDryRunPrintsBothScriptsAndWritesNothing()
    {
        final Path dir = tmp.resolve("dry");
        final Run r = cli(sweep(dir, "--slurm", "--dry-run"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("#SBATCH --array=0-3"), r.out());
        assertTrue(r.out().contains("#SBATCH --dependency=afterok:" + SweepSlurm.POINTS_JOB), r.out());
        assertTrue(r.out().contains("'--g' '6'") || r.out().contains("--g 6"), r.out());
        assertFalse(Files.exists(dir), "nothing written");
        assertFalse(Files.exists(bin.resolve("calls")), "nothing submitted");
    }

    private void assertBad(final Run r, final Path dir, final String... fragments)
    {
        Cli.assertBadInput(r, fragments);
        assertFalse(Files.exists(dir.resolve("slurm")), "nothing written");
    }

    @Test
    void badSlurmInputIsOneLineAndWritesNothing() throws IOException
    {
        final Path dir = tmp.resolve("bad");
        assertBad(cli(new SlurmTools(tmp.resolve("empty").toString()), sweep(dir, "--slurm")), dir, "sbatch");
        assertBad(cli(sweep(dir, "--partition", "debug")), dir, "--partition needs --slurm");
        assertBad(cli(sweep(dir, "--wait")), dir, "--wait needs --slurm");
        assertBad(cli(sweep(dir, "--slurm", "--threads", "2")), dir, "--threads");
        assertBad(cli(sweep(dir, "--slurm", "--time", "soon")), dir, "--time 'soon'");
        assertBad(cli(sweep(dir, "--slurm", "--time", "1:99:00")), dir, "--time '1:99:00'", "0..59");
        // a value a point's command refuses: refused here, before anything is submitted, not in the array job
        assertBad(cli(List.of("sweep", "brunel", "--param", "g=3,-1", "--slurm", "--out", dir.toString(), "--",
            "--variants", "V1", "--neurons", "40")), dir, "point g=-1", "--g -1");
        assertFalse(Files.exists(bin.resolve("calls")), "nothing submitted");
        assertFalse(Files.exists(dir), "nothing written");
        // an sbatch option that looks like scfabric's own: SlurmOptions' line, not picocli's "Expected parameter"
        assertBad(cli(sweep(dir, "--slurm", "--sbatch-arg=--partition=x")), dir,
            "--sbatch-arg --partition=x: scfabric sets --partition itself");
        assertBad(cli(sweep(dir, "--slurm", "--sbatch-arg", "--time=5")), dir, "scfabric sets --time itself");
        Files.writeString(bin.resolve("refuse"), "");
        assertBad(cli(sweep(dir, "--slurm")), dir, "sbatch refused", "invalid partition");
        assertFalse(Files.exists(dir), "a refused submission leaves nothing");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("mine.txt"), "the user's");
        Files.delete(bin.resolve("refuse"));
        assertBad(cli(sweep(dir, "--slurm")), dir, "not empty");
        assertBad(cli(List.of("sweep", "collect", dir.toString())), dir, "not a sweep submitted with --slurm");
    }
}
