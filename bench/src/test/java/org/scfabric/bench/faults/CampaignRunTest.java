package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.report.FaultPlots;
import org.scfabric.sim.fault.FaultKind;

import com.fasterxml.jackson.databind.JsonNode;

class CampaignRunTest
{
    static final List<FaultKind> ALL = List.of(FaultKind.STUCK_AT_0, FaultKind.STUCK_AT_1, FaultKind.FLIP);

    @TempDir
    Path tmp;

    static CampaignSpec exhaustive(final String sites)
    {
        return new CampaignSpec(sites, ALL, "auto", 0, 42, List.of(), 0, 0.05, 2.0);
    }

    static Campaign campaign(final CampaignSpec spec)
    {
        return Campaign.prepare(ToyNet.workload(8, 200), spec);
    }

    String run(final CampaignSpec spec, final Shard shard, final int threads, final String name)
    {
        return FaultCampaigns.execute(campaign(spec), shard, threads, tmp.resolve(name), null, null, false, quiet()).text();
    }

    static PrintWriter quiet()
    {
        return new PrintWriter(new StringWriter());
    }

    @Test
    void shardsMergedGiveTheUnshardedReportByteForByte() throws Exception
    {
        final CampaignSpec spec = exhaustive("core0.lif[1].v[*],core0.warm[*],enc.state[1?],drv[3]");
        final String whole = run(spec, Shard.ALL, 2, "whole.json");
        final List<Path> shards = new ArrayList<>();
        for (int i = 2; i >= 0; i--)
        {
            final String name = "shard-" + i + ".json";
            run(spec, new Shard(i, 3), 1 + i % 2, name);
            shards.add(tmp.resolve(name));
        }
        final String merged = FaultCampaigns.merge(shards, tmp.resolve("merged.json"), tmp.resolve("plots"), FaultPlots::write);
        assertEquals(whole, merged);
        assertEquals(whole, Files.readString(tmp.resolve("merged.json"), StandardCharsets.UTF_8));
        assertTrue(Files.size(tmp.resolve("plots/error-by-bit.png")) > 1000);
        // and the report says something: every class occurs, summaries add up
        final JsonNode r = CampaignReport.parse(whole);
        final JsonNode s = r.get("summary");
        assertEquals(r.get("campaign").get("items").asLong(), s.get("items").asLong());
        assertEquals(s.get("items").asLong(), s.get("masked").asLong() + s.get("degraded").asLong()
            + s.get("failed").asLong());
        assertTrue(s.get("masked").asLong() > 0 && s.get("failed").asLong() > 0, s.toString());
        assertEquals(16 + 8 + 6 + 1, r.get("campaign").get("selected_sites").asLong());
        assertEquals(3 * 31, r.get("outcomes").size());
        assertEquals(List.of("sa0", "sa1", "flip"), fieldNames(r.get("by_kind")));
        assertTrue(fieldNames(r.get("by_group")).contains("core0.lif[*].v"));
        assertTrue(fieldNames(r.get("by_component")).containsAll(List.of("Gate", "Lfsr16Part", "ToyNet")));
    }

    @Test
    void theReportDoesNotDependOnTheNumberOfThreads()
    {
        final CampaignSpec spec = new CampaignSpec("*", ALL, "random", 60, 7, List.of(), 0, 0.02, 2.0);
        assertEquals(run(spec, Shard.ALL, 1, "a.json"), run(spec, Shard.ALL, 2, "b.json"));
    }

    @Test
    void aKilledCampaignLeavesOnlyAJournalAndResumeFinishesItWithTheSameReport() throws Exception
    {
        final CampaignSpec spec = exhaustive("core0.lif[2].v[*],enc.state[*]");
        final String clean = run(spec, Shard.ALL, 2, "clean.json");
        final Path json = tmp.resolve("killed.json");
        final AtomicInteger n = new AtomicInteger();
        final Campaign c = campaign(spec);
        // "kill" it after 40 results: the journal holds them, no report exists
        try (Journal j = Journal.create(Journal.pathFor(json), Journal.header(CampaignReport.identity(c.describe()),
            Shard.ALL)))
        {
            assertThrows(IllegalStateException.class, () -> c.run(Shard.ALL, 2, null, o ->
            {
                if (n.incrementAndGet() > 40)
                {
                    throw new IllegalStateException("killed");
                }
                j.add(o);
            }));
        }
        assertFalse(Files.exists(json));
        final Path journal = Journal.pathFor(json);
        // a kill in the middle of a line
        Files.writeString(journal, "{\"i\":3,\"si", java.nio.file.StandardOpenOption.APPEND);
        final StringWriter log = new StringWriter();
        final FaultCampaigns.Done done = FaultCampaigns.execute(campaign(spec), Shard.ALL, 2, json, null, null, true,
            new PrintWriter(log, true));
        assertEquals(40, done.resumed());
        assertEquals(96 - 40, done.result().stats().ran);
        assertEquals(clean, Files.readString(json));
        assertFalse(Files.exists(journal), "the journal is gone once the report is written");
        assertTrue(log.toString().contains("resuming: 40 items done before"), log.toString());
    }

    @Test
    void aJournalOfAnotherCampaignIsNotResumed() throws Exception
    {
        final Path json = tmp.resolve("x.json");
        Files.writeString(Journal.pathFor(json), "{\"journal\":1,\"shard\":\"0/1\",\"campaign\":{}}\n");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultCampaigns.execute(
            campaign(exhaustive("core0.spare[*]")), Shard.ALL, 1, json, null, null, true, quiet()));
        assertTrue(e.getMessage().contains("is the journal of another campaign"), e.getMessage());
    }

    @Test
    void mergeRefusesIncompleteForeignOrDoubledShards() throws Exception
    {
        final CampaignSpec spec = exhaustive("core0.warm[*]");
        run(spec, new Shard(0, 3), 1, "s0.json");
        run(spec, new Shard(1, 3), 1, "s1.json");
        run(spec, new Shard(2, 3), 1, "s2.json");
        run(exhaustive("core0.spare[*]"), new Shard(2, 3), 1, "other.json");
        run(spec, Shard.ALL, 1, "whole.json");
        final Path out = tmp.resolve("m.json");
        assertEquals("shard 1/3 missing: a merged report needs every shard", assertThrows(
            IllegalArgumentException.class, () -> FaultCampaigns.merge(List.of(tmp.resolve("s0.json"),
                tmp.resolve("s2.json")), out, null, null)).getMessage());
        assertEquals("shard 0/3 is given twice", assertThrows(IllegalArgumentException.class,
            () -> FaultCampaigns.merge(List.of(tmp.resolve("s0.json"), tmp.resolve("s0.json")), out, null, null))
            .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultCampaigns.merge(List.of(
            tmp.resolve("s0.json"), tmp.resolve("other.json")), out, null, null)).getMessage()
            .endsWith("belongs to another campaign than " + tmp.resolve("s0.json") + " (different options)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultCampaigns.merge(List.of(
            tmp.resolve("whole.json")), out, null, null)).getMessage().endsWith("is a complete report, not a shard "
                + "(made without --shard)"));
        Files.writeString(tmp.resolve("junk.json"), "not json");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultCampaigns.merge(List.of(
            tmp.resolve("junk.json")), out, null, null)).getMessage().contains("is not a fault-campaign shard file"));
        assertFalse(Files.exists(out));
    }

    @Test
    void badShardSpecsAreClearErrors()
    {
        for (final String bad : List.of("3/3", "-1/2", "1", "a/b", "1/0", "/2", "2/", " "))
        {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad));
            assertTrue(e.getMessage().startsWith("bad shard '" + bad + "': expected i/n"), e.getMessage());
        }
        assertEquals(new Shard(2, 5), Shard.parse(" 2/5 "));
    }

    @Test
    void badSpecsAreClearErrors()
    {
        assertEquals("site glob 'lif[*].v[*]' matches none of the 240 fault sites (sites look like enc.state[*], "
            + "drv[*], core0.lif[*].v[*], core0.spare[*], core0.warm[*], core0.w[*][*])",
            assertThrows(IllegalArgumentException.class, () -> campaign(exhaustive("lif[*].v[*]"))).getMessage());
        assertEquals("--sample 1000 is larger than the 24 faults of the selected sites × kinds (run it exhaustively: "
            + "leave --sample out)", assertThrows(IllegalArgumentException.class, () -> campaign(new CampaignSpec(
                "core0.warm[*]", ALL, "auto", 1000, 1, List.of(), 0, 0.05, 2.0))).getMessage());
        assertEquals("--at 500 is after the run's last cycle 199 (the run has 200 cycles)", assertThrows(
            IllegalArgumentException.class, () -> campaign(new CampaignSpec("*", ALL, "500", 0, 1, List.of(), 0, 0.05,
                2.0))).getMessage());
        assertEquals("bad --at 'soon': expected auto, random or a cycle number >= 0", assertThrows(
            IllegalArgumentException.class, () -> new CampaignSpec("*", ALL, "soon", 0, 1, List.of(), 0, 0.05, 2.0))
            .getMessage());
        assertEquals("unknown fault kind 'sa2' (accepted: sa0, sa1, flip)", assertThrows(
            IllegalArgumentException.class, () -> CampaignSpec.parseKinds("sa0,sa2")).getMessage());
        assertEquals("fault rates must be in (0, 1], got 2.0", assertThrows(IllegalArgumentException.class,
            () -> new CampaignSpec("*", ALL, "auto", 0, 1, List.of(2.0), 3, 0.05, 2.0)).getMessage());
    }

    @Test
    void aSampleReportsLeveuglesMarginAndIsTheSameSampleEveryTime()
    {
        assertEquals(0.05, CampaignFigures.marginOfError(Long.MAX_VALUE / 2, 385, 0.5), 0.0005);
        assertEquals(0.01, CampaignFigures.marginOfError(Long.MAX_VALUE / 2, 9604, 0.5), 0.00005);
        assertEquals(0.0, CampaignFigures.marginOfError(1000, 1000, 0.5), 1e-12, "the whole population: no error");
        final CampaignSpec spec = new CampaignSpec("*", ALL, "auto", 100, 3, List.of(), 0, 0.05, 2.0);
        final JsonNode r = CampaignReport.parse(run(spec, Shard.ALL, 2, "s.json"));
        final JsonNode m = r.get("margin");
        assertEquals(100, m.get("sample").asLong());
        assertEquals(720, m.get("population").asLong());
        assertEquals(1.96 * 0.5 / 10 * Math.sqrt(620.0 / 719), m.get("error").asDouble(), 1e-12);
        final CampaignSpec other = new CampaignSpec("*", ALL, "auto", 100, 4, List.of(), 0, 0.05, 2.0);
        assertNotEquals(r.get("outcomes"), CampaignReport.parse(run(other, Shard.ALL, 1, "o.json")).get("outcomes"));
    }

    @Test
    void aRateCampaignRunsTrialsOfRandomFaultSets()
    {
        final CampaignSpec spec = new CampaignSpec("*", List.of(FaultKind.STUCK_AT_0, FaultKind.STUCK_AT_1), "auto",
            0, 5, List.of(0.001, 0.01, 0.1), 6, 0.05, 2.0);
        final Campaign c = campaign(spec);
        assertEquals(18, c.items());
        final JsonNode r = CampaignReport.parse(FaultCampaigns.execute(c, Shard.ALL, 2, tmp.resolve("r.json"),
            tmp.resolve("rp"), FaultPlots::write, false, quiet()).text());
        assertEquals(List.of("0.001", "0.01", "0.1"), fieldNames(r.get("by_rate")));
        final double low = r.get("by_rate").get("0.001").get("mean_rate_error").asDouble();
        final double high = r.get("by_rate").get("0.1").get("mean_rate_error").asDouble();
        assertTrue(high > low, "more faults, more error: " + low + " vs " + high);
        assertTrue(r.get("by_rate").get("0.1").get("faults").asLong() > 6 * 240 * 0.1 * 0.6);
        assertTrue(Files.exists(tmp.resolve("rp/rate-error-vs-fault-rate.png")));
    }

    static List<String> fieldNames(final JsonNode n)
    {
        final List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
