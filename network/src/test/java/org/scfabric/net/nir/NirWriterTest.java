package org.scfabric.net.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.ref.ArithmeticRun;
import org.scfabric.net.ref.Options;
import org.scfabric.net.ref.ReferenceRun;
import org.scfabric.net.ref.Stimulus;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

class NirWriterTest
{
    @TempDir
    Path tmp;

    /**
     * read(write(g)) is g: the same nodes under the same (hierarchical) names with the same kinds, parameters
     * to the bit in their stored type, metadata and shapes; the same edges in the same order, the same back
     * edges; and the float64 reference gives the same spikes on the same input. Node order is not compared:
     * a NIR graph's nodes are keyed by name (h5py lists them in name order), and jHDF stores a group's links in
     * hash order, so the order a reader meets them in is an accident of the writer.
     */
    @ParameterizedTest
    @ValueSource(strings = {"lif_norse.nir", "lif_rockpool.nir", "braille_noDelay_bias_zero.nir",
        "braille_noDelay_bias_zero_subgraph.nir", "cnn_sinabs.nir"})
    void roundTripsEveryRealFile(final String name) throws IOException
    {
        final Network g = NirReader.read(NirReaderTest.resource(name));
        final Path out = tmp.resolve(name);
        NirWriter.write(g, out);
        final Network back = NirReader.read(out);
        assertSameGraph(g, back);
        final ArithmeticRun a = ReferenceRun.run(g, Stimulus.poisson(800, 1e-4, 7), 200, Options.defaults());
        final ArithmeticRun b = ReferenceRun.run(back, Stimulus.poisson(800, 1e-4, 7), 200, Options.defaults());
        assertEquals(a.spikeCounts(), b.spikeCounts());
        assertEquals(a.outputs().keySet(), b.outputs().keySet());
        for (final String o : a.outputs().keySet())
        {
            assertArrayEquals(a.outputs().get(o).steps(), b.outputs().get(o).steps());
            assertArrayEquals(a.outputs().get(o).indices(), b.outputs().get(o).indices());
        }
        // writing what was read back gives the same bytes: the writer's output does not depend on node order
        final Path again = tmp.resolve("again-" + name);
        NirWriter.write(back, again);
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again));
        assertEquals(List.of(again.getFileName().toString(), out.getFileName().toString()), listing(),
            "no temporary file left");
    }

    static void assertSameGraph(final Network g, final Network back)
    {
        final Set<String> names = new TreeSet<>();
        g.nodes().forEach(n -> names.add(n.name()));
        final Set<String> backNames = new TreeSet<>();
        back.nodes().forEach(n -> backNames.add(n.name()));
        assertEquals(names, backNames);
        for (final String n : names)
        {
            assertEquals(g.node(n), back.node(n), n); // kind, parameters to the bit, dtype, metadata, shapes
        }
        assertEquals(g.edges(), back.edges());
        for (int e = 0; e < g.edges().size(); e++)
        {
            assertEquals(g.isBackEdge(e), back.isBackEdge(e), "back edge " + g.edges().get(e));
        }
    }

    /** The nested-subgraph file is written flat under hierarchical names, and reads as the flat twin does. */
    @Test
    void subgraphNodesKeepTheirHierarchicalNames() throws IOException
    {
        final Network nested = NirReader.read(NirReaderTest.resource("braille_noDelay_bias_zero_subgraph.nir"));
        final Path out = tmp.resolve("flat.nir");
        NirWriter.write(nested, out);
        try (HdfFile h = new HdfFile(out))
        {
            assertTrue(h.getByPath("node/nodes/lif1.lif") != null);
            assertEquals("CubaLIF", h.getDatasetByPath("node/nodes/lif1.lif/type").getData());
        }
        final Network back = NirReader.read(out);
        assertTrue(back.contains("lif1.lif"));
        assertEquals(nested.node("lif1.lif"), back.node("lif1.lif"));
    }

    @Test
    void layoutIsNirs() throws IOException
    {
        final Path out = tmp.resolve("cnn.nir");
        NirWriter.write(NirReader.read(NirReaderTest.resource("cnn_sinabs.nir")), out);
        try (HdfFile h = new HdfFile(out))
        {
            assertEquals(NirWriter.VERSION, h.getDatasetByPath("version").getData());
            assertEquals("NIRGraph", h.getDatasetByPath("node/type").getData());
            final Dataset edges = h.getDatasetByPath("node/edges");
            assertArrayEquals(new int[] {14, 2}, edges.getDimensions());
            final Dataset w = h.getDatasetByPath("node/nodes/0/weight");
            assertArrayEquals(new int[] {16, 2, 5, 5}, w.getDimensions());
            assertEquals(float.class, w.getJavaType());
            assertEquals(long.class, h.getDatasetByPath("node/nodes/0/stride").getJavaType());
            assertEquals(Long.valueOf(1), h.getDatasetByPath("node/nodes/0/groups").getData());
            // the reader's default v_reset = 0 is left out (NIR's reader wants a neuron's parameters in one shape)
            assertEquals(null, ((io.jhdf.api.Group) h.getByPath("node/nodes/1")).getChild("v_reset"));
            assertTrue(((io.jhdf.api.Group) h.getByPath("node/nodes/1")).getChild("v_threshold") != null);
        }
    }

    /** Metadata (what NIR cannot say) travels as string datasets in a node's metadata group. */
    @Test
    void metadataRoundTrips() throws IOException
    {
        final Map<String, String> meta = new LinkedHashMap<>();
        meta.put(NirMetadata.REFRACTORY_S, "0.002");
        meta.put(NirMetadata.SEED, "7");
        meta.put("trained_with", "é, and a comma"); // someone else's key, kept as it is
        final Network g = Network.builder()
            .add(new Node("in", Kind.INPUT, Map.of("shape", new Tensor(Shape.of(1), new double[] {3}, Tensor.DType.INT64))))
            .add(new Node("lif", Kind.LIF, Map.of("tau", Tensor.scalar(0.02), "r", Tensor.scalar(1), "v_leak",
                Tensor.scalar(0), "v_threshold", Tensor.scalar(1)), meta, null, null))
            .add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "lif").connect("lif", "out").build();
        final Path out = tmp.resolve("m.nir");
        NirWriter.write(g, out);
        final Network back = NirReader.read(out);
        assertEquals(meta, back.node("lif").metadata());
        assertSameGraph(g, back);
    }

    /**
     * Random networks round-trip to the bit: any finite float32, float64 (-0.0, subnormals,
     * the largest finite values) or int64 values, in shapes of rank 0 to 4.
     */
    @Test
    void randomParametersRoundTripToTheBit()
    {
        qt().withExamples(25).forAll(longs().all(), integers().between(1, 6)).checkAssert((seed, n) ->
        {
            final SplittableRandom r = new SplittableRandom(seed);
            final Network g = Network.builder()
                .add(new Node("input", Kind.INPUT, Map.of("shape", new Tensor(Shape.of(1), new double[] {n},
                    Tensor.DType.INT64))))
                .add(new Node("a.b", Kind.AFFINE, Map.of("weight", tensor(r, Shape.of(n, n)), "bias",
                    tensor(r, Shape.of(n)))))
                .add(new Node("lif", Kind.LIF, Map.of("tau", positive(tensor(r, Shape.SCALAR)), "r", tensor(r, Shape.of(n)),
                    "v_leak", tensor(r, Shape.of(1, n)), "v_threshold", tensor(r, Shape.of(n, 1, 1, 1)))))
                .add(new Node("output", Kind.OUTPUT, Map.of()))
                .connect("input", "a.b").connect("a.b", "lif").connect("lif", "a.b").connect("lif", "output")
                .build();
            final Path out = tmp.resolve("q" + seed + "-" + n + ".nir");
            try
            {
                NirWriter.write(g, out);
                assertSameGraph(g, NirReader.read(out));
                Files.delete(out);
            }
            catch (final IOException e)
            {
                throw new AssertionError(e);
            }
        });
    }

    private static Tensor tensor(final SplittableRandom r, final Shape shape)
    {
        final Tensor.DType t = Tensor.DType.values()[r.nextInt(Tensor.DType.values().length)];
        final double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++)
        {
            v[i] = switch (t)
            {
                case FLOAT32 -> special(r, Float.intBitsToFloat(r.nextInt()), FLOAT_ODD);
                case FLOAT64 -> special(r, Double.longBitsToDouble(r.nextLong()), DOUBLE_ODD);
                case INT64 -> r.nextInt(-1000, 1000);
                case INT32 -> r.nextInt();
            };
        }
        return new Tensor(shape, v, t);
    }

    private static final double[] FLOAT_ODD = {-0.0, 0.0, Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
        -Float.MAX_VALUE};
    private static final double[] DOUBLE_ODD = {-0.0, 0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
        -Double.MAX_VALUE};

    /**
     * A finite value (the reader refuses NaN and infinities: no simulator runs them), often one of the awkward
     * ones.
     */
    private static double special(final SplittableRandom r, final double x, final double[] odd)
    {
        final int k = r.nextInt(8);
        if (k < odd.length)
        {
            return odd[k];
        }
        return Double.isFinite(x) ? x : 1.5;
    }

    /** The same tensor with every value made > 0 (a time constant), keeping its type and awkward magnitudes. */
    private static Tensor positive(final Tensor t)
    {
        final double[] v = t.data().clone();
        for (int i = 0; i < v.length; i++)
        {
            v[i] = Math.abs(v[i]);
            final boolean integer = t.dtype() == Tensor.DType.INT32 || t.dtype() == Tensor.DType.INT64;
            if (v[i] == 0 || integer && v[i] > Integer.MAX_VALUE)
            {
                v[i] = integer ? 1 : t.dtype() == Tensor.DType.FLOAT32 ? Float.MIN_VALUE : Double.MIN_VALUE;
            }
        }
        return new Tensor(t.shape(), v, t.dtype());
    }

    @Test
    void aDifferentParameterIsADifferentNetwork() throws IOException
    {
        // the round-trip check can fail: one bit of one weight changes the network
        final Network g = NirReader.read(NirReaderTest.resource("lif_norse.nir"));
        final Path out = tmp.resolve("n.nir");
        NirWriter.write(g, out);
        final Network.Builder b = Network.builder();
        for (final Node n : g.nodes())
        {
            if (n.kind() == Kind.AFFINE)
            {
                final Map<String, Tensor> p = new LinkedHashMap<>(n.params());
                final Tensor w = p.get("weight");
                final double[] d = w.data();
                d[0] = Math.nextUp((float) d[0]);
                p.put("weight", new Tensor(w.shape(), d, w.dtype()));
                b.add(n.withParams(p));
            }
            else
            {
                b.add(n);
            }
        }
        g.edges().forEach(e -> b.connect(e.source(), e.target()));
        final Network changed = b.build();
        assertThrows(AssertionError.class, () -> assertSameGraph(changed, NirReader.read(out)));
        assertSameGraph(g, NirReader.read(out));
    }

    @Test
    void whatNirCannotHoldIsRefusedBeforeWriting()
    {
        final Network slash = Network.builder()
            .add(new Node("in/put", Kind.INPUT, Map.of("shape", Tensor.vector(1))))
            .add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in/put", "out").build();
        final NetworkException e = assertThrows(NetworkException.class, () -> NirWriter.write(slash, tmp.resolve("s.nir")));
        assertTrue(e.getMessage().contains("in/put"), e.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    void aNetworkWithoutEdgesHasNoEdgesDataset() throws IOException
    {
        final Network g = Network.builder().add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(4)))).build();
        final Path out = tmp.resolve("e.nir");
        NirWriter.write(g, out);
        try (HdfFile h = new HdfFile(out))
        {
            assertEquals(null, ((io.jhdf.api.Group) h.getChild("node")).getChild("edges"));
        }
        assertSameGraph(g, NirReader.read(out));
    }

    @Test
    void aScfabricKeyThatIsNotDocumentedIsRefused()
    {
        final Network g = Network.builder()
            .add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(1)), Map.of("scfabric.refractory", "2"), null,
                null))
            .add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "out").build();
        final NetworkException e = assertThrows(NetworkException.class, () -> NirWriter.write(g, tmp.resolve("k.nir")));
        assertTrue(e.getMessage().contains("scfabric.refractory'") && e.getMessage().contains(NirMetadata.REFRACTORY_S),
            e.getMessage());
        assertEquals(List.of(), listing());
    }

    /** docs/nir.md explains every key, in a table row of its own. */
    @Test
    void docsListEveryMetadataKey() throws IOException
    {
        final String root = System.getenv("SCFABRIC_ROOT");
        final String doc = Files.readString(Path.of(root != null ? root : "..").resolve("docs/nir.md"));
        for (final String k : NirMetadata.KEYS)
        {
            assertTrue(doc.contains("| `" + k + "` |"), k + " is not in docs/nir.md");
        }
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("`(scfabric\\.[a-z0-9_.]+)`").matcher(doc);
        while (m.find())
        {
            assertFalse(NirMetadata.unknownScfabricKey(m.group(1)), m.group(1) + " in docs/nir.md is not a key");
        }
    }

    @Test
    void anUnwritableFolderLeavesNothingAndTheOldFileIntact() throws IOException
    {
        final Network g = NirReader.read(NirReaderTest.resource("lif_norse.nir"));
        assertThrows(IOException.class, () -> NirWriter.write(g, tmp.resolve("missing/dir/x.nir")));
        final Path dir = Files.createDirectory(tmp.resolve("ro"));
        final Path old = Files.writeString(dir.resolve("x.nir"), "old");
        assertTrue(dir.toFile().setWritable(false));
        try
        {
            // root may write anywhere: then the write simply succeeds, and only the first half is checked
            if (!Files.isWritable(dir))
            {
                assertThrows(IOException.class, () -> NirWriter.write(g, old));
                assertEquals("old", Files.readString(old));
                try (Stream<Path> s = Files.list(dir))
                {
                    assertEquals(List.of(old), s.toList());
                }
            }
        }
        finally
        {
            assertTrue(dir.toFile().setWritable(true));
        }
        assertFalse(Files.exists(tmp.resolve("missing")));
    }

    private List<String> listing()
    {
        try (Stream<Path> s = Files.list(tmp))
        {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        catch (final IOException e)
        {
            throw new AssertionError(e);
        }
    }
}
