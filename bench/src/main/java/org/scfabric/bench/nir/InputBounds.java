package org.scfabric.bench.nir;

import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.ref.Float64Engine;

/**
 * The largest |value| each node's input can carry, in a fixed-point format's integer units: what an SC layer's
 * input encoders scale to a probability of 1 (docs/nir.md "SC back end"). Spikes are 1.0; an Input node is taken
 * as 1.0 (spike trains; larger input values are clipped to it); a sum pool of k values multiplies by k, a scale
 * by its largest |factor|; anything unbounded (a membrane read out, a synapse node feeding another) is the
 * format's full scale. Back edges come from nodes run later; spiking sources are 1.0 wherever they sit.
 */
final class InputBounds
{
    private InputBounds()
    {
    }

    /** Per node: the bound of its input (the sum of its sources' output bounds), at most full scale. */
    static long[] of(final Network net, final FixedFormat fmt)
    {
        final long full = (1L << (fmt.width() - 1)) - 1;
        final long one = 1L << fmt.fraction();
        final long[] outBound = new long[net.size()];
        final long[] inBound = new long[net.size()];
        java.util.Arrays.fill(outBound, full);
        for (final int v : net.order())
        {
            final Node node = net.node(v);
            long in = 0;
            for (final int e : net.incoming(v))
            {
                final int src = net.edgeSource(e);
                in += Float64Engine.spiking(net.node(src).kind()) ? one : outBound[src];
            }
            in = Math.min(full, Math.max(in, 1));
            inBound[v] = in;
            outBound[v] = Math.min(full, switch (node.kind())
            {
                case INPUT -> one;
                case OUTPUT, FLATTEN, DELAY, AVG_POOL_2D -> in;
                case SUM_POOL_2D -> in * area(node);
                case SCALE -> (long)Math.ceil(in * maxAbs(node.param("scale").data()));
                case THRESHOLD -> one;
                default -> Float64Engine.spiking(node.kind()) ? one : full;
            });
        }
        return inBound;
    }

    private static long area(final Node node)
    {
        final int[] k = node.param("kernel_size").ints("node " + node.name() + " kernel_size");
        return k.length == 1 ? (long)k[0] * k[0] : (long)k[0] * k[1];
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
