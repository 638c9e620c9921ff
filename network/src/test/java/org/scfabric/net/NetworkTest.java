package org.scfabric.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class NetworkTest
{
    private static Node input(final String name, final int n)
    {
        return new Node(name, Kind.INPUT, Map.of("shape", Tensor.vector(n)));
    }

    private static Node lif(final String name)
    {
        return new Node(name, Kind.LIF, Map.of("tau", Tensor.scalar(1e-3), "r", Tensor.scalar(1), "v_leak",
            Tensor.scalar(0), "v_threshold", Tensor.scalar(1)));
    }

    private static Node linear(final String name, final int rows, final int cols)
    {
        return new Node(name, Kind.LINEAR, Map.of("weight", Tensor.of(Shape.of(rows, cols), new double[rows * cols])));
    }

    @Test
    void backEdgeIsTheOneThatClosesTheCycleInDfsOrderFromTheInputs()
    {
        // in -> a -> b -> a: DFS from 'in' reaches a, then b, so b -> a closes the cycle
        final Network n = Network.builder().add(lif("b")).add(input("in", 2)).add(lif("a")).add(linear("w", 2, 2))
            .connect("w", "a").connect("in", "a").connect("a", "b").connect("b", "w").build();
        assertEquals(1, n.backEdgeCount());
        assertTrue(n.isBackEdge(0), "w -> a carries the previous step");
        final int[] order = n.order();
        assertEquals("in", n.node(order[0]).name());
        assertEquals("a", n.node(order[1]).name());
        assertEquals("b", n.node(order[2]).name());
        assertEquals("w", n.node(order[3]).name());
        assertArrayEquals(new int[] {0, 1}, n.incoming(n.indexOf("a")), "input summed in edge-list order");
    }

    @Test
    void inputsAreSearchedInNameOrder()
    {
        // two inputs into a 2-cycle: from 'x' first, x -> p -> q -> p closes at q -> p
        final Network n = Network.builder().add(input("y", 1)).add(input("x", 1)).add(lif("p")).add(lif("q"))
            .connect("y", "q").connect("x", "p").connect("p", "q").connect("q", "p").build();
        assertTrue(n.isBackEdge(3), "q -> p");
        assertFalse(n.isBackEdge(2), "p -> q");
        assertArrayEquals(new int[] {1, 0}, n.inputs());
    }

    @Test
    void aCycleThroughADelayIsAccepted()
    {
        final Network n = Network.builder().add(input("in", 1))
            .add(new Node("d", Kind.DELAY, Map.of("delay", Tensor.scalar(1e-3))))
            .add(new Node("s", Kind.SCALE, Map.of("scale", Tensor.scalar(0.5))))
            .connect("in", "s").connect("s", "d").connect("d", "s").build();
        assertEquals(1, n.backEdgeCount());
    }

    @Test
    void rejectsDuplicateNamesMissingParametersAndEdgesIntoInputs()
    {
        assertThrows(NetworkException.class, () -> Network.builder().add(lif("a")).add(lif("a")));
        final NetworkException p = assertThrows(NetworkException.class, () -> Network.builder()
            .add(new Node("l", Kind.LIF, Map.of("tau", Tensor.scalar(1)))).build());
        assertTrue(p.getMessage().contains("node l (LIF) lacks parameter r"), p.getMessage());
        final NetworkException e = assertThrows(NetworkException.class, () -> Network.builder().add(input("i", 1))
            .add(lif("a")).connect("a", "i").build());
        assertTrue(e.getMessage().contains("edge a -> i"), e.getMessage());
    }

    @Test
    void perNeuronParametersMustMatchThePopulation()
    {
        final Node bad = new Node("l", Kind.LIF, Map.of("tau", Tensor.vector(1e-3, 2e-3, 3e-3), "r", Tensor.scalar(1),
            "v_leak", Tensor.scalar(0), "v_threshold", Tensor.scalar(1)));
        final NetworkException e = assertThrows(NetworkException.class, () -> Network.builder().add(input("i", 2))
            .add(bad).connect("i", "l").build());
        assertTrue(e.getMessage().contains("node l parameter tau has 3 values"), e.getMessage());
    }
}
