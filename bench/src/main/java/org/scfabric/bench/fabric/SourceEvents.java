package org.scfabric.bench.fabric;

import java.util.Arrays;

import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.nir.NirMetadata;
import org.scfabric.net.ref.BinomialSource;
import org.scfabric.net.ref.Options;
import org.scfabric.net.ref.SpikeListSource;

/**
 * A self-driving network's Input nodes (Brian2's PoissonInput and PoissonGroup: binomial or Poisson counts per
 * element and step, {@code scfabric.poisson_n}; SpikeGeneratorGroup: a spike list, {@code scfabric.spike_steps})
 * as address events from outside: the host draws what the float64 and fixed-point engines draw (the same sources,
 * the same seeds, in step order) and sends, per step, {@code count} events to the element's channel. An event is
 * worth one spike of weight W at the synapse, so a count c adds c·W, the unrolled engine's {@code (W · c·2^F) >> F};
 * a count too large for the format (c·2^F saturates) is refused.
 */
public final class SourceEvents
{
    private SourceEvents()
    {
    }

    /** Whether an Input node drives itself (Brian2's sources). */
    static boolean drivesItself(final Node node)
    {
        return node.metadata().containsKey(NirMetadata.POISSON_N) || node.metadata().containsKey(NirMetadata.SPIKE_STEPS);
    }

    /** Whether every Input of {@code net} drives itself and there is at least one neuron to drive (or no Input). */
    public static boolean selfDriven(final Network net)
    {
        return org.scfabric.net.ref.ReferenceRun.selfDriven(net);
    }

    /** The most counts a step a format holds: {@code c·2^F} must not saturate. */
    static long maxCount(final FixedFormat fmt)
    {
        return ((1L << (fmt.width() - 1)) - 1) >> fmt.fraction();
    }

    /**
     * Per input channel (Inputs in {@code net.inputs()} order), the most events it sends in one step: a binomial
     * source's N (at most {@link #maxCount}), else one; null when no Input drives itself.
     */
    static int[] channelEvents(final Network net, final FixedFormat fmt)
    {
        int channels = 0;
        boolean any = false;
        for (final int v : net.inputs())
        {
            channels += net.node(v).outShape().size();
            any |= net.node(v).metadata().containsKey(NirMetadata.POISSON_N);
        }
        if (!any)
        {
            return null;
        }
        final int[] m = new int[channels];
        int c = 0;
        for (final int v : net.inputs())
        {
            final Node node = net.node(v);
            final String n = node.metadata().get(NirMetadata.POISSON_N);
            final int most = n == null ? 1 : (int)Math.min(maxCount(fmt), Math.max(1, Long.parseLong(n.trim())));
            for (int i = 0; i < node.outShape().size(); i++)
            {
                m[c++] = most;
            }
        }
        return m;
    }

    /** Per step t, the channels of its events: {@code [stepStart, channel]}, Inputs in {@code map}'s channel order. */
    public static int[][] events(final Network net, final NirMapping map, final Options opt, final int steps,
        final int fraction, final int width)
    {
        final int[] inputs = net.inputs();
        final Object[] src = new Object[inputs.length];
        final double[][] out = new double[inputs.length][];
        for (int k = 0; k < inputs.length; k++)
        {
            final Node node = net.node(inputs[k]);
            out[k] = new double[node.outShape().size()];
            if (node.metadata().containsKey(NirMetadata.POISSON_N))
            {
                src[k] = new BinomialSource(node, opt);
            }
            else if (node.metadata().containsKey(NirMetadata.SPIKE_STEPS))
            {
                src[k] = new SpikeListSource(node);
            }
            else
            {
                throw new NetworkException("input " + node.name() + " does not drive itself: give --input or --poisson");
            }
        }
        final long maxCount = ((1L << (width - 1)) - 1) >> fraction;
        final int[] start = new int[steps + 1];
        int[] ch = new int[64];
        int e = 0;
        for (int t = 0; t < steps; t++)
        {
            for (int k = 0; k < inputs.length; k++)
            {
                if (src[k] instanceof BinomialSource b)
                {
                    b.step(null, out[k]);
                }
                else
                {
                    ((SpikeListSource)src[k]).step(null, out[k]);
                }
                final int base = map.inputBase(k);
                final boolean list = src[k] instanceof SpikeListSource;
                for (int i = 0; i < out[k].length; i++)
                {
                    // a spike list's element spikes once or not (the engines take any non-zero as one spike)
                    final long c = list ? (out[k][i] != 0.0 ? 1 : 0) : (long)out[k][i];
                    if (c > maxCount || c < 0)
                    {
                        throw new NetworkException("input " + net.node(inputs[k]).name() + " drew " + c + " spikes for "
                            + "element " + i + " in step " + t + "; the format holds at most " + maxCount
                            + " per element and step");
                    }
                    if (e + c > ch.length)
                    {
                        ch = Arrays.copyOf(ch, Math.max(2 * ch.length, (int)(e + c)));
                    }
                    for (long q = 0; q < c; q++)
                    {
                        ch[e++] = base + i;
                    }
                }
            }
            start[t + 1] = e;
        }
        return new int[][] {start, Arrays.copyOf(ch, e)};
    }
}
