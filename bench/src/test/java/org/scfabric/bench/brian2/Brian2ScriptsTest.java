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
import org.scfabric.bench.report.Brian2Runner;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.FreeRun;
import org.scfabric.net.ref.Options;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Brian2's own examples (Debian's python-brian-doc) through {@code scfabric brian2}: skipped when Brian2 or the
 * examples are missing, failed under CI=true (CI installs python3-brian and python-brian-doc).
 */
class Brian2ScriptsTest
{
    static final Path EXAMPLES = Path.of("/usr/share/doc/python-brian-doc/examples");

    @TempDir
    Path tmp;

    static void needBrian2()
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
