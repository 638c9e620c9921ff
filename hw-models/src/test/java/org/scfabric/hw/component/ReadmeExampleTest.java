package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The README's "Using the kernel from Java" example runs, and the README shows exactly this code. */
class ReadmeExampleTest
{
    static long[] example(final boolean withFault)
    {
        // --- example start
        NetlistBuilder b = new NetlistBuilder();
        Clock clk = b.clock("clk", 10, 5);                          // 10 ticks per cycle, first edge at 5
        b.input("leak_k", 16).input("gain_k", 16).input("I_t", 16).input("noise_in", 16);
        b.add("core0.lif[0]", new LifNeuron(LifParams.Q8_8)).clock(clk)
            .connect("leak_k", "leak_k").connect("gain_k", "gain_k").connect("I_t", "I_t").connect("noise_in", "noise_in");
        Design d = b.build();                                       // checked: undriven inputs, two drivers, widths, names
        Kernel k = new Kernel(d);
        k.inject(Fault.stuckAt1(d.faultSites().select("core0.lif[0].v[15]")[0], 100));   // sign bit, from cycle 100
        k.poke("leak_k", 16);
        k.poke("gain_k", 256);
        k.poke("I_t", 85);
        k.runCycles(clk, 1000);
        long v = k.peek("core0.lif[0].v_out");
        // --- example end
        if (!withFault)
        {
            final Kernel golden = new Kernel(d);
            golden.poke("leak_k", 16);
            golden.poke("gain_k", 256);
            golden.poke("I_t", 85);
            golden.runCycles(clk, 1000);
            return new long[] {golden.peek("core0.lif[0].v_out")};
        }
        return new long[] {v, k.peek("core0.lif[0].v")};
    }

    @Test
    void theSignBitStuckAtOneKeepsTheMembraneNegative()
    {
        // fault-free: docs/spec/hardware.md §1's third golden trace (leak 16, I 85) cycles 85, 164, 238, spike; after 1000 edges
        // (1000 = 4 * 250) the neuron has just spiked: v_out = 0
        assertEquals(0, example(false)[0]);
        final long[] faulty = example(true);
        assertEquals(1, (faulty[0] >>> 15) & 1, "v_out is negative");
        assertEquals(1, (faulty[1] >>> 15) & 1, "the register v keeps its stuck sign bit");
    }

    @Test
    void theReadmeShowsThisExample() throws IOException
    {
        final Path readme = IcarusRunner.rtlDir().getParent().resolve("README.md");
        final String doc = Files.readString(readme, StandardCharsets.UTF_8);
        final String section = doc.substring(doc.indexOf("## Using the kernel from Java"));
        final int open = section.indexOf("```java\n") + 8;
        final String block = section.substring(open, section.indexOf("```\n", open));
        final String source = Files.readString(Path.of("src/test/java/org/scfabric/hw/component/ReadmeExampleTest.java"));
        final String code = source.substring(source.indexOf("// --- example start"), source.indexOf("// --- example end"));
        final List<String> expected = code.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).toList();
        final List<String> shown = block.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertEquals(String.join("\n", expected), String.join("\n", shown), "the README's example is this test's code");
    }
}
