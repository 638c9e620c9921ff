package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.cli.Cli.assertBadInput;
import static org.scfabric.bench.cli.Cli.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli.Run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Issue 10: the user's files are never lost, bad files are named, and the defaults run. */
class FaultsUserFilesTest
{
    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    static final String SITES = "core0.vmem[3][*],core0.addr[*]";

    static List<String> small(final String... more)
    {
        final List<String> a = new ArrayList<>(List.of("faults", "--variant", "fabric-v3", "--neurons", "16",
            "--duration-ms", "5", "--cores", "1", "--threads", "2"));
        a.addAll(List.of(more));
        return a;
    }

    /** Two shards and the whole report of one small campaign, made once. */
    @BeforeAll
    static void shards()
    {
        for (int i = 0; i < 2; i++)
        {
            final Run s = run(small("--sites", SITES, "--shard", i + "/2", "--json", shared.resolve("s" + i + ".json")
                .toString()));
            assertEquals(0, s.code(), s.err());
        }
        final Run w = run(small("--sites", SITES, "--json", shared.resolve("whole.json").toString()));
        assertEquals(0, w.code(), w.err());
    }

    static void assertRefused(final Run r, final String start)
    {
        assertBadInput(r);
        assertTrue(r.err().startsWith(start), r.err());
    }

    Path copy(final String name) throws Exception
    {
        final Path p = tmp.resolve(name);
        Files.copy(shared.resolve(name), p);
        return p;
    }

    @Test
    void mergeRefusesToWriteOverOneOfItsShards() throws Exception
    {
        final Path s0 = copy("s0.json");
        final Path s1 = copy("s1.json");
        final byte[] before = Files.readAllBytes(s0);
        final Run r = run("faults", "merge", "--json", s0.toString(), s0.toString(), s1.toString());
        assertRefused(r, "scfabric faults merge: --json " + s0 + " is one of the shard files");
        assertArrayEquals(before, Files.readAllBytes(s0));
        // through another spelling of the same path too
        final Run r2 = run("faults", "merge", "--json", tmp.resolve("x/../s1.json").toString(), s0.toString(),
            s1.toString());
        assertEquals(2, r2.code(), r2.err());
    }

    @Test
    void plotsThatCannotBeWrittenAreRefusedBeforeAnySimulationAndLeaveNothing() throws Exception
    {
        final Path file = Files.writeString(tmp.resolve("afile"), "mine");
        final Path json = tmp.resolve("q.json");
        final Run r = run(small("--sites", SITES, "--json", json.toString(), "--plots", file.resolve("plots").toString()));
        assertRefused(r, "scfabric faults: --plots " + file.resolve("plots") + ": cannot create it");
        assertFalse(Files.exists(json));
        assertFalse(Files.exists(tmp.resolve("q.json.partial")));
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aFolderInTheWayOfAPlotIsNamedAsTheUserSeesIt() throws Exception
    {
        Files.createDirectories(tmp.resolve("pl/error-by-bit.png"));
        final Run r = run(small("--sites", SITES, "--json", tmp.resolve("q.json").toString(), "--plots",
            tmp.resolve("pl").toString()));
        assertEquals(2, r.code(), r.err());
        final String last = r.err().lines().reduce((a, b) -> b).orElse("");
        assertEquals("scfabric faults: cannot use " + tmp.resolve("pl/error-by-bit.png") + ": Is a directory", last);
    }

    @Test
    void aFolderWhereTheJournalGoesIsRefusedUpFront() throws Exception
    {
        Files.createDirectories(tmp.resolve("q.json.partial"));
        final Run r = run(small("--sites", SITES, "--json", tmp.resolve("q.json").toString()));
        assertRefused(r, "scfabric faults: --json " + tmp.resolve("q.json") + ": the campaign's journal goes to "
            + "q.json.partial");
    }

    @Test
    void binaryFilesAndFoldersAreNamedNotInternalErrors() throws Exception
    {
        final Path bin = Files.write(tmp.resolve("bin.json"), new byte[] {(byte)0xC3, 0x28, (byte)0xFF, 0, 1, 2});
        final Path s1 = copy("s1.json");
        assertRefused(run("faults", "merge", "--json", tmp.resolve("m.json").toString(), bin.toString(),
            s1.toString()), "scfabric faults merge: " + bin + " is not a shard file (not UTF-8 text");
        assertRefused(run("faults", "compare", "--plots", tmp.resolve("c").toString(), bin.toString()),
            "scfabric faults compare: " + bin + " is not a campaign report (not UTF-8 text");
        Files.copy(bin, tmp.resolve("r.json.partial"));
        assertRefused(run(small("--sites", SITES, "--json", tmp.resolve("r.json").toString(), "--resume")),
            "scfabric faults: --resume: the journal of " + tmp.resolve("r.json") + " (r.json.partial) is not a "
                + "campaign journal");
        Files.createDirectories(tmp.resolve("dir"));
        assertRefused(run("faults", "merge", "--json", tmp.resolve("m.json").toString(), tmp.resolve("dir")
            .toString(), s1.toString()), "scfabric faults merge: " + tmp.resolve("dir") + " is a folder, not a shard");
        assertFalse(Files.exists(tmp.resolve("m.json")));
        assertFalse(Files.exists(tmp.resolve("c")));
    }

    @Test
    void anUnknownClassSaysWhatIsAcceptedAndAnEditedShardDoesNotMerge() throws Exception
    {
        final Path s1 = copy("s1.json");
        final String text = Files.readString(shared.resolve("s0.json"));
        final String cls = text.contains("\"class\":\"masked\"") ? "masked" : "failed";
        final Path bogus = Files.writeString(tmp.resolve("bogus.json"), text.replaceFirst("\"class\":\"" + cls + "\"",
            "\"class\":\"bogus\""));
        assertRefused(run("faults", "merge", "--json", tmp.resolve("m.json").toString(), bogus.toString(),
            s1.toString()), "scfabric faults merge: " + bogus + ": unknown fault class 'bogus' (accepted: masked, "
                + "degraded, failed)");
        final Path edited = Files.writeString(tmp.resolve("edited.json"), text.replaceFirst("\"class\":\"" + cls
            + "\"", "\"class\":\"" + (cls.equals("masked") ? "failed" : "masked") + "\""));
        assertRefused(run("faults", "merge", "--json", tmp.resolve("m.json").toString(), edited.toString(),
            s1.toString()), "scfabric faults merge: " + edited + ": its outcomes do not match its checksum");
        assertFalse(Files.exists(tmp.resolve("m.json")));
        // unedited shards still merge into the very bytes of the whole run
        final Run ok = run("faults", "merge", "--json", tmp.resolve("m.json").toString(), copy("s0.json").toString(),
            s1.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(Files.readString(shared.resolve("whole.json")), Files.readString(tmp.resolve("m.json")));
        assertFalse(Files.readString(tmp.resolve("m.json")).contains("checksum"));
    }

    @Test
    void twoReportsOfOneVariantCompare() throws Exception
    {
        final Path a = copy("whole.json");
        final Path b = Files.copy(a, tmp.resolve("again.json"));
        final Run r = run("faults", "compare", "--plots", tmp.resolve("cmp").toString(), a.toString(), b.toString(),
            a.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(tmp.resolve("cmp/compare-error-by-bit.png")) > 1000);
    }

    @Test
    void messagesNameWhatTheUserTyped() throws Exception
    {
        assertRefused(run(small("--sites", SITES, "--sample", "99999999999", "--json", tmp.resolve("x.json")
            .toString())), "scfabric faults: --sample 99999999999 is too large: give a whole number from 1 to "
                + "2147483647");
        // an empty journal (killed before its first line) holds nothing: the campaign starts afresh
        Files.writeString(tmp.resolve("e.json.partial"), "");
        final Run e = run(small("--sites", SITES, "--json", tmp.resolve("e.json").toString(), "--resume"));
        assertEquals(0, e.code(), e.err());
        assertTrue(e.err().contains("nothing to resume"), e.err());
        assertEquals(Files.readString(shared.resolve("whole.json")), Files.readString(tmp.resolve("e.json")));
        assertFalse(Files.exists(tmp.resolve("e.json.partial")));
    }

    @Test
    void plotsOfAnEarlierCampaignThatThisOneDoesNotMakeAreRemoved() throws Exception
    {
        final Path plots = Files.createDirectories(tmp.resolve("pl"));
        Files.writeString(plots.resolve("argmax-by-group.png"), "an earlier readout campaign's plot");
        Files.writeString(plots.resolve("masked-vs-fault-rate.png"), "an earlier rates campaign's plot");
        Files.writeString(plots.resolve("notes.txt"), "the user's own file");
        final Run r = run(small("--sites", SITES, "--json", tmp.resolve("p.json").toString(), "--plots",
            plots.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(plots.resolve("classes-by-group.png")) > 1000);
        assertFalse(Files.exists(plots.resolve("argmax-by-group.png")), "a Brunel campaign has no argmax");
        assertFalse(Files.exists(plots.resolve("masked-vs-fault-rate.png")));
        assertTrue(Files.exists(plots.resolve("notes.txt")), "only plots this command makes are touched");
    }

    @Test
    void resumingAFinishedReportSaysSoAndRunsNothing() throws Exception
    {
        final Path done = copy("whole.json");
        final long before = Files.getLastModifiedTime(done).toMillis();
        final Run r = run(small("--sites", SITES, "--json", done.toString(), "--resume"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("already this campaign's finished report: nothing to resume"), r.err());
        assertFalse(r.out().contains("items in"), "no item ran: " + r.out());
        assertEquals(Files.readString(shared.resolve("whole.json")), Files.readString(done));
        assertEquals(before, Files.getLastModifiedTime(done).toMillis());
        // another campaign's report is not this one's: --resume runs this campaign (and replaces the file)
        final Run o = run(small("--sites", SITES, "--json", done.toString(), "--resume", "--seed", "987"));
        assertEquals(0, o.code(), o.err());
        assertFalse(o.err().contains("finished report"), o.err());
        assertTrue(o.out().contains("60 items in"), o.out());
    }

    @Test
    void threadsFarBeyondTheCoresAreRefused()
    {
        final int many = 4 * Runtime.getRuntime().availableProcessors() + 1;
        final List<String> a = small("--sites", SITES, "--json", tmp.resolve("t.json").toString());
        a.set(a.indexOf("--threads") + 1, Integer.toString(many));
        assertRefused(run(a), "scfabric faults: --threads " + many + " is more than 4 per core");
        assertFalse(Files.exists(tmp.resolve("t.json")));
    }

    @Test
    void withoutSitesOrSampleACampaignIsASampleThatSaysSo() throws Exception
    {
        final Path json = tmp.resolve("d.json");
        final List<String> a = new ArrayList<>(List.of("faults", "--neurons", "16", "--duration-ms", "5", "--cores",
            "1", "--json", json.toString()));
        final Run r = run(a);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("faults: no --sites, --sample or --rates given: a sample of 385 of the "), r.err());
        final JsonNode c = new ObjectMapper().readTree(Files.readString(json, StandardCharsets.UTF_8)).get("campaign");
        assertEquals("fabric-v3", c.get("workload").asText());
        assertEquals("sample", c.get("mode").asText());
        assertEquals(385, c.get("items").asLong());
        assertTrue(c.get("population").asLong() > 385);
    }

    @Test
    void aFaultThatRunsTheStepCounterPastTheEndIsAnOutcomeNotACrash()
    {
        // stuck-at-1 on a high bit of the fabric's 32-bit step register: the controller counts on past the last step
        final Run r = run(small("--sites", "ctrl.step[2?]", "--kinds", "sa1", "--json", tmp.resolve("s.json").toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("failed"), r.out());
    }

    @Test
    void anUncreatableReportOrPlotFolderIsOneLineBeforeTheBanner()
    {
        // root may "write" in /proc by its permission bits, yet nothing can be made there: the banner was printed,
        // then an error naming the journal f.json.partial; --plots lacked what is accepted
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        assertRefused(run(small("--sites", SITES, "--json", "/proc/x/f.json")),
            "scfabric faults: --json /proc/x/f.json: cannot write in /proc (");
        final Run r = run(small("--sites", SITES, "--json", "/proc/x/f.json"));
        assertTrue(r.err().strip().endsWith("; give a path you can write in"), r.err());
        assertFalse(r.err().contains(".partial"), r.err());
        assertEquals("", r.out());
        final Run p = run(small("--sites", SITES, "--json", tmp.resolve("q.json").toString(), "--plots", "/proc/x"));
        assertRefused(p, "scfabric faults: --plots /proc/x: cannot write in /proc (");
        assertTrue(p.err().strip().endsWith("; give a path you can write in"), p.err());
        assertFalse(Files.exists(tmp.resolve("q.json.partial")));
        final Run m = run("faults", "merge", "--json", "/proc/x/m.json", shared.resolve("s0.json").toString(),
            shared.resolve("s1.json").toString());
        assertRefused(m, "scfabric faults merge: --json /proc/x/m.json: cannot write in /proc (");
    }

    @Test
    void aTruncatedShardIsNamedWithoutTheJsonParsersInternals() throws Exception
    {
        final String text = Files.readString(shared.resolve("s0.json"));
        final Path cut = Files.writeString(tmp.resolve("cut.json"), text.substring(0, text.length() / 2));
        final Run r = run("faults", "merge", "--json", tmp.resolve("m.json").toString(), cut.toString(),
            shared.resolve("s1.json").toString());
        assertRefused(r, "scfabric faults merge: " + cut + " is not a complete shard file (JSON ends early at line ");
        assertFalse(r.err().contains("Source"), r.err());
        assertFalse(r.err().contains("StreamReadFeature"), r.err());
        assertFalse(Files.exists(tmp.resolve("m.json")));
    }
}
