package org.scfabric.bench.brunel;

import java.util.Arrays;

import org.scfabric.hw.area.Area;
import org.scfabric.hw.component.Crossbar;
import org.scfabric.hw.component.LifBankRegisters;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.Signals;

/**
 * V3 (Q8.8) and V11 (Q16.12): the Brunel network as an unrolled fixed-point core, N bit-true
 * {@code sc_lif_neuron}s (docs/spec/hardware.md §1) behind a synapse unit, two clock cycles per step.
 *
 * <pre>
 *  cycle 0  drive      drive.ext[j]      &lt;= kicks of neuron j in this step          (8 bits)
 *           core0.syn  core0.syn.acc[j]  &lt;= Σ wmem[i] over i with lif[i].spike = 1
 *                                          and xbar bit (i, j) set                   (W bits, wraps)
 *  cycle 1  core0      lif[j] edge with I_t = acc[j] + ext[j] · j_ext, leak_k, gain_k, noise 0
 * </pre>
 *
 * State, all in the kernel: {@code core0.lif[j].v} (W), {@code .rc} (32), {@code .spike} (1);
 * {@code core0.syn.acc[j]} (W); the crossbar {@code core0.syn.xbar} ({@link Crossbar}: one bit per
 * possible synapse); the axon weights {@code core0.syn.wmem[i]} (W bits: +J_exc_q for i < n_exc,
 * −J_inh_q after); the constants {@code core0.leak_k}, {@code core0.gain_k}, {@code core0.j_ext}
 * (W-bit registers, so they are fault sites too). The synapse unit is modelled as reading every
 * spiking row of the crossbar within its cycle (an unrolled design); {@code serial_synapse_cycles}
 * in the extras counts what a spike-serial reader of one 64-bit crossbar word per cycle would take.
 */
final class FixedPointPart extends Part
{
    static final String CORE = "core0";

    private final LifParams lif;
    private final int leak;
    private final int gain;
    private final int jExc;
    private final int jInh;
    private SynapseUnit unit;

    FixedPointPart(final Variant variant, final BrunelNetwork net)
    {
        super(variant, net);
        final BrunelParams p = net.params();
        final int frac = variant == Variant.V11 ? 12 : 8;
        final int width = variant == Variant.V11 ? 32 : 16;
        // V_REST is 0 in the reference's core whatever the parameters say
        lif = ReferenceFixedPoint.lif(width, frac, 0, p.vReset(), p.vThreshold(), p.refractorySteps(BrunelTranslator.FIXED_REFRACTORY));
        leak = ReferenceFixedPoint.leak(p.dt() / p.tauMem(), frac);
        gain = ReferenceFixedPoint.gain(frac);
        jExc = ReferenceFixedPoint.truncate(p.weightExc(), frac);
        jInh = ReferenceFixedPoint.truncate(p.weightInh(), frac);
    }

    @Override
    int clocksPerStep()
    {
        return 2;
    }

    @Override
    void build(final DesignContext ctx)
    {
        final int n = net.size();
        final String pre = ctx.prefix();
        unit = new SynapseUnit(ctx.reference(pre + CORE + ".lif[%d].spike", n, 1));
        ctx.add(CORE + ".syn", unit, 0);
        ctx.add(CORE, new Core(ctx.drive(n), ctx.reference(pre + CORE + ".syn.acc[%d]", n, lif.dataWidth()),
            ctx.population()), 1);
    }

    @Override
    LifParams lifParams()
    {
        return lif;
    }

    @Override
    void initialize(final Kernel k)
    {
        unit.load(k.signals());
    }

    @Override
    Area area()
    {
        return VariantAreaModel.fixedPointCore(net.size(), lif.dataWidth());
    }

    /**
     * Cycles a spike-serial synapse unit would need: one crossbar word per cycle for every row of a
     * neuron that spiked in the step before, plus the drive and the LIF cycle of every step.
     */
    @Override
    java.util.Map<String, Double> extras()
    {
        final long spikesRead = raster.count() == 0 ? 0 : raster.count() - lastStepSpikes();
        return java.util.Map.of("serial_synapse_cycles",
            (double)(spikesRead * net.connectivity().wordsPerRow() + 2L * steps()));
    }

    private int lastStepSpikes()
    {
        int k = 0;
        for (int i = raster.count() - 1; i >= 0 && raster.step(i) == steps() - 1; i--)
        {
            k++;
        }
        return k;
    }

    /** The synapse unit: crossbar, axon weights and one accumulator per neuron. */
    final class SynapseUnit implements ClockedComponent
    {
        private final int n = net.size();
        private final Crossbar xbar = new Crossbar(net.connectivity());
        private final int w = lif.dataWidth();
        private final int shift = 64 - w;
        private final long[] acc = new long[n];
        private final RegisterRef spikes;
        /** Steps a spike waits in the axon line before it is read: delay − 1 (0 in the reference). */
        private final int wait = net.params().delaySteps() - 1;
        private int accBank;
        private int accBase;
        private int wmem;
        private int axonBank;
        private int axonBase;

        SynapseUnit(final RegisterRef spikes)
        {
            this.spikes = spikes;
        }

        @Override
        public void declare(final Declarations d)
        {
            xbar.declare(d);
            d.memory("wmem", w, n);
            d.registerBank("acc[%d]", w, n, 0);
            if (wait > 0)
            {
                // the axon delay line: one shift register of delay − 1 bits per neuron, newest spike in bit 0
                d.registerBank("axon[%d]", wait, n, 0);
            }
        }

        @Override
        public void bind(final Binding b)
        {
            accBank = b.bank("acc[%d]");
            accBase = b.signal("acc[%d]");
            xbar.bind(b);
            wmem = b.memory("wmem");
            if (wait > 0)
            {
                axonBank = b.bank("axon[%d]");
                axonBase = b.signal("axon[%d]");
            }
        }

        void load(final Signals s)
        {
            xbar.load(s);
            for (int i = 0; i < n; i++)
            {
                s.loadMemory(wmem, i, net.excitatory(i) ? jExc : -jInh);
            }
        }

        @Override
        public void edge(final Signals s)
        {
            final long[] a = acc;
            Arrays.fill(a, 0);
            final int spikeBase = spikes.base();
            if (wait > 0)
            {
                s.openBank(axonBank);
            }
            final long mask = wait >= 64 ? -1L : (1L << wait) - 1;
            for (int i = 0; i < n; i++)
            {
                final long spike = s.get(spikeBase + i);
                final long arrives;
                if (wait > 0)
                {
                    // the oldest bit leaves the line and reaches the synapses; this step's spike enters it
                    final long line = s.get(axonBase + i);
                    arrives = (line >>> (wait - 1)) & 1;
                    s.putNext(axonBase + i, ((line << 1) | spike) & mask);
                }
                else
                {
                    arrives = spike;
                }
                if (arrives == 0)
                {
                    continue;
                }
                xbar.addRow(s, i, (s.readMemory(wmem, i) << shift) >> shift, a);
            }
            s.openBank(accBank);
            for (int j = 0; j < n; j++)
            {
                s.putNext(accBase + j, a[j]);
            }
        }
    }

    /** The LIF array with its input adders {@code I_t = acc + ext · j_ext} and constant registers. */
    final class Core extends Population<Void>
    {
        private final LifBankRegisters bank;
        private final int[] current;
        private final int[] spikes;
        private final int w = lif.dataWidth();
        private final int shift = 64 - w;
        private final RegisterRef acc;
        private int leakSig;
        private int gainSig;
        private int jExtSig;

        Core(final RegisterRef drive, final RegisterRef acc, final int population)
        {
            super(drive, raster, population);
            this.acc = acc;
            bank = new LifBankRegisters(lif, net.size(), "lif[%d]");
            current = new int[net.size()];
            spikes = new int[net.size()];
        }

        @Override
        void declareState(final Declarations d)
        {
            bank.declare(d);
            d.register("leak_k", w, leak);
            d.register("gain_k", w, gain);
            d.register("j_ext", w, jExc);
        }

        @Override
        void bindState(final Binding b)
        {
            bank.bind(b);
            leakSig = b.signal("leak_k");
            gainSig = b.signal("gain_k");
            jExtSig = b.signal("j_ext");
        }

        @Override
        void update(final Signals s, final int step)
        {
            final long jExt = signed(s.get(jExtSig));
            final int[] c = current;
            final int[] e = ext;
            final int accBase = acc.base();
            for (int j = 0; j < c.length; j++)
            {
                c[j] = (int)(signed(s.get(accBase + j)) + e[j] * jExt);
            }
            final int count = bank.edge(s, c, (int)signed(s.get(leakSig)), (int)signed(s.get(gainSig)), 0, spikes);
            publish(s, step, spikes, count);
        }

        private long signed(final long raw)
        {
            return (raw << shift) >> shift;
        }
    }
}
