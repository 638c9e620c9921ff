package org.scfabric.bench.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.hw.cosim.IcarusRunner;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.FabricRtl;
import org.scfabric.hw.fabric.MappedNetwork;
import org.scfabric.hw.fabric.MappedRtl;
import org.scfabric.net.Network;
import org.scfabric.net.nir.NirWriter;
import org.scfabric.net.ref.Options;

/**
 * The Brian2 datapath's Verilog ({@code rtl/fabric/sc_brian2_unit.v} in {@code sc_mapped_fabric.v}'s cores, top
 * written by {@link MappedRtl}) under Icarus against the fast engine: every step start, every spike and every output
 * event at the same edge and the same finish edge, on random Brian2-like networks (the generator of
 * {@link Brian2FabricEquivalenceTest}: refractory periods, both resets and thresholds, held variables, zero to two
 * currents, initial values, recurrent synapses with delays into any variable, Poisson and spike-generator sources
 * as host address events) under random architectures, in Q8.8 and Q16.12; the same runs also fire the unrolled
 * engine's spikes per population and step ({@link Brian2FabricEquivalenceTest#compare}).
 */
class Brian2FabricCosimTest
{
    private static final int STEPS = 100;

    @Test
    void verilogGivesTheFastEnginesEventsOnRandomBrian2NetworksAndArchitectures()
    {
        IcarusRunner.requireIcarus();
        final AtomicInteger spiking = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();
        qt().withFixedSeed(0xB21A7L).withExamples(30).forAll(longs().all(), integers().between(1, 4),
            integers().between(0, 35), integers().between(0, 63)).checkAssert((seed, k, dp, bits) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final StringBuilder desc = new StringBuilder();
                final Network net = Brian2FabricEquivalenceTest.randomNetwork(r, desc);
                final FixedFormat fmt = (bits & 1) == 0 ? FixedFormat.Q8_8 : FixedFormat.Q16_12;
                final Options opt = new Options(Brian2FabricEquivalenceTest.DT, Options.Integrator.EULER,
                    Options.Reset.ZERO);
                final NirMapping map = NirMapping.map(net, opt, fmt);
                final int n = map.network().size();
                final FabricParams fp = new FabricParams(n, Math.min(k, n), 1 + dp % 9, 1 + dp / 9,
                    1 + (bits >> 2 & 3), 1 + (bits >> 4 & 1), 100.0, FabricParams.Overflow.STALL);
                final String where = desc + "| " + fp + " " + fmt.name();
                final long spikes = Brian2FabricEquivalenceTest.compare(net, map, fp, opt, fmt, STEPS, false, where);
                final int[][] ev = SourceEvents.events(net, map, opt, STEPS, fmt.fraction(), fmt.width());
                NirFabricCosimTest.compare(fp, map, ev[0], ev[1], STEPS, where);
                runs.incrementAndGet();
                spiking.addAndGet(spikes > 0 ? 1 : 0);
            });
        assertTrue(spiking.get() * 2 > runs.get(), "most random networks must spike for the co-simulation to mean "
            + "anything: " + spiking + " of " + runs);
    }

    /**
     * The command line: {@code fabric --network F --rtl DIR --events E} on a self-driven Brian2 file writes a top
     * whose Icarus trace is the events file, line for line (sorted).
     */
    @Test
    void rtlOptionWritesAVerilogTopThatGivesTheEventsFile(@TempDir final Path dir) throws Exception
    {
        IcarusRunner.requireIcarus();
        final Options opt = new Options(Brian2FabricEquivalenceTest.DT, Options.Integrator.EULER, Options.Reset.ZERO);
        Network net = null;
        MappedNetwork mn = null;
        for (long seed = 0; net == null; seed++)
        {
            // the first random network with sources that fires
            final Network n = Brian2FabricEquivalenceTest.randomNetwork(new SplittableRandom(seed), new StringBuilder());
            final NirMapping m = NirMapping.map(n, opt, FixedFormat.Q8_8);
            if (n.inputs().length > 0 && Brian2FabricEquivalenceTest.compare(n, m, FabricParams.of(m.network().size(), 1),
                opt, FixedFormat.Q8_8, 100, false, "seed " + seed) > 20)
            {
                net = n;
                mn = m.network();
            }
        }
        final Path file = dir.resolve("self.nir");
        NirWriter.write(net, file);
        final Path rtl = dir.resolve("rtl");
        final Path events = dir.resolve("events.txt");
        final Cli.Run f = Cli.run("fabric", "--network", file.toString(), "--steps", "100", "--cores", "2", "--rtl",
            rtl.toString(), "--events", events.toString());
        assertEquals(0, f.code(), f.err());
        final MappedRtl.Widths wd = MappedRtl.widths(FabricParams.of(mn.size(), 2), mn);
        final Path vvp = dir.resolve("tb.vvp");
        final Path trace = dir.resolve("trace.txt");
        exec(dir, "iverilog", "-g2005", "-s", "tb_sc_mapped_fabric", "-o", vvp.toString(),
            "-Ptb_sc_mapped_fabric.K=2", "-Ptb_sc_mapped_fabric.IDB=" + wd.idBits(),
            "-Ptb_sc_mapped_fabric.W=" + wd.dataBits(),
            FabricRtl.rtlDir().resolve("fabric/tb_sc_mapped_fabric.v").toString(), MappedRtl.source().toString(),
            rtl.resolve(MappedRtl.WRAPPER + ".v").toString());
        exec(dir, "vvp", "-n", vvp.toString(), "+out=" + trace);
        final List<String> want = new ArrayList<>(Files.readAllLines(events));
        final List<String> got = new ArrayList<>(Files.readAllLines(trace));
        Collections.sort(want);
        Collections.sort(got);
        assertTrue(want.stream().filter(l -> l.startsWith("S ")).count() > 20, "the run spikes");
        assertEquals(want, got);
    }

    private static void exec(final Path dir, final String... cmd) throws Exception
    {
        final Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        final String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ":\n" + log);
    }
}
