package org.scfabric.bench.brian2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.brian2.Brian2ScriptsTest.needBrian2;
import static org.scfabric.bench.cli.Cli.assertBadInput;
import static org.scfabric.bench.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli.Run;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.FreeRun;
import org.scfabric.net.ref.Options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a new user met in {@code scfabric brian2}: output folders, empty networks, lost causes, later runs. */
class Brian2CommandInputTest
{
    @TempDir
    Path tmp;

    private Path script(final String name, final String... lines) throws IOException
    {
        final Path p = tmp.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    private Path oneNeuron() throws IOException
    {
        return script("one.py", "from brian2 import *",
            "G = NeuronGroup(1, 'dv/dt = (20*mV - v)/(10*ms) : volt', threshold='v > 15*mV', reset='v = 0*mV',",
            "                method='exact')",
            "run(10*ms)",
            "run(10*ms)");
    }

    /**
     * A capture settles its own step, method and reset: {@code nir} runs it at the dt Brian2 ran at without being
     * told (an explicit other --dt, --reset and an input option are refused in one line), and --integrator overrides
     * the captured method, as the report says.
     */
    @Test
    void aCaptureRunsAtItsOwnStepAndMethodUnlessTheIntegratorSaysOtherwise() throws IOException
    {
        needBrian2();
        final Path s = script("fine.py", "from brian2 import *", "defaultclock.dt = 0.05*ms",
            "G = NeuronGroup(3, 'dv/dt = (20*mV - v)/(10*ms) : volt', threshold='v > 15*mV', reset='v = 0*mV',",
            "                method='euler')", "G.v = [0, 5, 10]*mV", "run(50*ms)");
        final Path nir = tmp.resolve("fine.nir");
        final Run b = run("brian2", s.toString(), "--out", nir.toString());
        assertEquals(0, b.code(), b.err());
        final Path own = tmp.resolve("own");
        final Run r = run("nir", nir.toString(), "--steps", "1000", "--no-plots", "--out", own.toString());
        assertEquals(0, r.code(), r.err());
        final JsonNode j = new ObjectMapper().readTree(own.resolve("results.json").toFile());
        assertEquals(5e-5, j.get("dt").asDouble(), 0.0, "the capture's step, not the default 1e-4");
        assertEquals("euler", j.get("integrator").asText());
        assertEquals(0, run("nir", nir.toString(), "--steps", "1000", "--no-plots", "--dt", "5e-5", "--out",
            tmp.resolve("same").toString()).code(), "its own dt given explicitly");
        assertBadInput(run("nir", nir.toString(), "--steps", "10", "--dt", "1e-4", "--out", tmp.resolve("x").toString()),
            "--dt 1.0E-4", "captured at dt 5.0E-5", "drop --dt");
        assertBadInput(run("nir", nir.toString(), "--steps", "10", "--reset", "subtract", "--out",
            tmp.resolve("x").toString()), "--reset", "reset as the Brian2 script says");
        assertBadInput(run("nir", nir.toString(), "--steps", "10", "--poisson", "300", "--out",
            tmp.resolve("x").toString()), "drives itself", "give no --poisson");
        assertFalse(Files.exists(tmp.resolve("x")), "nothing written");
        final Path exact = tmp.resolve("exact");
        assertEquals(0, run("nir", nir.toString(), "--steps", "1000", "--no-plots", "--integrator", "exact", "--out",
            exact.toString()).code());
        assertEquals("exact", new ObjectMapper().readTree(exact.resolve("results.json").toFile()).get("integrator")
            .asText());
        assertFalse(Files.readString(own.resolve("membrane.csv")).equals(Files.readString(exact.resolve(
            "membrane.csv"))), "--integrator exact integrates otherwise than the captured euler");
    }

    /** A Synapses group that connect() left empty adds nothing: the script translates without it. */
    @Test
    void anEmptySynapsesGroupIsLeftOut() throws IOException
    {
        needBrian2();
        final Path s = script("empty.py", "from brian2 import *",
            "G = NeuronGroup(4, 'dv/dt = (20*mV - v)/(10*ms) : volt', threshold='v > 15*mV', reset='v = 0*mV',",
            "                method='exact')", "S = Synapses(G, G, on_pre='v += 1*mV')", "S.connect(p=0)",
            "T = Synapses(G, G, on_pre='v += 2*mV')", "T.connect(i=0, j=1)", "run(10*ms)");
        final Path nir = tmp.resolve("empty.nir");
        final Run b = run("brian2", s.toString(), "--out", nir.toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("1 synapses"), b.out());
        final org.scfabric.net.Network net = NirReader.read(nir);
        assertFalse(net.nodes().stream().anyMatch(n -> n.name().startsWith("synapses.")), net.toString());
        assertTrue(net.nodes().stream().anyMatch(n -> n.name().startsWith("synapses_1.")), net.toString());
    }

    /** Poisson rates written as an expression are refused naming the group and the term, not with Brian2's TypeError. */
    @Test
    void poissonRatesGivenAsAnExpressionAreRefusedNamingTheGroup() throws IOException
    {
        needBrian2();
        final Path s = script("rates.py", "from brian2 import *", "P = PoissonGroup(80, rates='5*Hz + i*0.5*Hz')",
            "G = NeuronGroup(4, 'dv/dt = -v/(10*ms) : volt', threshold='v > 15*mV', reset='v = 0*mV', method='exact')",
            "S = Synapses(P, G, on_pre='v += 1*mV')", "S.connect(p=0.5)", "run(10*ms)");
        assertBadInput(run("brian2", s.toString(), "--out", tmp.resolve("rates.nir").toString()), "poisson group",
            "rates given as an expression");
        assertFalse(Files.exists(tmp.resolve("rates.nir")));
    }

    /** Checked before Brian2 starts: a missing interpreter is never reached. */
    @Test
    void badOptionsAreRefusedBeforeBrian2Runs() throws IOException
    {
        final Path s = oneNeuron();
        final String nir = tmp.resolve("a.nir").toString();
        assertBadInput(run("brian2", s.toString(), "--out", tmp.resolve("a.txt").toString(), "--python", "/no/python"),
            "--out", "ending in .nir");
        assertBadInput(run("brian2", s.toString(), "--out", nir, "--hardware", "q8.8", "--python", "/no/python"),
            "--hardware", "--compare");
        assertBadInput(run("brian2", s.toString(), "--out", nir, "--seed", "-1", "--python", "/no/python"),
            "--seed '-1'", "0..");
        assertFalse(Files.exists(tmp.resolve("a.nir")));
    }

    @Test
    void aNewOutputFolderIsCreated() throws IOException
    {
        needBrian2();
        final Path nir = tmp.resolve("out/brian2/one.nir");
        final Run r = run("brian2", oneNeuron().toString(), "--out", nir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1, NirReader.read(nir).neurons());
    }

    @Test
    void aRunWithoutNeuronGroupIsRefusedAndNothingIsWritten() throws IOException
    {
        needBrian2();
        final Path nir = tmp.resolve("e.nir");
        assertBadInput(run("brian2", script("empty.py", "from brian2 import *", "run(1*ms)").toString(), "--out",
            nir.toString()), "no NeuronGroup");
        assertFalse(Files.exists(nir));
    }

    @Test
    void aUnitMismatchNamesBrian2sOriginalError() throws IOException
    {
        needBrian2();
        final Path s = script("unit.py", "from brian2 import *",
            "G = NeuronGroup(1, 'dv/dt = -v/(10*ms) : volt', threshold='v > 10', reset='v = 0*mV')", "run(1*ms)");
        assertBadInput(run("brian2", s.toString(), "--out", tmp.resolve("new/u.nir").toString()),
            "DimensionMismatchError", "different units");
        assertFalse(Files.exists(tmp.resolve("new")), "a failed run leaves no folder it made");
    }

    /**
     * The second run starts where the first left v (12.6 mV): the captured network must spike as Brian2 does in
     * it (at 3.8 ms), both in the NIR file and in --compare.
     */
    @Test
    void captureTwoStartsFromTheStateTheFirstRunLeft() throws IOException
    {
        needBrian2();
        final Path nir = tmp.resolve("two.nir");
        final Run r = run("brian2", oneNeuron().toString(), "--capture", "2", "--out", nir.toString(), "--compare",
            "--hardware", "none");
        assertEquals(0, r.code(), r.err());
        final FreeRun.Train f = FreeRun.run(NirReader.read(nir), 100, new Options(1e-4, Options.Integrator.EULER,
            Options.Reset.ZERO)).trains().get("neurongroup");
        assertEquals(1, f.steps().length, "one spike in the second run");
        assertTrue(Math.abs(f.steps()[0] - 38) <= 1, "at 3.8 ms: step " + f.steps()[0]);
        final JsonNode g = new ObjectMapper().readTree(tmp.resolve("two-compare.json").toFile()).get("groups")
            .get("neurongroup");
        assertEquals(1, g.get("brian2").get("spikes").asInt());
        assertEquals(1, g.get("float64").get("spikes").asInt());
        assertEquals(1.0, g.get("spike_agreement").asDouble());
    }

    /** A run that shares nothing with the captured one (one network per panel) is skipped, not simulated. */
    @Test
    void anIndependentEarlierRunIsNotSimulated() throws IOException
    {
        needBrian2();
        final Path marker = tmp.resolve("simulated");
        final Path s = script("panels.py", "import sys", "from brian2 import *",
            "G1 = NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1')",
            "@network_operation",
            "def mark():",
            "    open(sys.argv[1], 'w').write('x')",
            "Network(G1, mark).run(1*ms)",
            "G2 = NeuronGroup(2, 'dv/dt = -v/(10*ms) : 1', threshold='v > 1', reset='v = 0')",
            "Network(G2).run(1*ms)");
        final Path nir = tmp.resolve("p.nir");
        final Run r = run("brian2", s.toString(), "--capture", "2", "--out", nir.toString(), "--", marker.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, NirReader.read(nir).neurons());
        assertFalse(Files.exists(marker), "the first network was simulated");
    }

    /** A silent group: no NaN in the table, "n/a (silent)" where Brian2 gave no spike; null in the JSON. */
    @Test
    void undefinedFiguresPrintAsNotApplicable() throws IOException
    {
        needBrian2();
        final Path s = script("quiet.py", "from brian2 import *",
            "G = NeuronGroup(3, 'dv/dt = -v/(10*ms) : volt', threshold='v > 15*mV', reset='v = 0*mV')",
            "run(5*ms)");
        final Run r = run("brian2", s.toString(), "--out", tmp.resolve("q.nir").toString(), "--compare",
            "--hardware", "q8.8");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("NaN"), r.out());
        assertTrue(r.out().contains("n/a (silent)"), r.out());
        final JsonNode g = new ObjectMapper().readTree(tmp.resolve("q-compare.json").toFile()).get("groups")
            .get("neurongroup");
        assertTrue(g.get("spike_agreement").isNull());
        assertTrue(g.get("q8.8").get("rate_vs_brian2").isNull());
    }

    @Test
    void aCellIsTheNumberOrNotApplicableWithItsReason()
    {
        assertEquals("0.500", org.scfabric.bench.cli.Brian2Command.cell(0.5, "%.3f", "few"));
        assertEquals("n/a (few)", org.scfabric.bench.cli.Brian2Command.cell(Double.NaN, "%.3f", "few"));
    }
}
