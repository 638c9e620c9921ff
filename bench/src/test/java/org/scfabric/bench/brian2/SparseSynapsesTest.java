package org.scfabric.bench.brian2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.scfabric.net.CsrWeights;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;

/**
 * Brian2's realised synapses as a csr Linear hold, for every pair, the weights of its synapses summed in Brian2's
 * order from 0.0 (what the dense Linear held), whatever order Brian2 listed them in and with repeated pairs.
 */
class SparseSynapsesTest
{
    /** The dense matrix the translation used to write: entry (j, i) += w in Brian2's order. */
    private static double[] dense(final int nt, final int ns, final long[] i, final long[] j, final double[] w)
    {
        final double[] d = new double[nt * ns];
        for (int k = 0; k < i.length; k++)
        {
            d[(int) j[k] * ns + (int) i[k]] += w[k];
        }
        return d;
    }

    /** The node in a network (so its arrays are checked as a reader checks them). */
    private static Node built(final Node csr, final int ns)
    {
        final Network net = Network.builder().add(new Node("in", Kind.INPUT, java.util.Map.of("shape",
            Tensor.vector(ns)))).add(csr).add(new Node("out", Kind.OUTPUT, java.util.Map.of())).connect("in",
                csr.name()).connect(csr.name(), "out").build();
        return net.node(csr.name());
    }

    @Test
    void everyPairHoldsItsSynapsesSummedInBrian2sOrder()
    {
        qt().withExamples(200).forAll(integers().between(1, 12), integers().between(1, 12), integers().between(0, 60),
            longs().all()).checkAssert((ns, nt, m, seed) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final int weights = r.nextInt(3);
                final long[] i = new long[m];
                final long[] j = new long[m];
                final double[] w = new double[m];
                final double[] perSource = r.doubles(ns, -1, 1).toArray();
                for (int k = 0; k < m; k++)
                {
                    i[k] = r.nextInt(ns);
                    j[k] = r.nextInt(nt);
                    // 0: per-synapse weights, 1: shared per source (Brunel's), 2: signed zeros and repeats
                    w[k] = switch (weights)
                    {
                        case 0 -> r.nextDouble(-1, 1);
                        case 1 -> perSource[(int) i[k]];
                        default -> r.nextBoolean() ? -0.0 : 0.5;
                    };
                }
                final Node csr = built(SparseSynapses.linear("s", nt, ns, i, j, w, IntStream.range(0, m).toArray()),
                    ns);
                assertArrayEquals(bits(dense(nt, ns, i, j, w)), bits(CsrWeights.dense(csr).data()));
            });
    }

    @Test
    void onlyThePickedSynapsesAreKept()
    {
        final long[] i = {0, 1, 0, 1};
        final long[] j = {1, 0, 1, 1};
        final double[] w = {1, 2, 4, 8};
        final Node csr = built(SparseSynapses.linear("s", 2, 2, i, j, w, new int[] {0, 3}), 2);
        assertArrayEquals(new double[] {0, 0, 1, 8}, CsrWeights.dense(csr).data());
    }

    @Test
    void theEmbeddingPutsASubgroupsSourcesAtItsOffset()
    {
        final Node e = built(SparseSynapses.embedding("e", 5, 2, 3), 2);
        assertEquals(Shape.of(5, 2), CsrWeights.dense(e).shape());
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 1, 0, 0, 1}, CsrWeights.dense(e).data());
    }

    private static long[] bits(final double[] a)
    {
        return java.util.Arrays.stream(a).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
