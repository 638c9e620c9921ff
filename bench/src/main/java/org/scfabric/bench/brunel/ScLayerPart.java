package org.scfabric.bench.brunel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.hw.area.Area;
import org.scfabric.hw.component.CycleFaults;
import org.scfabric.hw.component.WindowCount;
import org.scfabric.hw.component.EncoderArray;
import org.scfabric.hw.component.WindowUnit;
import org.scfabric.hw.sc.AndSynapse;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.Signals;
import org.scfabric.random.NumpyGenerator;

/**
 * V2 (the reference's {@code VectorizedSCLayer}) and V17 ({@code MemristiveDenseLayer}): the network
 * in the probability domain, as an SC matrix layer of U = 100 inputs × 100 neurons (the reference's
 * subset). The mask is the reference's: {@code default_rng(seed).random((U, U)) < conn_prob}, the
 * diagonal cleared, row j = neuron, column i = input; a synapse has weight J/V_th = 0.005, others 0.
 * Every input is a stream of P = ν_ext·dt/1000 (one external synapse's firing probability per step,
 * 0.025 → x = 1638, register {@code in_x}); every crosspoint has its weight x (16 bits) in the
 * weight memory {@code wmem[j·U + i]} and a weight encoder {@code w[j·U + i]}; neuron j's output is
 * {@code out[j].count / L} = Σ_i popcount(in_i AND w_ji) / L. One window of L cycles per step
 * (V2 L = 1024, V17 L = 256) plus a start cycle; the result reported is the mean output over neurons
 * and steps ({@code mean_output_probability}). No spikes.
 *
 * <p>V17's crossbar is made of devices: every crosspoint's weight gets w += N(0, 0.05) and is clipped
 * to [0, 1], then it is stuck at 0 (u &lt; 0.005) or at 1 (0.005 ≤ u &lt; 0.01) for a uniform u; the
 * normals (row-major), then the uniforms, come from {@code default_rng(seed + 17·2^64)}. Encoder seeds:
 * the matrix-layer seed plan XOR a t_index from {@code default_rng(seed + k·2^64)}, k = 2 or 17.
 */
final class ScLayerPart extends Part
{
    static final double VARIABILITY = 0.05;
    static final double STUCK_RATE = 0.01;
    static final String LAYER = "layer";

    private final boolean memristive;
    private final int units;
    private final int len;
    private final int inX;
    private final int[] weightX;
    private Layer layer;

    ScLayerPart(final Variant v, final BrunelNetwork net)
    {
        super(v, net);
        memristive = v == Variant.V17;
        final BrunelParams p = net.params();
        units = Math.min(BrunelTranslator.LAYER_UNITS, net.size());
        len = memristive ? BrunelTranslator.MEMRISTIVE_LENGTH : BrunelTranslator.LAYER_LENGTH;
        inX = BrunelTranslator.probabilityToX(BrunelTranslator.externalProbability(p));
        final Connectivity mask = Connectivity.draw(units, p.connProb(), new NumpyGenerator(p.seed()));
        final double w = p.weightExc() / p.vThreshold();
        final double[] weights = new double[units * units];
        for (int i = 0; i < units; i++)
        {
            for (int e = mask.rowStart(i); e < mask.rowStart(i + 1); e++)
            {
                weights[mask.targets()[e] * units + i] = w;
            }
        }
        if (memristive)
        {
            final NumpyGenerator g = net.stream(17);
            final double[] z = new double[weights.length];
            final double[] u = new double[weights.length];
            g.standardNormal(z, 0, z.length);
            g.random(u, 0, u.length);
            for (int k = 0; k < weights.length; k++)
            {
                double x = Math.min(1.0, Math.max(0.0, weights[k] + VARIABILITY * z[k]));
                if (u[k] < STUCK_RATE / 2)
                {
                    x = 0.0;
                }
                else if (u[k] < STUCK_RATE)
                {
                    x = 1.0;
                }
                weights[k] = x;
            }
        }
        weightX = new int[weights.length];
        for (int k = 0; k < weights.length; k++)
        {
            weightX[k] = BrunelTranslator.probabilityToX(weights[k]);
        }
    }

    @Override
    int clocksPerStep()
    {
        return len + 1;
    }

    @Override
    int driveInputs()
    {
        return 0;
    }

    @Override
    int neurons()
    {
        return units;
    }

    @Override
    void build(final DesignContext ctx)
    {
        layer = new Layer((int)net.stream(memristive ? 17 : 2).integers(0, 65_536));
        ctx.add(LAYER, layer, len);
    }

    @Override
    void initialize(final Kernel k)
    {
        layer.faults(new CycleFaults(k.design().faultSites()));
        for (int a = 0; a < weightX.length; a++)
        {
            k.signals().loadMemory(layer.wmem, a, weightX[a]);
        }
    }


    @Override
    Area area()
    {
        return VariantAreaModel.scLayer(units, units);
    }

    @Override
    Map<String, Double> extras()
    {
        final Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean_output_probability", layer.samples == 0 ? 0.0 : layer.sum / layer.samples);
        m.put("neurons", (double)units);
        m.put("bitstream_length", (double)len);
        if (memristive)
        {
            int stuck0 = 0;
            int stuck1 = 0;
            for (final int x : weightX)
            {
                stuck0 += x == 0 ? 1 : 0;
                stuck1 += x == BrunelTranslator.X_FULL ? 1 : 0;
            }
            m.put("weights_zero", (double)stuck0);
            m.put("weights_one", (double)stuck1);
        }
        return m;
    }

    /** Input and weight encoders, AND gates, per-neuron popcounts; one window per step. */
    final class Layer extends WindowUnit<Layer.Stats>
    {
        private final long[][] inBits;
        private final int[][] inOnes;
        private final int[] inCount;
        private final long[] wBits;
        int wmem;
        private int inXSig;
        double sum;
        long samples;

        Layer(final int t)
        {
            super(ScLayerPart.this.len, EncoderArray.lfsrInputs("in[%d]", units, t),
                EncoderArray.lfsrMatrixWeights("w[%d]", units, units, t), "out[%d].count", 32, units);
            inBits = new long[units][(len + 63) / 64];
            inOnes = new int[units][len];
            inCount = new int[units];
            wBits = new long[(len + 63) / 64];
        }

        @Override
        protected void declareMore(final Declarations d)
        {
            d.memory("wmem", 16, units * units);
            d.register("in_x", 16, inX);
        }

        @Override
        protected void bindMore(final Binding b)
        {
            wmem = b.memory("wmem");
            inXSig = b.signal("in_x");
        }

        @Override
        protected void window(final Signals s, final long first, final long last, final long lastWrite)
        {
            final int x = (int)s.get(inXSig);
            final int words = wBits.length;
            for (int i = 0; i < units; i++)
            {
                inputs.window(s, i, x, first, last, lastWrite, inBits[i]);
                inCount[i] = EncoderArray.ones(inBits[i], words, inOnes[i]);
            }
            s.openBank(countBank);
            for (int j = 0; j < units; j++)
            {
                final boolean countFaulted = countFaulted(j);
                final long[] perCycle = countFaulted ? new long[len] : null;
                long count = 0;
                for (int i = 0; i < units; i++)
                {
                    final int k = j * units + i;
                    final int wx = (int)s.readMemory(wmem, k);
                    if (!countFaulted && wx != 0 && inCount[i] <= len / 8)
                    {
                        // a sparse input: look the weight stream up where the input is 1
                        count += weights.onesAt(s, k, wx, first, last, lastWrite, inOnes[i], inCount[i], wBits);
                        continue;
                    }
                    weights.window(s, k, wx, first, last, lastWrite, wx != 0 || countFaulted ? wBits : null);
                    if (wx == 0 && !countFaulted)
                    {
                        continue;
                    }
                    if (countFaulted)
                    {
                        WindowCount.addAnd(inBits[i], wBits, len, perCycle);
                    }
                    else
                    {
                        count += AndSynapse.andPopcount(inBits[i], wBits, words);
                    }
                }
                if (countFaulted)
                {
                    count = WindowCount.stepped(faults, countBase + j, 0xFFFF_FFFFL, first, last, perCycle);
                }
                s.putNext(countBase + j, count);
                sum += (double)count / len;
            }
            samples += units;
        }

        @Override
        protected Stats saveMore()
        {
            return new Stats(sum, samples);
        }

        @Override
        protected void restoreMore(final Stats state)
        {
            sum = state.sum();
            samples = state.samples();
        }

        /** The statistics saved with snapshots. */
        record Stats(double sum, long samples)
        {
        }
    }
}
