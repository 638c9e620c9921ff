package org.scfabric.bench.fabric;

import java.util.Arrays;
import java.util.List;

import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.bench.nir.ScConfig;
import org.scfabric.bench.nir.SynapseLists;
import org.scfabric.hw.fabric.ScSynapses;
import org.scfabric.hw.sc.LfsrEncoderModel;
import org.scfabric.hw.sc.SeedPlan;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;

/**
 * The weighted nodes of a NIR graph as stochastic-computing synapses on the general fabric ({@code --arith sc}),
 * built so that the fabric computes exactly what {@code scfabric nir --arith sc} computes (its {@code ScLayer}):
 * the same seed plan (weighted nodes in name order; input encoder of node v's input element k has seed
 * {@code SeedPlan.input(inputBase(v) + k)}, weight encoder of its weight k {@code SeedPlan.weight(weightBase(v) + k)},
 * both reset with t_index = the seed's low 16 bits), the same probabilities (|w| / max|W| as a 16-bit comparator
 * input; a spike is X = 1.0, so its encoder compares with 0xFFFF) and the same converter range Y = max|W|·X in Q8.8.
 *
 * <p>Every synapse (source element k → output o of weighted node v, weight index i, exact weight ≠ 0) becomes one
 * fabric synapse of sign sign(W_i) reading the stream of the source's encoder for v and ROM stream
 * (v, i). A spike's encoder runs when the spike is routed rather than when it reaches the weighted node (after a
 * delay before it): the encoder still runs once per spike in the same order, so the streams are the same. A
 * SumPool2d before a weighted node sums several sources into one input value whose stream is not any one
 * source's: refused.
 */
final class ScMapping
{
    private ScMapping()
    {
    }

    private static NetworkException refuse(final String why)
    {
        return new NetworkException("not mappable onto the fabric with --arith sc: " + why);
    }

    private static boolean weighted(final Kind k)
    {
        return k == Kind.LINEAR || k == Kind.AFFINE || k == Kind.CONV1D || k == Kind.CONV2D || k == Kind.CSR_LINEAR;
    }

    static double[] weights(final Node node)
    {
        return node.kind() == Kind.CSR_LINEAR ? node.param("data").data() : node.param("weight").data();
    }

    /** One path with a weighted node, as SC synapses (see {@link Unroll#path} for the fixed-point one). */
    static void path(final Network net, final double dt, final int source, final List<Integer> nodes,
        final List<Boolean> back, final int weighted, final Node target, final int targetBase, final int group,
        final int groups, final int srcBase, final NirMapping.Synapses syn, final int[] bias, final int[] biasFrom,
        final FixedFormat fmt)
    {
        final int m = nodes.size();
        final int ssize = net.node(source).outShape().size();
        final int[] pre = new int[ssize];
        int wpos = -1;
        for (int i = 0; i < m && wpos < 0; i++)
        {
            final Node nd = net.node(nodes.get(i));
            if (back.get(i))
            {
                add(pre, 1);
            }
            switch (nd.kind())
            {
                case DELAY ->
                {
                    final int[] d = Unroll.delaySteps(nd, dt);
                    for (int k = 0; k < ssize; k++)
                    {
                        pre[k] += d[k];
                    }
                }
                case SUM_POOL_2D -> throw refuse("SumPool2d " + nd.name() + " before " + net.node(weighted).name()
                    + " sums several spike trains into one SC input stream; run it with scfabric nir --arith sc");
                default ->
                {
                    if (nodes.get(i) == weighted)
                    {
                        wpos = i;
                    }
                }
            }
        }
        final int tsize = target.outShape().size();
        final int[] post = new int[tsize];
        for (int i = wpos + 1; i < m; i++)
        {
            if (back.get(i))
            {
                add(post, 1);
            }
            final Node nd = net.node(nodes.get(i));
            if (nd.kind() == Kind.DELAY)
            {
                final int[] d = Unroll.delaySteps(nd, dt);
                for (int e = 0; e < tsize; e++)
                {
                    post[e] += d[e];
                }
            }
        }
        if (back.get(m))
        {
            add(post, 1);
        }
        final Node wn = net.node(weighted);
        final int[] b = Unroll.biasOf(wn, fmt);
        if (b != null)
        {
            for (int e = 0; e < tsize; e++)
            {
                bias[(targetBase + e) * groups + group] = b[e];
                biasFrom[(targetBase + e) * groups + group] = post[e];
            }
        }
        final double[] w = weights(wn);
        final int[][] s = synapses(wn);
        for (int q = 0; q < s[0].length; q++)
        {
            final int o = s[0][q];
            final int k = s[1][q];
            final int wi = s[2][q];
            if (w[wi] == 0)
            {
                continue;
            }
            final long off = (long)pre[k] + post[o];
            if (off >= 1 << 21)
            {
                throw refuse("a delay of " + off + " steps");
            }
            syn.addSc(srcBase + k, targetBase + o, (int)off, group, groups, w[wi] < 0 ? -1 : 1, weighted, wi);
        }
    }

    private static void add(final int[] a, final int d)
    {
        for (int i = 0; i < a.length; i++)
        {
            a[i] += d;
        }
    }

    /** (output, input, weight index) of every synapse of a weighted node, as the SC back end lists them. */
    private static int[][] synapses(final Node node)
    {
        return switch (node.kind())
        {
            case CSR_LINEAR -> SynapseLists.csr(node);
            case CONV1D, CONV2D -> SynapseLists.conv(node);
            default -> SynapseLists.dense(node);
        };
    }

    /** Per node its first ROM stream (−1: not a weighted node), and at index N the streams in all. */
    private static int[] romBases(final Network net)
    {
        final int[] romBase = new int[net.size() + 1];
        int streams = 0;
        for (int v = 0; v < net.size(); v++)
        {
            romBase[v] = -1;
            if (weighted(net.node(v).kind()))
            {
                romBase[v] = streams;
                streams += weights(net.node(v)).length;
            }
        }
        romBase[net.size()] = streams;
        return romBase;
    }

    /** The ROM's streams by weighted node, in ROM order. */
    static List<NirMapping.ScRom> romLayout(final Network net)
    {
        final int[] b = romBases(net);
        final java.util.ArrayList<NirMapping.ScRom> r = new java.util.ArrayList<>();
        for (int v = 0; v < net.size(); v++)
        {
            if (b[v] >= 0)
            {
                r.add(new NirMapping.ScRom(net.node(v).name(), b[v], weights(net.node(v)).length));
            }
        }
        return List.copyOf(r);
    }

    /** The seed plan's bases: weighted nodes in name order, {weightBase, inputBase} per node. */
    private static int[][] seedBases(final Network net)
    {
        final Integer[] byName = new Integer[net.size()];
        for (int v = 0; v < byName.length; v++)
        {
            byName[v] = v;
        }
        Arrays.sort(byName, java.util.Comparator.comparing(v -> net.node(v).name()));
        final int[][] base = new int[2][net.size()];
        int weights = 0;
        int inputs = 0;
        for (final int v : byName)
        {
            final Node node = net.node(v);
            if (weighted(node.kind()))
            {
                base[0][v] = weights;
                base[1][v] = inputs;
                weights += weights(node).length;
                inputs += node.inShape().size();
            }
        }
        return base;
    }

    /** The seed plan wraps at 16 bits; a seed of 0 (a locked LFSR) is 1, as in the SC back end. */
    private static int unlocked(final int seed)
    {
        return (seed & 0xFFFF) == 0 ? 1 : seed;
    }

    /** |v| / max as a 16-bit comparator input, round(p·65536), at most 0xFFFF (as the SC back end). */
    private static int probability(final double v, final double max)
    {
        if (max <= 0 || v <= 0)
        {
            return 0;
        }
        return (int)Math.min(0xFFFF, Math.round(Math.min(1.0, v / max) * 65536.0));
    }

    private static double maxAbs(final double[] w)
    {
        double m = 0;
        for (final double x : w)
        {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /**
     * The encoders, the weight-stream ROM, each synapse's encoder and stream, and the converters' ranges, from the
     * CSR of {@link NirMapping.Synapses#csr} (rows, targets, tags, weights, SC node, SC weight index).
     */
    static ScSynapses synapses(final Network net, final FixedFormat fmt, final ScConfig sc, final int[][] csr,
        final int total, final int[] channelBase, final int[] base, final NirMapping.Path[][] paths, final int groups)
    {
        final int[] rows = csr[0];
        final int[] scNode = csr[4];
        final int[] scWeight = csr[5];
        final int sources = rows.length - 1;
        final int words = sc.words();
        final int tIndex = sc.tIndex();
        final int[][] seeds = seedBases(net);
        // per source: its element index in its node
        final int[] elem = new int[sources];
        for (int v = 0; v < net.size(); v++)
        {
            if (paths[v] != null)
            {
                for (int i = 0, size = net.node(v).outShape().size(); i < size; i++)
                {
                    elem[base[v] + i] = i;
                }
            }
        }
        for (final int v : net.inputs())
        {
            for (int i = 0, size = net.node(v).outShape().size(); i < size; i++)
            {
                elem[total + channelBase[v] + i] = i;
            }
        }
        // the ROM: every weight of every weighted node, in node order
        final int[] romBase = romBases(net);
        final int streams = romBase[net.size()];
        if ((long)streams * words > Integer.MAX_VALUE)
        {
            throw refuse(streams + " weight streams of " + sc.bitstream() + " bits do not fit in memory; give a "
                + "shorter --bitstream");
        }
        final long[] rom = new long[streams * words];
        final double[] range = new double[net.size()];
        for (int v = 0; v < net.size(); v++)
        {
            if (romBase[v] < 0)
            {
                continue;
            }
            final double[] w = weights(net.node(v));
            final double wMax = maxAbs(w);
            range[v] = wMax;
            for (int k = 0; k < w.length; k++)
            {
                final int x = probability(Math.abs(w[k]), wMax);
                if (x == 0)
                {
                    continue;
                }
                final LfsrEncoderModel e = new LfsrEncoderModel(unlocked(SeedPlan.weight(seeds[0][v] + k)));
                e.reset(tIndex);
                for (int q = 0; q < words; q++)
                {
                    rom[(romBase[v] + k) * words + q] = e.clock64(x);
                }
            }
        }
        // the encoders: per source, one per weighted node its synapses read, in the order the row first names them
        final int[] encStart = new int[sources + 1];
        int[] encInit = new int[64];
        int[] encP = new int[64];
        int enc = 0;
        final int[] synEnc = new int[scNode.length];
        final int[] synRom = new int[scNode.length];
        final int[] seen = new int[net.size()];
        Arrays.fill(seen, -1);
        // a spike is X = 1.0 of the weighted node's input (InputBounds): p = round(1.0 · 65536), at most 0xFFFF
        final int pSpike = 0xFFFF;
        for (int src = 0; src < sources; src++)
        {
            encStart[src] = enc;
            for (int e = rows[src]; e < rows[src + 1]; e++)
            {
                final int v = scNode[e];
                if (v < 0)
                {
                    synEnc[e] = -1;
                    continue;
                }
                if (seen[v] < encStart[src])
                {
                    seen[v] = enc;
                    if (enc == encInit.length)
                    {
                        encInit = Arrays.copyOf(encInit, 2 * enc);
                        encP = Arrays.copyOf(encP, 2 * enc);
                    }
                    encInit[enc] = LfsrEncoderModel.resetSeed(unlocked(SeedPlan.input(seeds[1][v] + elem[src])),
                        tIndex, 0xFFFF);
                    encP[enc] = pSpike;
                    enc++;
                }
                synEnc[e] = seen[v] - encStart[src];
                synRom[e] = romBase[v] + scWeight[e];
            }
        }
        encStart[sources] = enc;
        // the converters: per neuron and group fed by a weighted node, its Y = max|W| · X with X = 1.0 (a spike)
        final int[] ranges = new int[total * groups];
        final boolean[] converts = new boolean[total * groups];
        for (int v = 0; v < net.size(); v++)
        {
            if (paths[v] == null)
            {
                continue;
            }
            for (int g = 0; g < paths[v].length; g++)
            {
                final int wv = paths[v][g].weighted;
                final int y = wv < 0 ? 0 : fmt.quantise(maxAbs(weights(net.node(wv))));
                for (int i = 0, size = net.node(v).outShape().size(); i < size; i++)
                {
                    ranges[(base[v] + i) * groups + g] = y;
                    converts[(base[v] + i) * groups + g] = wv >= 0;
                }
            }
        }
        return new ScSynapses(sc.bitstream(), encStart, Arrays.copyOf(encInit, enc), Arrays.copyOf(encP, enc), rom,
            synEnc, synRom, ranges, converts);
    }
}
