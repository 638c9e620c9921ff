package org.scfabric.bench.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.hw.fabric.MappedNetwork;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.ref.Options;

/** What the mapping makes of a graph, and what it refuses (one line naming the node). */
class NirMappingTest
{
    private static Node in(final int n)
    {
        return new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(n)));
    }

    private static Node lif(final String name, final int n)
    {
        final double[] one = new double[n];
        java.util.Arrays.fill(one, 1.0);
        final double[] tau = new double[n];
        java.util.Arrays.fill(tau, 1e-3);
        return new Node(name, Kind.LIF, Map.of("tau", Tensor.of(Shape.of(n), tau), "r", Tensor.of(Shape.of(n), one),
            "v_leak", Tensor.of(Shape.of(n), new double[n]), "v_threshold", Tensor.of(Shape.of(n), one)));
    }

    private static Node linear(final String name, final int rows, final int cols, final double... w)
    {
        return new Node(name, Kind.LINEAR, Map.of("weight", Tensor.of(Shape.of(rows, cols), w)));
    }

    private static NirMapping map(final Network n)
    {
        return NirMapping.map(n, Options.defaults(), FixedFormat.Q8_8);
    }

    private static String refusal(final Network n)
    {
        return assertThrows(NetworkException.class, () -> map(n)).getMessage();
    }

    @Test
    void zeroWeightsAreNotStoredAndEachIncomingEdgeIsAGroup()
    {
        // in -> fc (a 2x2 with one zero) -> a; a -> rec -> a (back edge: offset 1); in -> a directly (identity)
        final Network n = Network.builder().add(in(2)).add(linear("fc", 2, 2, 0.5, 0, 0.25, -1)).add(lif("a", 2))
            .add(linear("rec", 2, 2, 0, 1, 1, 0)).add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "fc").connect("fc", "a").connect("a", "rec").connect("rec", "a").connect("in", "a")
            .connect("a", "out").build();
        final MappedNetwork m = map(n).network();
        assertEquals(3, m.groups());
        assertEquals(2, m.banks());
        assertEquals(2, m.inputs());
        // sources 0,1 are the neurons, 2,3 the input channels
        // input 0: fc column 0 (128 -> a0, 64 -> a1) and the identity (256 -> a0)
        assertEquals(3, m.rowLength(2));
        // input 1: fc column 1 (0 to a0: not stored, -256 to a1) and the identity to a1
        assertEquals(2, m.rowLength(3));
        final int e = m.rowStart(3);
        assertArrayEquals(new int[] {1, 1}, new int[] {m.target(e), m.target(e + 1)});
        assertEquals(-256, m.weight(e));
        assertEquals(2, m.tag(e + 1) % 3, "the identity edge is the third incoming edge of a");
        assertEquals(256, m.weight(e + 1));
        // the recurrent synapses count one step later: offset 1 of group 1
        final int r = m.rowStart(0);
        assertEquals(1, m.rowLength(0));
        assertEquals(1 * 3 + 1, m.tag(r));
        assertEquals(1, m.target(r));
    }

    @Test
    void populationsAreNumberedByLevel()
    {
        // b is fed by a in the same step: level 2; c reads the input only: level 1, so it is numbered before b
        final Network n = Network.builder().add(in(1)).add(lif("a", 1)).add(lif("b", 2)).add(lif("c", 3))
            .add(linear("ab", 2, 1, 1, 1)).add(linear("ic", 3, 1, 1, 1, 1))
            .add(new Node("out", Kind.OUTPUT, Map.of())).add(new Node("out2", Kind.OUTPUT, Map.of()))
            .connect("in", "a").connect("a", "ab").connect("ab", "b").connect("in", "ic").connect("ic", "c")
            .connect("b", "out").connect("c", "out2").build();
        final NirMapping m = map(n);
        final Map<String, NirMapping.Population> p = m.byName();
        assertEquals(1, p.get("a").level());
        assertEquals(1, p.get("c").level());
        assertEquals(2, p.get("b").level());
        assertTrue(p.get("b").base() > p.get("c").base());
        assertEquals(3, m.network().phases());
    }

    @Test
    void whatTheFabricCannotComputeExactlyIsRefusedByName()
    {
        final Network threshold = Network.builder().add(in(1)).add(new Node("s", Kind.THRESHOLD, Map.of("threshold",
            Tensor.vector(0.5)))).add(lif("a", 1)).add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "s").connect("s", "a").connect("a", "out").build();
        assertTrue(refusal(threshold).contains("node s (Threshold)"), refusal(threshold));
        final Network twice = Network.builder().add(in(1)).add(linear("f1", 1, 1, 1)).add(linear("f2", 1, 1, 1))
            .add(lif("a", 1)).add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "f1").connect("f1", "f2").connect("f2", "a").connect("a", "out").build();
        assertTrue(refusal(twice).contains("two weighted nodes in a row (f1 then f2)"), refusal(twice));
        final Network readout = Network.builder().add(in(1)).add(new Node("li", Kind.LI, Map.of("tau",
            Tensor.vector(1e-3), "r", Tensor.vector(1), "v_leak", Tensor.vector(0)))).add(linear("f", 1, 1, 1))
            .add(lif("a", 1)).add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "li").connect("li", "f").connect("f", "a").connect("a", "out").build();
        assertTrue(refusal(readout).contains("the readout li (LI) feeds a"), refusal(readout));
        final Network fromLinear = Network.builder().add(in(1)).add(linear("f", 1, 1, 1)).add(lif("a", 1))
            .add(new Node("out", Kind.OUTPUT, Map.of())).add(new Node("out_a", Kind.OUTPUT, Map.of()))
            .connect("in", "a").connect("a", "out_a").connect("in", "f").connect("f", "out").build();
        assertTrue(refusal(fromLinear).contains("Output out reads f (Linear)"), refusal(fromLinear));
    }

    @Test
    void theBrunelReferenceNeuronIsLeftToTheBrunelFabric()
    {
        final Network n = Network.builder().add(in(1)).add(new Node("b", Kind.BRUNEL, Map.of("tau", Tensor.vector(2e-2),
            "v_leak", Tensor.vector(0), "v_threshold", Tensor.vector(1), "v_reset", Tensor.vector(0))))
            .add(new Node("out", Kind.OUTPUT, Map.of())).connect("in", "b").connect("b", "out").build();
        assertTrue(refusal(n).contains("node b is the Brunel reference neuron"), refusal(n));
    }

    /**
     * A Brian2 group maps onto the Brian2 datapath only with its rules (scfabric brian2's metadata): without them it is
     * refused by name, never run as a plain LIF. (Mapped groups: {@link Brian2FabricEquivalenceTest}.)
     */
    @Test
    void aBrian2GroupWithoutItsRulesIsRefusedByName()
    {
        final Node l = lif("g", 1);
        final Node b2 = new Node("g", Kind.LIF, l.params(), Map.of("scfabric.kind", "brian2"), null, null);
        final Network n = Network.builder().add(in(1)).add(b2).add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "g").connect("g", "out").build();
        assertTrue(refusal(n).contains("node g (scfabric.kind brian2) lacks metadata scfabric.state_vars"), refusal(n));
    }

    @Test
    void aPoolThatCouldSaturateIsNotFoldedIntoTheWeights()
    {
        // 12 x 12 ones pooled whole: a cell of 144 spikes is 144.0, beyond Q8.8's 127.99
        final Network n = Network.builder().add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(1, 12, 12))))
            .add(new Node("pool", Kind.SUM_POOL_2D, Map.of("kernel_size", Tensor.vector(12, 12))))
            .add(new Node("flat", Kind.FLATTEN, Map.of())).add(linear("f", 1, 1, 1)).add(lif("a", 1))
            .add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "pool").connect("pool", "flat").connect("flat", "f").connect("f", "a").connect("a", "out")
            .build();
        assertTrue(refusal(n).contains("SumPool2d pool can saturate"), refusal(n));
        // in Q16.12 the same pool fits (144 < 524288): it maps, each input with weight 1.0
        final NirMapping m = NirMapping.map(n, Options.defaults(), FixedFormat.Q16_12);
        assertEquals(144, m.network().synapses());
        assertEquals(4096, m.network().weight(0));
    }
}
