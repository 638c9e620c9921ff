package org.scfabric.bench.brunel;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.hw.area.Area;
import org.scfabric.hw.component.Crossbar;
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
 * V4 (LFSR streams) and V14 (Sobol streams): stochastic synapses in front of float LIF neurons.
 * One SC synapse per axon: neuron i's spike of the previous step is encoded as a bitstream
 * ({@code enc[i]}, x = spike_x = 0xFFFF when it spiked, else 0), ANDed with its weight stream
 * ({@code wenc[i]}, x = w_exc_x = round(0.005·65536) = 328 for an excitatory axon, w_inh_x = 1638
 * for an inhibitory one, w = clip(J/V_th, 0.001, 0.999) and min(g·w, 0.999)), and the ones counted
 * over L = 256 cycles ({@code pc[i].count}). The count, scaled by V_th/L and signed by the axon's
 * type, is the kick every target of i receives ({@code core0.xbar}, the crossbar of V3): a kick of
 * J on average, with the variance of the stream. The neurons are V1's float LIF, their membranes
 * as IEEE-754 bits in 64-bit registers {@code core0.lif[j].v}.
 *
 * <pre>
 *  cycle 0        drive loads; pc counts clear
 *  cycles 1..L    encoders shift (enabled only in the window), pc[i] += pre_i AND w_i
 *  cycle L + 1    core0: v += ext·J + Σ kicks (ascending i); v += α(v_rest − v); spike, reset
 * </pre>
 * The window is computed at its last edge from tables (word-parallel); an encoder or counter with a
 * fault injected into the kernel is stepped cycle by cycle (it hears of it as a FaultListener). Seeds: the reference
 * seed plan (SEED_INIT 0xACE1 + 7i for enc[i], 0xBEEF + 13i for wenc[i]) XOR one 16-bit t_index
 * drawn from {@code default_rng(seed + 4·2^64)}; V14's Sobol encoders (pre dimension 1, weight
 * dimension 2) start at counters drawn from {@code default_rng(seed + 14·2^64)}, one per encoder.
 */
final class HybridScPart extends Part
{
    static final int SOBOL_PRE_DIMENSION = 1;
    static final int SOBOL_WEIGHT_DIMENSION = 2;
    static final String CORE = "core0";
    static final String SC = "sc";

    private final boolean sobol;
    private final int len = BrunelTranslator.HYBRID_LENGTH;
    private final int wExcX;
    private final int wInhX;
    private final int spikeX;
    private Synapses synapses;
    private Neurons neurons;

    HybridScPart(final Variant v, final BrunelNetwork net)
    {
        super(v, net);
        this.sobol = v == Variant.V14;
        final BrunelParams p = net.params();
        wExcX = BrunelTranslator.probabilityToX(BrunelTranslator.weightProbability(p));
        wInhX = BrunelTranslator.probabilityToX(BrunelTranslator.inhibitoryProbability(p));
        spikeX = BrunelTranslator.probabilityToX(1.0);
    }

    @Override
    int clocksPerStep()
    {
        return len + 2;
    }

    @Override
    void build(final DesignContext ctx)
    {
        final int n = net.size();
        final String pre = ctx.prefix();
        synapses = new Synapses(ctx.reference(pre + CORE + ".lif[%d].spike", n, 1));
        ctx.add(SC, synapses, len);
        neurons = new Neurons(ctx.drive(n), ctx.reference(pre + SC + ".pc[%d].count", n, 9), ctx.population());
        ctx.add(CORE, neurons, len + 1);
    }

    @Override
    void initialize(final Kernel k)
    {
        synapses.faults(new CycleFaults(k.design().faultSites()));
        neurons.load(k.signals());
    }


    @Override
    Area area()
    {
        return VariantAreaModel.hybrid(net.size(), sobol);
    }

    @Override
    Map<String, Double> extras()
    {
        final Map<String, Double> m = new LinkedHashMap<>();
        m.put("bitstream_length", (double)len);
        m.put("mean_kick_count", synapses.windows == 0 ? 0.0 : (double)synapses.ones / synapses.windows);
        return m;
    }

    /** The presynaptic or the weight encoders: Sobol from drawn start counters, or LFSRs of the seed plan. */
    private EncoderArray encoders(final String name, final boolean weight)
    {
        final int n = net.size();
        final NumpyGenerator g = net.stream(sobol ? 14 : 4);
        if (sobol)
        {
            final long[] starts = new long[2 * n];
            g.integers(0, 65_536, starts, 0, starts.length);
            final int[] s = new int[n];
            for (int i = 0; i < n; i++)
            {
                s[i] = (int)starts[(weight ? n : 0) + i];
            }
            return new EncoderArray(EncoderArray.Kind.SOBOL, name, s,
                weight ? SOBOL_WEIGHT_DIMENSION : SOBOL_PRE_DIMENSION);
        }
        final int t = (int)g.integers(0, 65_536);
        return weight ? EncoderArray.lfsrWeights(name, n, t) : EncoderArray.lfsrInputs(name, n, t);
    }

    /** Encoders, AND gates and popcounts of every axon; one window per step, at its last edge. */
    final class Synapses extends WindowUnit<Synapses.Ones>
    {
        private final int n = net.size();
        private final RegisterRef spikes;
        private final long[] preBits = new long[(len + 63) / 64];
        private final long[] wBits = new long[(len + 63) / 64];
        private final long[] perCycle = new long[len];
        private int wExcSig;
        private int wInhSig;
        private int spikeSig;
        private long ones;
        private long windows;

        Synapses(final RegisterRef spikes)
        {
            super(HybridScPart.this.len, encoders("enc[%d]", false), encoders("wenc[%d]", true), "pc[%d].count", 9, net.size());
            this.spikes = spikes;
        }

        @Override
        protected void declareMore(final Declarations d)
        {
            d.register("w_exc_x", 16, wExcX);
            d.register("w_inh_x", 16, wInhX);
            d.register("spike_x", 16, spikeX);
        }

        @Override
        protected void bindMore(final Binding b)
        {
            wExcSig = b.signal("w_exc_x");
            wInhSig = b.signal("w_inh_x");
            spikeSig = b.signal("spike_x");
        }

        @Override
        protected void window(final Signals s, final long first, final long last, final long lastWrite)
        {
            final int xSpike = (int)s.get(spikeSig);
            final int xExc = (int)s.get(wExcSig);
            final int xInh = (int)s.get(wInhSig);
            final int spikeBase = spikes.base();
            s.openBank(countBank);
            final int words = preBits.length;
            for (int i = 0; i < n; i++)
            {
                final int xPre = s.get(spikeBase + i) != 0 ? xSpike : 0;
                final int xW = net.excitatory(i) ? xExc : xInh;
                final boolean countFaulted = countFaulted(i);
                final boolean need = xPre != 0 || countFaulted;
                inputs.window(s, i, xPre, first, last, lastWrite, need ? preBits : null);
                weights.window(s, i, xW, first, last, lastWrite, need ? wBits : null);
                long count = 0;
                if (need)
                {
                    if (countFaulted)
                    {
                        java.util.Arrays.fill(perCycle, 0);
                        WindowCount.addAnd(preBits, wBits, len, perCycle);
                        count = WindowCount.stepped(faults, countBase + i, 0x1FF, first, last, perCycle);
                    }
                    else
                    {
                        count = AndSynapse.andPopcount(preBits, wBits, words);
                    }
                    ones += count;
                    windows++;
                }
                s.putNext(countBase + i, count);
            }
        }

        @Override
        protected Ones saveMore()
        {
            return new Ones(ones, windows);
        }

        @Override
        protected void restoreMore(final Ones state)
        {
            ones = state.ones();
            windows = state.windows();
        }

        /** The statistics saved with snapshots. */
        record Ones(long ones, long windows)
        {
        }
    }

    /** The float LIF neurons, their crossbar and the signed, scaled kicks. */
    final class Neurons extends Population<Void>
    {
        private final FloatLif m = new FloatLif(net.params());
        private final int n = net.size();
        private final Crossbar xbar = new Crossbar(net.connectivity());
        private final double scale = net.params().vThreshold() / len;
        private final RegisterRef counts;
        private final double[] syn;
        private int vBank;
        private int vBase;
        private int spikeBank;
        private int spikeBase;

        Neurons(final RegisterRef drive, final RegisterRef counts, final int population)
        {
            super(drive, raster, population);
            this.counts = counts;
            this.syn = new double[n];
        }

        @Override
        void declareState(final Declarations d)
        {
            xbar.declare(d);
            d.registerBank("lif[%d].v", 64, n, Double.doubleToRawLongBits(m.vRest));
            d.registerBank("lif[%d].spike", 1, n, 0);
        }

        @Override
        void bindState(final Binding b)
        {
            xbar.bind(b);
            vBank = b.bank("lif[%d].v");
            vBase = b.signal("lif[%d].v");
            spikeBank = b.bank("lif[%d].spike");
            spikeBase = b.signal("lif[%d].spike");
        }

        void load(final Signals s)
        {
            xbar.load(s);
        }

        @Override
        void update(final Signals s, final int step)
        {
            Arrays.fill(syn, 0.0);
            final int countBase = counts.base();
            for (int i = 0; i < n; i++)
            {
                final long c = s.get(countBase + i);
                if (c == 0)
                {
                    continue;
                }
                xbar.addRow(s, i, net.excitatory(i) ? c * scale : -(c * scale), syn);
            }
            s.openBank(vBank);
            s.openBank(spikeBank);
            for (int j = 0; j < n; j++)
            {
                final double x = m.leak(Double.longBitsToDouble(s.get(vBase + j)) + m.kick(ext[j], syn[j]));
                final boolean fired = m.fires(x);
                s.putNext(vBase + j, Double.doubleToRawLongBits(fired ? m.vReset : x));
                s.putNext(spikeBase + j, fired ? 1 : 0);
                if (fired)
                {
                    spike(s, step, j);
                }
            }
        }
    }
}
