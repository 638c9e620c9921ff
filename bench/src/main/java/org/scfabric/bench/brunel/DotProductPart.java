package org.scfabric.bench.brunel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.hw.area.Area;
import org.scfabric.hw.component.CycleFaults;
import org.scfabric.hw.component.WindowCount;
import org.scfabric.hw.component.EncoderArray;
import org.scfabric.hw.component.LifBankRegisters;
import org.scfabric.hw.component.WindowUnit;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.hw.sc.AndSynapse;
import org.scfabric.hw.sc.PopcountToCurrent;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.Signals;

/**
 * V13, the reference's {@code BitstreamDotProduct}: U = 50 post neurons (neurons 0..49 of the
 * network, their drive registers included), each with a dot product of U bitstream synapses, one per
 * neuron of the same 50 (all to all, weight w = 0.005, as in the reference's subset). Per step:
 * presynaptic encoder {@code enc[i]} streams x = pre_x = round(0.8·65536) when neuron i spiked in the
 * step before (the reference's P = 0.8), else 0; weight encoder {@code w[j·U + i]} streams
 * x = round(0.005·65536) = 328; {@code pc[j].count} counts the ones of all U AND gates of neuron j
 * over L = 256 cycles; {@code sc_dotproduct_to_current} turns the count of the window's U·L bit slots
 * into a Q8.8 current, I = 0 + (5120 − 0)·count / (U·L) (y from 0 to V_th); the bit-true Q8.8 LIF of V3
 * ({@code core0.lif[j]}) integrates I_t = I + ext·25. Seeds: the reference's matrix-layer seed plan
 * (0xACE1 + 7i, 0xBEEF + 13·(j·U + i)) XOR a t_index from {@code default_rng(seed + 13·2^64)}.
 * Cycles per step: L + 2. Spikes and rates are of the U neurons ({@code extras.neurons}).
 */
final class DotProductPart extends Part
{
    static final String CORE = "core0";
    static final String SC = "dot";

    private final int units;
    private final int len = BrunelTranslator.HYBRID_LENGTH;
    private final int preX;
    private final int wX;
    private final int yMax;
    private final LifParams lif;
    private final int leak;
    private final int gain;
    private final int jExt;
    private Dot dot;

    DotProductPart(final BrunelNetwork net)
    {
        super(Variant.V13, net);
        final BrunelParams p = net.params();
        units = Math.min(BrunelTranslator.DOT_UNITS, net.size());
        preX = BrunelTranslator.probabilityToX(BrunelTranslator.DOT_PRE_PROB);
        wX = BrunelTranslator.probabilityToX(BrunelTranslator.weightProbability(p));
        yMax = (int)(p.vThreshold() * 256);
        lif = new LifParams(16, 8, 0, (int)(p.vReset() * 256), (int)(p.vThreshold() * 256),
            p.refractorySteps(BrunelTranslator.FIXED_REFRACTORY));
        leak = Math.max(1, (int)((p.dt() / p.tauMem()) * 256));
        gain = 256;
        jExt = (int)(p.weightExc() * 256);
    }

    @Override
    int clocksPerStep()
    {
        return len + 2;
    }

    @Override
    int driveInputs()
    {
        return units;
    }

    @Override
    int neurons()
    {
        return units;
    }

    @Override
    void build(final DesignContext ctx)
    {
        final String pre = ctx.prefix();
        dot = new Dot(ctx.reference(pre + CORE + ".lif[%d].spike", units, 1), (int)net.stream(13).integers(0, 65_536));
        ctx.add(SC, dot, len);
        ctx.add(CORE, new Core(ctx.drive(units), ctx.reference(pre + SC + ".pc[%d].count", units, 16),
            ctx.population()), len + 1);
    }

    @Override
    void initialize(final Kernel k)
    {
        dot.faults(new CycleFaults(k.design().faultSites()));
    }


    @Override
    Area area()
    {
        return VariantAreaModel.dotProduct(units, units);
    }

    @Override
    Map<String, Double> extras()
    {
        final Map<String, Double> m = new LinkedHashMap<>();
        m.put("neurons", (double)units);
        m.put("bitstream_length", (double)len);
        return m;
    }

    /** Encoders, AND gates and the popcount of every post neuron. */
    final class Dot extends WindowUnit<Void>
    {
        private final RegisterRef spikes;
        private final long[][] preBits;
        private final long[] wBits;
        private final boolean[] active = new boolean[units];

        Dot(final RegisterRef spikes, final int t)
        {
            super(DotProductPart.this.len, EncoderArray.lfsrInputs("enc[%d]", units, t),
                EncoderArray.lfsrMatrixWeights("w[%d]", units, units, t), "pc[%d].count", 16, units);
            this.spikes = spikes;
            preBits = new long[units][(len + 63) / 64];
            wBits = new long[(len + 63) / 64];
        }

        @Override
        protected void window(final Signals s, final long first, final long last, final long lastWrite)
        {
            final int sb = spikes.base();
            for (int i = 0; i < units; i++)
            {
                final int x = s.get(sb + i) != 0 ? preX : 0;
                active[i] = x != 0;
                inputs.window(s, i, x, first, last, lastWrite, preBits[i]);
            }
            s.openBank(countBank);
            final int words = wBits.length;
            for (int j = 0; j < units; j++)
            {
                final boolean countFaulted = countFaulted(j);
                long count = 0;
                final long[] perCycle = countFaulted ? new long[len] : null;
                for (int i = 0; i < units; i++)
                {
                    final boolean need = active[i] || countFaulted;
                    weights.window(s, j * units + i, wX, first, last, lastWrite, need ? wBits : null);
                    if (!need)
                    {
                        continue;
                    }
                    if (countFaulted)
                    {
                        WindowCount.addAnd(preBits[i], wBits, len, perCycle);
                    }
                    else
                    {
                        count += AndSynapse.andPopcount(preBits[i], wBits, words);
                    }
                }
                if (countFaulted)
                {
                    count = WindowCount.stepped(faults, countBase + j, 0xFFFF, first, last, perCycle);
                }
                s.putNext(countBase + j, count);
            }
        }
    }

    /** Popcount to current and the Q8.8 LIF array. */
    final class Core extends Population<Void>
    {
        private final LifBankRegisters bank = new LifBankRegisters(lif, units, "lif[%d]");
        private final RegisterRef counts;
        private final int[] current = new int[units];
        private final int[] spikes = new int[units];

        Core(final RegisterRef drive, final RegisterRef counts, final int population)
        {
            super(drive, raster, population);
            this.counts = counts;
        }

        @Override
        void declareState(final Declarations d)
        {
            bank.declare(d);
        }

        @Override
        void bindState(final Binding b)
        {
            bank.bind(b);
        }

        @Override
        void update(final Signals s, final int step)
        {
            final int cb = counts.base();
            for (int j = 0; j < units; j++)
            {
                final int i = PopcountToCurrent.current((int)s.get(cb + j), units * len, 0, yMax);
                current[j] = i + ext[j] * jExt;
            }
            final int n = bank.edge(s, current, leak, gain, 0, spikes);
            publish(s, step, spikes, n);
        }
    }
}
