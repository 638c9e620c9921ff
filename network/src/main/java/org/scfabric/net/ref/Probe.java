package org.scfabric.net.ref;

import org.scfabric.net.Network;

/**
 * One neuron whose membrane potential a run records after every step ({@code scfabric nir --probe NODE:INDEX}).
 *
 * @param node the neuron population's node index
 * @param index the neuron's flat index in it
 */
public record Probe(int node, int index)
{
    /** A run records the probed membrane over at most this many first steps (800 kB per arithmetic). */
    public static final int MAX_STEPS = 100_000;

    /**
     * The default: neuron 0 of the first neuron population feeding an Output node (Outputs in name order, their
     * incoming edges in edge-list order); without one, of the last population in evaluation order; null when the
     * network has no neurons.
     */
    public static Probe defaultOf(final Network net)
    {
        for (final int o : net.outputs())
        {
            for (final int e : net.incoming(o))
            {
                final int src = net.edgeSource(e);
                if (net.node(src).kind().neuron())
                {
                    return new Probe(src, 0);
                }
            }
        }
        Probe last = null;
        for (final int v : net.order())
        {
            if (net.node(v).kind().neuron())
            {
                last = new Probe(v, 0);
            }
        }
        return last;
    }

    /** "NODE:INDEX", as --probe takes it. */
    public String label(final Network net)
    {
        return net.node(node).name() + ":" + index;
    }
}
