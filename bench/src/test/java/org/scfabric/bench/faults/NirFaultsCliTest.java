package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli;
import org.scfabric.bench.cli.Cli.Run;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.sim.fault.FaultKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code scfabric faults --network FILE.nir}: a campaign on a NIR graph on the general fabric, with every
 * campaign feature of the Brunel designs — shards merged to the same bytes as the whole run, a killed
 * run resumed to the same report — and the argmax figures; bad input is one line and exit 2.
 */
class NirFaultsCliTest
{
    @TempDir
    Path tmp;

    static final Path BRAILLE = Path.of(System.getenv("SCFABRIC_ROOT") != null ? System.getenv("SCFABRIC_ROOT")
        : "..").resolve("network/src/test/resources/nir/braille_noDelay_bias_zero.nir").toAbsolutePath().normalize();
    static final String SITES = "core*.vmem*,core1.acc[*][*],router.row[*][*]";

    List<String> small(final String... more)
    {
        final List<String> a = new ArrayList<>(List.of("faults", "--network", BRAILLE.toString(), "--poisson", "400",
            "--steps", "30", "--cores", "2", "--threads", "2"));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void aNetworkCampaignShardedAndMergedEqualsTheWholeOneAndReportsTheArgmax() throws Exception
    {
        final Run whole = Cli.run(small("--sites", SITES, "--sample", "40", "--json",
            tmp.resolve("whole.json").toString(), "--plots", tmp.resolve("plots").toString()).toArray(new String[0]));
        assertEquals(0, whole.code(), whole.err());
        assertTrue(whole.err().contains("fabric-nir, 45 neurons"), whole.err());
        for (int i = 0; i < 3; i++)
        {
            final Run s = Cli.run(small("--sites", SITES, "--sample", "40", "--shard", i + "/3",
                "--json", tmp.resolve("s" + i + ".json").toString()).toArray(new String[0]));
            assertEquals(0, s.code(), s.err());
        }
        final Run m = Cli.run("faults", "merge", "--json", tmp.resolve("merged.json").toString(),
            tmp.resolve("s2.json").toString(), tmp.resolve("s0.json").toString(), tmp.resolve("s1.json").toString());
        assertEquals(0, m.code(), m.err());
        assertEquals(Files.readString(tmp.resolve("whole.json")), Files.readString(tmp.resolve("merged.json")));
        final JsonNode r = new ObjectMapper().readTree(tmp.resolve("whole.json").toFile());
        assertEquals("fabric-nir", r.get("campaign").get("workload").asText());
        assertEquals("braille_noDelay_bias_zero.nir", r.get("campaign").get("params").get("network").asText());
        long changed = 0;
        for (final JsonNode o : r.get("outcomes"))
        {
            assertTrue(o.get("argmax_changed").isBoolean(), o.toString());
            changed += o.get("argmax_changed").asBoolean() ? 1 : 0;
        }
        assertEquals(changed, r.get("summary").get("argmax_changed").asLong());
        assertTrue(r.get("by_group").has("core0.vmem"), r.get("by_group").toString());
        assertTrue(Files.exists(tmp.resolve("plots/classes-by-component.png")));
    }

    @Test
    void aKilledNetworkCampaignResumesToTheSameReport() throws Exception
    {
        final NirFabricWorkload w = NirFabricWorkload.of(BRAILLE, null, 400.0, 42, 30, 2, FixedFormat.Q8_8);
        final CampaignSpec spec = new CampaignSpec(SITES, List.of(FaultKind.STUCK_AT_1, FaultKind.FLIP), "auto", 30, 4,
            List.of(), 0, 0.05, 10);
        final Path clean = tmp.resolve("clean.json");
        FaultCampaigns.execute(Campaign.prepare(w, spec), Shard.ALL, 2, clean, null, null, false,
            new PrintWriter(new StringWriter(), true));
        final Path json = tmp.resolve("killed.json");
        final Campaign c = Campaign.prepare(w, spec);
        final AtomicInteger n = new AtomicInteger();
        try (Journal j = Journal.create(Journal.pathFor(json), Journal.header(CampaignReport.identity(c.describe()),
            Shard.ALL)))
        {
            assertThrows(IllegalStateException.class, () -> c.run(Shard.ALL, 2, null, o ->
            {
                if (n.incrementAndGet() > 12)
                {
                    throw new IllegalStateException("killed");
                }
                j.add(o);
            }));
        }
        assertFalse(Files.exists(json));
        final FaultCampaigns.Done done = FaultCampaigns.execute(Campaign.prepare(w, spec), Shard.ALL, 2, json, null,
            null, true, new PrintWriter(new StringWriter(), true));
        assertEquals(12, done.resumed());
        assertEquals(Files.readString(clean), Files.readString(json));
    }

    @Test
    void badNetworkInputGetsOneLineOnStderrExit2AndNoFile() throws Exception
    {
        final Path json = tmp.resolve("never.json");
        final Path grey = tmp.resolve("grey.csv");
        Files.writeString(grey, "0.5,0,0,0,0,0,0,0,0,0,0,0\n");
        final String net = BRAILLE.toString();
        final String[][] cases = {
            {"faults", "--network", net},
            {"faults", "--network", net, "--poisson", "10", "--input", "x.csv"},
            {"faults", "--network", net, "--poisson", "10", "--neurons", "100"},
            {"faults", "--network", net, "--poisson", "10", "--variant", "V3"},
            {"faults", "--network", net, "--poisson", "10", "--arith", "q4.4"},
            {"faults", "--network", net, "--poisson", "-3"},
            {"faults", "--network", net, "--poisson", "10", "--steps", "0"},
            {"faults", "--network", tmp.resolve("missing.nir").toString(), "--poisson", "10"},
            {"faults", "--network", net, "--input", tmp.resolve("missing.csv").toString()},
            {"faults", "--network", net, "--input", tmp.toString()},
            {"faults", "--network", net, "--input", grey.toString(), "--sites", "core0.vmem[*][*]"},
            {"faults", "--network", net, "--poisson", "10", "--steps", "5", "--sites", "core9.*"},
            {"faults", "--poisson", "10"},
        };
        final String[] expected = {"--network needs --input FILE", "not both", "--neurons is for the Brunel designs",
            "--variant is for the Brunel designs", "--arith 'q4.4' is not accepted", "--poisson '-3'", "--steps",
            "no such file", "--input " + tmp.resolve("missing.csv") + ": no such file",
            "--input " + tmp + " is a folder, not a file", "the fabric takes input spikes",
            "site glob 'core9.*' matches none", "--poisson is used only with --network"};
        for (int i = 0; i < cases.length; i++)
        {
            final List<String> a = new ArrayList<>(List.of(cases[i]));
            a.addAll(List.of("--json", json.toString()));
            final Run r = Cli.run(a.toArray(new String[0]));
            assertEquals(2, r.code(), String.join(" ", cases[i]) + ": " + r.err());
            assertTrue(r.err().startsWith("scfabric faults: ") && r.err().contains(expected[i]),
                String.join(" ", cases[i]) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(json));
        }
    }

    /** --cores beyond a network's neurons, or on a design without cores, is one line, not silently capped or ignored. */
    @Test
    void coresThatCannotApplyAreRefused()
    {
        Cli.assertBadInput(Cli.run("faults", "--network", BRAILLE.toString(), "--poisson", "400", "--steps", "30",
            "--cores", "46", "--sites", SITES, "--sample", "4", "--json", tmp.resolve("c.json").toString()),
            "--cores 46", "has 45 neurons");
        Cli.assertBadInput(Cli.run("faults", "--variant", "V3", "--neurons", "20", "--duration-ms", "5", "--sample", "2",
            "--cores", "7", "--json", tmp.resolve("v.json").toString()), "--cores is for the fabric designs");
        assertFalse(Files.exists(tmp.resolve("c.json")));
        assertFalse(Files.exists(tmp.resolve("v.json")));
    }
}
