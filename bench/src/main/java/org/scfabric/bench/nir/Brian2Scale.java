package org.scfabric.bench.nir;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirMetadata;

/**
 * Brian2's populations in a fixed-point format's range. Brian2 states are in SI units (Brunel's threshold is
 * 0.02 V): a Q8.8 register would hold it as 5/256. So a network with {@code brian2} populations is rescaled by one
 * power of two s for the whole network, the largest that keeps every population's v_leak, threshold, reset and
 * initial values within half the format's range (the other half for the membrane's excursions), and the synapses
 * that feed them (the weighted node after each population or source: Linear, csr Linear, Scale) by the same s.
 * Multiplying by a power of two is exact, so the rescaled network is the same network in float64; only the
 * quantisation sees the new units. A network without brian2 populations is returned as it is.
 */
public final class Brian2Scale
{
    private Brian2Scale()
    {
    }

    public static boolean isBrian2(final Node node)
    {
        return NirMetadata.KIND_BRIAN2.equals(node.metadata().get(NirMetadata.KIND));
    }

    public static boolean isBinomialSource(final Node node)
    {
        return node.kind() == Kind.INPUT && node.metadata().containsKey(NirMetadata.POISSON_N);
    }

    public static boolean isSpikeList(final Node node)
    {
        return node.kind() == Kind.INPUT && node.metadata().containsKey(NirMetadata.SPIKE_STEPS);
    }

    /** The factor for {@code net} in {@code fmt} (1 without brian2 populations). */
    public static double factor(final Network net, final FixedFormat fmt)
    {
        double max = 0;
        for (final Node node : net.nodes())
        {
            if (!isBrian2(node))
            {
                continue;
            }
            final int n = node.outShape().size();
            for (final String p : new String[] {"v_leak", "v_threshold", "v_reset"})
            {
                max = Math.max(max, maxAbs(node.perElement(p, n)));
            }
            // (a group without its initial values is refused by its core, naming the missing key)
            final String init = node.metadata().getOrDefault(NirMetadata.INITIAL, "0");
            for (final String var : init.split(";", -1))
            {
                max = Math.max(max, maxAbs(NirMetadata.doubles(var, n, "node " + node.name() + " initial")));
            }
        }
        if (max == 0 || !Double.isFinite(max))
        {
            return 1.0;
        }
        final double room = Math.scalb(1.0, fmt.width() - 2 - fmt.fraction());
        // 2^floor(log2(room / max)): the largest power of two s with max s <= room
        return Math.scalb(1.0, Math.getExponent(room / max));
    }

    /** The network rescaled by {@code s} (a power of two); {@code net} itself when s = 1. */
    public static Network scaled(final Network net, final double s)
    {
        if (s == 1.0)
        {
            return net;
        }
        final boolean[] weighted = new boolean[net.size()];
        for (int e = 0; e < net.edges().size(); e++)
        {
            final Node src = net.node(net.edgeSource(e));
            final Node dst = net.node(net.edgeTarget(e));
            final Kind k = dst.kind();
            if ((isBrian2(src) || isBinomialSource(src) || isSpikeList(src))
                && (k == Kind.LINEAR || k == Kind.AFFINE || k == Kind.CSR_LINEAR || k == Kind.SCALE))
            {
                weighted[net.edgeTarget(e)] = true;
            }
        }
        final Network.Builder b = Network.builder();
        for (int v = 0; v < net.size(); v++)
        {
            final Node node = net.node(v);
            if (isBrian2(node))
            {
                b.add(population(node, s));
            }
            else if (weighted[v])
            {
                final Map<String, Tensor> p = new LinkedHashMap<>(node.params());
                for (final String key : new String[] {"weight", "bias", "data", "scale"})
                {
                    if (p.containsKey(key))
                    {
                        p.put(key, times(p.get(key), s));
                    }
                }
                b.add(new Node(node.name(), node.kind(), p, node.metadata(), null, null));
            }
            else
            {
                b.add(node);
            }
        }
        for (final org.scfabric.net.Edge e : net.edges())
        {
            b.connect(e.source(), e.target());
        }
        return b.build();
    }

    private static Node population(final Node node, final double s)
    {
        final Map<String, Tensor> p = new LinkedHashMap<>(node.params());
        for (final String key : new String[] {"v_leak", "v_threshold", "v_reset"})
        {
            p.put(key, times(p.get(key), s));
        }
        final Map<String, String> m = new LinkedHashMap<>(node.metadata());
        final int n = node.outShape().size();
        if (!m.containsKey(NirMetadata.INITIAL))
        {
            return new Node(node.name(), node.kind(), p, m, null, null);
        }
        final String[] vars = m.get(NirMetadata.INITIAL).split(";", -1);
        for (int k = 0; k < vars.length; k++)
        {
            final double[] x = NirMetadata.doubles(vars[k], n, "node " + node.name() + " initial");
            for (int i = 0; i < n; i++)
            {
                x[i] *= s;
            }
            vars[k] = NirMetadata.join(x);
        }
        m.put(NirMetadata.INITIAL, String.join(";", vars));
        return new Node(node.name(), node.kind(), p, m, null, null);
    }

    private static Tensor times(final Tensor t, final double s)
    {
        final double[] d = t.data();
        for (int i = 0; i < d.length; i++)
        {
            d[i] *= s;
        }
        return Tensor.adopt(t.shape(), d, t.dtype());
    }

    private static double maxAbs(final double[] a)
    {
        double m = 0;
        for (final double x : a)
        {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
