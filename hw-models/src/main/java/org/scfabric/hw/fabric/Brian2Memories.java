package org.scfabric.hw.fabric;

import org.scfabric.hw.Bits;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * The Brian2 neurons' memories on one {@link NeuronCore} of the kernel (beside {@link MappedMemories}' v,
 * accumulators and LIF parameters), local address a for the core's a-th neuron:
 * <ul>
 *   <li>{@code gmem0}, {@code gmem1}, ...: each current's state (W bits), loaded with its initial value;</li>
 *   <li>{@code refc}: the refractory counter ({@link Brian2Params#counterBits()} bits), loaded with its cap;</li>
 *   <li>{@code ksyn0}, {@code rsyn0}, ...: a current's k_syn and r where they differ between neurons (else
 *       constants of the datapath).</li>
 * </ul>
 * The switches and refractory period are configuration, as the neuron kinds are.
 */
final class Brian2Memories
{
    private final MappedNetwork m;
    private final Brian2Params b2;
    private final Placement pl;
    private final int c;
    private final int size;
    private final int k;
    private final int w;
    private final int f;
    private final long max;
    private final int refBits;
    private final boolean[] kVaries;
    private final boolean[] rVaries;
    private final int[] kBits;
    private final int[] rBits;
    private final int[] mG;
    private final int[] mK;
    private final int[] mR;
    private int mRef;
    private final int[] st;
    private final int[] p;

    Brian2Memories(final MappedNetwork m, final Placement pl, final int core)
    {
        this.m = m;
        this.b2 = m.brian2;
        this.pl = pl;
        this.c = core;
        this.size = pl.size(core);
        this.k = b2.currents;
        this.w = m.w;
        this.f = m.f;
        this.max = Bits.mask(w - 1) & 0xffffffffL;
        this.refBits = b2.counterBits();
        kVaries = new boolean[k];
        rVaries = new boolean[k];
        kBits = new int[k];
        rBits = new int[k];
        for (int q = 0; q < k; q++)
        {
            kVaries[q] = varies(b2.kSyn[q]);
            rVaries[q] = varies(b2.r[q]);
            kBits[q] = Bits.signedWidth(b2.kSyn[q]);
            rBits[q] = Bits.signedWidth(b2.r[q]);
        }
        mG = new int[k];
        mK = new int[k];
        mR = new int[k];
        st = new int[k + 2];
        p = new int[Brian2Unit.P_CURRENT + 2 * k];
    }

    private static boolean varies(final int[] x)
    {
        for (int j = 1; j < x.length; j++)
        {
            if (x[j] != x[0])
            {
                return true;
            }
        }
        return false;
    }

    void declare(final Declarations d)
    {
        final int words = Math.max(1, size);
        for (int q = 0; q < k; q++)
        {
            d.memory("gmem" + q, w, words);
            if (kVaries[q])
            {
                d.memory("ksyn" + q, kBits[q], words);
            }
            if (rVaries[q])
            {
                d.memory("rsyn" + q, rBits[q], words);
            }
        }
        d.memory("refc", refBits, words);
    }

    void bind(final Binding b)
    {
        for (int q = 0; q < k; q++)
        {
            mG[q] = b.memory("gmem" + q);
            mK[q] = kVaries[q] ? b.memory("ksyn" + q) : -1;
            mR[q] = rVaries[q] ? b.memory("rsyn" + q) : -1;
        }
        mRef = b.memory("refc");
    }

    /** The initial state and the varying parameters; v's initial value goes into {@code vmem} ({@code mV}). */
    void load(final Signals s, final int mV)
    {
        for (int a = 0; a < size; a++)
        {
            final int j = pl.neuron(c, a);
            final boolean brian = m.kind[j] == MappedNetwork.BRIAN2;
            if (brian)
            {
                s.loadMemory(mV, a, b2.initV[j] & Bits.mask(w));
                s.loadMemory(mRef, a, b2.cap(j));
            }
            for (int q = 0; q < k; q++)
            {
                if (brian)
                {
                    s.loadMemory(mG[q], a, b2.initI[q][j] & Bits.mask(w));
                }
                if (kVaries[q])
                {
                    s.loadMemory(mK[q], a, b2.kSyn[q][j] & Bits.mask(kBits[q]));
                }
                if (rVaries[q])
                {
                    s.loadMemory(mR[q], a, b2.r[q][j] & Bits.mask(rBits[q]));
                }
            }
        }
    }

    /**
     * One step of neuron j at address a: {@code x} its effects per variable, {@code vLeak .. vReset} its LIF
     * parameters as the core read them; v read from and written to {@code vmem}. Returns whether it fires.
     */
    boolean step(final Signals s, final int a, final int j, final int[] x, final int mV, final int vLeak, final int kMem,
        final int vTh, final int vReset)
    {
        st[0] = Bits.lowSigned(s.readMemory(mV, a), w);
        p[Brian2Unit.P_LEAK] = vLeak;
        p[Brian2Unit.P_KMEM] = kMem;
        p[Brian2Unit.P_TH] = vTh;
        p[Brian2Unit.P_RESET] = vReset;
        for (int q = 0; q < k; q++)
        {
            st[q + 1] = Bits.lowSigned(s.readMemory(mG[q], a), w);
            p[Brian2Unit.P_CURRENT + 2 * q] = kVaries[q] ? Bits.lowSigned(s.readMemory(mK[q], a), kBits[q])
                : b2.kSyn[q][0];
            p[Brian2Unit.P_CURRENT + 2 * q + 1] = rVaries[q] ? Bits.lowSigned(s.readMemory(mR[q], a), rBits[q])
                : b2.r[q][0];
        }
        // a faulty counter word may hold more than the cap: the FSM saturates it as it counts
        st[k + 1] = (int)s.readMemory(mRef, a);
        final boolean fire = Brian2Unit.step(st, x, p, k, b2.flags[j], b2.refractory[j], w, f, max);
        s.writeMemory(mV, a, st[0] & Bits.mask(w));
        for (int q = 0; q < k; q++)
        {
            s.writeMemory(mG[q], a, st[q + 1] & Bits.mask(w));
        }
        s.writeMemory(mRef, a, st[k + 1]);
        return fire;
    }
}
