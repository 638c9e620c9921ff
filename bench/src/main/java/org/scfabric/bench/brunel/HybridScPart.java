package org.scfabric.bench.brunel;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.hw.area.Area;
import org.scfabric.hw.kernel.CycleFaults;
import org.scfabric.hw.sc.AndSynapse;
import org.scfabric.hw.sc.LfsrEncoder;
import org.scfabric.hw.sc.SeedPlan;
import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.Signals;
import org.scfabric.sim.StatefulComponent;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.random.NumpyGenerator;

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
 * fault announced through {@link BrunelDesign#inject} is stepped cycle by cycle. Seeds: the reference
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
    void announce(final Fault f)
    {
        synapses.faults.add(f);
    }

    @Override
    Area area()
    {
        return AreaModel.hybrid(net.size(), sobol);
    }

    @Override
    Map<String, Double> extras()
    {
        final Map<String, Double> m = new LinkedHashMap<>();
        m.put("bitstream_length", (double)len);
        m.put("mean_kick_count", synapses.windows == 0 ? 0.0 : (double)synapses.ones / synapses.windows);
        return m;
    }

    private int[] seeds(final boolean weight, final int streamNumber)
    {
        final int n = net.size();
        final int[] s = new int[n];
        final NumpyGenerator g = net.stream(streamNumber);
        if (sobol)
        {
            final long[] starts = new long[2 * n];
            g.integers(0, 65_536, starts, 0, starts.length);
            for (int i = 0; i < n; i++)
            {
                s[i] = (int)starts[(weight ? n : 0) + i];
            }
            return s;
        }
        final int t = (int)g.integers(0, 65_536);
        for (int i = 0; i < n; i++)
        {
            final int init = weight ? SeedPlan.weight(i) : SeedPlan.input(i);
            s[i] = LfsrEncoder.resetSeed(init, t, 0xFFFF);
        }
        return s;
    }

    /** Encoders, AND gates and popcounts of every axon; one window per step, at its last edge. */
    final class Synapses implements ClockedComponent, StatefulComponent
    {
        private final int n = net.size();
        private final RegisterRef spikes;
        private final EncoderArray pre;
        private final EncoderArray weight;
        private final long[] preBits = new long[(len + 63) / 64];
        private final long[] wBits = new long[(len + 63) / 64];
        private final long[] perCycle = new long[len];
        private CycleFaults faults;
        private int countBank;
        private int countBase;
        private int wExcSig;
        private int wInhSig;
        private int spikeSig;
        private long period;
        private long ones;
        private long windows;

        Synapses(final RegisterRef spikes)
        {
            this.spikes = spikes;
            final int stream = sobol ? 14 : 4;
            final EncoderArray.Kind kind = sobol ? EncoderArray.Kind.SOBOL : EncoderArray.Kind.LFSR;
            pre = new EncoderArray(kind, "enc[%d]", seeds(false, stream), SOBOL_PRE_DIMENSION);
            weight = new EncoderArray(kind, "wenc[%d]", seeds(true, stream), SOBOL_WEIGHT_DIMENSION);
        }

        void faults(final CycleFaults f)
        {
            faults = f;
            pre.faults(f);
            weight.faults(f);
        }

        @Override
        public void declare(final Declarations d)
        {
            pre.declare(d);
            weight.declare(d);
            d.registerBank("pc[%d].count", 9, n, 0);
            d.register("w_exc_x", 16, wExcX);
            d.register("w_inh_x", 16, wInhX);
            d.register("spike_x", 16, spikeX);
        }

        @Override
        public void bind(final Binding b)
        {
            pre.bind(b);
            weight.bind(b);
            countBank = b.bank("pc[%d].count");
            countBase = b.signal("pc[%d].count");
            wExcSig = b.signal("w_exc_x");
            wInhSig = b.signal("w_inh_x");
            spikeSig = b.signal("spike_x");
            period = b.clock().period();
        }

        @Override
        public void edge(final Signals s)
        {
            final long last = s.now();
            final long first = last - len + 1;
            final long lastWrite = last >= period ? last - period : -1;
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
                final boolean countFaulted = faults != null && faults.has(countBase + i);
                final boolean need = xPre != 0 || countFaulted;
                pre.window(s, i, xPre, first, last, lastWrite, need ? preBits : null);
                weight.window(s, i, xW, first, last, lastWrite, need ? wBits : null);
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
        public Object saveState()
        {
            return new Object[] {pre.save(), weight.save(), faults == null ? null : faults.save(),
                new long[] {ones, windows}};
        }

        @Override
        public void restoreState(final Object state)
        {
            final Object[] st = (Object[])state;
            pre.restore(st[0]);
            weight.restore(st[1]);
            if (st[2] != null)
            {
                faults.restore(st[2]);
            }
            ones = ((long[])st[3])[0];
            windows = ((long[])st[3])[1];
        }
    }

    /** The float LIF neurons, their crossbar and the signed, scaled kicks. */
    final class Neurons extends Population
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
                double x = Double.longBitsToDouble(s.get(vBase + j)) + (ext[j] * m.j + syn[j]);
                x += m.alpha * (m.vRest - x);
                final boolean fired = x >= m.vTh;
                if (fired)
                {
                    x = m.vReset;
                }
                s.putNext(vBase + j, Double.doubleToRawLongBits(x));
                s.putNext(spikeBase + j, fired ? 1 : 0);
                if (fired)
                {
                    spike(s, step, j);
                }
            }
        }
    }
}
