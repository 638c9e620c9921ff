package org.scfabric.net.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;

class NirReaderTest
{
    @TempDir
    Path tmp;

    static Path resource(final String name)
    {
        try
        {
            return Path.of(NirReaderTest.class.getResource("/nir/" + name).toURI());
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsNorseLifWithDefaults()
    {
        final Network n = NirReader.read(resource("lif_norse.nir"));
        assertEquals(4, n.size());
        final Node lif = n.node("1");
        assertEquals(Kind.LIF, lif.kind());
        assertEquals(Shape.of(1), lif.outShape());
        assertEquals(0.0025f, (float) lif.param("tau").get(0));
        assertEquals(Tensor.DType.FLOAT32, lif.param("tau").dtype());
        // NIR 0.1 files have no v_reset: the reference reader's default is 0
        assertEquals(0.0, lif.param("v_reset").get(0));
        assertEquals(Kind.AFFINE, n.node("0").kind());
        assertArrayEquals(new int[] {n.indexOf("input")}, n.inputs());
        assertEquals(0, n.backEdgeCount());
    }

    @Test
    void readsRockpoolLif()
    {
        final Network n = NirReader.read(resource("lif_rockpool.nir"));
        assertEquals(Kind.LINEAR, n.node("0_LinearTorch").kind());
        assertEquals(0.04f, (float) n.node("0_LinearTorch").param("weight").get(0));
        assertEquals(Shape.of(1, 1), n.node("0_LinearTorch").param("weight").shape());
        assertEquals(Shape.of(1, 1, 1), n.node("output").outShape());
        assertEquals(24.019737f, (float) n.node("1_LIFNeuronTorch").param("r").get(0));
        assertEquals(1, n.neurons());
    }

    @Test
    void flattensTheNestedBrailleGraphLikeTheFlatOne()
    {
        final Network flat = NirReader.read(resource("braille_noDelay_bias_zero.nir"));
        final Network nested = NirReader.read(resource("braille_noDelay_bias_zero_subgraph.nir"));
        assertEquals(Kind.CUBA_LIF, nested.node("lif1.lif").kind());
        assertEquals(Kind.AFFINE, nested.node("lif1.lin").kind());
        assertFalse(nested.contains("lif1.input"), "a subgraph's Input is spliced out");
        assertEquals(flat.node("lif1.lif").params(), nested.node("lif1.lif").params());
        assertEquals(flat.node("lif1.w_rec").params(), nested.node("lif1.lin").params());
        assertEquals(flat.size(), nested.size());
        assertEquals(flat.edges().size(), nested.edges().size());
        // the recurrent edge is the one back edge in both
        assertEquals(1, flat.backEdgeCount());
        assertEquals(1, nested.backEdgeCount());
        for (int e = 0; e < nested.edges().size(); e++)
        {
            if (nested.isBackEdge(e))
            {
                assertEquals("lif1.lin -> lif1.lif", nested.edges().get(e).toString());
            }
        }
        assertEquals(38 + 7, nested.neurons());
    }

    @Test
    void readsSinabsCnnShapes()
    {
        final Network n = NirReader.read(resource("cnn_sinabs.nir"));
        assertEquals(Shape.of(2, 34, 34), n.node("input").outShape());
        assertEquals(Shape.of(16, 16, 16), n.node("0").outShape());
        assertEquals(Shape.of(16, 8, 8), n.node("4").outShape());
        assertEquals(Shape.of(8, 4, 4), n.node("7").outShape());
        assertEquals(Shape.of(128), n.node("8").outShape());
        assertEquals(Shape.of(10), n.node("output").outShape());
    }

    @Test
    void readsFixedLengthStringsAndScalarsThatJhdfWrites() throws IOException
    {
        final Path f = NirFiles.write(tmp.resolve("w.nir"), List.of(
            new NirFiles.N("in", "Input", Map.of("shape", new long[] {3})),
            new NirFiles.N("lin", "Linear", Map.of("weight", new double[][] {{1, 2, 3}, {4, 5, 6}})),
            new NirFiles.N("li", "CubaLI", params("tau_syn", 1e-3, "tau_mem", 2e-3, "r", 1.0, "v_leak", 0.0)),
            new NirFiles.N("out", "Output", Map.of("shape", new long[] {2}))),
            new String[][] {{"in", "lin"}, {"lin", "li"}, {"li", "out"}});
        final Network n = NirReader.read(f);
        assertEquals(Shape.of(2), n.node("li").outShape());
        assertEquals(Shape.SCALAR, n.node("li").param("tau_mem").shape());
        assertEquals(1.0, n.node("li").param("w_in").get(0), "missing w_in defaults to 1");
        assertEquals(6.0, n.node("lin").param("weight").get(5));
    }

    private static Map<String, Object> params(final Object... kv)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2)
        {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private String error(final Path f)
    {
        final NetworkException e = assertThrows(NetworkException.class, () -> NirReader.read(f));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void refusesATextFile() throws IOException
    {
        final Path f = Files.writeString(tmp.resolve("x.nir"), "this is not HDF5, it is text long enough to look\n");
        assertTrue(error(f).contains("not an HDF5 file"), error(f));
    }

    @Test
    void refusesATruncatedFile() throws IOException
    {
        final byte[] all = Files.readAllBytes(resource("lif_norse.nir"));
        for (final int len : new int[] {4, 100, all.length / 3, all.length / 2, all.length - 300})
        {
            final Path f = Files.write(tmp.resolve("t" + len + ".nir"), java.util.Arrays.copyOf(all, len));
            final String m = error(f);
            assertTrue(m.startsWith(f.toString() + ": "), m);
        }
    }

    @Test
    void refusesAnUnknownNodeType()
    {
        final Path f = NirFiles.write(tmp.resolve("u.nir"), List.of(
            new NirFiles.N("in", "Input", Map.of("shape", new long[] {1})),
            new NirFiles.N("odd", "Quantum", Map.of("r", new double[] {1})),
            new NirFiles.N("out", "Output", Map.of("shape", new long[] {1}))),
            new String[][] {{"in", "odd"}, {"odd", "out"}});
        final String m = error(f);
        assertTrue(m.contains("node odd") && m.contains("unknown NIR type 'Quantum'"), m);
    }

    @Test
    void refusesAnEdgeToAMissingNode()
    {
        final Path f = NirFiles.write(tmp.resolve("m.nir"), List.of(
            new NirFiles.N("in", "Input", Map.of("shape", new long[] {1})),
            new NirFiles.N("out", "Output", Map.of("shape", new long[] {1}))),
            new String[][] {{"in", "lif"}, {"in", "out"}});
        final String m = error(f);
        assertTrue(m.contains("edge in -> lif") && m.contains("no node named lif"), m);
    }

    @Test
    void refusesShapesThatDoNotMatchAlongAnEdge()
    {
        final Path f = NirFiles.write(tmp.resolve("s.nir"), List.of(
            new NirFiles.N("in", "Input", Map.of("shape", new long[] {3})),
            new NirFiles.N("lin", "Linear", Map.of("weight", new double[][] {{1, 2}, {4, 5}})),
            new NirFiles.N("out", "Output", Map.of("shape", new long[] {2}))),
            new String[][] {{"in", "lin"}, {"lin", "out"}});
        final String m = error(f);
        assertTrue(m.contains("edge in -> lin") && m.contains("do not match"), m);
    }

    @Test
    void refusesACycleOfStatelessNodes()
    {
        final Path f = NirFiles.write(tmp.resolve("c.nir"), List.of(
            new NirFiles.N("in", "Input", Map.of("shape", new long[] {1})),
            new NirFiles.N("a", "Scale", Map.of("scale", new double[] {0.5})),
            new NirFiles.N("b", "Linear", Map.of("weight", new double[][] {{2}})),
            new NirFiles.N("out", "Output", Map.of("shape", new long[] {1}))),
            new String[][] {{"in", "a"}, {"a", "b"}, {"b", "a"}, {"b", "out"}});
        final String m = error(f);
        assertTrue(m.contains("cycle of stateless nodes only") && m.contains("a -> b -> a"), m);
    }

    /** in(3) -> sub{input(portShape) -> lin(2x2 identity-ish) -> output(2)} -> out(2), edges naming the ports. */
    private Path nested(final String file, final long portShape)
    {
        final Path f = tmp.resolve(file);
        try (io.jhdf.WritableHdfFile w = io.jhdf.HdfFile.write(f))
        {
            w.putAttribute("version", "1.0.0");
            final io.jhdf.api.WritableGroup g = w.putGroup("node");
            g.putDataset("type", "NIRGraph");
            final io.jhdf.api.WritableGroup ns = g.putGroup("nodes");
            final io.jhdf.api.WritableGroup in = ns.putGroup("in");
            in.putDataset("type", "Input");
            in.putDataset("shape", new long[] {2});
            final io.jhdf.api.WritableGroup sub = ns.putGroup("sub");
            sub.putDataset("type", "NIRGraph");
            final io.jhdf.api.WritableGroup sn = sub.putGroup("nodes");
            final io.jhdf.api.WritableGroup si = sn.putGroup("input");
            si.putDataset("type", "Input");
            si.putDataset("shape", new long[] {portShape});
            final io.jhdf.api.WritableGroup lin = sn.putGroup("lin");
            lin.putDataset("type", "Linear");
            lin.putDataset("weight", new double[][] {{1, 0}, {0, 2}});
            final io.jhdf.api.WritableGroup so = sn.putGroup("output");
            so.putDataset("type", "Output");
            so.putDataset("shape", new long[] {2});
            sub.putDataset("edges", new String[][] {{"input", "lin"}, {"lin", "output"}});
            final io.jhdf.api.WritableGroup out = ns.putGroup("out");
            out.putDataset("type", "Output");
            out.putDataset("shape", new long[] {2});
            g.putDataset("edges", new String[][] {{"in", "sub.input"}, {"sub.output", "out"}});
        }
        return f;
    }

    @Test
    void flattensASubgraphWhoseEdgesNameItsPorts()
    {
        final Network n = NirReader.read(nested("ok.nir", 2));
        assertEquals(List.of("in", "out", "sub.lin"), n.nodes().stream().map(Node::name).toList());
        assertEquals("[in -> sub.lin, sub.lin -> out]", n.edges().toString());
    }

    @Test
    void refusesASubgraphPortOfAnotherShape()
    {
        final String m = error(nested("port.nir", 3));
        assertTrue(m.contains("edge in -> sub.input") && m.contains("do not match"), m);
    }

    @Test
    void readsNir1TypeGroupsAndMetadata()
    {
        // NIR 1.x: Input/Output carry {"input": shape} / {"output": shape} groups, every node may carry its own
        // input_type/output_type (restating the edges' shapes) and a metadata group
        final Path f = tmp.resolve("v1.nir");
        try (io.jhdf.WritableHdfFile w = io.jhdf.HdfFile.write(f))
        {
            w.putAttribute("version", "1.0.4");
            final io.jhdf.api.WritableGroup g = w.putGroup("node");
            g.putDataset("type", "NIRGraph");
            final io.jhdf.api.WritableGroup ns = g.putGroup("nodes");
            final io.jhdf.api.WritableGroup in = ns.putGroup("input");
            in.putDataset("type", "Input");
            in.putGroup("input_type").putDataset("input", new long[] {2, 2});
            final io.jhdf.api.WritableGroup lif = ns.putGroup("lif");
            lif.putDataset("type", "IF");
            lif.putDataset("r", new float[] {2f});
            lif.putDataset("v_threshold", new float[] {1f});
            lif.putGroup("input_type").putDataset("input", new long[] {2, 2});
            lif.putGroup("output_type").putDataset("output", new long[] {2, 2});
            lif.putGroup("metadata").putDataset("scfabric.note", "kept");
            final io.jhdf.api.WritableGroup out = ns.putGroup("output");
            out.putDataset("type", "Output");
            out.putGroup("output_type").putDataset("output", new long[] {2, 2});
            g.putDataset("edges", new String[][] {{"input", "lif"}, {"lif", "output"}});
        }
        final Network n = NirReader.read(f);
        assertEquals(Shape.of(2, 2), n.node("input").outShape());
        assertEquals(4, n.node("lif").neurons());
        assertEquals(List.of("r", "v_threshold", "v_reset"), List.copyOf(n.node("lif").params().keySet()));
        assertEquals(Map.of("scfabric.note", "kept"), n.node("lif").metadata());
        assertEquals(Shape.of(2, 2), n.node("output").outShape());
    }

    @Test
    void refusesANewerNirVersion() throws IOException
    {
        final Path f = tmp.resolve("v.nir");
        try (io.jhdf.WritableHdfFile w = io.jhdf.HdfFile.write(f))
        {
            w.putAttribute("version", "2.0.0");
            w.putGroup("node").putDataset("type", "NIRGraph");
        }
        assertTrue(error(f).contains("NIR version 2.0.0 is not supported"), error(f));
    }

    @Test
    void valuesNoSimulatorCanRunAreRefusedNamingNodeAndParameter()
    {
        final Map<String, String> none = Map.of();
        final NetworkException nan = assertThrows(NetworkException.class, () -> NirReader.checkValues("fc1",
            Map.of("weight", Tensor.vector(0.5, Double.NaN)), none));
        assertTrue(nan.getMessage().contains("node fc1 parameter weight (element 1) is NaN"), nan.getMessage());
        final NetworkException tau = assertThrows(NetworkException.class, () -> NirReader.checkValues("lif2",
            Map.of("tau_mem", Tensor.scalar(0.0)), none));
        assertTrue(tau.getMessage().contains("node lif2 parameter tau_mem is 0.0; a time constant must be > 0"),
            tau.getMessage());
        assertThrows(NetworkException.class, () -> NirReader.checkValues("d", Map.of("delay", Tensor.scalar(-1e-3)),
            none));
        final NetworkException arith = assertThrows(NetworkException.class, () -> NirReader.checkValues("n", Map.of(),
            Map.of("scfabric.arith", "q4.4")));
        assertTrue(arith.getMessage().contains("accepted: float64, q8.8, q16.12, sc"), arith.getMessage());
        // what the real files hold passes
        NirReader.checkValues("ok", Map.of("tau", Tensor.scalar(2.5e-3), "delay", Tensor.scalar(0.0),
            "v_reset", Tensor.scalar(-0.5)), Map.of("scfabric.arith", "sc"));
    }
}
