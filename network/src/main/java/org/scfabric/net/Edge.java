package org.scfabric.net;

/**
 * A connection from one node's output to another node's input, by (hierarchical) node name. A node's input
 * is the sum of its incoming edges' values in the order of the network's edge list.
 */
public record Edge(String source, String target)
{
    @Override
    public String toString()
    {
        return source + " -> " + target;
    }
}
