package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli.Run;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Output paths: empty ones refused everywhere, unusable ones before any simulation, user files kept. */
class OutputPathsTest
{
    @TempDir
    Path tmp;

    static Run run(final String... args)
    {
        return Cli.run(new FakeFactory(), args);
    }

    private static boolean isPath(final ArgSpec a)
    {
        return Main.PATH_LABELS.contains(a.paramLabel()) || a.type() == Path.class
            || a.auxiliaryTypes().length > 0 && a.auxiliaryTypes()[0] == Path.class;
    }

    /** Every command of the tree with its words (e.g. [faults, merge]). */
    private static void commands(final CommandLine cl, final List<String> words, final List<List<String>> into)
    {
        if (!words.isEmpty())
        {
            into.add(words);
        }
        for (final var e : cl.getSubcommands().entrySet())
        {
            if (!e.getKey().equals("help"))
            {
                final List<String> w = new ArrayList<>(words);
                w.add(e.getKey());
                commands(e.getValue(), w, into);
            }
        }
    }

    /** Small runs, should a command ever get past the check. */
    static final java.util.Map<String, List<String>> SMALL = java.util.Map.of(
        "fabric", List.of("--neurons", "10", "--duration-ms", "1", "--engine", "fast"),
        "faults", List.of("--variant", "dense-core", "--neurons", "2", "--duration-ms", "1", "--sample", "1"),
        "brunel", List.of("--variants", "V1", "--neurons", "10", "--duration-ms", "1"));

    @Test
    void anEmptyPathIsRefusedForEveryFileOrFolderOptionOfEveryCommand() throws IOException
    {
        // "" is the current folder: --out= wrote there and replaced ./plots/
        final Path input = Files.writeString(tmp.resolve("input.txt"), "x");
        final List<List<String>> cmds = new ArrayList<>();
        final CommandLine top = Main.commandLine();
        commands(top, List.of(), cmds);
        int checked = 0;
        for (final List<String> words : cmds)
        {
            CommandLine cl = top;
            for (final String w : words)
            {
                cl = cl.getSubcommands().get(w);
            }
            final CommandSpec spec = cl.getCommandSpec();
            final List<ArgSpec> paths = spec.args().stream().filter(OptionPathsFilter::keep).filter(
                OutputPathsTest::isPath).toList();
            for (final ArgSpec a : paths)
            {
                final List<String> args = new ArrayList<>(words);
                args.addAll(SMALL.getOrDefault(String.join(" ", words), List.of()));
                for (final OptionSpec o : spec.options())
                {
                    if (o.required() && o != a)
                    {
                        args.add(o.longestName());
                        args.add(isPath(o) ? input.toString() : "1");
                    }
                }
                if (a.isOption())
                {
                    args.add(((OptionSpec)a).longestName() + "=");
                }
                for (final ArgSpec p : spec.positionalParameters())
                {
                    args.add(p == a ? "" : input.toString());
                }
                final Run r = run(args.toArray(new String[0]));
                final String what = String.join(" ", args);
                assertEquals(2, r.code(), what + ": " + r.err());
                assertEquals(1, r.err().strip().lines().count(), what + ": " + r.err());
                assertTrue(r.err().contains("is empty; give a path"), what + ": " + r.err());
                assertEquals("", r.out(), what);
                checked++;
            }
        }
        // brunel --out/--json/--python, fabric x6, trace, vectors lif, area, faults x2, merge x3, compare x2
        assertTrue(checked >= 18, "path options found: " + checked);
        try (Stream<Path> s = Files.list(tmp))
        {
            assertEquals(List.of(input), s.toList(), "nothing written");
        }
    }

    /** Standard help options are not paths. */
    static final class OptionPathsFilter
    {
        static boolean keep(final ArgSpec a)
        {
            return !(a.isOption() && ((OptionSpec)a).usageHelp() || a.isOption() && ((OptionSpec)a).versionHelp());
        }
    }

    @Test
    void emptyPathsOfTheIssue()
    {
        for (final String[] args : new String[][] {{"brunel", "--out="}, {"brunel", "--json="}, {"fabric", "--plots="},
            {"fabric", "--hgrm="}, {"fabric", "--json="}, {"trace", "--out", ""}, {"vectors", "lif", "--stimuli", ""},
            {"faults", "--json="}, {"faults", "--plots="}})
        {
            final List<String> a = new ArrayList<>(List.of(args));
            a.addAll(1, SMALL.getOrDefault(args[0], List.of()));
            final Run r = run(a.toArray(new String[0]));
            assertEquals(2, r.code(), String.join(" ", args));
            assertTrue(r.err().startsWith("scfabric " + args[0]) && r.err().contains(" is empty; give a path"),
                r.err());
        }
    }

    @Test
    void fabricRefusesAnUnusablePlotFolderBeforeSimulatingAndLeavesNothing() throws IOException
    {
        // it simulated, printed the whole report, left latency.hgrm, then exited 2
        final Path hgrm = tmp.resolve("sub/lat.hgrm");
        final Run r = run("fabric", "--neurons", "20", "--duration-ms", "5", "--engine", "fast", "--hgrm",
            hgrm.toString(), "--json", tmp.resolve("f.json").toString(), "--plots", "/proc/scfabric-x");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out(), "no report of a simulation");
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--plots /proc/scfabric-x: cannot write in /proc"), r.err());
        assertFalse(r.err().contains(".partial"), "the user's path, not a temporary one: " + r.err());
        try (Stream<Path> s = Files.list(tmp))
        {
            assertEquals(List.of(), s.toList(), "nothing left");
        }
    }

    @Test
    void fabricRefusesASynthesisFolderWithoutSynthesis()
    {
        // --synth-dir without --synth was ignored: the run went ahead and wrote no synthesis
        final Run r = run("fabric", "--neurons", "20", "--duration-ms", "5", "--engine", "fast", "--synth-dir",
            tmp.resolve("s").toString(), "--hgrm", tmp.resolve("l.hgrm").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--synth-dir is used only with --synth"), r.err());
        assertFalse(Files.exists(tmp.resolve("l.hgrm")));
    }

    @Test
    void fabricWritesItsFilesIntoPlaceAndKeepsOtherFiles() throws IOException
    {
        final Path out = Files.createDirectories(tmp.resolve("out/plots"));
        Files.writeString(out.resolve("mine.txt"), "mine");
        final Run r = run("fabric", "--neurons", "20", "--duration-ms", "5", "--engine", "fast", "--hgrm",
            tmp.resolve("out/lat.hgrm").toString(), "--json", tmp.resolve("out/f.json").toString(), "--plots",
            out.toString(), "--events", tmp.resolve("ev/events.txt").toString());
        assertEquals(0, r.code(), r.err());
        for (final String f : List.of("out/lat.hgrm", "out/lat-first.hgrm", "out/f.json", "out/plots/latency.png",
            "ev/events.txt"))
        {
            assertTrue(Files.size(tmp.resolve(f)) > 0, f);
        }
        assertEquals("mine", Files.readString(out.resolve("mine.txt")));
        assertNoPartial();
    }

    @Test
    void aKilledRunsStagingFolderIsCleanedByTheNextRun() throws Exception
    {
        // kill -9 runs no shutdown hook: its .out.partial-* stayed for ever
        final Process p = new ProcessBuilder("true").start();
        p.waitFor();
        final String dead = StagedOutput.partialPrefix("out").replace("-" + ProcessHandle.current().pid() + "-",
            "-" + p.pid() + "-");
        final Path stale = Files.createDirectories(tmp.resolve(dead + "12345/plots"));
        final Path alive = Files.createDirectories(tmp.resolve(StagedOutput.partialPrefix("out").replace("-"
            + ProcessHandle.current().pid() + "-", "-" + ProcessHandle.current().parent().orElseThrow().pid() + "-")
            + "678"));
        final Path foreign = Files.createDirectories(tmp.resolve(".out.partial-otherhost-" + p.pid() + "-9"));
        final Run r = run("brunel", "--variants", "V1", "--neurons", "10", "--duration-ms", "5", "--no-plots", "--out",
            tmp.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(stale.getParent()), "a dead run's staging folder is removed");
        assertTrue(Files.exists(alive), "a live process's is not");
        assertTrue(Files.exists(foreign), "another host's is not (its process may live)");
    }

    private void assertNoPartial() throws IOException
    {
        try (Stream<Path> s = Files.walk(tmp))
        {
            final List<Path> left = s.filter(x -> x.getFileName().toString().contains(".partial")).toList();
            assertEquals(List.of(), left);
        }
    }

    /** A --json that is a symbolic link is written through the link: the link stays, its file gets the report. */
    @Test
    void aSymbolicLinkOutputIsWrittenThroughAndStaysALink() throws IOException
    {
        final Path real = Files.writeString(tmp.resolve("real.json"), "old");
        final Path link = Files.createSymbolicLink(tmp.resolve("link.json"), real.getFileName());
        final Run r = Cli.run("fabric", "--neurons", "10", "--duration-ms", "1", "--engine", "fast", "--json", link.toString(),
            "--hgrm", tmp.resolve("l.hgrm").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a plain file");
        assertTrue(Files.readString(real).startsWith("{"), Files.readString(real));
    }

    /** A named pipe (like /dev/null, not a regular file) is refused before any work: moving a file onto it would replace it. */
    @Test
    void anOutputThatIsNotARegularFileIsRefusedAndLeftAlone() throws Exception
    {
        final Path fifo = tmp.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        for (final String[] args : new String[][] {
            {"fabric", "--neurons", "10", "--duration-ms", "1", "--engine", "fast", "--json", fifo.toString()},
            {"faults", "--variant", "V3", "--neurons", "10", "--duration-ms", "1", "--sample", "2", "--json", fifo.toString()},
            {"nir", "export", NirCommandTest.nir("lif_norse.nir").toString(), "--out", fifo.toString()}})
        {
            final Run r = Cli.run(args);
            Cli.assertBadInput(r, "is not a regular file");
            assertFalse(Files.isRegularFile(fifo), "the pipe was replaced by " + String.join(" ", args));
        }
    }
}
