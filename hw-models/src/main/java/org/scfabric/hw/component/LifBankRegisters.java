package org.scfabric.hw.component;

import org.scfabric.hw.Bits;
import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * The registers of an array of {@code sc_lif_neuron} cores inside a kernel component: three register
 * banks per array, {@code <name>.v} (signed DATA_WIDTH, reset V_REST), {@code <name>.rc} (unsigned
 * 32) and {@code <name>.spike} (1 bit), e.g. {@code lif[%d].v} gives {@code core0.lif[12].v} in an
 * instance {@code core0}. Every bit is a fault site; {@link #edge} reads the registers, so a stuck or
 * flipped bit acts on the next edge exactly as in the RTL. The arithmetic is {@link LifCore}'s
 * (docs/spec/hardware.md §1); this class only moves the state between the kernel and it.
 *
 * <p>Use from a clocked component: {@link #declare} in its {@code declare}, {@link #bind} in its
 * {@code bind}, {@link #edge} in its {@code edge}. Allocates nothing per edge.
 */
public final class LifBankRegisters
{
    private final LifParams p;
    private final int n;
    private final String name;
    private final int w;
    private final int f;
    private int vBank;
    private int rcBank;
    private int spikeBank;
    private int vBase;
    private int rcBase;
    private int spikeBase;
    /** The SIMD path, when the Vector API is there and the bank fills at least one vector. */
    private final LifBankLanes lanes;
    /**
     * Whether {@link #lanes} is taken now: from the first edge in tests, else once {@link LifLanesWarmUp}
     * has compiled it (scalar until then: the same bits, and faster in a fresh JVM).
     */
    private boolean lanesReady;

    /**
     * @param name register name pattern with {@code %d}, e.g. {@code lif[%d]}
     */
    public LifBankRegisters(final LifParams params, final int n, final String name)
    {
        this(params, n, name, true, true);
    }

    /** @param simd whether to take the SIMD path, from the first edge, when it is available (tests compare both paths) */
    LifBankRegisters(final LifParams params, final int n, final String name, final boolean simd)
    {
        this(params, n, name, simd, false);
    }

    private LifBankRegisters(final LifParams params, final int n, final String name, final boolean simd,
        final boolean gated)
    {
        if (n < 1)
        {
            throw new IllegalArgumentException("a LIF bank needs at least one neuron, got " + n);
        }
        if (!name.contains("%d"))
        {
            throw new IllegalArgumentException("the register name pattern must hold %d, got '" + name + "'");
        }
        this.p = params;
        this.n = n;
        this.name = name;
        this.w = params.dataWidth();
        this.f = params.fraction();
        this.lanes = simd && vectorLanes() > 0 && n >= vectorLanes() ? new LifBankLanes(n) : null;
        this.lanesReady = lanes != null && !gated;
        if (lanes != null && gated)
        {
            LifLanesWarmUp.start();
        }
    }

    /**
     * Lanes of {@link #edge}'s SIMD path (8 with AVX-512), 0 when it is off: the JVM was started without
     * {@code --add-modules jdk.incubator.vector}, the CPU has no 512-bit vectors, or
     * {@code -Dscfabric.vectorLif=false}.
     */
    public static int vectorLanes()
    {
        try
        {
            return ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty() ? 0 : LifBankLanes.LANES;
        }
        catch (final LinkageError e)
        {
            return 0;
        }
    }

    /** Whether the last edges took the SIMD path (tests). */
    boolean onLanes()
    {
        return lanesReady;
    }

    public void declare(final Declarations d)
    {
        d.registerBank(name + ".v", w, n, p.vRest());
        d.registerBank(name + ".rc", 32, n, 0);
        d.registerBank(name + ".spike", 1, n, 0);
    }

    public void bind(final Binding b)
    {
        vBank = b.bank(name + ".v");
        rcBank = b.bank(name + ".rc");
        spikeBank = b.bank(name + ".spike");
        vBase = b.signal(name + ".v");
        rcBase = b.signal(name + ".rc");
        spikeBase = b.signal(name + ".spike");
    }

    /**
     * One rising edge of every core: from the current v, rc and {@code current[i]} (its low
     * DATA_WIDTH bits, as at the port) the next v, rc and spike_out of docs/spec/hardware.md §1. Writes the indices of
     * the neurons that spike on this edge, ascending, into {@code spikes} and returns their number.
     */
    public int edge(final Signals s, final int[] current, final int leak, final int gain, final int noise,
        final int[] spikes)
    {
        s.openBank(vBank);
        s.openBank(rcBank);
        s.openBank(spikeBank);
        final int vRest = p.vRest();
        final int vReset = p.vReset();
        final int vTh = p.vThreshold();
        final int refractory = p.refractoryPeriod();
        final int shift = 64 - w;
        // LifCore.vNext's operands that do not change within the loop, cut to W bits once (cutting again
        // inside vNext changes nothing). The refractory and threshold choices are selects, not branches:
        // which neurons spike or rest is data, and a mispredicted branch per such neuron cost more than
        // the arithmetic (vNext of a resting neuron is computed and dropped).
        final int leakW = Bits.lowSigned(leak, w);
        final int gainW = Bits.lowSigned(gain, w);
        final int noiseW = Bits.lowSigned(noise, w);
        if (lanesReady || lanes != null && (lanesReady = LifLanesWarmUp.done()))
        {
            return lanes.edge(s, n, w, f, vBase, rcBase, vBank, rcBank, spikeBank, current, leakW, gainW, noiseW,
                vRest, vReset, vTh, refractory, spikes);
        }
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            final long rc = s.get(rcBase + i);
            final int v = (int)((s.get(vBase + i) << shift) >> shift);
            final int next = LifCore.vNext(v, leakW, gainW, current[i], noiseW, vRest, w, f);
            final boolean resting = rc != 0;
            final boolean fires = !resting & next >= vTh;
            s.putNext(vBase + i, resting ? vRest : fires ? vReset : next);
            s.putNext(rcBase + i, resting ? rc - 1 : fires ? refractory : 0);
            s.putNext(spikeBase + i, fires ? 1 : 0);
            spikes[count] = i;
            count += fires ? 1 : 0;
        }
        return count;
    }

    public int size()
    {
        return n;
    }

    public LifParams params()
    {
        return p;
    }

    /** Signal id of neuron i's v register. */
    public int vSignal(final int i)
    {
        return vBase + i;
    }

    public int rcSignal(final int i)
    {
        return rcBase + i;
    }

    public int spikeSignal(final int i)
    {
        return spikeBase + i;
    }
}
