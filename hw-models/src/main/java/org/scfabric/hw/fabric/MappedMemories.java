package org.scfabric.hw.fabric;

import org.scfabric.hw.Bits;
import org.scfabric.hw.lif.CubaLifCore;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.Signals;

/**
 * A mapped network's neurons on one {@link NeuronCore} of the kernel, the kernel twin of
 * {@link MappedDatapath}: the same arithmetic on state held in the core's memories, local address a
 * for the core's a-th neuron ({@link Placement#layered}):
 * <ul>
 *   <li>{@code vmem} (v, W bits) and, if the network has CubaLIF/CubaLI neurons, {@code imem} (the
 *       synaptic current i);</li>
 *   <li>{@code acc}: the accumulators, {@code banks × groups × S} words as wide as the widest possible
 *       sum ({@link MappedNetwork#accumulatorBits}), word {@code (bank·G + g)·S + a};</li>
 *   <li>one memory per neuron parameter that differs between neurons ({@code r}, {@code vleak},
 *       {@code kmem}, {@code ksyn}, {@code win}, {@code vth}, {@code vreset}; a parameter equal for all
 *       is a constant of the datapath, as {@link MappedArea} counts it) and {@code bias} (word
 *       {@code a·G + g}) if any bias is not zero.</li>
 * </ul>
 * The neuron kinds, group counts and the step a bias starts counting are configuration (wiring), not
 * memories. Deliveries of one edge that hit the same accumulator word add up, and the result stage
 * sees this edge's deliveries, as the fast engine does.
 */
final class MappedMemories implements CoreMemories
{
    /** The event-bus type of output events: source = step, value = neuron &lt;&lt; 32 | value (32 bits). */
    static final String OUTPUT_EVENT = "fabric.output";
    private static final String[] PARAMS = {"r", "vleak", "kmem", "ksyn", "win", "vth", "vreset"};

    private final MappedNetwork m;
    private final Placement pl;
    private final int c;
    private final int size;
    private final int ports;
    private final int g;
    private final int banks;
    private final int w;
    private final int f;
    private final int accBits;
    private final int weightBits;
    private final int tagBits;
    private final long max;
    private final boolean current;
    private final int[][] values;
    private final boolean[] varies;
    private final int[] paramBits;
    private final boolean hasBias;
    private final int biasBits;
    private final boolean[] observed;
    private int[] sDlvTgt;
    private int[] sDlvW;
    private int[] sDlvTag;
    private int mV;
    private int mI;
    private int mAcc;
    private int mBias;
    /** The popcount-to-current converters' ranges (SC synapses), word a·G + g; -1 without SC synapses. */
    private int mRange = -1;
    private final int rangeBits;
    private final int[] mParam = new int[PARAMS.length];
    private EventBus bus;
    private int outType;
    // this edge's deliveries, summed per accumulator word (at most one per port)
    private final int[] pendIdx;
    private final long[] pendVal;
    private int pend;
    // per tag (every value of the tag bits, faulty ones too): its delay offset and group, without a division per
    // delivery; and the bank of offset 0 for the step last seen
    private final int[] tagOffset;
    private final int[] tagGroup;
    private long bankStep = -1;
    private int bankOfStep;
    /** The Brian2 neurons' memories and their effects per state variable (null: the network has none). */
    private final Brian2Memories b2m;
    private final int[] b2x;

    MappedMemories(final FabricParams fp, final MappedNetwork m, final Placement pl, final int core,
        final boolean[] observed, final int weightBits, final int tagBits, final int accBits)
    {
        this.m = m;
        this.pl = pl;
        this.c = core;
        this.size = pl.size(core);
        this.ports = fp.ports();
        this.g = m.groups;
        this.banks = m.banks;
        this.w = m.w;
        this.f = m.f;
        this.accBits = accBits;
        this.weightBits = weightBits;
        this.tagBits = tagBits;
        this.max = Bits.mask(w - 1) & 0xffffffffL;
        boolean cur = false;
        for (int j = 0; j < m.n; j++)
        {
            cur |= m.kind[j] == MappedNetwork.CURRENT;
        }
        this.current = cur;
        values = new int[][] {m.r, m.vLeak, m.kMem, m.kSyn, m.wIn, m.vTh, m.vReset};
        varies = new boolean[PARAMS.length];
        paramBits = new int[PARAMS.length];
        for (int p = 0; p < PARAMS.length; p++)
        {
            paramBits[p] = Bits.signedWidth(values[p]);
            for (int j = 1; j < m.n; j++)
            {
                varies[p] |= values[p][j] != values[p][0];
            }
        }
        boolean b = false;
        for (final int x : m.bias)
        {
            b |= x != 0;
        }
        hasBias = b;
        biasBits = Bits.signedWidth(m.bias);
        this.observed = observed;
        rangeBits = m.sc == null ? 0 : m.sc.rangeBits();
        pendIdx = new int[ports];
        pendVal = new long[ports];
        tagOffset = new int[1 << tagBits];
        tagGroup = new int[1 << tagBits];
        for (int t = 0; t < tagOffset.length; t++)
        {
            tagOffset[t] = t / g;
            tagGroup[t] = t % g;
        }
        b2m = m.brian2 == null ? null : new Brian2Memories(m, pl, core);
        b2x = new int[m.brian2 == null ? 0 : m.brian2.currents + 1];
    }

    @Override
    public void declare(final Declarations d)
    {
        final int words = Math.max(1, size);
        d.memory("vmem", w, words);
        if (current)
        {
            d.memory("imem", w, words);
        }
        d.memory("acc", accBits, Math.max(1, banks * g * size));
        for (int p = 0; p < PARAMS.length; p++)
        {
            if (varies[p])
            {
                d.memory(PARAMS[p], paramBits[p], words);
            }
        }
        if (hasBias)
        {
            d.memory("bias", biasBits, Math.max(1, size * g));
        }
        if (b2m != null)
        {
            b2m.declare(d);
        }
        if (m.sc != null)
        {
            d.memory("sc_range", rangeBits, Math.max(1, size * g));
        }
    }

    @Override
    public void bind(final Binding b)
    {
        sDlvTgt = new int[ports];
        sDlvW = new int[ports];
        sDlvTag = new int[ports];
        for (int p = 0; p < ports; p++)
        {
            sDlvTgt[p] = b.signal("dlv_tgt" + p);
            sDlvW[p] = b.signal("dlv_w" + p);
            sDlvTag[p] = b.signal("dlv_tag" + p);
        }
        mV = b.memory("vmem");
        mI = current ? b.memory("imem") : -1;
        mAcc = b.memory("acc");
        for (int p = 0; p < PARAMS.length; p++)
        {
            mParam[p] = varies[p] ? b.memory(PARAMS[p]) : -1;
        }
        mBias = hasBias ? b.memory("bias") : -1;
        if (b2m != null)
        {
            b2m.bind(b);
        }
        mRange = m.sc != null ? b.memory("sc_range") : -1;
        bus = b.bus();
        outType = bus.type(OUTPUT_EVENT);
    }

    @Override
    public void load(final Signals s)
    {
        if (b2m != null)
        {
            b2m.load(s, mV);
        }
        for (int a = 0; a < size; a++)
        {
            final int j = pl.neuron(c, a);
            for (int p = 0; p < PARAMS.length; p++)
            {
                if (varies[p])
                {
                    s.loadMemory(mParam[p], a, values[p][j] & Bits.mask(paramBits[p]));
                }
            }
            for (int q = 0; q < g && hasBias; q++)
            {
                s.loadMemory(mBias, a * g + q, m.bias[j * g + q] & Bits.mask(biasBits));
            }
            for (int q = 0; q < g && mRange >= 0; q++)
            {
                s.loadMemory(mRange, a * g + q, m.sc.range[j * g + q] & Bits.mask(rangeBits));
            }
        }
    }

    private int param(final Signals s, final int p, final int a, final int j)
    {
        return varies[p] ? Bits.lowSigned(s.readMemory(mParam[p], a), paramBits[p]) : values[p][0];
    }

    private int sat(final long x)
    {
        return (int)Math.max(-max - 1, Math.min(max, x));
    }

    private static long signed(final long x, final int bits)
    {
        return bits >= 64 ? x : x << (64 - bits) >> (64 - bits);
    }

    @Override
    public void deliver(final Signals s, final long dv, final int stepOld)
    {
        pend = 0;
        // the valid ports only, in port order (as a scan of every port would visit them)
        for (long live = ports >= 64 ? dv : dv & ((1L << ports) - 1); live != 0; live &= live - 1)
        {
            final int p = Long.numberOfTrailingZeros(live);
            final int j = (int)s.get(sDlvTgt[p]);
            if (j < m.n && pl.coreOf(j) == c)
            {
                accept(s, p, j, stepOld);
            }
        }
    }

    /**
     * Port p's delivery to neuron j of this core into its accumulator word. Apart from {@link #deliver}, which
     * every core runs on every delivery, so that the filter is small enough to be inlined into the core's edge.
     */
    private void accept(final Signals s, final int p, final int j, final int stepOld)
    {
        final int tag = (int)s.get(sDlvTag[p]);
        final long step = stepOld & 0xffffffffL;
        if (step != bankStep)
        {
            bankStep = step;
            bankOfStep = (int)(step % banks);
        }
        int bank = bankOfStep + tagOffset[tag];
        if (bank >= banks)
        {
            bank %= banks;
        }
        final int idx = (bank * g + tagGroup[tag]) * size + pl.addrOf(j);
        final long wt = signed(s.get(sDlvW[p]), weightBits);
        int x = 0;
        while (x < pend && pendIdx[x] != idx)
        {
            x++;
        }
        if (x == pend)
        {
            pendIdx[x] = idx;
            pendVal[x] = signed(s.readMemory(mAcc, idx), accBits);
            pend++;
        }
        pendVal[x] += wt;
        s.writeMemory(mAcc, idx, pendVal[x]);
    }

    /** An accumulator word as this edge sees it: with this edge's deliveries. */
    private long acc(final Signals s, final int idx)
    {
        for (int x = 0; x < pend; x++)
        {
            if (pendIdx[x] == idx)
            {
                return signed(pendVal[x] & (accBits >= 64 ? -1L : (1L << accBits) - 1), accBits);
            }
        }
        return signed(s.readMemory(mAcc, idx), accBits);
    }

    @Override
    public boolean update(final Signals s, final int a, final long step)
    {
        final int j = pl.neuron(c, a);
        final int bank = (int)(step % banks);
        if (m.kind[j] == MappedNetwork.BRIAN2)
        {
            return brian2(s, a, j, bank, step);
        }
        int x = 0;
        final int gc = m.groupCount[j];
        for (int q = 0; q < gc; q++)
        {
            final int idx = (bank * g + q) * size + a;
            final int b = step >= m.biasFrom[j * g + q] && hasBias
                ? Bits.lowSigned(s.readMemory(mBias, a * g + q), biasBits) : 0;
            long in = acc(s, idx);
            if (mRange >= 0 && m.sc.converts[j * g + q])
            {
                // SC synapses: the popcount-to-current converter
                in = ScSynapses.current(Bits.lowSigned(s.readMemory(mRange, a * g + q), rangeBits), in, m.sc.bitstream);
            }
            final int y = sat(in + b);
            s.writeMemory(mAcc, idx, 0);
            x = sat((long)x + y);
        }
        final int v = Bits.lowSigned(s.readMemory(mV, a), w);
        final int r = param(s, 0, a, j);
        int u;
        switch (m.kind[j])
        {
            case MappedNetwork.INTEGRATE -> u = Bits.lowSigned((long)v + Bits.lowSigned(((long)x * r) >> f, w), w);
            case MappedNetwork.CURRENT ->
            {
                final int i = CubaLifCore.iNext(Bits.lowSigned(s.readMemory(mI, a), w), param(s, 3, a, j),
                    param(s, 4, a, j), x, w, f);
                s.writeMemory(mI, a, i);
                u = CubaLifCore.vNext(v, i, param(s, 2, a, j), r, param(s, 1, a, j), w, f);
            }
            default -> u = CubaLifCore.vNext(v, x, param(s, 2, a, j), r, param(s, 1, a, j), w, f);
        }
        boolean spike = false;
        if (m.fires[j])
        {
            final int vth = param(s, 5, a, j);
            if (u > vth)
            {
                spike = true;
                u = m.subtract ? Bits.lowSigned((long)u - vth, w) : param(s, 6, a, j);
            }
        }
        s.writeMemory(mV, a, u);
        if (spike)
        {
            bus.publish(EventBus.SPIKE, s.now(), 0, j);
        }
        if (observed[j] && (m.fires[j] ? spike : u != 0))
        {
            bus.publish(outType, s.now(), (int)step, (long)j << 32 | ((m.fires[j] ? 1 << f : u) & 0xffffffffL));
        }
        return spike;
    }

    /** A Brian2 neuron: its groups summed per state variable (each sum saturated, in edge order), then the unit. */
    private boolean brian2(final Signals s, final int a, final int j, final int bank, final long step)
    {
        java.util.Arrays.fill(b2x, 0);
        final int gc = m.groupCount[j];
        for (int q = 0; q < gc; q++)
        {
            final int idx = (bank * g + q) * size + a;
            final int b = step >= m.biasFrom[j * g + q] && hasBias
                ? Bits.lowSigned(s.readMemory(mBias, a * g + q), biasBits) : 0;
            final int y = sat(acc(s, idx) + b);
            s.writeMemory(mAcc, idx, 0);
            final int var = m.brian2.groupVar[j * g + q];
            b2x[var] = sat((long)b2x[var] + y);
        }
        final boolean spike = b2m.step(s, a, j, b2x, mV, param(s, 1, a, j), param(s, 2, a, j), param(s, 5, a, j),
            param(s, 6, a, j));
        if (spike)
        {
            bus.publish(EventBus.SPIKE, s.now(), 0, j);
            if (observed[j])
            {
                bus.publish(outType, s.now(), (int)step, (long)j << 32 | ((1 << f) & 0xffffffffL));
            }
        }
        return spike;
    }

    @Override
    public int neuron(final int a)
    {
        return pl.neuron(c, a);
    }
}
