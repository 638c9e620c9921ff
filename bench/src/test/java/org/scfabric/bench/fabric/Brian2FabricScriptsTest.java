package org.scfabric.bench.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.brian2.Brian2ScriptsTest;
import org.scfabric.bench.cli.Cli.Run;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.hw.cosim.IcarusRunner;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.net.Network;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.Options;

/**
 * Brian2's own examples (Debian's python-brian-doc), captured by {@code scfabric brian2} from copies scaled down so
 * the tests stay fast, on the general fabric: every population's spikes of every step equal
 * {@code scfabric nir --arith q8.8}'s and {@code q16.12}'s, the kernel components equal the fast engine cycle for
 * cycle, and {@code scfabric fabric --network} runs a capture without any input option. Skipped when Brian2 or the
 * examples are missing, failed under CI=true (CI installs python3-brian and python-brian-doc).
 */
class Brian2FabricScriptsTest
{
    private static final Path EXAMPLES = Brian2ScriptsTest.EXAMPLES;

    @TempDir
    Path tmp;

    /** A copy of an example with {@code edits} (pairs: text, replacement; each must occur), captured as NIR. */
    private Path capture(final String example, final String... edits) throws IOException
    {
        String text = Files.readString(EXAMPLES.resolve(example));
        for (int k = 0; k < edits.length; k += 2)
        {
            assertTrue(text.contains(edits[k]), "Debian's " + example + " as expected: " + edits[k]);
            text = text.replace(edits[k], edits[k + 1]);
        }
        final Path script = tmp.resolve(Path.of(example).getFileName());
        Files.writeString(script, text);
        final Path nir = tmp.resolve(script.getFileName() + ".nir");
        final Run r = run("brian2", script.toString(), "--out", nir.toString());
        assertEquals(0, r.code(), r.err());
        return nir;
    }

    /** Both formats on K cores: the fabric's spikes equal the unrolled engine's; returns the q8.8 spikes. */
    private static long equalInBothFormats(final Network net, final int steps, final int k, final int kernelSteps)
    {
        final Options opt = new Options(1e-4, Options.Integrator.EULER, Options.Reset.ZERO);
        long q88 = 0;
        for (final FixedFormat fmt : new FixedFormat[] {FixedFormat.Q8_8, FixedFormat.Q16_12})
        {
            final NirMapping map = NirMapping.map(net, opt, fmt);
            final int n = map.network().size();
            final FabricParams fp = new FabricParams(n, k, 8, 2, 2, 1, 100.0, FabricParams.Overflow.STALL);
            final long s = Brian2FabricEquivalenceTest.compare(net, map, fp, opt, fmt, steps, false, fmt.name());
            q88 = fmt == FixedFormat.Q8_8 ? s : q88;
            Brian2FabricEquivalenceTest.compare(net, map, fp, opt, fmt, kernelSteps, true, "kernel " + fmt.name());
        }
        return q88;
    }

    /** IF_curve_LIF.py, 100 neurons: a constant drive per neuron, refractory 5 ms with v held, reset v = 0. */
    @Test
    void ifCurveOnTheFabricFiresTheUnrolledEnginesSpikes() throws Exception
    {
        Brian2ScriptsTest.needBrian2();
        final Network net = NirReader.read(capture("IF_curve_LIF.py", "n = 1000", "n = 100"));
        final long spikes = equalInBothFormats(net, 3000, 3, 400);
        assertTrue(spikes > 500, "the f-I curve's upper half fires: " + spikes + " spikes");
    }

    /**
     * The Verilog (sc_brian2_unit in the fabric's cores) under Icarus on real captures: IF_curve_LIF.py at 100
     * neurons (refractory 5 ms, v held) and Brunel_2000.py panel C at N_E = 200 (refractory, delays, Poisson counts as
     * host events): every spike and output event at the fast engine's edge, spikes equal to the unrolled engine's.
     */
    @Test
    void capturesRunOnTheVerilogEdgeForEdge() throws Exception
    {
        Brian2ScriptsTest.needBrian2();
        IcarusRunner.requireIcarus();
        final String loop = "for panel, params in parameters.items():";
        final Path[] nirs = {capture("IF_curve_LIF.py", "n = 1000", "n = 100"), capture("frompapers/Brunel_2000.py", loop,
            "parameters = {'C': parameters['C']}\n" + loop, "N_E = 10000", "N_E = 200")};
        final int[] steps = {400, 200};
        for (int i = 0; i < nirs.length; i++)
        {
            final Network net = NirReader.read(nirs[i]);
            final Options opt = new Options(1e-4, Options.Integrator.EULER, Options.Reset.ZERO);
            final NirMapping map = NirMapping.map(net, opt, FixedFormat.Q8_8);
            final FabricParams fp = new FabricParams(map.network().size(), 3, 8, 2, 2, 1, 100.0,
                FabricParams.Overflow.STALL);
            final String where = nirs[i].getFileName().toString();
            final long spikes = Brian2FabricEquivalenceTest.compare(net, map, fp, opt, FixedFormat.Q8_8, steps[i], false,
                where);
            assertTrue(spikes > 20, where + " fires: " + spikes + " spikes");
            final int[][] ev = SourceEvents.events(net, map, opt, steps[i], FixedFormat.Q8_8.fraction(),
                FixedFormat.Q8_8.width());
            NirFabricCosimTest.compare(fp, map, ev[0], ev[1], steps[i], where);
        }
    }

    /** CUBA.py at 400 neurons (p = 0.2 keeps its fan-in): two currents, ge and gi, from csr synapses. */
    @Test
    void cubaOnTheFabricFiresTheUnrolledEnginesSpikes() throws Exception
    {
        Brian2ScriptsTest.needBrian2();
        final Network net = NirReader.read(capture("CUBA.py", "NeuronGroup(4000", "NeuronGroup(400", "'i<3200', p=0.02",
            "'i<320', p=0.2", "'i>=3200', p=0.02", "'i>=320', p=0.2"));
        final long spikes = equalInBothFormats(net, 1000, 4, 150);
        assertTrue(spikes > 100, "CUBA fires: " + spikes + " spikes");
    }

    /**
     * Brunel_2000.py panel C at N_E = 400: refractory 2 ms, delay 1.5 ms (16 delay banks), a PoissonInput as address
     * events; and the command line runs it, driven by itself, identical to the unrolled network.
     */
    @Test
    void brunelPanelCOnTheFabricFiresTheUnrolledEnginesSpikesAndTheCommandRunsIt() throws Exception
    {
        Brian2ScriptsTest.needBrian2();
        final String loop = "for panel, params in parameters.items():";
        final Path nir = capture("frompapers/Brunel_2000.py", loop, "parameters = {'C': parameters['C']}\n" + loop,
            "N_E = 10000", "N_E = 400");
        final Network net = NirReader.read(nir);
        final long spikes = equalInBothFormats(net, 1500, 4, 200);
        assertTrue(spikes > 200, "panel C fires: " + spikes + " spikes");
        final Path json = tmp.resolve("c.json");
        final Run r = run("fabric", "--network", nir.toString(), "--steps", "300", "--cores", "2", "--json",
            json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("identical to the unrolled network"), r.out());
        assertTrue(r.out().contains("input none (the network's own sources)"), r.out());
        final Run bad = run("fabric", "--network", nir.toString(), "--poisson", "100");
        assertEquals(2, bad.code());
        assertEquals("scfabric fabric: " + nir.getFileName() + " drives itself (its inputs are Brian2's sources, or it has none); drop "
            + "--poisson", bad.err().strip());
    }
}
