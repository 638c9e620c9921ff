package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.hw.cosim.IcarusRunner;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.fault.Fault;

/** The README's "Using the kernel from Java" example: what it does, and that the README's own text compiles and runs. */
class ReadmeExampleTest
{
    static long[] example(final boolean withFault)
    {
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

    /**
     * The README's block, imports included, compiled as it stands (a method body around its statements)
     * against the project's classes and run: it must compile, and give this test's faulty v_out.
     */
    @Test
    void theReadmeExampleCompilesAndRunsAsShown(@TempDir final Path tmp) throws Exception
    {
        final Path readme = IcarusRunner.rtlDir().getParent().resolve("README.md");
        final String doc = Files.readString(readme, StandardCharsets.UTF_8);
        final String section = doc.substring(doc.indexOf("## Using the kernel from Java"));
        final int open = section.indexOf("```java\n") + 8;
        final String block = section.substring(open, section.indexOf("```\n", open));
        final String imports = block.lines().filter(l -> l.startsWith("import ")).collect(Collectors.joining("\n"));
        final String body = block.lines().filter(l -> !l.startsWith("import ")).collect(Collectors.joining("\n"));
        assertTrue(body.contains("long v = "), "the example ends with the v it reads");
        final Path src = tmp.resolve("ReadmeExample.java");
        Files.writeString(src, imports + "\n\npublic class ReadmeExample\n{\n    public static long run()\n    {\n"
            + body + "\n        return v;\n    }\n}\n", StandardCharsets.UTF_8);

        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests run on a JDK");
        // Surefire may hand the classpath over in a manifest jar; name the classes' folders explicitly too
        final String cp = String.join(File.pathSeparator, System.getProperty("java.class.path"),
            where(Kernel.class), where(LifNeuron.class));
        final ByteArrayOutputStream errors = new ByteArrayOutputStream();
        final int rc = javac.run(null, errors, errors, "-proc:none", "-d", tmp.toString(), "-cp", cp, src.toString());
        assertEquals(0, rc, "the README's Java example does not compile:\n" + errors.toString(StandardCharsets.UTF_8));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader()))
        {
            final long v = (long)loader.loadClass("ReadmeExample").getMethod("run").invoke(null);
            assertEquals(example(true)[0], v, "the README's example gives the faulty v_out");
            assertEquals(1, (v >>> 15) & 1, "v_out is negative");
        }
    }

    private static String where(final Class<?> c) throws Exception
    {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
