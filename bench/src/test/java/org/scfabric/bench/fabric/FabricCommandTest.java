package org.scfabric.bench.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.cli.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli.Run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class FabricCommandTest
{
    @Test
    void printsTheFiguresAndWritesJsonHistogramsAndPlots(@TempDir final Path dir) throws Exception
    {
        final Path json = dir.resolve("f.json");
        final Path hgrm = dir.resolve("lat.hgrm");
        final Run r = run("fabric", "--neurons", "200", "--cores", "2", "--fifo-depth", "8", "--duration-ms", "60",
            "--json", json.toString(), "--hgrm", hgrm.toString(), "--plots", dir.resolve("plots").toString());
        assertEquals(0, r.code(), r.err());
        for (final String key : new String[] {"cycles per step", "total cycles", "real-time factor", "utilisation",
            "FIFO occupancy", "overflow", "latency (first)", "latency (last)", "identical to the unrolled network"})
        {
            assertTrue(r.out().contains(key), key + " missing in\n" + r.out());
        }
        final JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(600, j.get("steps").asInt());
        assertTrue(j.get("matches_unrolled").asBoolean());
        assertEquals(j.get("cycles").get("total").asLong(), sum(j.get("step_cycles")));
        assertTrue(j.get("latency_cycles").get("last").get("p99").asLong() >= j.get("latency_cycles").get("first")
            .get("p50").asLong());
        assertTrue(Files.readString(hgrm).contains("Value     Percentile TotalCount"));
        assertTrue(Files.exists(dir.resolve("lat-first.hgrm")));
        for (final String png : new String[] {"latency.png", "fifo-occupancy.png", "cycles-per-step.png"})
        {
            assertTrue(Files.size(dir.resolve("plots").resolve(png)) > 1000, png);
        }
    }

    @Test
    void theFastEngineGivesTheSameFigures(@TempDir final Path dir) throws Exception
    {
        final Path a = dir.resolve("a.json");
        final Path b = dir.resolve("b.json");
        assertEquals(0, run("fabric", "--neurons", "120", "--cores", "3", "--fifo-depth", "2", "--duration-ms", "30",
            "--overflow", "drop", "--json", a.toString(), "--hgrm", dir.resolve("a.hgrm").toString()).code());
        assertEquals(0, run("fabric", "--neurons", "120", "--cores", "3", "--fifo-depth", "2", "--duration-ms", "30",
            "--overflow", "drop", "--engine", "fast", "--json", b.toString(), "--hgrm", dir.resolve("b.hgrm").toString())
            .code());
        final ObjectMapper om = new ObjectMapper();
        final JsonNode x = om.readTree(a.toFile());
        final JsonNode y = om.readTree(b.toFile());
        for (final String f : new String[] {"cycles", "spikes", "fifo_occupancy", "overflow", "latency_cycles",
            "step_cycles", "utilisation"})
        {
            assertEquals(x.get(f), y.get(f), f);
        }
    }

    @Test
    void aShallowFifoUnderDropIsReportedLoudly(@TempDir final Path dir)
    {
        final Run r = run("fabric", "--neurons", "200", "--cores", "4", "--fifo-depth", "1", "--duration-ms", "50",
            "--overflow", "drop", "--engine", "fast", "--hgrm", dir.resolve("l.hgrm").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("DROPPED"), r.out());
        assertTrue(r.out().contains("DIFFERENT from the unrolled network"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo(@TempDir final Path dir)
    {
        for (final String[] args : new String[][] {{"fabric", "--cores", "0"}, {"fabric", "--neurons", "x"},
            {"fabric", "--neurons", "10", "--cores", "11"}, {"fabric", "--overflow", "maybe"},
            {"fabric", "--clock-mhz", "-5"}, {"fabric", "--engine", "gpu"}, {"fabric", "--arithmetic", "V1"},
            {"fabric", "--json", dir.toString()}, {"fabric", "--synth", "ecp5", "--neurons", "64"},
            {"fabric", "--synth", "ice40"}})
        {
            final Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void traceWritesAVcdOfASmallFabric(@TempDir final Path dir) throws Exception
    {
        final Path vcd = dir.resolve("fabric.vcd");
        final Run r = run("trace", "--design", "fabric", "--cycles", "400", "--out", vcd.toString());
        assertEquals(0, r.code(), r.err());
        final String text = Files.readString(vcd);
        for (final String s : new String[] {"$scope module router", "$scope module core1", "push_valid", "dlv_valid",
            "cnt0", "st_valid"})
        {
            assertTrue(text.contains(s), s);
        }
        // a spike: some core's push_valid goes to 1
        final String code = text.lines().filter(l -> l.contains(" push_valid ")).findFirst().orElseThrow()
            .split(" ")[3];
        assertTrue(text.lines().anyMatch(l -> l.equals("1" + code)), "no spike in 400 cycles");
    }

    private static long sum(final JsonNode a)
    {
        long s = 0;
        for (final JsonNode n : a)
        {
            s += n.asLong();
        }
        return s;
    }
}
