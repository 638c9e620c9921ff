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

/** {@code scfabric fabric|faults --network FILE --arith sc}: scfabric nir --arith sc's outputs, and bad input. */
class FabricScCommandTest
{
    private static final String BRAILLE = NirFabricFilesTest.nir("braille_noDelay_bias_zero.nir").toString();

    @Test
    void theFabricsScOutputsAreScfabricNirsWithTheSameSeedAndBitstream(@TempDir final Path dir) throws Exception
    {
        final Path json = dir.resolve("fab.json");
        final Run f = run("fabric", "--network", BRAILLE, "--poisson", "400", "--steps", "150", "--cores", "2",
            "--arith", "sc", "--bitstream", "128", "--seed", "9", "--json", json.toString());
        assertEquals(0, f.code(), f.err());
        final Run n = run("nir", BRAILLE, "--poisson", "400", "--steps", "150", "--arith", "sc", "--bitstream", "128",
            "--seed", "9", "--out", dir.resolve("nir").toString());
        assertEquals(0, n.code(), n.err());
        final ObjectMapper om = new ObjectMapper();
        final JsonNode fj = om.readTree(json.toFile());
        JsonNode sc = null;
        for (final JsonNode r : om.readTree(dir.resolve("nir/results.json").toFile()).get("runs"))
        {
            if (r.get("arith").asText().equals("sc"))
            {
                sc = r;
            }
        }
        assertTrue(sc.get("outputs").get("output").get("spikes").size() > 0, "the readout must spike");
        assertEquals(sc.get("outputs"), fj.get("outputs"));
        assertEquals(sc.get("spike_counts"), fj.get("spike_counts"));
        assertTrue(fj.get("matches_unrolled").asBoolean());
        assertEquals("sc", fj.get("network").get("arith").asText());
        assertEquals(128, fj.get("network").get("bitstream").asInt());
    }

    @Test
    void aScFaultCampaignReachesTheWeightStreamRom(@TempDir final Path dir) throws Exception
    {
        final Path json = dir.resolve("c.json");
        final Run r = run("faults", "--network", BRAILLE, "--poisson", "400", "--steps", "60", "--cores", "1",
            "--arith", "sc", "--sites", "router.sc_wrom[*][*]", "--kinds", "flip", "--sample", "20", "--json",
            json.toString());
        assertEquals(0, r.code(), r.err());
        final JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("sc", j.get("campaign").get("params").get("arith").asText());
        assertEquals(20, j.get("outcomes").size());
        for (final JsonNode o : j.get("outcomes"))
        {
            assertTrue(o.get("site").asText().startsWith("router.sc_wrom["), o.toString());
        }
    }

    @Test
    void badScOptionsAreOneLineAndExitTwo(@TempDir final Path dir)
    {
        final String cnn = NirFabricFilesTest.nir("cnn_sinabs.nir").toString();
        final String[][] bad = {
            {"fabric", "--network", BRAILLE, "--poisson", "100", "--bitstream", "128"},
            {"fabric", "--network", BRAILLE, "--poisson", "100", "--arith", "sc", "--bitstream", "100"},
            {"fabric", "--network", cnn, "--poisson", "100", "--arith", "sc"},
            {"faults", "--network", BRAILLE, "--poisson", "100", "--arith", "sc", "--bitstream", "65"},
            {"faults", "--network", BRAILLE, "--poisson", "100", "--bitstream", "128"},
        };
        final String[] says = {"--bitstream is used only with --arith sc", "--bitstream 100",
            "SumPool2d", "--bitstream 65", "--bitstream is used only with --arith sc"};
        for (int i = 0; i < bad.length; i++)
        {
            final Run r = run(bad[i]);
            assertEquals(2, r.code(), String.join(" ", bad[i]) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(says[i]), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
