package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.cli.Cli.assertBadInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.brunel.Variant;
import org.scfabric.bench.cli.Cli.Run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class BrunelCommandTest
{
    @TempDir
    Path tmp;

    /** The fake runner of the last {@link #run}: a new one per command. */
    private FakeFactory fake;

    Run run(final String... args)
    {
        fake = new FakeFactory();
        return Cli.run(fake, args);
    }

    private String[] small(final String... more)
    {
        final List<String> a = new java.util.ArrayList<>(List.of("brunel", "--neurons", "40", "--duration-ms", "250",
            "--out", tmp.resolve("out").toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    // ------------------------------------------------------------------ a good run

    @Test
    void writesJsonMarkdownAndPlotsAndPrintsTheTable() throws IOException
    {
        final Path copy = tmp.resolve("copy.json");
        final Run r = run(small("--variants", "V1,V3", "--json", copy.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(Variant.V1, Variant.V3), fake.runner.ran);
        final Path out = tmp.resolve("out");
        final JsonNode j = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(40, j.at("/params/neurons").asInt());
        assertEquals(250.0, j.at("/params/duration_ms").asDouble());
        assertEquals(42, j.at("/params/seed").asLong());
        assertEquals(2, j.get("runs").size());
        final JsonNode v1 = j.get("runs").get(0);
        for (final String k : List.of("variant", "name", "reference", "domain", "spikes", "rate_hz", "rate_exc_hz", "rate_inh_hz",
            "cv_isi", "fano", "build_s", "wall_s", "peak_mb", "cycles"))
        {
            assertTrue(v1.has(k), "missing " + k);
        }
        assertEquals("V1", v1.get("variant").asText());
        assertEquals("voltage", v1.get("domain").asText());
        assertFalse(v1.has("area"), "software variant has no area");
        final double rate = v1.get("spikes").asDouble() / 0.25 / 40;
        assertEquals(rate, v1.get("rate_hz").asDouble(), 1e-9);
        assertEquals(0.02, v1.get("wall_s").asDouble(), 1e-12);
        final JsonNode v3 = j.get("runs").get(1);
        assertEquals(100, v3.at("/area/lut").asLong());
        assertEquals(200, v3.at("/area/ff").asLong());
        assertEquals(4096, v3.at("/area/bram_bits").asLong());
        assertEquals(1, v3.at("/area/dsp").asLong());
        assertTrue(j.get("brian2").isArray() && j.get("brian2").isEmpty());
        assertEquals(Files.readString(out.resolve("results.json")), Files.readString(copy));

        final String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("| variant |"), md);
        assertFalse(md.contains("Variant-specific figures"), "V1 and V3 of the fake have no extras");
        assertTrue(md.contains("CV ISI") && md.contains("10 ms bins"), "footer defines the metrics");
        assertTrue(md.contains("![rates](plots/rates.png)") && md.contains("[V3](plots/raster-V3.png)"), md);
        assertTrue(r.out().contains("| V3 ") && r.out().contains("bit-true Q8.8 LIF") && r.out().contains("FixedPointLIF Q8.8"),
            r.out());
        for (final String png : List.of("raster-V1.png", "raster-V3.png", "rates.png", "isi.png",
            "rate-distribution.png"))
        {
            final Path f = out.resolve("plots").resolve(png);
            assertTrue(Files.size(f) > 1000, png);
        }
        assertNoLeftovers();
        assertEquals("", r.err().replaceAll("brunel: wrote .*\\R", ""), "quiet stderr when not a terminal");
    }

    @Test
    void defaultsAreAllVariantsAndTheContractValues()
    {
        final BrunelCommand c = new BrunelCommand(new FakeRunner());
        new picocli.CommandLine(c).parseArgs();
        assertEquals("all", c.variants);
        assertEquals("1000", c.neurons);
        assertEquals("1000", c.durationMs);
        assertEquals("42", c.seed);
        assertEquals("out/brunel", c.out);
    }

    @Test
    void rerunningRemovesOurStalePlotsAndKeepsForeignFiles() throws IOException
    {
        assertEquals(0, run(small("--variants", "V1,V2")).code());
        final Path out = tmp.resolve("out");
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertTrue(Files.exists(out.resolve("plots/raster-V2.png")));
        assertTrue(Files.readString(out.resolve("results.md")).contains("* V2: mean_output_probability 0.250000\n"));
        final Run r = run(small("--variants", "V1", "--seed", "7"));
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(out.resolve("plots/raster-V2.png")), "stale raster removed");
        assertTrue(Files.exists(out.resolve("plots/raster-V1.png")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals(7, new ObjectMapper().readTree(out.resolve("results.json").toFile()).at("/params/seed").asLong());
        assertNoLeftovers();
    }

    @Test
    void rerunningKeepsTheUsersFilesInsidePlotsToo() throws IOException
    {
        // plots/ was replaced as a whole: a file the user had put there was deleted
        assertEquals(0, run(small("--variants", "V1,V2")).code());
        final Path plots = tmp.resolve("out/plots");
        Files.writeString(plots.resolve("mine.png"), "mine");
        Files.createDirectories(plots.resolve("old")).resolve("notes.txt").toFile().createNewFile();
        final Run r = run(small("--variants", "V1"));
        assertEquals(0, r.code(), r.err());
        assertEquals("mine", Files.readString(plots.resolve("mine.png")));
        assertTrue(Files.exists(plots.resolve("old/notes.txt")));
        assertFalse(Files.exists(plots.resolve("raster-V2.png")), "our stale raster still goes");
        assertTrue(Files.exists(plots.resolve("raster-V1.png")));
        // a run without plots removes the plots of the run before (they no longer describe the results)
        assertEquals(0, run(small("--variants", "V1", "--no-plots")).code());
        assertFalse(Files.exists(plots.resolve("raster-V1.png")));
        assertEquals("mine", Files.readString(plots.resolve("mine.png")));
        assertNoLeftovers();
    }

    @Test
    void aFileOfTheUsersWithOneOfOurNamesIsRefusedNotOverwritten() throws IOException
    {
        // the user's own D/plots/rates.png was silently replaced by scfabric's
        final Path out = tmp.resolve("out");
        final Path mine = Files.createDirectories(out.resolve("plots")).resolve("rates.png");
        Files.writeString(mine, "mine");
        final Run r = run(small("--variants", "V1"));
        assertEquals(2, r.code(), r.err());
        assertEquals("scfabric brunel: " + out.resolve("plots/rates.png") + " exists and was not written by scfabric; "
            + "move it or choose another --out", r.err().strip());
        assertEquals("mine", Files.readString(mine));
        assertFalse(Files.exists(out.resolve("results.json")));
        assertNoLeftovers();
        // with a manifest: a name on it is ours, one not on it is the user's
        Files.delete(mine);
        assertEquals(0, run(small("--variants", "V1", "--no-plots")).code());
        Files.writeString(mine, "mine again");
        assertEquals(2, run(small("--variants", "V1")).code());
        assertEquals("mine again", Files.readString(mine));
        Files.delete(mine);
        assertEquals(0, run(small("--variants", "V1")).code());
        assertEquals(0, run(small("--variants", "V1")).code(), "our own files are replaced");
    }

    @Test
    void anOutputFolderOfAVersionBeforeTheManifestIsStillOurs() throws IOException
    {
        final Path out = tmp.resolve("out");
        assertEquals(0, run(small("--variants", "V1")).code());
        Files.delete(out.resolve(StagedOutput.MANIFEST));
        final Run r = run(small("--variants", "V1", "--seed", "7"));
        assertEquals(0, r.code(), r.err());
        assertEquals(7, new ObjectMapper().readTree(out.resolve("results.json").toFile()).at("/params/seed").asLong());
        // a results.json that is not scfabric's does not make the folder ours
        Files.delete(out.resolve(StagedOutput.MANIFEST));
        Files.writeString(out.resolve("results.json"), "{\"mine\": 1}");
        assertEquals(2, run(small("--variants", "V1")).code());
        assertEquals("{\"mine\": 1}", Files.readString(out.resolve("results.json")));
    }

    @Test
    void noPlotsAndRasterSelection() throws IOException
    {
        assertEquals(0, run(small("--variants", "V1,V2,V3", "--raster", "V2")).code());
        final Path plots = tmp.resolve("out/plots");
        assertTrue(Files.exists(plots.resolve("raster-V2.png")));
        assertFalse(Files.exists(plots.resolve("raster-V1.png")));
        final Path o2 = tmp.resolve("o2");
        assertEquals(0, run("brunel", "--variants", "V1", "--neurons", "10", "--duration-ms", "20", "--out", o2.toString(),
            "--no-plots").code());
        assertFalse(Files.exists(o2.resolve("plots")));
        assertTrue(Files.exists(o2.resolve("results.json")));
    }

    // ------------------------------------------------------------------ bad input: exit 2, one line, nothing written

    private void assertBad(final Run r, final String... fragments)
    {
        assertBadInput(r, fragments);
        assertTrue(fake.runner.ran.isEmpty(), "nothing ran");
        assertFalse(Files.exists(tmp.resolve("out/results.json")), "no result written");
        assertNoLeftovers();
    }

    @Test
    void unknownVariant()
    {
        assertBad(run(small("--variants", "V1,V99")), "unknown variant 'V99'", "V1..V20", "all");
        assertBad(run(small("--variants", "")), "V1..V20");
        assertBad(run(small("--raster", "X")), "--raster", "unknown variant 'X'");
    }

    @Test
    void tooFewOrMalformedNeurons()
    {
        final Path out = tmp.resolve("out");
        assertBad(run("brunel", "--neurons", "1", "--out", out.toString()), "--neurons 1", "N >= 2");
        assertBad(run("brunel", "--neurons", "-5", "--out", out.toString()), "N >= 2");
        assertBad(run("brunel", "--neurons", "ten", "--out", out.toString()), "--neurons 'ten'", "integer N >= 2");
    }

    private Run withDuration(final String d)
    {
        return run("brunel", "--neurons", "10", "--duration-ms", d, "--out", tmp.resolve("out").toString());
    }

    @Test
    void nonPositiveOrMalformedDuration()
    {
        assertBad(withDuration("0"), "--duration-ms", "> 0");
        assertBad(withDuration("-3"), "> 0");
        assertBad(withDuration("NaN"), "> 0");
        assertBad(withDuration("soon"), "'soon'", "milliseconds 0.1..1000000");
        assertBad(withDuration("0.01"), "shorter than one step");
    }

    @Test
    void durationsWhoseStepCountDoesNotFitAreRefusedWithTheLimit()
    {
        // 429496739.6 ms is 2^32 + 100 steps: an int cast once made it a 100-step run that exited 0
        for (final String d : List.of("429496739.6", "1e9", "1e12", "1e308", "Infinity", "1000000.1"))
        {
            assertBad(withDuration(d), "--duration-ms " + d, "longer than the limit of 1000000 ms", "0.1..1000000");
        }
    }

    @Test
    void oneRuleForTheShortestDuration()
    {
        // the message said "give >= 0.1" while 0.05 (rounded up to one step) ran: now 0.1 is the least
        assertBad(withDuration("0.05"), "shorter than one step", "0.1..1000000");
        assertBad(withDuration("0.0999"), "shorter than one step", "0.1..1000000");
        final Run r = run("brunel", "--variants", "V1", "--neurons", "10", "--duration-ms", "0.1", "--no-plots", "--out",
            tmp.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void badSeed()
    {
        assertBad(run(small("--seed", "-1")), "--seed '-1'", "integer 0..");
        assertBad(run(small("--seed", "0x2a")), "--seed '0x2a'");
        assertBad(run(small("--seed", "99999999999999999999")), "--seed");
    }

    @Test
    void outIsAFile() throws IOException
    {
        final Path f = Files.writeString(tmp.resolve("out"), "x");
        final Run r = run(small());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("exists and is not a folder"), r.err());
        assertEquals("x", Files.readString(f));
    }

    @Test
    void outBelowAFile() throws IOException
    {
        Files.writeString(tmp.resolve("file"), "x");
        assertBad(run("brunel", "--neurons", "10", "--out", tmp.resolve("file/out").toString()), "--out", "is a file");
    }

    @Test
    void outNotWritable() throws IOException
    {
        // root may write anywhere that has permission bits; /proc refuses even root
        assertBad(run("brunel", "--neurons", "10", "--out", "/proc/scfabric-test-out"), "--out", "cannot");
        final Path ro = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try
        {
            if (!Files.isWritable(ro))
            {
                assertBad(run("brunel", "--neurons", "10", "--out", ro.resolve("out").toString()), "--out", "cannot");
            }
        }
        finally
        {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void jsonCopyToAFolderOrMissingFolder() throws IOException
    {
        Files.createDirectory(tmp.resolve("d"));
        assertBad(run(small("--json", tmp.resolve("d").toString())), "--json", "is a folder");
        assertBad(run(small("--json", tmp.resolve("nowhere/x.json").toString())), "--json", "does not exist");
    }

    @Test
    void unknownBrian2Mode()
    {
        assertBad(run(small("--brian2", "--brian2-modes", "gpu")), "unknown mode 'gpu'", "cpp_standalone");
    }

    @Test
    void unknownOptionIsBadInputToo()
    {
        final Run r = run("brunel", "--neuron", "10");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--neuron"), r.err());
    }

    // ------------------------------------------------------------------ failure while running

    @Test
    void aFailingVariantLeavesTheOldResultsAndNoPartialFolder() throws IOException
    {
        assertEquals(0, run(small("--variants", "V1")).code());
        final Path json = tmp.resolve("out/results.json");
        final String before = Files.readString(json);
        final FakeFactory f = new FakeFactory();
        f.runner.failOn = new IllegalStateException("boom");
        f.runner.failVariant = Variant.V3;
        final Run r = Cli.run(f, small("--variants", "V1,V3", "--json", tmp.resolve("c.json").toString()));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("boom"), r.err());
        assertEquals(before, Files.readString(json), "old result untouched");
        assertFalse(Files.exists(tmp.resolve("c.json")));
        assertNoLeftovers();
    }

    @Test
    void aVariantThatCannotRunIsAFailureNotASkip() throws IOException
    {
        // it was "V2 skipped", exit 0, and a report that looked complete
        assertEquals(0, run(small("--variants", "V1")).code());
        final String before = Files.readString(tmp.resolve("out/results.json"));
        final FakeFactory f = new FakeFactory();
        f.runner.failOn = new UnsupportedOperationException("V2 is not built yet");
        f.runner.failVariant = Variant.V2;
        final Run r = Cli.run(f, small("--variants", "V1,V2,V3"));
        assertEquals(1, r.code(), r.err());
        assertEquals("scfabric brunel: V2 failed: java.lang.UnsupportedOperationException: V2 is not built yet",
            r.err().strip());
        assertEquals(List.of(Variant.V1, Variant.V2), f.runner.ran, "stops at the failure");
        assertEquals(before, Files.readString(tmp.resolve("out/results.json")), "old result untouched");
        assertNoLeftovers();
    }

    // ------------------------------------------------------------------ Brian2

    @Test
    void aPythonThatDoesNotExistIsBadInput() throws IOException
    {
        // it ran every variant, noted "cannot start the Python interpreter" and exited 0
        assertBad(run(small("--variants", "V1", "--brian2", "--python", tmp.resolve("no-such-python").toString())),
            "--python", "no-such-python: no such file", "interpreter");
        assertBad(run(small("--variants", "V1", "--brian2", "--python", "no-such-python-scfabric")), "not on PATH");
        final Path notExec = Files.writeString(tmp.resolve("script.txt"), "x");
        assertBad(run(small("--variants", "V1", "--brian2", "--python", notExec.toString())), "not an executable");
    }

    @Test
    void brian2OptionsWithoutBrian2AreRefused() throws IOException
    {
        // both were silently ignored: the run went ahead without Brian2
        assertBad(run(small("--variants", "V1", "--brian2-modes", "foo")), "--brian2-modes", "only with --brian2");
        assertBad(run(small("--variants", "V1", "--brian2-modes", "runtime")), "--brian2-modes", "only with --brian2");
        final Path py = Files.writeString(tmp.resolve("py"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(py, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertBad(run(small("--variants", "V1", "--python", py.toString())), "--python", "only with --brian2");
    }

    @Test
    void aRasterOfAVariantThatDoesNotRunIsRefused()
    {
        // no raster-V5.png appeared, and nothing said why
        assertBad(run(small("--variants", "V1,V3", "--raster", "V5")), "--raster V5", "V5 is not run", "--variants V1,V3");
        assertBad(run(small("--variants", "V1", "--raster", "V1,V2,V4")), "V2,V4 are not run");
        assertBad(run(small("--variants", "V1", "--raster", "V1", "--no-plots")), "--raster", "--no-plots");
        assertEquals(0, run(small("--variants", "V1", "--raster", "none", "--no-plots")).code(), "none draws nothing");
        assertEquals(0, run(small("--variants", "V1", "--raster", "all")).code(), "all: every variant that runs");
    }

    @Test
    void brian2ResultsAreReadAndCompared() throws IOException
    {
        // a stand-in interpreter that prints what the real script prints
        final Path py = tmp.resolve("fake-python");
        Files.writeString(py, """
            #!/bin/sh
            mode=$4
            echo "some warning" >&2
            echo '{"mode":"'$mode'","brian2_version":"9.9","neurons":40,"duration_ms":250.0,"seed":42,"spikes":3,\
            "rate_hz":0.3,"build_s":1.5,"wall_s":0.01,"peak_mb":100.0,"spike_steps":[1,2,2],"spike_neurons":[5,0,39]}'
            """);
        Files.setPosixFilePermissions(py, PosixFilePermissions.fromString("rwxr-xr-x"));
        final Run r = run(small("--variants", "V1", "--brian2", "--brian2-modes", "cpp_standalone", "--python",
            py.toString()));
        assertEquals(0, r.code(), r.err());
        final JsonNode j = new ObjectMapper().readTree(tmp.resolve("out/results.json").toFile());
        assertEquals(1, j.get("brian2").size());
        final JsonNode b = j.at("/brian2/0");
        assertEquals("cpp_standalone", b.get("mode").asText());
        assertFalse(b.has("error"));
        assertEquals(3, b.get("spikes").asInt());
        assertEquals(3 / 0.25 / 40, b.get("rate_hz").asDouble(), 1e-12);
        assertEquals(2 / 0.25 / 32, b.get("rate_exc_hz").asDouble(), 1e-12);
        assertEquals(0.01, b.get("wall_s").asDouble(), 1e-12);
        assertEquals(1.5, b.get("build_s").asDouble(), 1e-12);
        assertEquals(0.02 / 0.01, j.at("/runs/0/wall_vs_brian2/cpp_standalone").asDouble(), 1e-9);
        assertTrue(Files.exists(tmp.resolve("out/plots/raster-Brian2-cpp_standalone.png")));
        final String md = Files.readString(tmp.resolve("out/results.md"));
        assertTrue(md.contains("Run phase against Brian2") && md.contains("2.00×"), md);
    }

    @Test
    void brian2ScriptErrorsAreReported() throws IOException
    {
        final Path py = tmp.resolve("fake-python");
        Files.writeString(py, "#!/bin/sh\necho '{\"mode\":\"runtime\",\"error\":\"ModuleNotFoundError: No module named"
            + " '\"'\"'brian2'\"'\"'\"}'\nexit 1\n");
        Files.setPosixFilePermissions(py, PosixFilePermissions.fromString("rwxr-xr-x"));
        final Run r = run(small("--variants", "V1", "--brian2", "--brian2-modes", "runtime", "--python", py.toString()));
        assertEquals(0, r.code(), r.err());
        final JsonNode j = new ObjectMapper().readTree(tmp.resolve("out/results.json").toFile());
        assertTrue(j.at("/brian2/0/error").asText().contains("No module named 'brian2'"), j.toString());
        assertTrue(j.at("/brian2/0/error").asText().contains("apt-get install python3-brian"));

        Files.writeString(py, "#!/bin/sh\necho 'Traceback: it broke' >&2\nexit 3\n");
        final Run r2 = run(small("--variants", "V1", "--brian2", "--brian2-modes", "runtime", "--python", py.toString()));
        assertEquals(0, r2.code());
        final JsonNode j2 = new ObjectMapper().readTree(tmp.resolve("out/results.json").toFile());
        assertEquals("Python exited with code 3: Traceback: it broke", j2.at("/brian2/0/error").asText());
    }

    // ------------------------------------------------------------------ helpers

    private void assertNoLeftovers()
    {
        try (Stream<Path> s = Files.walk(tmp))
        {
            final List<Path> partial = s.filter(p -> p.getFileName().toString().contains(".partial-")
                || p.getFileName().toString().contains(".old-")).toList();
            assertTrue(partial.isEmpty(), "leftovers: " + partial);
        }
        catch (final IOException e)
        {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
