package org.scfabric.net.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;

/**
 * The fast paths (zero inputs skipped in Linear/Affine, inputs scattered in Conv) give the plain gather's
 * float64 results to the bit, on random geometries and sparse inputs with signed zeros among them.
 */
class SparseSumsTest
{
    private static double[] values(final SplittableRandom r, final int n, final double density)
    {
        final double[] a = new double[n];
        for (int i = 0; i < n; i++)
        {
            final double u = r.nextDouble();
            a[i] = u < density ? r.nextDouble(-2, 2) : u < density + 0.05 ? -0.0 : r.nextBoolean() ? 1.0 : 0.0;
        }
        return a;
    }

    private static void assertBits(final double[] expected, final double[] actual, final String what)
    {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++)
        {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                what + " element " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    private static Network around(final Node op, final Shape in)
    {
        final double[] dims = new double[in.rank()];
        for (int i = 0; i < dims.length; i++)
        {
            dims[i] = in.dim(i);
        }
        return Network.builder().add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(dims)))).add(op)
            .connect("in", op.name()).build();
    }

    @Test
    void scatteredConvolutionEqualsTheGatherToTheBit()
    {
        qt().withFixedSeed(0x5CFA12L).withExamples(150)
            .forAll(integers().all(), integers().between(1, 3), integers().between(0, 2), integers().between(1, 2))
            .checkAssert((seed, stride, pad, dil) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final int groups = 1 + r.nextInt(2);
                final int cin = groups * (1 + r.nextInt(3));
                final int cout = groups * (1 + r.nextInt(3));
                final int k = 1 + r.nextInt(3);
                final boolean one = r.nextBoolean();
                final int h = one ? 1 : 5 + r.nextInt(5);
                final int w = 5 + r.nextInt(5);
                final Shape ws = one ? Shape.of(cout, cin / groups, k) : Shape.of(cout, cin / groups, k, k);
                final Map<String, Tensor> p = new LinkedHashMap<>();
                p.put("weight", Tensor.of(ws, values(r, ws.size(), 0.9)));
                p.put("bias", Tensor.of(Shape.of(cout), values(r, cout, 0.5)));
                p.put("stride", one ? Tensor.vector(stride) : Tensor.vector(stride, 1 + r.nextInt(2)));
                p.put("padding", one ? Tensor.vector(pad) : Tensor.vector(pad, r.nextInt(2)));
                p.put("dilation", one ? Tensor.vector(dil) : Tensor.vector(dil, 1));
                p.put("groups", Tensor.scalar(groups));
                final Shape in = one ? Shape.of(cin, w) : Shape.of(cin, h, w);
                final Node conv = around(new Node("c", one ? Kind.CONV1D : Kind.CONV2D, p), in).node("c");
                final double[] x = values(r, in.size(), 0.3);
                final double[] gather = new double[conv.outShape().size()];
                final double[] scatter = new double[gather.length];
                new Ops.Conv(conv, false).step(x, gather);
                new Ops.Conv(conv, true).step(x, scatter);
                assertBits(gather, scatter, "conv " + conv.inShape() + " -> " + conv.outShape());
            });
    }

    @Test
    void denseSumSkippingZerosEqualsTheFullSumToTheBit()
    {
        qt().withFixedSeed(0x5CFA13L).withExamples(150)
            .forAll(integers().all(), integers().between(1, 40), integers().between(1, 40))
            .checkAssert((seed, rows, cols) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final Node lin = around(new Node("a", Kind.AFFINE, Map.of("weight",
                    Tensor.of(Shape.of(rows, cols), values(r, rows * cols, 0.8)), "bias",
                    Tensor.of(Shape.of(rows), values(r, rows, 0.5)))), Shape.of(cols)).node("a");
                final double[] x = values(r, cols, 0.2);
                final double[] full = new double[rows];
                final double[] sparse = new double[rows];
                new Ops.Dense(lin, true, false).step(x, full);
                new Ops.Dense(lin, true, true).step(x, sparse);
                assertBits(full, sparse, "affine " + rows + "x" + cols);
            });
    }

    /** Sparse connectivity (few non-zero weights, signed zeros among them): the column scatter equals the gather. */
    @Test
    void sparseWeightsScatteredByColumnEqualTheFullSumToTheBit()
    {
        qt().withFixedSeed(0x5CFA14L).withExamples(150)
            .forAll(integers().all(), integers().between(1, 60), integers().between(1, 60))
            .checkAssert((seed, rows, cols) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final double[] w = new double[rows * cols];
                for (int i = 0; i < w.length; i++)
                {
                    final double u = r.nextDouble();
                    w[i] = u < 0.06 ? r.nextDouble(-2, 2) : u < 0.08 ? -0.0 : 0.0;
                }
                final boolean affine = r.nextBoolean();
                final Map<String, Tensor> p = new LinkedHashMap<>();
                p.put("weight", Tensor.of(Shape.of(rows, cols), w));
                if (affine)
                {
                    p.put("bias", Tensor.of(Shape.of(rows), values(r, rows, 0.5)));
                }
                final Node lin = around(new Node("a", affine ? Kind.AFFINE : Kind.LINEAR, p), Shape.of(cols)).node("a");
                final double[] x = values(r, cols, 0.3);
                if (r.nextInt(10) == 0)
                {
                    x[r.nextInt(cols)] = Double.POSITIVE_INFINITY; // the gather's NaNs, not the scatter's silence
                }
                final double[] full = new double[rows];
                final double[] sparse = new double[rows];
                new Ops.Dense(lin, affine, false).step(x, full);
                final Ops.Dense d = new Ops.Dense(lin, affine, true);
                d.step(x, sparse);
                assertBits(full, sparse, "sparse " + rows + "x" + cols);
                d.step(x, sparse); // a second step starts again from zero
                assertBits(full, sparse, "sparse, second step");
            });
    }
}
