package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.sim.parts.Counter;
import org.scfabric.sim.parts.Gate;
import org.scfabric.sim.parts.Lfsr16Part;
import org.scfabric.sim.record.Recorder;
import org.scfabric.sim.record.SpikeRecorder;
import org.scfabric.sim.record.VcdWriter;

class VcdTraceTest
{
    @TempDir
    Path dir;

    /** A seeded run: the seed picks the LFSR seed and the enable pattern. */
    private Path run(final long seed, final String file) throws IOException
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 10, 5);
        b.input("en", 1);
        b.add("core0.lfsr[0]", new Lfsr16Part(1 + random.nextInt(0xFFFF))).clock(clk).connect("state", "s");
        b.add("core0.cnt", new Counter(8)).clock(clk).connect("en", "en").connect("count", "core0.count");
        b.add("core0.mix", new Gate(Gate.Op.XOR, 16)).connect("a", "s").connect("b", "s").connect("y", "zero");
        final Design d = b.build();
        final Path vcd = dir.resolve(file);
        final Kernel k = new Kernel(d);
        final SpikeRecorder spikes = new SpikeRecorder(1);
        final int[] traced = {d.signal("s"), d.signal("core0.count"), d.signal("en"), d.signal("zero")};
        try (Recorder rec = new Recorder(1 << 10, new VcdWriter(vcd, d, traced, "1ns"), spikes))
        {
            k.attach(rec);
            for (final int s : traced)
            {
                k.probe(s);
            }
            for (int c = 0; c < 2_000; c++)
            {
                k.poke("en", random.nextInt(2));
                k.runCycles(clk, 1);
                if ((k.peek("s") & 0xFF) == 0)
                {
                    k.bus().publish(EventBus.SPIKE, k.now(), 0, c);
                }
            }
        }
        assertTrue(spikes.total() > 0, "some LFSR states end in 0x00");
        return vcd;
    }

    @Test
    void twoRunsWithTheSameSeedWriteIdenticalVcdBytes() throws IOException
    {
        final byte[] first = Files.readAllBytes(run(99, "a.vcd"));
        final byte[] second = Files.readAllBytes(run(99, "b.vcd"));
        final byte[] other = Files.readAllBytes(run(100, "c.vcd"));
        assertArrayEquals(first, second);
        assertFalse(java.util.Arrays.equals(first, other), "a different seed gives a different trace");
        final String text = new String(first, java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(text.contains("$scope module core0 $end"), text.substring(0, 400));
        assertTrue(text.contains("$var reg 16 "), text.substring(0, 400));
        assertTrue(text.contains("#5\n"), "first edge at phase 5");
        assertFalse(Files.exists(dir.resolve("a.vcd.part")));
    }

    @Test
    void gtkwavesVcd2fstAcceptsTheTrace() throws Exception
    {
        final Path vcd = run(3, "t.vcd");
        final Path fst = dir.resolve("t.fst");
        final boolean ci = "true".equals(System.getenv("CI"));
        final boolean available = ExternalTool.onPath("vcd2fst");
        if (!available)
        {
            if (ci)
            {
                throw new AssertionError("vcd2fst (Debian package gtkwave) is not installed; CI needs it");
            }
            org.junit.jupiter.api.Assumptions.abort("vcd2fst not installed (apt-get install gtkwave)");
        }
        final Process p = new ProcessBuilder("vcd2fst", vcd.toString(), fst.toString()).redirectErrorStream(true)
            .start();
        final String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        assertFalse(output.toLowerCase().contains("error"), output);
        assertTrue(Files.size(fst) > 0);
    }
}
