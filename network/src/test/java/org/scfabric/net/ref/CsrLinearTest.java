package org.scfabric.net.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.nir.NirWriter;

/**
 * The sparse Linear ({@code scfabric.kind = csr}) is the dense Linear of the same weights: the same float64 bits
 * on inputs with signed zeros and spikes, with one weight per synapse or one per input; bad arrays are refused
 * naming the node; and it survives a NIR file.
 */
class CsrLinearTest
{
    @TempDir
    Path tmp;

    /** A dense (out, in) matrix with about {@code density} non-zeros; column j constant when {@code perInput}. */
    private static double[] matrix(final SplittableRandom r, final int out, final int in, final double density,
        final boolean perInput)
    {
        final double[] w = new double[out * in];
        final double[] col = new double[in];
        for (int j = 0; j < in; j++)
        {
            col[j] = r.nextDouble(-2, 2);
        }
        for (int i = 0; i < out; i++)
        {
            for (int j = 0; j < in; j++)
            {
                w[i * in + j] = r.nextDouble() < density ? perInput ? col[j] : r.nextDouble(-2, 2) : 0.0;
            }
        }
        return w;
    }

    /** The CSR form, input by input: the outputs i with W_ij != 0, ascending. */
    static Node csr(final String name, final double[] w, final int out, final int in, final boolean perInput)
    {
        final List<Double> idx = new ArrayList<>();
        final List<Double> data = new ArrayList<>();
        final double[] ptr = new double[in + 1];
        final double[] col = new double[in];
        for (int j = 0; j < in; j++)
        {
            for (int i = 0; i < out; i++)
            {
                if (w[i * in + j] != 0.0)
                {
                    idx.add((double)i);
                    data.add(w[i * in + j]);
                    col[j] = w[i * in + j];
                }
            }
            ptr[j + 1] = idx.size();
        }
        final Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("indptr", new Tensor(Shape.of(in + 1), ptr, Tensor.DType.INT32));
        p.put("indices", new Tensor(Shape.of(idx.size()), idx.stream().mapToDouble(Double::doubleValue).toArray(),
            Tensor.DType.INT32));
        p.put("data", perInput ? Tensor.vector(col) : Tensor.vector(data.stream().mapToDouble(Double::doubleValue).toArray()));
        p.put("shape", new Tensor(Shape.of(2), new double[] {out, in}, Tensor.DType.INT64));
        return new Node(name, Kind.CSR_LINEAR, p);
    }

    private static Network around(final Node op, final int in)
    {
        return Network.builder().add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(in)))).add(op)
            .connect("in", op.name()).build();
    }

    @Test
    void theSparseLinearGivesTheDenseLinearsBits()
    {
        qt().withFixedSeed(0xC5A1L).withExamples(200)
            .forAll(integers().all(), integers().between(1, 40), integers().between(1, 40), integers().between(0, 1))
            .checkAssert((seed, out, in, mode) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final boolean perInput = mode == 1 && in != 0;
                final double[] w = matrix(r, out, in, r.nextDouble(), perInput);
                final Node sparse = around(csr("s", w, out, in, perInput && !sameCount(w, out, in)), in).node("s");
                final Node dense = around(new Node("d", Kind.LINEAR, Map.of("weight", Tensor.of(Shape.of(out, in), w))),
                    in).node("d");
                final Float64Engine.Op a = new CsrLinear(sparse);
                final Float64Engine.Op b = new Ops.Dense(dense, false, false);
                for (int k = 0; k < 5; k++)
                {
                    final double[] x = new double[in];
                    for (int j = 0; j < in; j++)
                    {
                        final double u = r.nextDouble();
                        x[j] = u < 0.3 ? 1.0 : u < 0.4 ? -0.0 : u < 0.6 ? r.nextDouble(-3, 3) : 0.0;
                    }
                    final double[] ya = new double[out];
                    final double[] yb = new double[out];
                    a.step(x, ya);
                    b.step(x, yb);
                    for (int i = 0; i < out; i++)
                    {
                        assertEquals(Double.doubleToRawLongBits(yb[i]), Double.doubleToRawLongBits(ya[i]),
                            "output " + i + ": " + yb[i] + " vs " + ya[i]);
                    }
                }
            });
    }

    /** Per-input data is told from per-synapse data by its length; where both are the same, use per synapse. */
    private static boolean sameCount(final double[] w, final int out, final int in)
    {
        int nnz = 0;
        for (final double v : w)
        {
            nnz += v != 0.0 ? 1 : 0;
        }
        return nnz == in;
    }

    private static Node withParam(final Node n, final String p, final Tensor t)
    {
        final Map<String, Tensor> m = new LinkedHashMap<>(n.params());
        m.put(p, t);
        return n.withParams(m);
    }

    @Test
    void badArraysAreRefusedNamingTheNode()
    {
        // 3 outputs, 2 inputs: input 0 -> {0, 2}, input 1 -> {1}
        final Node ok = csr("syn", new double[] {1, 0, 0, 2, 3, 0}, 3, 2, false);
        around(ok, 2);
        final String[][] cases = {
            {"indices", "0,3,1", "must be outputs 0..2"},
            {"indices", "2,0,1", "ascending"},
            {"indptr", "0,2", "indptr must have in + 1 = 3 values"},
            {"indptr", "0,2,4", "indptr must have"},
            {"data", "1,2,3,4", "give one per synapse (3) or one per input (2)"}};
        for (final String[] c : cases)
        {
            final double[] v = java.util.Arrays.stream(c[1].split(",")).mapToDouble(Double::parseDouble).toArray();
            final Node bad = withParam(ok, c[0], new Tensor(Shape.of(v.length), v, Tensor.DType.INT32));
            final NetworkException e = assertThrows(NetworkException.class, () -> around(bad, 2), c[0] + " " + c[1]);
            assertTrue(e.getMessage().contains("node syn") && e.getMessage().contains(c[2]), e.getMessage());
        }
    }

    @Test
    void aSparseLinearSurvivesANirFileAndAnUnknownScfabricKindIsRefused() throws IOException
    {
        final SplittableRandom r = new SplittableRandom(3);
        final Network g = around(csr("syn", matrix(r, 30, 20, 0.2, false), 30, 20, false), 20);
        final Path f = tmp.resolve("csr.nir");
        NirWriter.write(g, f);
        final Network back = NirReader.read(f);
        assertEquals(g.node("syn").kind(), back.node("syn").kind());
        assertEquals(g.node("syn").params(), back.node("syn").params());
        assertEquals("csr", back.node("syn").metadata().get("scfabric.kind"));

        try (io.jhdf.HdfFile h = new io.jhdf.HdfFile(f))
        {
            // the dense copy for NIR's own reader, (out, in), equal to the CSR arrays
            final double[][] w = (double[][])h.getDatasetByPath("node/nodes/syn/weight").getData();
            assertEquals(30, w.length);
            assertEquals(20, w[0].length);
            final double[] flat = org.scfabric.net.CsrWeights.dense(g.node("syn")).data();
            for (int i = 0; i < 30; i++)
            {
                for (int j = 0; j < 20; j++)
                {
                    assertEquals(flat[i * 20 + j], w[i][j]);
                }
            }
        }
        // a dense weight that says otherwise than the CSR arrays is refused naming the node
        final double[] other = org.scfabric.net.CsrWeights.dense(g.node("syn")).data();
        other[7] += 1.0;
        final Node lying = withParam(g.node("syn"), "weight", Tensor.of(Shape.of(30, 20), other));
        final Path liar = tmp.resolve("liar.nir");
        NirWriter.write(around(lying, 20), liar);
        final NetworkException d = assertThrows(NetworkException.class, () -> NirReader.read(liar));
        assertTrue(d.getMessage().contains("node syn") && d.getMessage().contains("disagree"), d.getMessage());

        final Node lif = new Node("lif", Kind.LIF, Map.of("tau", Tensor.scalar(0.02), "r", Tensor.scalar(1),
            "v_leak", Tensor.scalar(0), "v_threshold", Tensor.scalar(1)), Map.of("scfabric.kind", "izhikevich"), null, null);
        final Path bad = tmp.resolve("bad.nir");
        NirWriter.write(around(lif, 1), bad);
        final NetworkException e = assertThrows(NetworkException.class, () -> NirReader.read(bad));
        assertTrue(e.getMessage().contains("node lif") && e.getMessage().contains("'izhikevich'")
            && e.getMessage().contains("known: brunel"), e.getMessage());
    }
}
