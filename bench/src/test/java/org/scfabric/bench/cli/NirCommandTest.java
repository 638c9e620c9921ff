package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.cli.Cli.assertBadInput;
import static org.scfabric.bench.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli.Run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class NirCommandTest
{
    @TempDir
    Path tmp;

    /** The real NIR files live in the network module's test resources (with their licence). */
    static Path nir(final String name)
    {
        final String root = System.getenv("SCFABRIC_ROOT");
        return Path.of(root != null ? root : "..").resolve("network/src/test/resources/nir").resolve(name)
            .toAbsolutePath().normalize();
    }

    @Test
    void runsTheNorseLifOnThePaperInputAndWritesTheRunsShape() throws IOException
    {
        final List<String> col = new ArrayList<>();
        for (final String line : Files.readAllLines(nir("lif_norse.csv")))
        {
            col.add(line.split(",")[0]);
        }
        final Path in = Files.write(tmp.resolve("in.csv"), col);
        final Path out = tmp.resolve("o");
        final Run r = run("nir", nir("lif_norse.nir").toString(), "--input", in.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        final JsonNode j = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        // default --arith: float64, q8.8, q16.12, sc, in that order
        assertEquals(4, j.get("runs").size());
        assertEquals("sc", j.get("runs").get(3).get("arith").asText());
        assertTrue(j.get("runs").get(3).get("quantisation_error").get("0").has("sc current range"), j.toString());
        final JsonNode run = j.get("runs").get(0);
        assertEquals("float64", run.get("arith").asText());
        assertEquals(4, run.get("total_spikes").asLong());
        assertEquals(4, run.get("spike_counts").get("1").asLong());
        assertTrue(run.get("wall_s").isNumber());
        final JsonNode o = run.get("outputs").get("output");
        assertEquals("[1]", o.get("shape").toString());
        assertEquals("[[460,0],[510,0],[710,0],[760,0]]", o.get("spikes").toString());
        assertTrue(Files.exists(out.resolve("results.md")));
        final JsonNode q16 = j.get("runs").get(2);
        assertEquals("q16.12", q16.get("arith").asText());
        assertEquals("[[460,0],[510,0],[710,0],[760,0]]", q16.get("outputs").get("output").get("spikes").toString());
        final JsonNode vs = q16.get("vs_float64").get("output");
        assertEquals(1.0, vs.get("spike_count_agreement").asDouble());
        assertTrue(vs.get("first_divergence").get(0).isNull(), vs.toString());
        assertTrue(vs.get("argmax_agrees").asBoolean());
        // tau = 2.5e-3 (a float32): dt/tau is not a multiple of 2^-12, so its error is reported and non-zero
        final double e = q16.get("quantisation_error").get("1").get("dt/tau").asDouble();
        assertTrue(e > 0 && e <= 0.5 / 4096, "error " + e);
        final JsonNode q8 = j.get("runs").get(1);
        assertEquals("q8.8", q8.get("arith").asText());
        assertTrue(q8.has("vs_float64") && q8.has("quantisation_error"), q8.toString());
    }

    @Test
    void arithSubsetRunsOnlyThoseAndComparesWithTheHiddenReference() throws IOException
    {
        final Path in = Files.writeString(tmp.resolve("in.csv"), "1\n".repeat(40));
        final Path out = tmp.resolve("q");
        final Run r = run("nir", nir("lif_norse.nir").toString(), "--input", in.toString(), "--arith", "q8.8",
            "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        final JsonNode runs = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("runs");
        assertEquals(1, runs.size());
        assertEquals("q8.8", runs.get(0).get("arith").asText());
        assertTrue(runs.get(0).get("vs_float64").has("output"), runs.toString());
        assertBadInput(run("nir", nir("lif_norse.nir").toString(), "--input", in.toString(), "--arith", "q4.4",
            "--out", tmp.resolve("bad").toString()), "float64, q8.8, q16.12, sc");
        assertFalse(Files.exists(tmp.resolve("bad")));
        for (final String l : new String[] {"100", "0", "32", "70000", "x", "-64"})
        {
            assertBadInput(run("nir", nir("lif_norse.nir").toString(), "--input", in.toString(), "--arith", "sc",
                "--bitstream", l, "--out", tmp.resolve("bad").toString()), "a multiple of 64 in 64..65536");
        }
        assertFalse(Files.exists(tmp.resolve("bad")));
    }

    @Test
    void infoDescribesTheNetwork()
    {
        final Run r = run("nir", "--info", nir("braille_noDelay_bias_zero_subgraph.nir").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("7 nodes, 7 edges, 45 neurons"), r.out());
        assertTrue(r.out().contains("lif1.lif  CubaLIF"), r.out());
        assertTrue(r.out().contains("cycles: 1 back edge") && r.out().contains("lif1.lin -> lif1.lif"), r.out());
        final Run c = run("nir", "--info", nir("cnn_sinabs.nir").toString());
        assertTrue(c.out().contains("8970 neurons") && c.out().contains("(16, 8, 8)"), c.out());
        assertTrue(c.out().contains("cycles: none"), c.out());
    }

    @Test
    void sinabsCnnRunsOnPoissonInput() throws IOException
    {
        final Path out = tmp.resolve("cnn");
        final Run r = run("nir", nir("cnn_sinabs.nir").toString(), "--poisson", "2000", "--steps", "30", "--out",
            out.toString());
        assertEquals(0, r.code(), r.err());
        final JsonNode run = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("runs").get(0);
        assertEquals("[10]", run.get("outputs").get("output").get("shape").toString());
        assertTrue(run.get("spike_counts").get("1").asLong() > 0, run.toString());
        // every arithmetic ran end to end on the same frames, SC included
        final JsonNode runs = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("runs");
        assertEquals("sc", runs.get(3).get("arith").asText());
        assertTrue(runs.get(3).get("spike_counts").get("1").asLong() > 0, runs.get(3).toString());
        assertTrue(runs.get(3).get("vs_float64").get("output").has("argmax_agrees"));
    }

    /** A .npy file: numpy's format 1.0 header (dict padded to 64 bytes with a newline) and the raw data. */
    private Path npy(final String name, final String descr, final String shape, final byte[] data) throws IOException
    {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        final int pad = 64 - (10 + dict.length() + 1) % 64;
        dict = dict + " ".repeat(pad % 64) + "\n";
        final java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(new byte[] {(byte)0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte)(dict.length() & 0xff),
            (byte)(dict.length() >> 8)});
        b.write(dict.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.write(data);
        return Files.write(tmp.resolve(name), b.toByteArray());
    }

    @Test
    void inputsThatWouldShiftOrLoseStepsAreRefused() throws IOException
    {
        final Path out = tmp.resolve("none");
        // a float64 [3, 1] array runs: the format is read as numpy writes it
        final java.nio.ByteBuffer d = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        d.putDouble(1).putDouble(0).putDouble(1);
        final Path ok = npy("ok.npy", "<f8", "(3, 1)", d.array());
        assertEquals(0, run("nir", nir("lif_norse.nir").toString(), "--input", ok.toString(), "--arith", "float64",
            "--out", tmp.resolve("ok").toString()).code());
        // numpy's savetxt header and comments are skipped, as loadtxt skips them: the rows are the same steps
        final Path commented = Files.writeString(tmp.resolve("h.csv"), "# step per line\n1\n# a comment\n0\n1\n");
        assertEquals(0, run("nir", nir("lif_norse.nir").toString(), "--input", commented.toString(), "--arith",
            "float64", "--out", tmp.resolve("h").toString()).code());
        final JsonNode plain = new ObjectMapper().readTree(tmp.resolve("ok").resolve("results.json").toFile());
        final JsonNode skipped = new ObjectMapper().readTree(tmp.resolve("h").resolve("results.json").toFile());
        assertEquals(plain.get("steps"), skipped.get("steps"));
        assertEquals(plain.get("runs").get(0).get("outputs"), skipped.get("runs").get(0).get("outputs"));
        // the same values in another shape than [T, *input shape] or [T, channels] are refused
        assertBadInput(run("nir", nir("lif_norse.nir").toString(), "--input", npy("s.npy", "<f8", "(1, 3, 1)",
            d.array()).toString(), "--out", out.toString()), "shape [1, 3, 1] is not [T, 1]");
        assertBadInput(run("nir", nir("lif_norse.nir").toString(), "--input", npy("e.npy", "<f8", "(0, 1)",
            new byte[0]).toString(), "--out", out.toString()), "has no rows");
        assertBadInput(run("nir", nir("lif_norse.nir").toString(), "--input", npy("o.npy", "|O", "(2, 1)",
            new byte[16]).toString(), "--out", out.toString()), "dtype |O is not accepted");
        assertBadInput(run("nir", nir("lif_norse.nir").toString(), "--input", Files.writeString(tmp.resolve("b.csv"),
            "1\n\n0\n").toString(), "--out", out.toString()), "line 2 is blank");
        // blank lines after the last step are no step
        assertEquals(0, run("nir", nir("lif_norse.nir").toString(), "--input", Files.writeString(tmp.resolve("t.csv"),
            "1\n0\n\n\n").toString(), "--arith", "float64", "--out", tmp.resolve("t").toString()).code());
        assertBadInput(run("nir", nir("lif_norse.nir").toString(), "--input", ok.toString(), "--warm-up", "-1",
            "--out", out.toString()), "--warm-up -1: give an integer in 0..");
        assertFalse(Files.exists(out));
    }

    @Test
    void badFilesAndOptionsAreOneLineAndExitTwoWithNothingWritten() throws IOException
    {
        final Path out = tmp.resolve("none");
        final Path text = Files.writeString(tmp.resolve("t.nir"), "not an hdf5 file at all, only words here\n");
        assertBadInput(run("nir", text.toString(), "--poisson", "10", "--out", out.toString()), "not an HDF5 file");
        final byte[] all = Files.readAllBytes(nir("lif_norse.nir"));
        final Path cut = Files.write(tmp.resolve("cut.nir"), java.util.Arrays.copyOf(all, all.length / 2));
        assertBadInput(run("nir", "--info", cut.toString()), "cut.nir");
        assertBadInput(run("nir", tmp.resolve("missing.nir").toString(), "--info"), "no such file");
        final String lif = nir("lif_norse.nir").toString();
        assertBadInput(run("nir", lif, "--out", out.toString()), "give --input FILE");
        assertBadInput(run("nir", lif, "--poisson", "10", "--input", "x.csv"), "not both");
        assertBadInput(run("nir", lif, "--poisson", "20000", "--out", out.toString()), "--poisson");
        assertBadInput(run("nir", lif, "--poisson", "10", "--integrator", "rk4"), "euler or exact");
        final Path wide = Files.writeString(tmp.resolve("w.csv"), "1,0\n");
        assertBadInput(run("nir", lif, "--input", wide.toString(), "--out", out.toString()),
            "line 1: 2 values, the network takes 1");
        final Path one = Files.writeString(tmp.resolve("one.csv"), "1\n0\n");
        assertBadInput(run("nir", lif, "--input", one.toString(), "--steps", "5", "--out", out.toString()),
            "has only 2 rows");
        assertFalse(Files.exists(out), "nothing written");
        try (var s = Files.list(tmp))
        {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".partial-")), "no staging left");
        }
    }

    /** --threads gives the same spikes for any count and is refused outside 1..cores in one line. */
    @Test
    void threadsGiveTheSameRunAndBadCountsAreRefused() throws IOException
    {
        final String lif = nir("lif_rockpool.nir").toString();
        final Path out1 = tmp.resolve("t1");
        final Path out2 = tmp.resolve("t2");
        assertEquals(0, run("nir", lif, "--poisson", "300", "--steps", "200", "--arith", "float64", "--no-plots",
            "--threads", "1", "--out", out1.toString()).code());
        assertEquals(0, run("nir", lif, "--poisson", "300", "--steps", "200", "--arith", "float64", "--no-plots",
            "--out", out2.toString()).code());
        // timings: "... s" in the text, the wall column of the arithmetics' table (its fourth)
        final String a = Files.readString(out1.resolve("results.md")).replaceAll("[0-9.]+ s", "")
            .replaceAll("(?m)^(\\|[^|]*\\|[^|]*\\|[^|]*\\|) [0-9.]+ \\|$", "$1 |");
        final String b = Files.readString(out2.resolve("results.md")).replaceAll("[0-9.]+ s", "")
            .replaceAll("(?m)^(\\|[^|]*\\|[^|]*\\|[^|]*\\|) [0-9.]+ \\|$", "$1 |");
        assertEquals(a, b, "one thread and every core: the same report but for timings");
        final Path out = tmp.resolve("none");
        assertBadInput(run("nir", lif, "--poisson", "100", "--threads", "0", "--out", out.toString()),
            "--threads 0: give an integer in 1..");
        assertBadInput(run("nir", lif, "--poisson", "100", "--threads", "two", "--out", out.toString()),
            "--threads 'two' is not an integer in 1..");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aFolderIsNamedAsAFolderAndStepsBeyondTheLimitAreRefusedUpFront()
    {
        // a folder was "no such file"; 2^31 steps was "not an integer T >= 1"; 2 * 10^9 steps ran silently for minutes
        assertBadInput(run("nir", "--info", tmp.toString()), tmp + " is a folder, not a NIR file");
        final Path out = tmp.resolve("none");
        final String lif = nir("lif_rockpool.nir").toString();
        assertBadInput(run("nir", lif, "--input", tmp.toString(), "--out", out.toString()),
            "--input " + tmp + " is a folder, not a file");
        assertBadInput(run("nir", lif, "--poisson", "100", "--steps", "2147483648", "--out", out.toString()),
            "--steps 2147483648 is too large");
        assertBadInput(run("nir", lif, "--poisson", "100", "--steps", "99999999999999999999", "--out", out.toString()),
            "1..10000000");
        final long t0 = System.nanoTime();
        final Run r = run("nir", lif, "--poisson", "100", "--steps", "2000000000", "--out", out.toString());
        assertBadInput(r, "--steps 2000000000 is too large: the limit is 10000000 steps");
        assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "refused up front, not after a run");
        assertBadInput(run("nir", lif, "--poisson", "100", "--steps", "0", "--out", out.toString()), "1..10000000");
        assertFalse(Files.exists(out), "nothing written");
    }

    private Path paperInput() throws IOException
    {
        final List<String> col = new ArrayList<>();
        for (final String line : Files.readAllLines(nir("lif_norse.csv")))
        {
            col.add(line.split(",")[0]);
        }
        return Files.write(tmp.resolve("paper.csv"), col);
    }

    @Test
    void comparesEachArithWithFloat64ByVanRossumPerLayerAndProbesTheOutputNeuronsMembrane() throws IOException
    {
        final Path out = tmp.resolve("o");
        final Run r = run("nir", nir("lif_norse.nir").toString(), "--input", paperInput().toString(), "--out",
            out.toString());
        assertEquals(0, r.code(), r.err());
        final JsonNode j = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(1, j.get("inputs").asInt());
        assertEquals(10.0, j.get("van_rossum_tau_steps").asDouble());
        assertEquals("1:0", j.get("probe").asText(), "default probe: neuron 0 of the LIF feeding the output");
        // q8.8 misses all four float64 spikes (50+ steps apart, tau 10): D² = 4 + tiny overlaps
        final JsonNode q8 = j.get("runs").get(1).get("vs_float64").get("output");
        assertEquals(2.0, q8.get("van_rossum").get(0).asDouble(), 0.01);
        assertEquals(0.0, q8.get("argmax_agreement").asDouble());
        final JsonNode q16 = j.get("runs").get(2);
        assertEquals(0.0, q16.get("vs_float64").get("output").get("van_rossum").get(0).asDouble());
        assertEquals(1.0, q16.get("vs_float64").get("output").get("argmax_agreement").asDouble());
        assertEquals(1.0, q16.get("layer_agreement").get("1").asDouble());
        assertEquals(0.0, j.get("runs").get(1).get("layer_agreement").get("1").asDouble());
        // membrane.csv: a column per arith, float64 first; float64's v just before its first spike (step 459)
        final List<String> csv = Files.readAllLines(out.resolve("membrane.csv"));
        assertEquals("step,float64,q8.8,q16.12,sc", csv.get(0));
        assertEquals(1001, csv.size());
        final String[] at459 = csv.get(460).split(",");
        assertEquals(0.0691455, Double.parseDouble(at459[1]), 1e-6);
        assertEquals(0.0, Double.parseDouble(csv.get(461).split(",")[1]), "reset to 0 after the spike at 460");
        for (final String png : List.of("raster-float64.png", "raster-q8.8.png", "raster-q16.12.png", "raster-sc.png",
            "membrane.png", "agreement.png"))
        {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
        final String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("| 1 | 1 | 4 | 0.000 | 1.000 | 0.000 |"), md);
    }

    @Test
    void noPlotsWritesNoPngButTheTracesAndAChosenProbe() throws IOException
    {
        final Path out = tmp.resolve("o");
        final Run r = run("nir", nir("braille_noDelay_bias_zero.nir").toString(), "--poisson", "400", "--steps", "50",
            "--arith", "q16.12", "--probe", "lif1.lif:3", "--no-plots", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(out))
        {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".png")));
        }
        final JsonNode j = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals("lif1.lif:3", j.get("probe").asText());
        assertEquals("step,float64,q16.12", Files.readAllLines(out.resolve("membrane.csv")).get(0));
    }

    @Test
    void aBadProbeIsOneLineNamingTheNeuronPopulations()
    {
        final String lif = nir("lif_norse.nir").toString();
        final String out = tmp.resolve("o").toString();
        assertBadInput(run("nir", lif, "--poisson", "100", "--probe", "1", "--out", out), "NODE:INDEX");
        assertBadInput(run("nir", lif, "--poisson", "100", "--probe", "x:0", "--out", out), "no node 'x'");
        assertBadInput(run("nir", lif, "--poisson", "100", "--probe", "0:0", "--out", out), "is a Affine, not a neuron");
        assertBadInput(run("nir", lif, "--poisson", "100", "--probe", "1:1", "--out", out), "INDEX in 0..0");
        assertBadInput(run("nir", lif, "--poisson", "100", "--probe", "1:a", "--out", out), "not an integer");
        assertBadInput(run("nir", lif, "--poisson", "100", "--van-rossum-tau", "0", "--out", out), "--van-rossum-tau");
        assertFalse(Files.exists(tmp.resolve("o")), "nothing written");
    }
}
