package org.scfabric.bench.brian2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.scfabric.bench.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli.Run;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.FreeRun;
import org.scfabric.net.ref.Options;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Brian2's own examples (Debian's python-brian-doc) through {@code scfabric brian2}: skipped when Brian2 or the
 * examples are missing, failed under CI=true (CI installs python3-brian and python-brian-doc).
 */
public class Brian2ScriptsTest
{
    public static final Path EXAMPLES = Path.of("/usr/share/doc/python-brian-doc/examples");

    @TempDir
    Path tmp;

    /** Skips without Brian2 or its examples; under CI=true their absence fails. */
    public static void needBrian2()
    {
        boolean ok = Files.isDirectory(EXAMPLES);
        if (ok)
        {
            try
            {
                final Process p = new ProcessBuilder(Brian2Runner.defaultPython(), "-c", "import brian2")
                    .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                ok = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
            }
            catch (final Exception e)
            {
                ok = false;
            }
        }
        if (!ok)
        {
            final String why = "Brian2 or its examples are missing (apt-get install python3-brian python-brian-doc)";
            if ("true".equals(System.getenv("CI")))
            {
                throw new AssertionError(why + "; CI needs them");
            }
            assumeTrue(false, why);
        }
    }

    /** IF_curve_LIF.py: Brian2 simulates the instance it captured; float64 gives every neuron the same spikes. */
    @Test
    void ifCurveSpikesEqualBrian2sForEveryNeuron() throws Exception
    {
        needBrian2();
        new ShimRunner(Brian2Runner.defaultPython()).run(EXAMPLES.resolve("IF_curve_LIF.py"), List.of(), "1",
            "simulate", tmp);
        final Translation.Result t = Translation.of(new CaptureReader(tmp, "capture.json"), 1);
        assertEquals(1000, t.network().neurons());
        final FreeRun.Train f = FreeRun.run(t.network(), t.steps(), new Options(t.dt(), Options.Integrator.EULER,
            Options.Reset.ZERO)).trains().get("neurongroup");
        final CaptureReader b = new CaptureReader(tmp, "brian2.json");
        final JsonNode s = b.root().get("spikes").get("neurongroup");
        final int[] counts = new int[1000];
        final int[] brian = new int[1000];
        for (final int i : f.index())
        {
            counts[i]++;
        }
        for (final long i : b.longs(s.get("index")))
        {
            brian[(int) i]++;
        }
        assertTrue(java.util.Arrays.stream(brian).sum() > 20_000, "the f-I curve has spikes");
        assertArrayEquals(brian, counts, "spike counts per neuron");
        assertArrayEquals(toInts(b.longs(s.get("step"))), f.steps(), "spike steps in order");
    }

    /**
     * Delays to the step: a recurrent synapse with delay 1.5 ms (a cycle in the graph), a feed-forward one with
     * delay 0 onto a second group with v -= c reset and euler, refractoriness; deterministic, so every spike of
     * both groups must be Brian2's.
     */
    @Test
    void delayedRecurrentAndFeedForwardSpikesEqualBrian2s() throws Exception
    {
        needBrian2();
        final Path script = tmp.resolve("chain.py");
        Files.writeString(script, String.join("\n",
            "from brian2 import *",
            "G = NeuronGroup(3, 'dv/dt = (v0 - v)/(10*ms) : volt (unless refractory)\\nv0 : volt',",
            "                threshold='v > 10*mV', reset='v = 0*mV', refractory=2*ms, method='exact')",
            "G.v0 = [25*mV, 0*mV, 0*mV]",
            "S = Synapses(G, G, on_pre='v += 12*mV', delay=1.5*ms)",
            "S.connect(i=[0, 1], j=[1, 2])",
            "H = NeuronGroup(2, 'dv/dt = -v/(20*ms) : volt', threshold='v >= 10*mV', reset='v -= 10*mV',",
            "                method='euler')",
            "T = Synapses(G, H, on_pre='v += 6*mV')",
            "T.connect(i=0, j=[0, 1])",
            "run(100*ms)", ""));
        final Path folder = tmp.resolve("sim");
        Files.createDirectories(folder);
        new ShimRunner(Brian2Runner.defaultPython()).run(script, List.of(), "1", "simulate", folder);
        final Translation.Result t = Translation.of(new CaptureReader(folder, "capture.json"), 1);
        final var runs = FreeRun.run(t.network(), t.steps(), new Options(t.dt(), Options.Integrator.EULER,
            Options.Reset.ZERO)).trains();
        final CaptureReader b = new CaptureReader(folder, "brian2.json");
        for (final String g : List.of("neurongroup", "neurongroup_1"))
        {
            final JsonNode s = b.root().get("spikes").get(g);
            final int[] steps = toInts(b.longs(s.get("step")));
            assertTrue(steps.length >= 10, g + " has " + steps.length + " spikes");
            assertArrayEquals(steps, runs.get(g).steps(), g + " spike steps");
            assertArrayEquals(toInts(b.longs(s.get("index"))), runs.get(g).index(), g + " spiking neurons");
        }
    }

    /**
     * Brian2 writes an {@code (unless refractory)} variable only where not_refractory holds: effects that land while
     * the target is refractory, or in the step it fires, are lost (onto v and onto a current), while they reach a
     * group without the flag. A fast driver makes them land in every refractory period; every spike must be
     * Brian2's (the Brunel network's +7 % rate came from keeping them).
     */
    @Test
    void effectsDuringRefractorinessAreLostAsInBrian2() throws Exception
    {
        needBrian2();
        final Path script = tmp.resolve("refractory.py");
        Files.writeString(script, String.join("\n",
            "from brian2 import *",
            "D = NeuronGroup(2, 'dv/dt = (v0 - v)/(10*ms) : volt\\nv0 : volt', threshold='v > 10*mV', reset='v = 0*mV',",
            "                method='exact')",
            "D.v0 = [60*mV, 45*mV]",
            "B = NeuronGroup(2, 'dv/dt = (12*mV - v + ge)/(10*ms) : volt (unless refractory)\\n"
                + "dge/dt = -ge/(3*ms) : volt (unless refractory)',",
            "                threshold='v > 10*mV', reset='v = 0*mV', refractory=5*ms, method='exact')",
            "C = NeuronGroup(2, 'dv/dt = (12*mV - v)/(10*ms) : volt', threshold='v > 10*mV', reset='v -= 10*mV',",
            "                refractory=5*ms, method='euler')",
            "S = Synapses(D, B, on_pre='v += 3*mV')",
            "S.connect(i=[0, 1], j=[0, 1])",
            "T = Synapses(D, B, on_pre='ge += 2*mV', delay=0.3*ms)",
            "T.connect(i=1, j=[0, 1])",
            "U = Synapses(D, C, on_pre='v += 3*mV')",
            "U.connect(i=[0, 1], j=[0, 1])",
            "run(200*ms)", ""));
        final Path folder = tmp.resolve("sim");
        Files.createDirectories(folder);
        new ShimRunner(Brian2Runner.defaultPython()).run(script, List.of(), "1", "simulate", folder);
        final Translation.Result t = Translation.of(new CaptureReader(folder, "capture.json"), 1);
        final var runs = FreeRun.run(t.network(), t.steps(), new Options(t.dt(), Options.Integrator.EULER,
            Options.Reset.ZERO)).trains();
        final CaptureReader b = new CaptureReader(folder, "brian2.json");
        for (final String g : List.of("neurongroup_1", "neurongroup_2"))
        {
            final JsonNode s = b.root().get("spikes").get(g);
            final int[] steps = toInts(b.longs(s.get("step")));
            assertTrue(steps.length >= 20, g + " has " + steps.length + " spikes");
            assertArrayEquals(steps, runs.get(g).steps(), g + " spike steps");
            assertArrayEquals(toInts(b.longs(s.get("index"))), runs.get(g).index(), g + " spiking neurons");
        }
    }

    /**
     * A SpikeGeneratorGroup is an Input that plays its spikes: times off the step grid fall in Brian2's own time
     * bins, and through delayed synapses onto a refractory group every spike is Brian2's.
     */
    @Test
    void spikeGeneratorSpikesDriveTheNetworkAsInBrian2() throws Exception
    {
        needBrian2();
        final Path script = tmp.resolve("generator.py");
        Files.writeString(script, String.join("\n",
            "from brian2 import *",
            "import numpy as np",
            "idx = np.array([0, 1, 2, 0, 1, 2, 0, 2, 1, 0] * 6)",
            "times = (np.arange(60) * 1.37 + 0.55) * 0.1 * ms",
            "S = SpikeGeneratorGroup(3, idx, times)",
            "G = NeuronGroup(2, 'dv/dt = -v/(10*ms) : volt (unless refractory)', threshold='v > 10*mV',",
            "                reset='v = 0*mV', refractory=1*ms, method='exact')",
            "E = Synapses(S, G, on_pre='v += 4*mV', delay=0.35*ms)",
            "E.connect(i=[0, 1, 2, 2], j=[0, 0, 1, 0])",
            "run(12*ms)", ""));
        final Path folder = tmp.resolve("sim");
        Files.createDirectories(folder);
        new ShimRunner(Brian2Runner.defaultPython()).run(script, List.of(), "1", "simulate", folder);
        final Translation.Result t = Translation.of(new CaptureReader(folder, "capture.json"), 1);
        final var runs = FreeRun.run(t.network(), t.steps(), new Options(t.dt(), Options.Integrator.EULER,
            Options.Reset.ZERO)).trains();
        final CaptureReader b = new CaptureReader(folder, "brian2.json");
        final JsonNode s = b.root().get("spikes").get("neurongroup");
        final int[] steps = toInts(b.longs(s.get("step")));
        assertTrue(steps.length >= 5, "the group fires " + steps.length + " times");
        assertArrayEquals(steps, runs.get("neurongroup").steps(), "spike steps");
        assertArrayEquals(toInts(b.longs(s.get("index"))), runs.get("neurongroup").index(), "spiking neurons");
    }

    @Test
    void aRepeatingSpikeGeneratorIsRefusedInOneLine() throws IOException
    {
        needBrian2();
        final Path script = tmp.resolve("period.py");
        Files.writeString(script, String.join("\n",
            "from brian2 import *",
            "S = SpikeGeneratorGroup(1, [0], [1]*ms, period=5*ms)",
            "G = NeuronGroup(1, 'dv/dt = -v/(10*ms) : volt', threshold='v > 10*mV', reset='v = 0*mV')",
            "E = Synapses(S, G, on_pre='v += 4*mV')",
            "E.connect()",
            "run(10*ms)", ""));
        final Run r = run("brian2", script.toString(), "--out", tmp.resolve("p.nir").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("spike generator spikegeneratorgroup: period 5 ms (a repeating list"), r.err());
    }

    /** --capture all writes one NIR file per run(), --capture 2 the second network, and -- ARGS reach sys.argv. */
    @Test
    void captureAllWritesOneFilePerRunAndArgumentsReachTheScript() throws IOException
    {
        needBrian2();
        final Path script = tmp.resolve("two.py");
        Files.writeString(script, String.join("\n",
            "import sys",
            "from brian2 import *",
            "n = int(sys.argv[1])",
            "for k in (1, 2):",
            "    G = NeuronGroup(k * n, 'dv/dt = (1.2 - v)/(10*ms) : 1', threshold='v > 1', reset='v = 0',",
            "                    method='exact')",
            "    Network(G).run(5*ms)", ""));
        final Path nir = tmp.resolve("two.nir");
        final Run all = run("brian2", script.toString(), "--capture", "all", "--out", nir.toString(), "--", "7");
        assertEquals(0, all.code(), all.err());
        assertEquals(7, NirReader.read(tmp.resolve("two-1.nir")).neurons());
        assertEquals(14, NirReader.read(tmp.resolve("two-2.nir")).neurons());
        final Run second = run("brian2", script.toString(), "--capture", "2", "--out", nir.toString(), "--", "5");
        assertEquals(0, second.code(), second.err());
        assertEquals(10, NirReader.read(nir).neurons());
        final Run third = run("brian2", script.toString(), "--capture", "3", "--out", tmp.resolve("x.nir").toString(),
            "--", "5");
        assertEquals(2, third.code());
        assertTrue(third.err().contains("only 2 time(s)"), third.err());
    }

    /** The command writes a NIR file that reads back with the brian2 population and its metadata. */
    @Test
    void ifCurveTranslatesToANirFile() throws IOException
    {
        needBrian2();
        final Path nir = tmp.resolve("if.nir");
        final Run r = run("brian2", EXAMPLES.resolve("IF_curve_LIF.py").toString(), "--out", nir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1000 neurons"), r.out());
        // the script's 1 s at dt 0.1 ms: the file holds no duration, so the command says how to run all of it
        assertTrue(r.out().contains("scfabric nir " + nir + " --steps 10000\n") || r.out().contains("scfabric nir " + nir
            + " --steps 10000" + System.lineSeparator()), r.out());
        final var net = NirReader.read(nir);
        assertEquals("brian2", net.node("neurongroup").metadata().get("scfabric.kind"));
        assertEquals("50", net.node("neurongroup").metadata().get("scfabric.refractory_steps"));
        assertEquals("exact", net.node("neurongroup").metadata().get("scfabric.method"));
    }

    /**
     * CUBA.py on the instance Brian2 simulates: the criteria, float64's mean rate within 2 % and CV within
     * 0.05 of Brian2's. (Four instances in docs/brian2.md gave identical spikes; equality is not asserted, since
     * one rounding at a threshold would let this chaotic network part ways.)
     */
    @Test
    void cubaRateAndCvAgreeWithBrian2sOnTheSameInstance() throws Exception
    {
        needBrian2();
        new ShimRunner(Brian2Runner.defaultPython()).run(EXAMPLES.resolve("CUBA.py"), List.of(), "1", "simulate", tmp);
        final Translation.Result t = Translation.of(new CaptureReader(tmp, "capture.json"), 1);
        final FreeRun.Train f = FreeRun.run(t.network(), t.steps(), new Options(t.dt(), Options.Integrator.EULER,
            Options.Reset.ZERO)).trains().get("neurongroup");
        final CaptureReader b = new CaptureReader(tmp, "brian2.json");
        final JsonNode s = b.root().get("spikes").get("neurongroup");
        final Comparison.Stats sb = Comparison.stats(toInts(b.longs(s.get("step"))), toInts(b.longs(s.get("index"))),
            4000, t.steps(), t.dt());
        final Comparison.Stats sf = Comparison.stats(f.steps(), f.index(), 4000, t.steps(), t.dt());
        assertTrue(sb.rateHz() > 3 && sb.rateHz() < 10, "Brian2's CUBA fires at " + sb.rateHz() + " Hz");
        assertEquals(sb.rateHz(), sf.rateHz(), 0.02 * sb.rateHz(), "mean rate");
        assertEquals(sb.cv(), sf.cv(), 0.05, "CV of ISIs");
    }

    /**
     * Brunel_2000.py panel A (synchronous regular: g = 3, nu_ext = 2 nu_thr), scaled to N_E = 2000 by editing a copy
     * of Debian's script where the test runs (bench/scripts/brian2_panel.py does the same): float64 on Brian2's
     * instance fires at Brian2's rate within 2 % (measured: within 0.1 %), CV within 0.02 and Fano factor within
     * 15 %, though the Poisson draws are not Brian2's; q16.12 within 3 % of Brian2's rate.
     */
    @Test
    void brunelPanelAScaledDownAgreesWithBrian2() throws Exception
    {
        needBrian2();
        final String loop = "for panel, params in parameters.items():";
        final String text = Files.readString(EXAMPLES.resolve("frompapers/Brunel_2000.py"));
        assertTrue(text.contains(loop) && text.contains("N_E = 10000"), "Debian's Brunel_2000.py as expected");
        final Path script = tmp.resolve("brunel_A.py");
        Files.writeString(script, text.replace(loop, "parameters = {'A': parameters['A']}\n" + loop)
            .replace("N_E = 10000", "N_E = 2000"));
        final Path folder = tmp.resolve("sim");
        Files.createDirectories(folder);
        new ShimRunner(Brian2Runner.defaultPython()).run(script, List.of(), "1", "simulate", folder);
        final Translation.Result t = Translation.of(new CaptureReader(folder, "capture.json"), 1);
        assertEquals(2500, t.network().neurons());
        assertEquals(6000, t.steps(), "panel A runs 600 ms");
        final Options opt = new Options(t.dt(), Options.Integrator.EULER, Options.Reset.ZERO);
        final FreeRun.Train f = FreeRun.run(t.network(), t.steps(), opt).trains().get("neurongroup");
        final FreeRun.Train q = HardwareRun.run(t.network(), t.steps(), opt,
            org.scfabric.bench.nir.FixedFormat.Q16_12, null).trains().get("neurongroup");
        final CaptureReader b = new CaptureReader(folder, "brian2.json");
        final JsonNode s = b.root().get("spikes").get("neurongroup");
        final Comparison.Stats sb = Comparison.stats(toInts(b.longs(s.get("step"))), toInts(b.longs(s.get("index"))),
            2500, t.steps(), t.dt());
        final Comparison.Stats sf = Comparison.stats(f.steps(), f.index(), 2500, t.steps(), t.dt());
        final Comparison.Stats sq = Comparison.stats(q.steps(), q.index(), 2500, t.steps(), t.dt());
        assertTrue(sb.rateHz() > 100 && sb.rateHz() < 200, "Brian2's panel A fires at " + sb.rateHz() + " Hz");
        assertEquals(sb.rateHz(), sf.rateHz(), 0.02 * sb.rateHz(), "float64 mean rate");
        assertEquals(sb.cv(), sf.cv(), 0.02, "float64 CV of ISIs");
        assertEquals(sb.fano(), sf.fano(), 0.15 * sb.fano(), "float64 Fano factor of the population count");
        assertEquals(sb.rateHz(), sq.rateHz(), 0.03 * sb.rateHz(), "q16.12 mean rate");
    }

    /** CUBA.py's network written as NIR reads back equal, and float64 gives the same spikes from either. */
    @Test
    void cubaRoundTripsThroughNir() throws IOException
    {
        needBrian2();
        try
        {
            new ShimRunner(Brian2Runner.defaultPython()).run(EXAMPLES.resolve("CUBA.py"), List.of(), "1", "capture",
                tmp);
        }
        catch (final ShimRunner.Failure f)
        {
            throw new AssertionError(f.getMessage());
        }
        final Translation.Result t = Translation.of(new CaptureReader(tmp, "capture.json"), 1);
        final Path nir = tmp.resolve("cuba.nir");
        org.scfabric.net.nir.NirWriter.write(t.network(), nir);
        final var back = NirReader.read(nir);
        for (int i = 0; i < back.size(); i++)
        {
            assertEquals(t.network().node(back.node(i).name()), back.node(i), back.node(i).name());
        }
        final Options opt = new Options(t.dt(), Options.Integrator.EULER, Options.Reset.ZERO);
        final FreeRun.Train a = FreeRun.run(t.network(), 2000, opt).trains().get("neurongroup");
        final FreeRun.Train b = FreeRun.run(back, 2000, opt).trains().get("neurongroup");
        assertArrayEquals(a.steps(), b.steps());
        assertArrayEquals(a.index(), b.index());
    }

    @Test
    void diesmannsNoiseIsRefusedInOneLine()
    {
        needBrian2();
        final Run r = run("brian2", EXAMPLES.resolve("frompapers/Diesmann_et_al_1999.py").toString(), "--out",
            tmp.resolve("d.nir").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("group neurongroup dy/dt: noise term xi"), r.err());
        assertTrue(!Files.exists(tmp.resolve("d.nir")));
    }

    @Test
    void cobahhsConductanceModelIsRefusedInOneLine()
    {
        needBrian2();
        final Run r = run("brian2", EXAMPLES.resolve("COBAHH.py").toString(), "--out", tmp.resolve("c.nir").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("cannot translate: group neurongroup") && r.err().contains("not linear"), r.err());
    }

    @Test
    void aSyntaxErrorIsExit2WithPythonsMessage() throws IOException
    {
        needBrian2();
        final Path bad = tmp.resolve("bad.py");
        Files.writeString(bad, "from brian2 import *\nG = NeuronGroup(10, 'dv/dt = -v/(10*ms) : 1'\n");
        final Run r = run("brian2", bad.toString(), "--out", tmp.resolve("b.nir").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("SyntaxError") && r.err().contains("line 2"), r.err());
    }

    @Test
    void aBrian2ExceptionIsExit2WithBrian2sMessage() throws IOException
    {
        needBrian2();
        final Path bad = tmp.resolve("units.py");
        Files.writeString(bad, "from brian2 import *\nG = NeuronGroup(10, 'dv/dt = -v/(10*ms) : volt', "
            + "threshold='v > 1', reset='v = 0*mV')\nrun(1*ms)\n");
        final Run r = run("brian2", bad.toString(), "--out", tmp.resolve("u.nir").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("units.py") && r.err().toLowerCase().contains("unit"), r.err());
    }

    private static int[] toInts(final long[] a)
    {
        final int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++)
        {
            r[i] = (int) a[i];
        }
        return r;
    }
}
