package org.scfabric.bench.fabric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scfabric.bench.nir.Brian2Scale;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.bench.nir.ScConfig;
import org.scfabric.hw.fabric.MappedNetwork;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.nir.NirMetadata;
import org.scfabric.net.ref.Float64Engine;
import org.scfabric.net.ref.Options;

/**
 * A NIR {@link Network} compiled for the general fabric in a fixed-point format: its neuron nodes become
 * populations (numbered by level, see {@link MappedNetwork}), every incoming edge of a population one
 * accumulator group, and the stateless nodes between a spiking source (a population or an Input) and
 * the population are unrolled into synapses:
 * <ul>
 *   <li>at most one weighted node per path — Linear (dense or scfabric's CSR), Affine, Conv1d, Conv2d, Scale — whose
 *       quantised weights
 *       (as {@code FixedPointEngine} quantises them) become the synapses' weights (zero weights are not
 *       stored), its bias the group's bias current;</li>
 *   <li>before it, any number of Flatten (a reshape: flat indices unchanged), Delay (the synapse's offset
 *       grows by the element's steps) and SumPool2d (the weights of the cells a source lies in add up;
 *       exact because a pool cell of spikes cannot saturate, which is checked);</li>
 *   <li>after it, Flatten and Delay (a delay after the bias holds the bias back for as many steps), and one csr Linear
 *       that only selects (every weight 1.0, each input to its own output: Brian2's PoissonInput on a subgroup);</li>
 *   <li>a back edge anywhere on the path adds one step.</li>
 * </ul>
 * Output nodes read a population through Flatten nodes; Input nodes are external event channels (a
 * value of 1.0 per spike; a Brian2 source's count is as many events, {@link SourceEvents}). Brian2 populations
 * ({@code scfabric.kind = brian2}) run on the cores' Brian2 datapath ({@link Brian2Populations}), the network first
 * rescaled into the format's range as {@code FixedPointEngine} rescales it, and each incoming edge's group adds into
 * the state variable its {@code scfabric.target_var} names. Anything else (Scale, Threshold, AvgPool2d, two weighted nodes in a row, a
 * stateless node with several inputs, a readout feeding another node) is refused with a line naming the
 * node: the fabric routes spikes, and only these paths keep the unrolled engine's arithmetic exactly.
 */
public final class NirMapping
{
    /** A population: a neuron node's neurons are {@code base .. base + size − 1}. */
    public record Population(String name, Kind kind, int base, int size, int level)
    {
    }

    /** An Output node: it reports population {@code source}'s outputs, in the Output node's shape. */
    public record Output(String name, int[] shape, String source, int base, int size)
    {
    }

    /** With SC synapses: weighted node {@code node}'s weight streams are ROM streams {@code first .. first + streams − 1}. */
    public record ScRom(String node, int first, int streams)
    {
    }

    private final MappedNetwork mapped;
    private List<ScRom> scRom = List.of();
    private final boolean[] observed;
    private final List<Population> populations;
    private final List<Output> outputs;
    private final int[] inputBase;
    private final int channels;

    private NirMapping(final MappedNetwork mapped, final boolean[] observed, final List<Population> populations,
        final List<Output> outputs, final int[] inputBase, final int channels)
    {
        this.mapped = mapped;
        this.observed = observed;
        this.populations = populations;
        this.outputs = outputs;
        this.inputBase = inputBase;
        this.channels = channels;
    }

    public MappedNetwork network()
    {
        return mapped;
    }

    /** The weight-stream ROM's streams by weighted node (empty without SC synapses), in ROM order. */
    public List<ScRom> scRom()
    {
        return scRom;
    }

    public boolean[] observed()
    {
        return observed.clone();
    }

    public List<Population> populations()
    {
        return populations;
    }

    public List<Output> outputs()
    {
        return outputs;
    }

    /** External input channels: the Input nodes' elements in name order, flattened. */
    public int channels()
    {
        return channels;
    }

    /** First channel of Input node k (name order). */
    public int inputBase(final int k)
    {
        return inputBase[k];
    }

    private static boolean neuron(final Kind k)
    {
        return switch (k)
        {
            case I, IF, LI, LIF, CUBA_LI, CUBA_LIF -> true;
            default -> false;
        };
    }

    private static NetworkException refuse(final String why)
    {
        return new NetworkException("not mappable onto the fabric: " + why
            + " (between populations the fabric takes Linear, Affine, Conv1d, Conv2d, Scale, SumPool2d, Flatten and Delay)");
    }

    /** One incoming edge of a population traced back to its spiking source. */
    static final class Path
    {
        int source;
        /** The stateless nodes from the source's side to the population's side. */
        final List<Integer> nodes = new ArrayList<>();
        /** Back flag of the edge into nodes[i] (and, last, into the population). */
        final List<Boolean> back = new ArrayList<>();
        int weighted = -1;
        /** Weighted nodes after {@code weighted} that only select (every weight exactly 1.0, one per input). */
        final List<Integer> selections = new ArrayList<>();

        boolean forward()
        {
            return !back.contains(true);
        }
    }

    public static NirMapping map(final Network network, final Options opt, final FixedFormat fmt)
    {
        return map(network, opt, fmt, null);
    }

    /**
     * With {@code sc} non-null, every weighted node's synapses are stochastic-computing synapses
     * ({@link ScMapping}; the twin of {@code scfabric nir --arith sc}); the format must be Q8.8.
     */
    public static NirMapping map(final Network network, final Options opt, final FixedFormat fmt, final ScConfig sc)
    {
        if (sc != null && (fmt.width() != 16 || fmt.fraction() != 8))
        {
            throw new IllegalArgumentException("SC synapses feed Q8.8 cores, not " + fmt.name());
        }
        // Brian2's populations in SI units: rescaled by the power of two FixedPointEngine uses (exact)
        final Network net = Brian2Scale.scaled(network, Brian2Scale.factor(network, fmt));
        final int n = net.size();
        for (int v = 0; v < n; v++)
        {
            if (net.node(v).kind() == Kind.BRUNEL)
            {
                throw refuse("node " + net.node(v).name() + " is the Brunel reference neuron (a LIF with "
                    + "scfabric.kind = brunel); the Brunel fabric runs it: scfabric fabric without --network");
            }
        }
        // self-driving Inputs (Brian2's sources) become input events made on the host (SourceEvents); a network
        // with some of them and some Inputs that need --input/--poisson has no one way to be driven
        String driven = null;
        String external = null;
        for (final int v : net.inputs())
        {
            if (SourceEvents.drivesItself(net.node(v)))
            {
                driven = net.node(v).name();
            }
            else
            {
                external = net.node(v).name();
            }
        }
        if (driven != null && external != null)
        {
            throw refuse("input " + driven + " drives itself (Brian2's source) but input " + external + " needs --input"
                + " or --poisson; the fabric takes one or the other: run this file with scfabric nir");
        }
        // trace every incoming edge of every population
        final Path[][] paths = new Path[n][];
        int groups = 1;
        for (int v = 0; v < n; v++)
        {
            if (!neuron(net.node(v).kind()))
            {
                continue;
            }
            final int[] inc = net.incoming(v);
            paths[v] = new Path[inc.length];
            for (int g = 0; g < inc.length; g++)
            {
                paths[v][g] = trace(net, v, inc[g]);
            }
            groups = Math.max(groups, inc.length);
        }
        // levels in topological order (without back edges): 1 + the highest same-step source
        final int[] level = new int[n];
        final List<Integer> pops = new ArrayList<>();
        for (final int v : net.order())
        {
            if (paths[v] == null)
            {
                continue;
            }
            int l = 1;
            for (final Path p : paths[v])
            {
                if (p.forward() && neuron(net.node(p.source).kind()))
                {
                    l = Math.max(l, level[p.source] + 1);
                }
            }
            level[v] = l;
            pops.add(v);
        }
        if (pops.isEmpty())
        {
            throw refuse("the network has no neuron population");
        }
        // number the populations by level, then by topological order
        final List<Integer> byLevel = new ArrayList<>(pops);
        byLevel.sort((a, b) -> Integer.compare(level[a], level[b]));
        final int[] base = new int[n];
        final List<Population> popList = new ArrayList<>();
        int total = 0;
        for (final int v : byLevel)
        {
            base[v] = total;
            final int size = net.node(v).outShape().size();
            popList.add(new Population(net.node(v).name(), net.node(v).kind(), total, size, level[v]));
            total += size;
        }
        // inputs: channels in Input-name order
        final int[] inputs = net.inputs();
        final int[] inBase = new int[inputs.length];
        final int[] channelBase = new int[n];
        int channels = 0;
        for (int k = 0; k < inputs.length; k++)
        {
            inBase[k] = channels;
            channelBase[inputs[k]] = channels;
            channels += net.node(inputs[k]).outShape().size();
        }
        final int sources = total + channels;
        final Synapses syn = new Synapses(sources);
        // neurons' parameters and groups
        final byte[] kind = new byte[total];
        final boolean[] fires = new boolean[total];
        final int[] lvl = new int[total];
        final int[][] params = new int[7][total];
        final int[] groupCount = new int[total];
        final int[] bias = new int[total * groups];
        final int[] biasFrom = new int[total * groups];
        final int one = 1 << fmt.fraction();
        final Brian2Populations b2 = Brian2Populations.of(net, byLevel, opt, fmt, total, groups);
        if (b2 != null && sc != null)
        {
            // not mapped yet: the SC converter's range and a Brian2 source's event counts have not been put together
            throw new NetworkException("not mappable onto the fabric with --arith sc: SC synapses on a Brian2 capture are "
                + "not mapped (run it with scfabric nir --arith sc, or on the fabric in q8.8 or q16.12)");
        }
        for (final int v : byLevel)
        {
            final Node node = net.node(v);
            final int b = base[v];
            final int m = node.outShape().size();
            final boolean brian2 = Brian2Scale.isBrian2(node);
            if (brian2)
            {
                b2.fill(v, b, net.incoming(v), params);
            }
            else
            {
                NeuronParams.fill(node, opt, fmt, b, params);
            }
            for (int i = 0; i < m; i++)
            {
                kind[b + i] = brian2 ? (byte)MappedNetwork.BRIAN2 : NeuronParams.kind(node.kind());
                fires[b + i] = Float64Engine.spiking(node.kind());
                lvl[b + i] = level[v];
                groupCount[b + i] = paths[v].length;
            }
            for (int g = 0; g < paths[v].length; g++)
            {
                final Path p = paths[v][g];
                final int srcBase = neuron(net.node(p.source).kind()) ? base[p.source] : total + channelBase[p.source];
                if (sc != null && p.weighted >= 0)
                {
                    ScMapping.path(net, opt.dt(), p.source, p.nodes, p.back, p.weighted, node, b, g, groups, srcBase, syn,
                        bias, biasFrom, fmt);
                }
                else
                {
                    Unroll.path(net, opt.dt(), p.source, p.nodes, p.back, p.weighted, fmt, one, node, b, g, groups,
                        srcBase, syn, bias, biasFrom);
                }
            }
        }
        // outputs
        final boolean[] observed = new boolean[total];
        final List<Output> outs = new ArrayList<>();
        for (final int o : net.outputs())
        {
            int s = o;
            while (true)
            {
                final int[] inc = net.incoming(s);
                if (inc.length != 1)
                {
                    throw refuse("Output " + net.node(o).name() + " must read one population (it has " + inc.length
                        + " incoming edges at " + net.node(s).name() + ")");
                }
                s = net.edgeSource(inc[0]);
                if (net.node(s).kind() != Kind.FLATTEN)
                {
                    break;
                }
            }
            if (!neuron(net.node(s).kind()))
            {
                throw refuse("Output " + net.node(o).name() + " reads " + net.node(s).name() + " ("
                    + net.node(s).kind().nirType() + "); an Output must read a neuron population (through Flatten)");
            }
            final int m = net.node(s).outShape().size();
            Arrays.fill(observed, base[s], base[s] + m, true);
            outs.add(new Output(net.node(o).name(), net.node(o).outShape().dims(), net.node(s).name(), base[s], m));
        }
        final int[][] csr = syn.csr(groups);
        final org.scfabric.hw.fabric.ScSynapses scs = sc == null ? null
            : ScMapping.synapses(net, fmt, sc, csr, total, channelBase, base, paths, groups);
        final MappedNetwork mn = new MappedNetwork(fmt.width(), fmt.fraction(), channels, groups,
            opt.reset() == Options.Reset.SUBTRACT, kind, fires, lvl, params, groupCount, bias, biasFrom, csr[0],
            csr[1], csr[2], csr[3], b2 == null ? null : b2.params(), SourceEvents.channelEvents(net, fmt), scs);
        final NirMapping result = new NirMapping(mn, observed, List.copyOf(popList), List.copyOf(outs), inBase, channels);
        if (sc != null)
        {
            result.scRom = ScMapping.romLayout(net);
        }
        return result;
    }

    /** Walks back from population v along edge e to a spiking source, checking every node on the way. */
    private static Path trace(final Network net, final int v, final int edge)
    {
        final Path p = new Path();
        int e = edge;
        final String target = net.node(v).name();
        String poolAfter = null;
        while (true)
        {
            final int s = net.edgeSource(e);
            final Node sn = net.node(s);
            p.back.add(0, net.isBackEdge(e));
            if (sn.kind() == Kind.INPUT || neuron(sn.kind()))
            {
                if (neuron(sn.kind()) && !Float64Engine.spiking(sn.kind()))
                {
                    throw refuse("the readout " + sn.name() + " (" + sn.kind().nirType() + ") feeds " + target
                        + "; the fabric routes spikes, a readout can only be read by an Output");
                }
                p.source = s;
                break;
            }
            switch (sn.kind())
            {
                case LINEAR, AFFINE, CSR_LINEAR, CONV1D, CONV2D, SCALE ->
                {
                    if (p.weighted >= 0 && p.selections.isEmpty() && Unroll.isSelection(net.node(p.weighted)))
                    {
                        // Brian2's PoissonInput on a subgroup: its weight (Scale), then a 0/1 embedding into the
                        // target group, exact as one weighted node
                        p.selections.add(p.weighted);
                        p.weighted = -1;
                    }
                    if (p.weighted >= 0)
                    {
                        throw refuse("two weighted nodes in a row (" + sn.name() + " then "
                            + net.node(p.weighted).name() + ") on the way to " + target);
                    }
                    if (poolAfter != null)
                    {
                        throw refuse("SumPool2d " + poolAfter + " after the weighted node " + sn.name()
                            + " on the way to " + target);
                    }
                    p.weighted = s;
                }
                case SUM_POOL_2D ->
                {
                    if (p.weighted < 0 && poolAfter == null)
                    {
                        poolAfter = sn.name();
                    }
                }
                case FLATTEN, DELAY ->
                {
                }
                default -> throw refuse("node " + sn.name() + " (" + sn.kind().nirType() + ") on the way to " + target);
            }
            final int[] inc = net.incoming(s);
            if (inc.length != 1)
            {
                throw refuse("node " + sn.name() + " (" + sn.kind().nirType() + ") has " + inc.length
                    + " incoming edges; only populations sum their inputs");
            }
            p.nodes.add(0, s);
            e = inc[0];
        }
        return p;
    }

    /** The synapses of every source, gathered before the CSR is built. */
    static final class Synapses
    {
        private final int[][] tgt;
        private final int[][] tag;
        private final int[][] wt;
        /** Per synapse the weighted node of an SC synapse (−1: a fixed-point synapse) and its weight index. */
        private final int[][] scNode;
        private final int[][] scWeight;
        private final int[] count;

        Synapses(final int sources)
        {
            tgt = new int[sources][];
            tag = new int[sources][];
            wt = new int[sources][];
            scNode = new int[sources][];
            scWeight = new int[sources][];
            count = new int[sources];
        }

        /** An SC synapse: sign ±1, the weighted node v and the index of its weight there. */
        void addSc(final int src, final int target, final int offset, final int group, final int groups, final int sign,
            final int v, final int weightIndex)
        {
            add(src, target, offset, group, groups, sign);
            scNode[src][count[src] - 1] = v;
            scWeight[src][count[src] - 1] = weightIndex;
        }

        void add(final int src, final int target, final int offset, final int group, final int groups, final long w)
        {
            if (w == 0)
            {
                return;
            }
            if (w != (int)w)
            {
                throw refuse("an unrolled weight of " + w + " into neuron " + target + " does not fit 32 bits");
            }
            if ((long)offset * groups + group > Integer.MAX_VALUE)
            {
                throw refuse("a delay of " + offset + " steps is too long");
            }
            if (tgt[src] == null)
            {
                tgt[src] = new int[4];
                tag[src] = new int[4];
                wt[src] = new int[4];
                scNode[src] = new int[4];
                scWeight[src] = new int[4];
            }
            else if (count[src] == tgt[src].length)
            {
                tgt[src] = Arrays.copyOf(tgt[src], 2 * count[src]);
                tag[src] = Arrays.copyOf(tag[src], 2 * count[src]);
                wt[src] = Arrays.copyOf(wt[src], 2 * count[src]);
                scNode[src] = Arrays.copyOf(scNode[src], 2 * count[src]);
                scWeight[src] = Arrays.copyOf(scWeight[src], 2 * count[src]);
            }
            scNode[src][count[src]] = -1;
            tgt[src][count[src]] = target;
            tag[src][count[src]] = offset * groups + group;
            wt[src][count[src]++] = (int)w;
        }

        /** Row starts, targets, tags, weights, then per synapse its SC node (−1: none) and SC weight index. */
        int[][] csr(final int groups)
        {
            final int[] rows = new int[count.length + 1];
            for (int s = 0; s < count.length; s++)
            {
                rows[s + 1] = rows[s] + count[s];
            }
            final int e = rows[count.length];
            final int[] t = new int[e];
            final int[] g = new int[e];
            final int[] w = new int[e];
            final int[] sn = new int[e];
            final int[] sw = new int[e];
            for (int s = 0; s < count.length; s++)
            {
                if (count[s] > 0)
                {
                    System.arraycopy(tgt[s], 0, t, rows[s], count[s]);
                    System.arraycopy(tag[s], 0, g, rows[s], count[s]);
                    System.arraycopy(wt[s], 0, w, rows[s], count[s]);
                    System.arraycopy(scNode[s], 0, sn, rows[s], count[s]);
                    System.arraycopy(scWeight[s], 0, sw, rows[s], count[s]);
                }
            }
            return new int[][] {rows, t, g, w, sn, sw};
        }
    }

    /** Population name → its neurons, for reports. */
    public Map<String, Population> byName()
    {
        final Map<String, Population> m = new LinkedHashMap<>();
        for (final Population p : populations)
        {
            m.put(p.name(), p);
        }
        return m;
    }
}
