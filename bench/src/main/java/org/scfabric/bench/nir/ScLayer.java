package org.scfabric.bench.nir;

import java.util.Map;

import org.scfabric.hw.sc.LfsrEncoderModel;
import org.scfabric.hw.sc.SeedPlan;

/**
 * A Linear, Affine or Conv node realised as stochastic-computing synapses feeding Q8.8 cores ({@code --arith sc};
 * docs/nir.md "SC back end", docs/spec/hardware.md §2–§4):
 * <ul>
 * <li>each input channel j has an LFSR encoder ({@code sc_bitstream_encoder}, seed {@link SeedPlan#input}) whose
 * comparator input is |x_j| / X as a 16-bit probability, X the layer's input bound (1.0 for spikes); it runs L
 * cycles in a step where x_j is not zero and is clock-gated otherwise (a zero stream needs no shifting);</li>
 * <li>each weight k has an LFSR encoder (seed {@link SeedPlan#weight}) of |W_k| / max|W|, reset every step:
 * its L bits are the same each step, so they are computed once (a weight-stream ROM);</li>
 * <li>per synapse an AND gate; per output neuron two popcounts (products whose sign, sign(W)·sign(x), is + or −)
 * over the L cycles;</li>
 * <li>popcount-to-current: I = trunc(Y·(pc⁺ − pc⁻) / L), Y = max|W| · X quantised to Q8.8 (the converter's
 * range register), then + the bias (Q8.8), saturated to 16 bits.</li>
 * </ul>
 * Seeds wrap at 16 bits (a plan seed of 0 is replaced by 1). Zero weights are not synapses. Everything is integer: a run is fixed by the seed.
 */
final class ScLayer implements FixedPointEngine.IntOp
{
    private final FixedFormat fmt;
    private final int words;
    private final int bitstream;
    private final int[] ptr;
    private final int[] outIndex;
    private final int[] weightIndex;
    private final boolean[] negative;
    private final long[] weightStreams;
    private final LfsrEncoderModel[] encoders;
    private final long xScale;
    private final long range;
    private final int[] bias;
    private final int plane;
    private final long[] acc;
    private final long[] stream;

    /**
     * @param synapses per synapse (output index, input index, weight index), as three equal-length arrays
     * @param weight the node's weights (flat, exact)
     * @param inputs the node's input size
     * @param outputs the node's output size
     * @param xScale X in the format's integer units (the largest |input| the stream represents without clipping)
     * @param bias quantised bias per {@code plane} outputs (null: none)
     * @param plane outputs sharing one bias value (a conv's H·W; 1 for Affine)
     * @param weightBase index of this node's first weight encoder in the seed plan
     * @param inputBase index of this node's first input encoder in the seed plan
     * @param errors where to record this node's quantisation errors
     */
    ScLayer(final String name, final FixedFormat fmt, final ScConfig sc, final int[][] synapses, final double[] weight,
        final int inputs, final int outputs, final long xScale, final int[] bias, final int plane, final int weightBase,
        final int inputBase, final Map<String, Double> errors)
    {
        this.fmt = fmt;
        this.words = sc.words();
        this.bitstream = sc.bitstream();
        this.xScale = xScale;
        this.bias = bias;
        this.plane = plane;
        double wMax = 0;
        for (final double w : weight)
        {
            wMax = Math.max(wMax, Math.abs(w));
        }
        // the weight-stream ROM: one stream per weight value index, from its own encoder
        weightStreams = new long[(long)weight.length * words > Integer.MAX_VALUE ? fail(name, weight.length, sc)
            : weight.length * words];
        double werr = 0;
        for (int k = 0; k < weight.length; k++)
        {
            final int x = probability(Math.abs(weight[k]), wMax);
            werr = Math.max(werr, Math.abs(x / 65536.0 * wMax - Math.abs(weight[k])));
            if (x == 0)
            {
                continue;
            }
            final LfsrEncoderModel e = new LfsrEncoderModel(unlocked(SeedPlan.weight(weightBase + k)));
            e.reset(sc.tIndex());
            for (int w = 0; w < words; w++)
            {
                weightStreams[k * words + w] = e.clock64(x);
            }
        }
        errors.put("sc weight probability", werr);
        final double y = wMax * xScale / fmt.one();
        this.range = fmt.quantise(y);
        errors.put("sc current range", Math.abs(fmt.value((int)range) - y));
        // fan-out lists by input (CSR), zero weights dropped
        final int[] o = synapses[0];
        final int[] j = synapses[1];
        final int[] k = synapses[2];
        ptr = new int[inputs + 1];
        for (int s = 0; s < o.length; s++)
        {
            if (weight[k[s]] != 0)
            {
                ptr[j[s] + 1]++;
            }
        }
        for (int i = 0; i < inputs; i++)
        {
            ptr[i + 1] += ptr[i];
        }
        outIndex = new int[ptr[inputs]];
        weightIndex = new int[ptr[inputs]];
        negative = new boolean[ptr[inputs]];
        final int[] fill = java.util.Arrays.copyOf(ptr, inputs);
        for (int s = 0; s < o.length; s++)
        {
            if (weight[k[s]] != 0)
            {
                final int at = fill[j[s]]++;
                outIndex[at] = o[s];
                weightIndex[at] = k[s] * words;
                negative[at] = weight[k[s]] < 0;
            }
        }
        encoders = new LfsrEncoderModel[inputs];
        for (int i = 0; i < inputs; i++)
        {
            encoders[i] = new LfsrEncoderModel(unlocked(SeedPlan.input(inputBase + i)));
            encoders[i].reset(sc.tIndex());
        }
        acc = new long[outputs];
        stream = new long[words];
    }

    private static int fail(final String name, final int weights, final ScConfig sc)
    {
        throw new org.scfabric.net.NetworkException("node " + name + ": " + weights + " weight streams of "
            + sc.bitstream() + " bits do not fit in memory; give a shorter --bitstream");
    }

    /** The seed plan wraps at 16 bits; the one index per 65 536 whose seed is 0 (a locked LFSR) gets 1. */
    static int unlocked(final int seed)
    {
        return (seed & 0xFFFF) == 0 ? 1 : seed;
    }

    /** |v| / max as the comparator input of a 16-bit encoder: round(p·65536), at most 0xFFFF. */
    static int probability(final double v, final double max)
    {
        if (max <= 0 || v <= 0)
        {
            return 0;
        }
        return (int)Math.min(0xFFFF, Math.round(Math.min(1.0, v / max) * 65536.0));
    }

    @Override
    public int step(final int[] x, final int[] y)
    {
        java.util.Arrays.fill(acc, 0L);
        for (int j = 0; j < x.length; j++)
        {
            final int xv = x[j];
            if (xv == 0)
            {
                continue;
            }
            final int p = (int)Math.min(0xFFFF, (Math.abs((long)xv) * 65536 + xScale / 2) / xScale);
            final LfsrEncoderModel e = encoders[j];
            for (int w = 0; w < words; w++)
            {
                stream[w] = e.clock64(p);
            }
            final boolean xNeg = xv < 0;
            for (int s = ptr[j]; s < ptr[j + 1]; s++)
            {
                final int base = weightIndex[s];
                int pc = 0;
                for (int w = 0; w < words; w++)
                {
                    pc += Long.bitCount(stream[w] & weightStreams[base + w]);
                }
                acc[outIndex[s]] += negative[s] != xNeg ? -pc : pc;
            }
        }
        for (int i = 0; i < y.length; i++)
        {
            y[i] = fmt.saturate(range * acc[i] / bitstream + (bias == null ? 0 : bias[i / plane]));
        }
        return 0;
    }
}
