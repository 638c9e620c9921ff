package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.scfabric.bench.cli.Cli.assertBadInput;
import static org.scfabric.bench.cli.Cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.brian2.Brian2Runner;
import org.scfabric.bench.cli.Cli.Run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code brunel --export-nir FILE} and {@code nir FILE}: the network a variant runs, written and run again from the
 * command line with the variant's spike count; bad requests are one line and exit 2 with nothing written.
 */
class BrunelExportNirTest
{
    @TempDir
    Path tmp;

    private static long spikes(final Path resultsJson, final String key) throws IOException
    {
        final JsonNode j = new ObjectMapper().readTree(resultsJson.toFile());
        return key.equals("brunel") ? j.get("runs").get(0).get("spikes").asLong()
            : j.get("runs").get(0).get("total_spikes").asLong();
    }

    @Test
    void theExportedNetworkRunsAgainWithTheVariantsSpikes() throws IOException
    {
        for (final String[] v : new String[][] {{"V3", "q8.8"}, {"V8", "float64"}})
        {
            final Path file = tmp.resolve(v[0] + ".nir");
            final Path b = tmp.resolve("b-" + v[0]);
            final Run r = run("brunel", "--variants", v[0], "--neurons", "400", "--duration-ms", "200", "--seed", "5",
                "--export-nir", file.toString(), "--out", b.toString(), "--no-plots");
            assertEquals(0, r.code(), r.err());
            assertTrue(Files.size(file) > 0);
            assertTrue(r.err().contains("the " + v[0] + " network in " + file), r.err());
            final Path n = tmp.resolve("n-" + v[0]);
            final Run q = run("nir", file.toString(), "--arith", v[1], "--steps", "2000", "--out", n.toString());
            assertEquals(0, q.code(), q.err());
            final long variant = spikes(b.resolve("results.json"), "brunel");
            assertTrue(variant > 0);
            final JsonNode runs = new ObjectMapper().readTree(n.resolve("results.json").toFile()).get("runs");
            final JsonNode mine = v[1].equals("float64") ? runs.get(0) : runs.get(runs.size() - 1);
            assertEquals(v[1], mine.get("arith").asText());
            assertEquals(variant, mine.get("total_spikes").asLong(), v[0] + " through nir");
            final Run info = run("nir", "--info", file.toString());
            assertTrue(info.out().contains("LIF:brunel") && info.out().contains("Linear:csr"), info.out());
        }
    }

    @Test
    void theNetworkOptionsTravelWithTheExportOrAreRefused() throws IOException
    {
        // --refractory-ms reaches the exported neuron: V1 with 0.5 ms (5 steps) runs again spike for spike
        final Path file = tmp.resolve("r.nir");
        final Path b = tmp.resolve("b-r");
        assertEquals(0, run("brunel", "--variants", "V1", "--neurons", "300", "--duration-ms", "100", "--refractory-ms",
            "0.5", "--export-nir", file.toString(), "--out", b.toString(), "--no-plots").code());
        final Path n = tmp.resolve("n-r");
        assertEquals(0, run("nir", file.toString(), "--arith", "float64", "--steps", "1000", "--out", n.toString())
            .code());
        final long variant = spikes(b.resolve("results.json"), "brunel");
        assertEquals(variant, spikes(n.resolve("results.json"), "nir"));
        final Path plain = tmp.resolve("b-plain");
        assertEquals(0, run("brunel", "--variants", "V1", "--neurons", "300", "--duration-ms", "100", "--out",
            plain.toString(), "--no-plots").code());
        assertTrue(spikes(plain.resolve("results.json"), "brunel") != variant, "the refractory period changed nothing");
        // a longer synaptic delay is not expressible by the exported network: refused, nothing written
        final Path d = tmp.resolve("d.nir");
        assertBadInput(run("brunel", "--variants", "V1", "--neurons", "50", "--delay-ms", "0.3", "--export-nir",
            d.toString(), "--out", tmp.resolve("b-d").toString()), "synaptic delay of 3 steps is not exported");
        assertFalse(Files.exists(d));
    }

    @Test
    void requestsThatCannotBeMetAreOneLineAndWriteNothing() throws IOException
    {
        final Path file = tmp.resolve("x.nir");
        final Path b = tmp.resolve("b");
        assertBadInput(run("brunel", "--variants", "V2", "--export-nir", file.toString(), "--out", b.toString()),
            "V2 (VectorizedSCLayer) does not map onto the network model's nodes; V1, V3, V8, V11, V18 and V20 do");
        assertBadInput(run("brunel", "--variants", "V1,V3", "--export-nir", file.toString(), "--out", b.toString()),
            "give one variant");
        assertBadInput(run("brunel", "--variants", "V1", "--export-nir", tmp.resolve("no/x.nir").toString(), "--out",
            b.toString()), "does not exist");
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(b));

        final Path ok = tmp.resolve("ok.nir");
        assertEquals(0, run("brunel", "--variants", "V1", "--neurons", "50", "--duration-ms", "1", "--export-nir",
            ok.toString(), "--out", b.toString(), "--no-plots").code());
        final Path csv = Files.writeString(tmp.resolve("in.csv"), "1\n");
        assertBadInput(run("nir", ok.toString(), "--input", csv.toString(), "--out", tmp.resolve("n").toString()),
            "drives itself");
        assertBadInput(run("nir", ok.toString(), "--poisson", "10", "--out", tmp.resolve("n").toString()),
            "give no --poisson");
        // its drive's seed is in the file: --seed is refused where it would seed nothing, said where it seeds SC only
        assertBadInput(run("nir", ok.toString(), "--arith", "float64,q8.8", "--seed", "5", "--out",
            tmp.resolve("n").toString()), "--seed: ok.nir drives itself from the seed stored in it (scfabric.seed)");
        assertFalse(Files.exists(tmp.resolve("n")));
        final Run sc = run("nir", ok.toString(), "--arith", "q8.8,sc", "--seed", "5", "--steps", "5", "--no-plots",
            "--out", tmp.resolve("sc").toString());
        assertEquals(0, sc.code(), sc.err());
        assertTrue(sc.err().contains("--seed 5 seeds the SC encoders only"), sc.err());
    }

    /**
     * A reader that knows nothing of scfabric loads the file: h5py sees NIR's layout, the neuron as a LIF, the
     * synapses as a Linear (with the dense weight NIR's reader builds it from, equal to the CSR arrays), the drive
     * as an Input, every dataset NIR's reader takes for each type, and scfabric's facts as string metadata.
     */
    @Test
    void h5pySeesNirPrimitivesWithScfabricMetadata() throws IOException, InterruptedException
    {
        final String python = Brian2Runner.defaultPython();
        if (!runs(python, "-c", "import h5py"))
        {
            final String why = "h5py is not installed for " + python + " (apt-get install python3-h5py)";
            if ("true".equals(System.getenv("CI")))
            {
                throw new AssertionError(why + "; CI needs it");
            }
            assumeTrue(false, why);
        }
        final Path file = tmp.resolve("v3.nir");
        assertEquals(0, run("brunel", "--variants", "V3", "--neurons", "100", "--duration-ms", "1", "--export-nir",
            file.toString(), "--out", tmp.resolve("b").toString(), "--no-plots").code());
        final String script = String.join("\n",
            "import sys, h5py, numpy as np",
            "with h5py.File(sys.argv[1], 'r') as f:",
            "    assert f['node/type'][()] == b'NIRGraph'",
            "    n = f['node/nodes']",
            "    t = {k: n[k]['type'][()] for k in n}",
            "    assert t == {'drive': b'Input', 'kick': b'Scale', 'neurons': b'LIF', 'synapses': b'Linear',"
                + " 'output': b'Output'}, t",
            "    m = lambda k: {x: n[k]['metadata'][x][()].decode('utf8') for x in n[k]['metadata']}",
            "    assert m('neurons') == {'scfabric.kind': 'brunel', 'scfabric.refractory_steps': '2',"
                + " 'scfabric.arith': 'q8.8'}, m('neurons')",
            "    assert m('drive')['scfabric.kind'] == 'numpy_poisson' and m('drive')['scfabric.draws_before'] == '10000'",
            "    s = n['synapses']",
            "    assert s['indptr'].shape == (101,) and s['indices'].dtype.kind == 'i' and s['data'].shape == (100,)",
            "    assert s['indptr'][-1] == s['indices'].shape[0]",
            "    # what NIR's own reader takes from each node type is there",
            "    need = {'Input': ['shape'], 'Scale': ['scale'], 'LIF': ['tau', 'r', 'v_leak', 'v_threshold', 'v_reset'],"
                + " 'Linear': ['weight'], 'Output': []}",
            "    for k in n:",
            "        missing = [d for d in need[n[k]['type'][()].decode()] if d not in n[k]]",
            "        assert not missing, (k, missing)",
            "    # the dense weight (out, in) is the CSR arrays': W[i, j] = data[j] for each target i of input j",
            "    w = s['weight'][()]",
            "    assert w.shape == (100, 100), w.shape",
            "    ptr, idx, data = s['indptr'][()], s['indices'][()], s['data'][()]",
            "    d = np.zeros((100, 100))",
            "    for j in range(100):",
            "        d[idx[ptr[j]:ptr[j + 1]], j] = data[j]",
            "    assert np.array_equal(w, d)",
            "    edges = [(a.decode(), b.decode()) for a, b in f['node/edges']]",
            "    assert ('synapses', 'neurons') in edges, edges",
            "    print('ok', s['indices'].shape[0])");
        final Path py = Files.writeString(tmp.resolve("check.py"), script, StandardCharsets.UTF_8);
        final Process p = new ProcessBuilder(python, py.toString(), file.toString()).redirectErrorStream(true).start();
        final String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.startsWith("ok "), text);
    }

    private static boolean runs(final String... cmd) throws InterruptedException
    {
        try
        {
            final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        catch (final IOException e)
        {
            return false;
        }
    }
}
