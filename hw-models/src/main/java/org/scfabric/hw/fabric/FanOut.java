package org.scfabric.hw.fabric;

/**
 * The router's memories as flat arrays: per source (neuron, then external input channel) its row
 * (start, length), per synapse its target, weight and tag (offset · groups + group; 0 for the
 * Brunel network, whose synapses all count in the next step).
 */
final class FanOut
{
    final int sources;
    final int[] rowStart;
    final int[] rowLen;
    final int[] target;
    final int[] weight;
    final int[] tag;
    /** A mapped network's SC synapses, or null. */
    ScSynapses sc;

    private FanOut(final int sources, final int synapses)
    {
        this.sources = sources;
        rowStart = new int[sources];
        rowLen = new int[sources];
        target = new int[synapses];
        weight = new int[synapses];
        tag = new int[synapses];
    }

    static FanOut of(final FabricNetwork net)
    {
        final FanOut fo = new FanOut(net.size(), net.synapses());
        for (int i = 0; i < net.size(); i++)
        {
            fo.rowStart[i] = net.rowStart(i);
            fo.rowLen[i] = net.rowLength(i);
        }
        for (int e = 0; e < net.synapses(); e++)
        {
            fo.target[e] = net.target(e);
            fo.weight[e] = net.weight(e);
        }
        return fo;
    }

    static FanOut of(final MappedNetwork net)
    {
        final int s = net.size() + net.inputs();
        final FanOut fo = new FanOut(s, net.synapses());
        for (int i = 0; i < s; i++)
        {
            fo.rowStart[i] = net.rowStart(i);
            fo.rowLen[i] = net.rowLength(i);
        }
        for (int e = 0; e < net.synapses(); e++)
        {
            fo.target[e] = net.target(e);
            fo.weight[e] = net.weight(e);
            fo.tag[e] = net.tag(e);
        }
        fo.sc = net.sc();
        return fo;
    }
}
