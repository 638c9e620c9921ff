package org.scfabric.bench.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.cli.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli.Run;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code scfabric fabric --network FILE.nir}: figures, files, the outputs of {@code scfabric nir}, bad input. */
class FabricNirCommandTest
{
    private static final String BRAILLE = NirFabricFilesTest.nir("braille_noDelay_bias_zero.nir").toString();

    @Test
    void theOutputsObjectIsScfabricNirsForTheSameInput(@TempDir final Path dir) throws Exception
    {
        final Path json = dir.resolve("fab.json");
        final Run f = run("fabric", "--network", BRAILLE, "--poisson", "400", "--steps", "200",
            "--cores", "3", "--fifo-depth", "4", "--ports", "2", "--json", json.toString(), "--hgrm",
            dir.resolve("hg").toString(), "--plots", dir.resolve("plots").toString());
        assertEquals(0, f.code(), f.err());
        final Run n = run("nir", BRAILLE, "--poisson", "400", "--steps", "200", "--arith", "q8.8",
            "--out", dir.resolve("nir").toString());
        assertEquals(0, n.code(), n.err());
        final ObjectMapper om = new ObjectMapper();
        final JsonNode fj = om.readTree(json.toFile());
        JsonNode q = null;
        for (final JsonNode r : om.readTree(dir.resolve("nir/results.json").toFile()).get("runs"))
        {
            if (r.get("arith").asText().equals("q8.8"))
            {
                q = r;
            }
        }
        assertTrue(q.get("outputs").get("output").get("spikes").size() > 0, "the readout must spike");
        assertEquals(q.get("outputs"), fj.get("outputs"));
        assertEquals(q.get("spike_counts"), fj.get("spike_counts"));
        assertTrue(fj.get("matches_unrolled").asBoolean());
        assertEquals(200, fj.get("steps").asInt());
        assertEquals(fj.get("cycles").get("total").asLong(), sum(fj.get("step_cycles")));
        assertEquals(200, sum(fj.get("cycles_per_step_histogram").get("counts")));
        assertEquals(3, fj.get("utilisation").get("cores").size());
        assertTrue(fj.get("latency_io_cycles").get("count").asLong() > 0);
        assertTrue(fj.get("area").get("ice40").get("lut").asLong() > 0);
        assertEquals(2, fj.get("network").get("populations").size());
        for (final String key : new String[] {"cycles per step", "real-time factor", "utilisation", "FIFO occupancy",
            "latency (in->out)", "area iCE40", "area xc7", "identical to the unrolled network"})
        {
            assertTrue(f.out().contains(key), key + " missing in\n" + f.out());
        }
        for (final String h : new String[] {"latency.hgrm", "latency-first.hgrm", "latency-io.hgrm"})
        {
            assertTrue(Files.readString(dir.resolve("hg").resolve(h)).contains("Value     Percentile TotalCount"), h);
        }
        assertTrue(Files.size(dir.resolve("plots").resolve("cycles-per-step.png")) > 1000);
    }

    @Test
    void theKernelEngineGivesTheFastEnginesOutputsAndFigures(@TempDir final Path dir) throws Exception
    {
        final String[] common = {"fabric", "--network", BRAILLE, "--poisson", "300", "--steps", "60", "--cores", "2",
            "--fifo-depth", "3"};
        final Path fast = dir.resolve("fast.json");
        final Path kern = dir.resolve("kernel.json");
        final Run f = run(concat(common, "--json", fast.toString()));
        final Run k = run(concat(common, "--engine", "kernel", "--json", kern.toString()));
        assertEquals(0, f.code(), f.err());
        assertEquals(0, k.code(), k.err());
        assertTrue(k.err().contains("on the kernel engine"), k.err());
        final ObjectMapper om = new ObjectMapper();
        final JsonNode fj = om.readTree(fast.toFile());
        final JsonNode kj = om.readTree(kern.toFile());
        assertTrue(kj.get("matches_unrolled").asBoolean());
        for (final String key : new String[] {"outputs", "spike_counts", "step_cycles", "cycles", "utilisation",
            "input", "latency_io_cycles", "cycles_per_step_histogram"})
        {
            assertEquals(fj.get(key), kj.get(key), key);
        }
        final Run bad = run(concat(common, "--engine", "gpu"));
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--engine 'gpu' is not accepted"), bad.err());
    }

    private static String[] concat(final String[] a, final String... b)
    {
        final String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aCsvInputOfSpikesDrivesTheFabric(@TempDir final Path dir) throws Exception
    {
        final StringBuilder csv = new StringBuilder();
        for (int t = 0; t < 50; t++)
        {
            for (int c = 0; c < 12; c++)
            {
                csv.append(c == 0 ? "" : ",").append((t * 7 + c * 3) % 5 == 0 ? "1" : "0");
            }
            csv.append('\n');
        }
        final Path in = dir.resolve("in.csv");
        Files.writeString(in, csv);
        final Path json = dir.resolve("f.json");
        final Run f = run("fabric", "--network", BRAILLE, "--input", in.toString(), "--cores", "2",
            "--json", json.toString());
        assertEquals(0, f.code(), f.err());
        final JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(50, j.get("steps").asInt());
        assertTrue(j.get("matches_unrolled").asBoolean());
        long events = 0;
        for (int t = 0; t < 50; t++)
        {
            for (int c = 0; c < 12; c++)
            {
                events += (t * 7 + c * 3) % 5 == 0 ? 1 : 0;
            }
        }
        assertEquals(events, j.get("input").get("events").asLong());
    }

    @Test
    void aNonBinaryInputIsRefusedAndNothingWritten(@TempDir final Path dir) throws Exception
    {
        final Path in = dir.resolve("in.csv");
        Files.writeString(in, "0,0,0,0,0,0,0,0,0,0,0,0\n0,0.5,0,0,0,0,0,0,0,0,0,0\n");
        final Path json = dir.resolve("f.json");
        final Run f = run("fabric", "--network", BRAILLE, "--input", in.toString(), "--json",
            json.toString());
        assertEquals(2, f.code());
        // the place as an editor shows it: line 2, the second value
        assertTrue(f.err().contains("in.csv line 2, value 2 is 0.5") && f.err().contains("0 or 1"), f.err());
        assertEquals(1, f.err().strip().lines().count(), f.err());
        assertFalse(Files.exists(json));
    }

    @Test
    void aNetworkTheFabricCannotMapIsRefusedNamingTheNode(@TempDir final Path dir) throws Exception
    {
        final Network net = Network.builder()
            .add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(3))))
            .add(new Node("fc", Kind.LINEAR, Map.of("weight", Tensor.of(Shape.of(3, 3), 1, 0, 0, 0, 1, 0, 0, 0, 1))))
            .add(new Node("gain", Kind.THRESHOLD, Map.of("threshold", Tensor.vector(0.5, 0.5, 0.5))))
            .add(new Node("lif", Kind.IF, Map.of("r", Tensor.vector(1, 1, 1), "v_threshold", Tensor.vector(1, 1, 1))))
            .add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "fc").connect("fc", "gain").connect("gain", "lif").connect("lif", "out").build();
        final Path file = dir.resolve("threshold.nir");
        NirWriter.write(net, file);
        final Path json = dir.resolve("f.json");
        final Run f = run("fabric", "--network", file.toString(), "--poisson", "100", "--json",
            json.toString());
        assertEquals(2, f.code());
        assertTrue(f.err().contains("not mappable onto the fabric") && f.err().contains("gain (Threshold)"), f.err());
        assertFalse(Files.exists(json));
    }

    @Test
    void rtlWritesTheTopAndImagesAndEventsAreTheFastEnginesTrace(@TempDir final Path dir) throws Exception
    {
        final Path rtl = dir.resolve("rtl");
        final Path ev = dir.resolve("events.txt");
        final Run f = run("fabric", "--network", BRAILLE, "--poisson", "400", "--steps", "20",
            "--cores", "2", "--rtl", rtl.toString(), "--events", ev.toString(), "--json",
            dir.resolve("f.json").toString());
        assertEquals(0, f.code(), f.err());
        assertTrue(Files.readString(rtl.resolve("sc_mapped_cfg.v")).contains("sc_mfab_core"));
        for (final String img : new String[] {"c0_par.hex", "c1_par.hex", "row.hex", "fanout.hex", "in_start.hex"})
        {
            assertTrue(Files.size(rtl.resolve(img)) > 0, img);
        }
        final java.util.List<String> lines = Files.readAllLines(ev);
        assertEquals("T 0", lines.get(0));
        assertEquals(20, lines.stream().filter(l -> l.startsWith("T ")).count());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("O ")), "braille gives output events");
        assertTrue(lines.get(lines.size() - 1).startsWith("F "));
    }

    /** Without --cores a one-neuron network runs on one core; an explicit --cores beyond its neurons is refused. */
    @Test
    void theDefaultCoresFitASmallNetworkAndAnExplicitTooManyIsRefused(@TempDir final Path dir)
    {
        final String norse = NirFabricFilesTest.nir("lif_norse.nir").toString();
        final Run ok = run("fabric", "--network", norse, "--poisson", "200", "--steps", "20", "--json",
            dir.resolve("n.json").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.err().contains("K 1 on the fast engine"), ok.err());
        final Run bad = run("fabric", "--network", norse, "--poisson", "200", "--steps", "20", "--cores", "4");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("got 4 for 1 neurons"), bad.err());
    }

    @Test
    void badOptionCombinationsAreOneLineAndExitTwo(@TempDir final Path dir)
    {
        final String[][] cases = {
            {"fabric", "--network", BRAILLE},
            {"fabric", "--network", BRAILLE, "--poisson", "10", "--input", "x.csv"},
            {"fabric", "--network", BRAILLE, "--poisson", "10", "--neurons", "100"},
            {"fabric", "--network", BRAILLE, "--poisson", "10", "--synth", "vhdl"},
            {"fabric", "--network", BRAILLE, "--poisson", "10", "--synth-dir", "x"},
            {"fabric", "--network", BRAILLE, "--poisson", "10", "--duration-ms", "10"},
            {"fabric", "--network", BRAILLE, "--poisson", "10", "--arith", "q4.4"},
            {"fabric", "--network", BRAILLE, "--poisson", "10", "--cores", "0"},
            {"fabric", "--network", BRAILLE, "--poisson", "abc"},
            {"fabric", "--network", BRAILLE, "--poisson", "10", "--steps", "0"},
            {"fabric", "--network", dir.resolve("missing.nir").toString(), "--poisson", "10"},
            {"fabric", "--network", dir.toString(), "--poisson", "10"},
            {"fabric", "--poisson", "10"},
            {"fabric", "--steps", "10"},
        };
        final String[] expect = {"--input FILE", "not both", "--neurons is for the Brunel fabric",
            "--synth: unknown target 'vhdl'", "--synth-dir is used only with --synth",
            "--duration-ms is for the Brunel fabric", "--arith 'q4.4'", "cores must be", "--poisson 'abc'", "--steps 0",
            "no such file", "is a folder, not a file (give a .nir file)", "--poisson is used only with --network",
            "--steps is used only with --network"};
        for (int i = 0; i < cases.length; i++)
        {
            final Run r = run(cases[i]);
            assertEquals(2, r.code(), String.join(" ", cases[i]) + ": " + r.err());
            assertTrue(r.err().contains(expect[i]), String.join(" ", cases[i]) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    private static long sum(final JsonNode a)
    {
        long s = 0;
        for (final JsonNode x : a)
        {
            s += x.asLong();
        }
        return s;
    }
}
