package org.scfabric.hw.fabric;

import org.scfabric.hw.Bits;

/**
 * What a general fabric computes, independent of its architecture: N neurons of several populations
 * (each neuron with its own quantised parameters), external input channels, and the fan-out of every
 * source (neuron or input channel) unrolled into synapses {@code (target, tag, weight)}.
 *
 * <p>Every event on the fabric is a spike, worth 1.0 = 2^F in the format; a synapse's weight is the
 * effective integer weight W of the unrolled projection, so {@code (W · 2^F) >> F = W} and a neuron's
 * accumulator of group g holds exactly the {@code Σ W·x >> F} of the unrolled engine's wide MAC
 * (integer sums do not depend on their order). The only step that is not associative — saturation —
 * is done once per group at the neuron's update: {@code y_g = sat(acc_g + b_g)}, then the groups are
 * summed in the graph's edge order, each sum saturated ({@code x = sat(x + y_g)}).
 *
 * <p>A synapse's tag is {@code offset · groups + group}: the group is the neuron's incoming projection
 * (one accumulator each), the offset the steps until it counts (Delay nodes, plus one over a back
 * edge). Accumulators form a ring of {@link #banks()} = max offset + 1 banks; a neuron of step t reads
 * bank t mod B. A bias reached through a delay of d steps counts from step d on (before that the
 * delay line of the unrolled graph still outputs zero).
 *
 * <p>Neurons are numbered by level (the phase of a step in which they update: 1 for those fed by the
 * inputs only, then 1 + the highest level of a same-step source); inputs route in phase 0.
 */
public final class MappedNetwork
{
    /** I and IF: v + ((I r) &gt;&gt; F). */
    public static final int INTEGRATE = 0;
    /** LI and LIF: {@code CubaLifCore.vNext} on the input. */
    public static final int LEAKY = 1;
    /** CubaLI and CubaLIF: {@code CubaLifCore.iNext}, then vNext on the new current. */
    public static final int CURRENT = 2;
    /** A Brian2 neuron: {@link Brian2Unit} with the parameters of {@link #brian2()}. */
    public static final int BRIAN2 = 3;

    final int w;
    final int f;
    final int n;
    final int inputs;
    final int groups;
    final int banks;
    final int phases;
    final boolean subtract;
    final byte[] kind;
    final boolean[] fires;
    final int[] level;
    final int[] r;
    final int[] vLeak;
    final int[] kMem;
    final int[] kSyn;
    final int[] wIn;
    final int[] vTh;
    final int[] vReset;
    final int[] groupCount;
    final int[] bias;
    final int[] biasFrom;
    final int[] rowStart;
    final int[] target;
    final int[] tag;
    final int[] weight;
    /** The Brian2 neurons' own parameters (null: the network has none). */
    final Brian2Params brian2;
    /** Per input channel, the most events in one step (null: one). */
    final int[] channelEvents;
    /** The SC synapses ({@code --arith sc}), or null: every synapse a fixed-point weight. */
    final ScSynapses sc;

    /**
     * @param w,f         the format (W bits, F fraction bits)
     * @param inputs      external input channels (sources N .. N + inputs − 1)
     * @param groups      accumulator groups per neuron (the most incoming projections of any neuron)
     * @param subtract    reset by subtraction instead of to v_reset
     * @param kind        per neuron {@link #INTEGRATE}, {@link #LEAKY} or {@link #CURRENT}
     * @param fires       per neuron: spikes (IF, LIF, CubaLIF) or is a readout (I, LI, CubaLI: its output is v)
     * @param level       per neuron, ≥ 1 and non-decreasing with the neuron's number
     * @param params      per neuron r, v_leak, k_mem, k_syn, w_in, v_threshold, v_reset (unused ones 0)
     * @param groupCount  per neuron, its groups in use
     * @param bias        per neuron and group ({@code j·groups + g}), the bias current
     * @param biasFrom    per neuron and group, the first step the bias counts
     * @param rowStart    CSR over the N + inputs sources
     * @param target      per synapse, the target neuron
     * @param tag         per synapse, offset · groups + group
     * @param weight      per synapse, the effective integer weight (non-zero)
     */
    public MappedNetwork(final int w, final int f, final int inputs, final int groups, final boolean subtract,
        final byte[] kind, final boolean[] fires, final int[] level, final int[][] params, final int[] groupCount,
        final int[] bias, final int[] biasFrom, final int[] rowStart, final int[] target, final int[] tag,
        final int[] weight)
    {
        this(w, f, inputs, groups, subtract, kind, fires, level, params, groupCount, bias, biasFrom, rowStart, target, tag,
            weight, null, null, null);
    }

    /**
     * A network whose synapses are, where {@code sc} says so, stochastic-computing synapses ({@link ScSynapses}):
     * such a synapse's weight is its sign, ±1.
     */
    public MappedNetwork(final int w, final int f, final int inputs, final int groups, final boolean subtract,
        final byte[] kind, final boolean[] fires, final int[] level, final int[][] params, final int[] groupCount,
        final int[] bias, final int[] biasFrom, final int[] rowStart, final int[] target, final int[] tag,
        final int[] weight, final ScSynapses sc)
    {
        this(w, f, inputs, groups, subtract, kind, fires, level, params, groupCount, bias, biasFrom, rowStart, target, tag,
            weight, null, null, sc);
    }

    /**
     * The same, with Brian2 neurons ({@link #BRIAN2} in {@code kind}) whose own parameters are {@code brian2} (null:
     * none), and per input channel the most events it sends in one step ({@code channelEvents}; null: one each, a
     * spike; a Brian2 source sends its count), which the accumulators are sized for.
     */
    public MappedNetwork(final int w, final int f, final int inputs, final int groups, final boolean subtract,
        final byte[] kind, final boolean[] fires, final int[] level, final int[][] params, final int[] groupCount,
        final int[] bias, final int[] biasFrom, final int[] rowStart, final int[] target, final int[] tag,
        final int[] weight, final Brian2Params brian2, final int[] channelEvents)
    {
        this(w, f, inputs, groups, subtract, kind, fires, level, params, groupCount, bias, biasFrom, rowStart, target, tag,
            weight, brian2, channelEvents, null);
    }

    /** The general form: Brian2 neurons (null: none), per-channel event bounds (null: one) and SC synapses (null: none). */
    public MappedNetwork(final int w, final int f, final int inputs, final int groups, final boolean subtract,
        final byte[] kind, final boolean[] fires, final int[] level, final int[][] params, final int[] groupCount,
        final int[] bias, final int[] biasFrom, final int[] rowStart, final int[] target, final int[] tag,
        final int[] weight, final Brian2Params brian2, final int[] channelEvents, final ScSynapses sc)
    {
        this.brian2 = brian2;
        if (channelEvents != null && channelEvents.length != inputs)
        {
            throw new IllegalArgumentException(channelEvents.length + " channel event bounds for " + inputs + " channels");
        }
        this.channelEvents = channelEvents == null ? null : channelEvents.clone();
        for (final byte k : kind)
        {
            if (k == BRIAN2 && brian2 == null)
            {
                throw new IllegalArgumentException("Brian2 neurons need their Brian2Params");
            }
        }
        this.w = w;
        this.f = f;
        this.n = kind.length;
        this.inputs = inputs;
        this.groups = Math.max(1, groups);
        this.subtract = subtract;
        if (n < 1)
        {
            throw new IllegalArgumentException("the network needs at least one neuron");
        }
        if (rowStart.length != n + inputs + 1 || rowStart[0] != 0 || rowStart[n + inputs] != target.length
            || tag.length != target.length || weight.length != target.length)
        {
            throw new IllegalArgumentException("malformed fan-out: " + (n + inputs) + " sources need "
                + (n + inputs + 1) + " row starts from 0 to the number of synapses");
        }
        int maxOffset = 0;
        for (int e = 0; e < target.length; e++)
        {
            if (target[e] < 0 || target[e] >= n)
            {
                throw new IllegalArgumentException("synapse " + e + " targets no neuron (N = " + n + ")");
            }
            if (tag[e] % this.groups >= groupCount[target[e]])
            {
                throw new IllegalArgumentException("synapse " + e + " feeds group " + tag[e] % this.groups
                    + " of neuron " + target[e] + ", which has " + groupCount[target[e]]);
            }
            maxOffset = Math.max(maxOffset, tag[e] / this.groups);
        }
        int maxLevel = 1;
        for (int j = 0; j < n; j++)
        {
            if (level[j] < 1 || j > 0 && level[j] < level[j - 1])
            {
                throw new IllegalArgumentException("neuron levels must be >= 1 and non-decreasing (neuron " + j + ")");
            }
            maxLevel = Math.max(maxLevel, level[j]);
        }
        this.banks = maxOffset + 1;
        this.phases = maxLevel + 1;
        this.kind = kind.clone();
        this.fires = fires.clone();
        this.level = level.clone();
        this.r = params[0].clone();
        this.vLeak = params[1].clone();
        this.kMem = params[2].clone();
        this.kSyn = params[3].clone();
        this.wIn = params[4].clone();
        this.vTh = params[5].clone();
        this.vReset = params[6].clone();
        this.groupCount = groupCount.clone();
        this.bias = bias.clone();
        this.biasFrom = biasFrom.clone();
        this.rowStart = rowStart.clone();
        this.target = target.clone();
        this.tag = tag.clone();
        this.weight = weight.clone();
        this.sc = sc;
        if (sc != null && (sc.synEnc.length != target.length || sc.encStart.length != n + inputs + 1
            || sc.range.length != n * this.groups))
        {
            throw new IllegalArgumentException("SC synapses for another network");
        }
    }

    /**
     * With SC synapses, the layout of a fan-out word's payload (bits above the tag): {payload bits, encoder-index bits,
     * stream-index bits}; the top bit says SC (1) or fixed-point (0), the next the sign, then the encoder index and
     * the stream index. Null without SC synapses (the payload is the weight, {@link #weightBits} bits).
     */
    public int[] scPayloadLayout()
    {
        return sc == null ? null : new ScSynapseUnit(this).layout();
    }

    /** The SC synapses, or null. */
    public ScSynapses sc()
    {
        return sc;
    }

    public int size()
    {
        return n;
    }

    public int inputs()
    {
        return inputs;
    }

    public int synapses()
    {
        return target.length;
    }

    public int groups()
    {
        return groups;
    }

    /** Accumulator banks in the ring (max synapse offset + 1). */
    public int banks()
    {
        return banks;
    }

    /** Phases of a step: the input phase 0 and one per neuron level. */
    public int phases()
    {
        return phases;
    }

    public int width()
    {
        return w;
    }

    public int fraction()
    {
        return f;
    }

    public int level(final int j)
    {
        return level[j];
    }

    public int kind(final int j)
    {
        return kind[j];
    }

    /** The Brian2 neurons' parameters, or null. */
    public Brian2Params brian2()
    {
        return brian2;
    }

    public boolean fires(final int j)
    {
        return fires[j];
    }

    public int rowStart(final int src)
    {
        return rowStart[src];
    }

    public int rowLength(final int src)
    {
        return rowStart[src + 1] - rowStart[src];
    }

    public int target(final int e)
    {
        return target[e];
    }

    public int tag(final int e)
    {
        return tag[e];
    }

    public int weight(final int e)
    {
        return weight[e];
    }

    /** Bits of the widest weight (signed); with SC synapses, of the widest delivery (a fixed weight or ±L). */
    public int weightBits()
    {
        int b = sc == null ? 2 : sc.deliveryBits();
        for (int e = 0; e < weight.length; e++)
        {
            if (sc != null && sc.sc(e))
            {
                continue;
            }
            final int x = weight[e];
            while (!Bits.fitsSigned(x, b))
            {
                b++;
            }
        }
        return b;
    }

    /** Bits of the widest accumulator: a signed sum of every |weight| into one neuron's group. */
    public int accumulatorBits()
    {
        final long[] sum = new long[n * groups];
        for (int s = 0; s < n + inputs; s++)
        {
            // an input channel may send several events a step (a Brian2 source's count); an SC synapse delivers at most L
            final long times = s >= n && channelEvents != null ? channelEvents[s - n] : 1;
            for (int e = rowStart[s]; e < rowStart[s + 1]; e++)
            {
                sum[target[e] * groups + tag[e] % groups] += times * (sc != null && sc.sc(e) ? sc.bitstream
                    : Math.abs((long)weight[e]));
            }
        }
        long m = 1;
        for (final long s : sum)
        {
            m = Math.max(m, s);
        }
        return FabricParams.bitsFor(m) + 1;
    }

    /** Parameters that differ between neurons (each a memory word per neuron; the others are constants). */
    public int parameterWordsPerNeuron()
    {
        int words = 0;
        for (final int[] p : new int[][] {r, vLeak, kMem, kSyn, wIn, vTh, vReset})
        {
            for (int j = 1; j < n; j++)
            {
                if (p[j] != p[0])
                {
                    words++;
                    break;
                }
            }
        }
        return words;
    }

    public int maxRowLength()
    {
        int m = 0;
        for (int s = 0; s < n + inputs; s++)
        {
            m = Math.max(m, rowLength(s));
        }
        return m;
    }

    /** The first neuron of each level 1..phases−1 and N at the end: {@code levelStart[l]..levelStart[l+1]}. */
    public int[] levelStarts()
    {
        final int[] s = new int[phases + 1];
        for (int l = 0; l <= phases; l++)
        {
            int j = 0;
            while (j < n && level[j] < l)
            {
                j++;
            }
            s[l] = j;
        }
        return s;
    }
}
