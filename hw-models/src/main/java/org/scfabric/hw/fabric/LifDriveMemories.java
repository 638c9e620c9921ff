package org.scfabric.hw.fabric;

import org.scfabric.hw.Bits;
import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.Signals;

/**
 * The Brunel core's memories on the kernel: {@code vmem} (v), {@code rcmem} (refractory count),
 * {@code lfsr} (the drive LFSR) and {@code acc} (two banks of input accumulators, ping-pong by step
 * parity). The result stage leaps the LFSR, draws the Poisson kicks, forms
 * {@code I = acc[par] + kicks·J_ext} and runs the bit-true LIF ({@link LifCore#vNext}); deliveries go to
 * the next step's bank. The kernel twin of {@link LifDriveDatapath}.
 */
final class LifDriveMemories implements CoreMemories
{
    private final FabricNetwork net;
    private final int base;
    private final int size;
    private final int ports;
    private final int w;
    private final int f;
    private final int vRest;
    private final int vReset;
    private final int vTh;
    private final int refr;
    private final int leak;
    private final int gain;
    private final int jExt;
    private final byte[] kick;
    private int[] sDlvTgt;
    private int[] sDlvW;
    private int mV;
    private int mRc;
    private int mLfsr;
    private int mAcc;
    private EventBus bus;

    LifDriveMemories(final FabricParams fp, final FabricNetwork net, final int core)
    {
        this.net = net;
        this.base = fp.coreBase(core);
        this.size = fp.coreSize(core);
        this.ports = fp.ports();
        final LifParams p = net.lif();
        this.w = p.dataWidth();
        this.f = p.fraction();
        this.vRest = p.vRest();
        this.vReset = p.vReset();
        this.vTh = p.vThreshold();
        this.refr = p.refractoryPeriod();
        this.leak = net.leak();
        this.gain = net.gain();
        this.jExt = net.jExt();
        this.kick = net.drive().kickTable();
    }

    static int rcBits(final LifParams p)
    {
        return FabricParams.bitsFor(p.refractoryPeriod());
    }

    @Override
    public void declare(final Declarations d)
    {
        d.memory("vmem", w, size);
        d.memory("rcmem", rcBits(net.lif()), size);
        d.memory("lfsr", 32, size);
        d.memory("acc", w, 2 * size);
    }

    @Override
    public void bind(final Binding b)
    {
        sDlvTgt = new int[ports];
        sDlvW = new int[ports];
        for (int p = 0; p < ports; p++)
        {
            sDlvTgt[p] = b.signal("dlv_tgt" + p);
            sDlvW[p] = b.signal("dlv_w" + p);
        }
        mV = b.memory("vmem");
        mRc = b.memory("rcmem");
        mLfsr = b.memory("lfsr");
        mAcc = b.memory("acc");
        bus = b.bus();
    }

    /** v = V_REST, rc = 0, the drive's seeds, accumulators 0. */
    @Override
    public void load(final Signals s)
    {
        for (int a = 0; a < size; a++)
        {
            s.loadMemory(mV, a, vRest);
            s.loadMemory(mRc, a, 0);
            s.loadMemory(mLfsr, a, net.drive().initialState(base + a) & 0xFFFFFFFFL);
            s.loadMemory(mAcc, a, 0);
            s.loadMemory(mAcc, size + a, 0);
        }
    }

    @Override
    public void deliver(final Signals s, final long dv, final int stepOld)
    {
        final int bankNext = (1 - (stepOld & 1)) * size;
        for (int p = 0; p < ports; p++)
        {
            if ((dv >>> p & 1) != 0)
            {
                final int a = (int)s.get(sDlvTgt[p]) - base;
                if (a >= 0 && a < size)
                {
                    final int idx = bankNext + a;
                    s.writeMemory(mAcc, idx, s.readMemory(mAcc, idx) + s.get(sDlvW[p]));
                }
            }
        }
    }

    @Override
    public boolean update(final Signals s, final int a, final long step)
    {
        final int accIdx = (int)(step & 1) * size + a;
        final int lfsr = PoissonDrive.leap((int)s.readMemory(mLfsr, a));
        final int current = (int)s.readMemory(mAcc, accIdx) + kick[lfsr & 0xFFFF] * jExt;
        final int v = Bits.lowSigned(s.readMemory(mV, a), w);
        final int rc = (int)s.readMemory(mRc, a);
        final int vOut;
        final int rcOut;
        boolean spike = false;
        if (rc != 0)
        {
            vOut = vRest;
            rcOut = rc - 1;
        }
        else
        {
            final int next = LifCore.vNext(v, leak, gain, current, 0, vRest, w, f);
            spike = next >= vTh;
            vOut = spike ? vReset : next;
            rcOut = spike ? refr : 0;
        }
        s.writeMemory(mV, a, vOut);
        s.writeMemory(mRc, a, rcOut);
        s.writeMemory(mLfsr, a, lfsr & 0xFFFFFFFFL);
        s.writeMemory(mAcc, accIdx, 0);
        if (spike)
        {
            bus.publish(EventBus.SPIKE, s.now(), 0, base + a);
        }
        return spike;
    }

    @Override
    public int neuron(final int a)
    {
        return base + a;
    }
}
