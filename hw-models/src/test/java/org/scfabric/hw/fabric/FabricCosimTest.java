package org.scfabric.hw.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.scfabric.hw.cosim.IcarusRunner;
import org.scfabric.sim.EventBus;

/**
 * The Verilog fabric under Icarus against the Java fabric on the kernel: the same step start edges
 * (so the same cycles per timestep), the same spikes at the same edges, the same finish edge.
 */
class FabricCosimTest
{
    record Case(int n, int k, int d, int p, int lc, int lr, int overflow, int density)
    {
    }

    static final Gen<Case> CASES = integers().between(16, 64).zip(integers().between(1, 4), integers().between(1, 12),
        integers().between(1, 3), (n, k, d, p) -> new int[] {n, k, d, p})
        .zip(integers().between(1, 3), integers().between(1, 3), integers().between(0, 4), integers().between(0, 2),
            (a, lc, lr, ov, dens) -> new Case(a[0], a[1], a[2], a[3], lc, lr, ov == 0 ? 1 : 0, dens));

    @Test
    void verilogGivesTheSameSpikesAndCyclesAsTheJavaFabric()
    {
        IcarusRunner.requireIcarus();
        final int[] seen = new int[2];
        qt().withFixedSeed(0xC051FABL).withExamples(16).forAll(CASES, longs().all(), integers().between(0, 1))
            .checkAssert((cs, seed, q16) ->
            {
                final FabricNetwork net = Nets.random(cs.n, new double[] {0.05, 0.15, 0.4}[cs.density], q16 == 1,
                    seed);
                final FabricParams fp = new FabricParams(cs.n, cs.k, cs.d, cs.p, cs.lc, cs.lr, 100,
                    cs.overflow == 1 ? FabricParams.Overflow.DROP : FabricParams.Overflow.STALL);
                final int steps = 40;
                final List<String> expected = javaTrace(fp, net, steps);
                final List<String> actual = verilogTrace(fp, net, steps);
                final String where = cs + " q16 " + q16 + " seed " + seed;
                for (int i = 0; i < Math.min(expected.size(), actual.size()); i++)
                {
                    assertEquals(expected.get(i), actual.get(i), "event " + i + " of " + where);
                }
                assertEquals(expected.size(), actual.size(), "events of " + where);
                seen[0]++;
                System.out.println("cosim " + where + ": " + actual.size() + " events, last " + actual.get(actual.size() - 1));
                seen[1] += expected.stream().filter(l -> l.startsWith("S")).count() > steps ? 1 : 0;
            });
        assertTrue(seen[1] >= seen[0] / 2, "most cases spike: " + seen[1] + " of " + seen[0]);
    }

    /** Java events in the bench's format, in edge order (spikes of one edge by neuron). */
    static List<String> javaTrace(final FabricParams fp, final FabricNetwork net, final int steps)
    {
        final Fabric fabric = new Fabric(fp, net, steps);
        final List<long[]> spikes = new ArrayList<>();
        fabric.kernel().bus().subscribe(EventBus.SPIKE, (type, time, source, value) -> spikes.add(new long[] {time,
            value}));
        final FabricResult r = fabric.run();
        final List<long[]> events = new ArrayList<>();
        long start = 0;
        for (int t = 0; t < steps; t++)
        {
            events.add(new long[] {start, 0, 0});
            start += r.stepCycles()[t];
        }
        for (final long[] s : spikes)
        {
            events.add(new long[] {s[0], 1, s[1]});
        }
        events.add(new long[] {start, 2, 0});
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : a[1] != b[1] ? Long.compare(a[1], b[1])
            : Long.compare(a[2], b[2]));
        final List<String> out = new ArrayList<>();
        for (final long[] e : events)
        {
            out.add(e[1] == 0 ? "T " + e[0] : e[1] == 1 ? "S " + e[0] + " " + e[2] : "F " + e[0]);
        }
        return out;
    }

    /** The same from the Verilog, sorted the same way (T before S before F at one edge, spikes by id). */
    static List<String> verilogTrace(final FabricParams fp, final FabricNetwork net, final int steps)
    {
        try
        {
            final Path dir = Files.createTempDirectory("fabric-cosim");
            final Path wrapper = FabricRtl.write(dir, fp, net, steps);
            final Path vvp = dir.resolve("tb.vvp");
            final Path rtl = FabricRtl.rtlDir();
            run(dir, "iverilog", "-g2005", "-s", "tb_sc_fabric", "-o", vvp.toString(),
                "-Ptb_sc_fabric.K=" + fp.cores(), "-Ptb_sc_fabric.IDB=" + fp.idBits(),
                rtl.resolve("fabric/tb_sc_fabric.v").toString(), rtl.resolve("fabric/sc_fabric.v").toString(),
                wrapper.toString());
            final Path out = dir.resolve("trace.txt");
            run(dir, "vvp", "-n", vvp.toString(), "+out=" + out);
            final List<String> lines = new ArrayList<>(Files.readAllLines(out, StandardCharsets.US_ASCII));
            lines.sort((a, b) -> compare(a, b));
            deleteTree(dir);
            return lines;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static int compare(final String a, final String b)
    {
        final String[] x = a.split(" ");
        final String[] y = b.split(" ");
        final int c = Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
        if (c != 0)
        {
            return c;
        }
        final int k = Integer.compare("TSFX".indexOf(x[0]), "TSFX".indexOf(y[0]));
        if (k != 0)
        {
            return k;
        }
        return x.length > 2 ? Long.compare(Long.parseLong(x[2]), Long.parseLong(y[2])) : 0;
    }

    static void run(final Path dir, final String... cmd) throws IOException
    {
        final Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        final String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try
        {
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0)
            {
                throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + log);
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (log.contains("error") || log.contains("ERROR"))
        {
            throw new IllegalStateException(String.join(" ", cmd) + ":\n" + log);
        }
    }

    static void deleteTree(final Path dir) throws IOException
    {
        try (var s = Files.walk(dir))
        {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> f.toFile().delete());
        }
    }
}
