package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.cosim.IcarusRunner;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.fault.Fault;

/** The netlist example of docs/components.md ("On the kernel") runs, and the document shows exactly this code. */
class DocsExampleTest
{
    static int[] example()
    {
        // --- example start
        NetlistBuilder b = new NetlistBuilder();
        Clock clk = b.clock("clk", 10, 5);                      // 10 ticks per cycle, first edge at 5
        b.input("x", 16).input("t_index", 32).input("y_min", 16).input("y_max", 16);
        b.input("leak_k", 16).input("gain_k", 16).input("noise_in", 16);
        b.add("enc", new LfsrEncoder(0xACE1)).clock(clk)        // registers enc.lfsr, enc.fresh, enc.bit_out
            .connect("x_value", "x").connect("t_index", "t_index");
        b.add("p2c", new DotProductToCurrent(1))                // combinational: I_t = y_min + (y_max - y_min) * bit
            .connect("bits", "enc.bit_out").connect("y_min", "y_min").connect("y_max", "y_max").connect("I_t", "I_t");
        b.add("core0.lif[0]", new LifNeuron(LifParams.Q8_8)).clock(clk)   // registers v, rc, spike_out, v_out
            .connect("leak_k", "leak_k").connect("gain_k", "gain_k").connect("I_t", "I_t")
            .connect("noise_in", "noise_in");
        Design d = b.build();
        Kernel k = new Kernel(d);
        k.inject(Fault.stuckAt0(d.faultSites().select("enc.lfsr[3]")[0], 500));   // from cycle 500 on
        k.poke("x", 0xC000);                                    // P(1) = 0.75
        k.poke("y_max", 200);
        k.poke("leak_k", 16);
        k.poke("gain_k", 256);
        int[] spikes = new int[2];                              // before and after the fault
        for (int cycle = 0; cycle < 1000; cycle++)
        {
            k.runCycles(clk, 1);
            spikes[cycle < 500 ? 0 : 1] += (int)k.peek("core0.lif[0].spike_out");
        }
        // --- example end
        return new int[] {spikes[0], spikes[1], (int)k.peek("enc.lfsr"), (int)k.peek("enc.bit_out")};
    }

    @Test
    void theExampleRunsAndTheFaultLocksTheLfsr()
    {
        final int[] r = example();
        // a stuck-at-0 below the lowest tap (10) locks the 16-bit LFSR at 0 within 15 cycles
        // (docs/components.md), so 0 < x on every edge: bit_out stuck at 1, I_t = y_max
        assertEquals(0, r[2], "locked LFSR");
        assertEquals(1, r[3], "bit_out");
        assertEquals(187, r[0], "spikes in cycles 0..499 (the number the docs quote)");
        assertEquals(247, r[1], "spikes in cycles 500..999, with I_t stuck at y_max");
    }

    @Test
    void docsShowThisExample() throws IOException
    {
        final Path docs = IcarusRunner.rtlDir().getParent().resolve("docs").resolve("components.md");
        final String doc = Files.readString(docs, StandardCharsets.UTF_8);
        final String marker = "## On the kernel";
        assertTrue(doc.contains(marker), "docs/components.md has a section '" + marker + "'");
        final String section = doc.substring(doc.indexOf(marker));
        final String block = section.substring(section.indexOf("```java\n") + 8, section.indexOf("```\n", section.indexOf("```java\n") + 8));
        final String source = Files.readString(Path.of("src/test/java/org/scfabric/hw/component/DocsExampleTest.java"));
        final String code = source.substring(source.indexOf("// --- example start"), source.indexOf("// --- example end"));
        final List<String> expected = code.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).toList();
        final List<String> shown = block.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertEquals(String.join("\n", expected), String.join("\n", shown), "the docs' example is this test's code");
    }
}
