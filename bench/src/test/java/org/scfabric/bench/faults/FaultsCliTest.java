package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.cli.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli.Run;

class FaultsCliTest
{
    @TempDir
    Path tmp;

    List<String> small(final String... more)
    {
        final List<String> a = new ArrayList<>(List.of("faults", "--variant", "fabric-v3", "--neurons", "16",
            "--duration-ms", "5", "--cores", "1", "--threads", "2"));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void aCampaignShardedAndMergedOnTheCommandLineEqualsTheWholeOne() throws Exception
    {
        final String sites = "core0.vmem[3][*],core0.addr[*],router.state[*]";
        final Run whole = run(small("--sites", sites, "--json", tmp.resolve("whole.json").toString(), "--plots",
            tmp.resolve("plots").toString()));
        assertEquals(0, whole.code(), whole.err());
        assertTrue(whole.out().contains("items/s"), whole.out());
        assertTrue(Files.exists(tmp.resolve("plots/classes-by-component.png")));
        for (int i = 0; i < 2; i++)
        {
            final Run s = run(small("--sites", sites, "--shard", i + "/2", "--json", tmp.resolve("s" + i + ".json")
                .toString()));
            assertEquals(0, s.code(), s.err());
        }
        final Run m = run("faults", "merge", "--json", tmp.resolve("merged.json").toString(),
            tmp.resolve("s1.json").toString(), tmp.resolve("s0.json").toString());
        assertEquals(0, m.code(), m.err());
        assertEquals(Files.readString(tmp.resolve("whole.json")), Files.readString(tmp.resolve("merged.json")));
        final Run c = run("faults", "compare", "--plots", tmp.resolve("cmp").toString(),
            tmp.resolve("whole.json").toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(Files.exists(tmp.resolve("cmp/compare-error-by-bit.png")));
    }

    /**
     * A stuck-at-1 on a FIFO count register's bits makes the count larger than the FIFO's depth; the campaign classes
     * those faults like any other (it once stopped on the occupancy histogram's index).
     */
    @Test
    void countRegistersStuckAboveTheDepthAreClassedNotACrash() throws Exception
    {
        final Run r = run(small("--sites", "router.cnt*", "--kinds", "sa1", "--json", tmp.resolve("cnt.json").toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("items:"), r.out());
        assertTrue(Files.readString(tmp.resolve("cnt.json")).contains("\"sa1\""), "the report holds the faults");
    }

    @Test
    void badInputGetsOneLineOnStderrExit2AndNoFile()
    {
        final Path json = tmp.resolve("never.json");
        final String[][] cases = {
            {"--sites", "lif[*].v[*]"},
            {"--sites", ""},
            {"--sites", "core0.*,,ctrl.*"},
            {"--sites", "core0 vmem"},
            {"--shard", "2/2"},
            {"--shard", "x"},
            {"--kinds", "sa0,stuck"},
            {"--sample", "0"},
            {"--sample", "99999999"},
            {"--at", "-3"},
            {"--rates", "1e-3,abc"},
            {"--tolerance", "-1"},
            {"--sites", "*", "--max-items", "100"},
        };
        final String[] expected = {
            "scfabric faults: site glob 'lif[*].v[*]' matches none of the",
            "scfabric faults: empty site glob (use e.g. 'lif[*].v[*]' or '*')",
            "scfabric faults: site globs 'core0.*,,ctrl.*' hold an empty glob",
            "scfabric faults: site glob 'core0 vmem' contains white space",
            "scfabric faults: bad shard '2/2': expected i/n with n >= 1 and 0 <= i < n",
            "scfabric faults: bad shard 'x': expected i/n",
            "scfabric faults: unknown fault kind 'stuck' (accepted: sa0, sa1, flip)",
            "scfabric faults: --sample must be >= 1, got 0",
            "scfabric faults: --sample 99999999 is larger than the",
            "scfabric faults: bad --at '-3': expected auto, random or a cycle number >= 0",
            "scfabric faults: --rates must be a number, got 'abc'",
            "scfabric faults: --tolerance must be a number >= 0, got -1.0",
            "scfabric faults: exhaustive over '*' is ",
        };
        for (int i = 0; i < cases.length; i++)
        {
            final List<String> a = small(cases[i]);
            a.addAll(List.of("--json", json.toString()));
            final Run r = run(a);
            assertEquals(2, r.code(), String.join(" ", cases[i]) + ": " + r.err());
            assertTrue(r.err().startsWith(expected[i]), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(Files.exists(json));
        }
        final Run v = run("faults", "--variant", "V99", "--json", json.toString());
        assertEquals(2, v.code());
        assertTrue(v.err().startsWith("scfabric faults: unknown variant 'V99' (accepted: V3, V4, V11, V14, dense-core"), v.err());
        final Run m = run("faults", "merge", "--json", json.toString(), tmp.resolve("nope.json").toString());
        assertEquals(2, m.code());
        assertEquals("scfabric faults merge: no such shard file: " + tmp.resolve("nope.json"), m.err().trim());
    }
}
