package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.cli.Cli.assertBadInput;
import static org.scfabric.bench.cli.Cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli.Run;
import org.scfabric.sim.ExternalTool;

class TraceCommandTest
{
    @TempDir
    Path dir;

    @Test
    void denseCoreTraceHasEveryPortAndRegister() throws IOException
    {
        final Path vcd = dir.resolve("sub/dense.vcd");
        final Run r = run("trace", "--cycles", "220", "--out", vcd.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + vcd + ": 48 signals, 220 cycles of dense-core (clock period 10 ns)\n", r.out());
        final List<String> lines = Files.readAllLines(vcd, StandardCharsets.US_ASCII);
        assertEquals(48, lines.stream().filter(l -> l.startsWith("$var ")).count());
        final String text = String.join("\n", lines);
        for (final String s : new String[] {"$scope module core0 $end", "$scope module lif(1) $end",
            "$var reg 16 ' v [15:0] $end", "$scope module x_enc(2) $end", "$var reg 16 \" left [15:0] $end",
            " I_t [15:0] $end", " run_done $end", " x_bits [2:0] $end"})
        {
            assertTrue(text.contains(s), s);
        }
        assertTrue(lines.contains("#5"), "first edge at 5 ns");
        assertTrue(lines.contains("#" + (5 + 219 * 10)), "last edge");
        assertFalse(lines.contains("#" + (5 + 220 * 10)), "no edge after the last cycle");
        // run_done pulses once, at the edge after 200 running cycles (edge 201, time 2005)
        final int at = lines.indexOf("#2005");
        final int next = lines.indexOf("#2015");
        assertTrue(lines.subList(at, next).stream().anyMatch(l -> l.matches("1[^ ]+")), "a 1-bit rise at 2005");
        assertFalse(Files.exists(dir.resolve("sub/dense.vcd.part")));
    }

    @Test
    void otherDesignsAndVcd2fstAcceptsTheTrace() throws Exception
    {
        for (final String design : new String[] {"lif", "encoder", "dense-core"})
        {
            final Path vcd = dir.resolve(design + ".vcd");
            final Run r = run("trace", "--design", design, "--cycles", "50", "--out", vcd.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("50 cycles of " + design), r.out());
            assertTrue(Files.size(vcd) > 200);
        }
        ExternalTool.require("vcd2fst", "gtkwave");
        for (final String design : new String[] {"lif", "encoder", "dense-core"})
        {
            final Path fst = dir.resolve(design + ".fst");
            final Process p = new ProcessBuilder("vcd2fst", dir.resolve(design + ".vcd").toString(), fst.toString())
                .redirectErrorStream(true).start();
            final String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), output);
            assertFalse(output.toLowerCase(java.util.Locale.ROOT).contains("error"), output);
            assertTrue(Files.size(fst) > 0);
        }
    }

    @Test
    void badPathsAndOptions() throws IOException
    {
        assertBadInput(run("trace", "--out", dir.toString()), "is a folder");
        final Path file = Files.writeString(dir.resolve("plain"), "x");
        assertBadInput(run("trace", "--out", file.resolve("t.vcd").toString()), "is a file, not a folder");
        assertBadInput(run("trace", "--out", file.resolve("deeper/t.vcd").toString()), "is a file, not a folder");
        assertBadInput(run("trace", "--cycles", "0", "--out", dir.resolve("a.vcd").toString()), "--cycles 0");
        assertBadInput(run("trace", "--cycles", "many", "--out", dir.resolve("a.vcd").toString()), "--cycles 'many'");
        assertBadInput(run("trace", "--design", "cpu", "--out", dir.resolve("a.vcd").toString()), "--design 'cpu'",
            "dense-core, lif, encoder");
        assertFalse(Files.exists(dir.resolve("a.vcd")), "nothing written for bad input");
        final Path locked = Files.createDirectory(dir.resolve("locked"));
        if (locked.toFile().setWritable(false) && !Files.isWritable(locked))
        {
            assertBadInput(run("trace", "--out", locked.resolve("t.vcd").toString()), "is not writable");
        }
        locked.toFile().setWritable(true);
    }
}
