package org.scfabric.hw.fabric;

import org.scfabric.hw.Bits;
import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.Signals;

/**
 * Neuron core c: one time-multiplexed LIF datapath serving S neurons whose state lives in the core's
 * memories {@code vmem} (v), {@code rcmem} (refractory count), {@code lfsr} (the drive LFSR) and
 * {@code acc} (two banks of input accumulators, ping-pong by timestep parity). Every edge:
 * <ol>
 *   <li>deliveries from the router ({@code dlv_*}, up to P per cycle) are added into the accumulator
 *       bank of the next timestep ({@code 1 − par});</li>
 *   <li>the neuron at the end of the pipeline ({@code st_valid[L−1]}) is updated: LFSR leap, Poisson
 *       kicks, {@code I = acc[par] + kicks·J_ext}, the bit-true LIF ({@link LifCore#vNext}), state
 *       written back, its accumulator cleared; a spike is registered on {@code push_valid/push_id};</li>
 *   <li>the next neuron is issued into the pipeline — from {@code start}, one per cycle, under STALL only
 *       with a FIFO credit (a reserved slot, returned when the neuron does not spike or the router pops
 *       its spike).</li>
 * </ol>
 * {@code busy} (registered) is high while anything of the core is in flight, including a spike in
 * {@code push_valid}.
 */
public final class NeuronCore implements ClockedComponent
{
    private final int c;
    private final FabricParams fp;
    private final FabricNetwork net;
    private final int base;
    private final int size;
    private final int lat;
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
    private final int[] cdf;
    private final boolean drop;
    private final long latMask;

    private int sStart;
    private int sPar;
    private int sCredit;
    private int sDlvValid;
    private int[] sDlvTgt;
    private int[] sDlvW;
    private int rPushValid;
    private int rPushId;
    private int rBusy;
    private int rIssuing;
    private int rAddr;
    private int rPar;
    private int rCredits;
    private int rRet;
    private int rStValid;
    private int rStAddr0;
    private int mV;
    private int mRc;
    private int mLfsr;
    private int mAcc;
    private EventBus bus;

    /** Instrumentation (not hardware): cycles with a neuron at the result stage. */
    long activeCycles;
    /** Instrumentation: cycles a core wanted to issue but had no credit. */
    long stallCycles;
    long firstStallCycle = -1;

    /** Clock timing, for cycle numbers in the instrumentation: edge e is at phase + e·period. */
    long period = 1;
    long phase;

    long cycle(final Signals s)
    {
        return (s.now() - phase) / period;
    }

    public NeuronCore(final int core, final FabricParams fp, final FabricNetwork net)
    {
        this.c = core;
        this.fp = fp;
        this.net = net;
        this.base = fp.coreBase(core);
        this.size = fp.coreSize(core);
        this.lat = fp.coreLatency();
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
        this.cdf = net.drive().cdf();
        this.drop = fp.overflow() == FabricParams.Overflow.DROP;
        this.latMask = (1L << lat) - 1;
    }

    static int rcBits(final LifParams p)
    {
        return FabricParams.bitsFor(p.refractoryPeriod());
    }

    @Override
    public void declare(final Declarations d)
    {
        final int idb = fp.idBits();
        final int ab = FabricParams.bitsFor(size - 1);
        d.input("start", 1);
        d.input("par", 1);
        d.input("credit", 1);
        d.input("dlv_valid", ports);
        for (int p = 0; p < ports; p++)
        {
            d.input("dlv_tgt" + p, idb);
            d.input("dlv_w" + p, w);
        }
        d.output("push_valid", 1);
        d.output("push_id", idb);
        d.output("busy", 1);
        d.register("issuing", 1, 0);
        d.register("addr", ab, 0);
        d.register("par_q", 1, 0);
        d.register("credits", FabricParams.bitsFor(fp.fifoDepth()), fp.fifoDepth());
        d.register("ret", 1, 0);
        d.register("st_valid", lat, 0);
        d.registerBank("st_addr", ab, lat, 0);
        d.memory("vmem", w, size);
        d.memory("rcmem", rcBits(net.lif()), size);
        d.memory("lfsr", 32, size);
        d.memory("acc", w, 2 * size);
    }

    @Override
    public void bind(final Binding b)
    {
        sStart = b.signal("start");
        sPar = b.signal("par");
        sCredit = b.signal("credit");
        sDlvValid = b.signal("dlv_valid");
        sDlvTgt = new int[ports];
        sDlvW = new int[ports];
        for (int p = 0; p < ports; p++)
        {
            sDlvTgt[p] = b.signal("dlv_tgt" + p);
            sDlvW[p] = b.signal("dlv_w" + p);
        }
        rPushValid = b.signal("push_valid");
        rPushId = b.signal("push_id");
        rBusy = b.signal("busy");
        rIssuing = b.signal("issuing");
        rAddr = b.signal("addr");
        rPar = b.signal("par_q");
        rCredits = b.signal("credits");
        rRet = b.signal("ret");
        rStValid = b.signal("st_valid");
        rStAddr0 = b.signal("st_addr[0]");
        mV = b.memory("vmem");
        mRc = b.memory("rcmem");
        mLfsr = b.memory("lfsr");
        mAcc = b.memory("acc");
        bus = b.bus();
    }

    /** Initial memory contents: v = V_REST, rc = 0, the drive's seeds, accumulators 0. */
    void load(final Signals s)
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
    public void edge(final Signals s)
    {
        final boolean start = s.get(sStart) != 0;
        final int parQ = (int)s.get(rPar);
        final int par = start ? (int)s.get(sPar) : parQ;
        if (start)
        {
            s.setNext(rPar, par);
        }

        // 1. deliveries into the next step's bank
        final long dv = s.get(sDlvValid);
        if (dv != 0)
        {
            final int bankNext = (1 - parQ) * size;
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

        // nothing in flight and no start: only credits to take back, registered outputs to lower
        final long stValid0 = s.get(rStValid);
        if (!start && stValid0 == 0 && s.get(rIssuing) == 0)
        {
            final long back = s.get(sCredit) + s.get(rRet);
            if (back != 0)
            {
                s.setNext(rCredits, s.get(rCredits) + back);
            }
            if (s.get(rRet) != 0)
            {
                s.setNext(rRet, 0);
            }
            if (s.get(rPushValid) != 0)
            {
                s.setNext(rPushValid, 0);
            }
            if (s.get(rBusy) != 0)
            {
                s.setNext(rBusy, 0);
            }
            return;
        }

        // 2. the result stage
        // credits come back from the router's pops and, one edge late (registered), from neurons that did not spike
        int credits = (int)s.get(rCredits) + (int)s.get(sCredit) + (int)s.get(rRet);
        boolean ret = false;
        final long stValid = s.get(rStValid);
        boolean spike = false;
        if ((stValid >>> (lat - 1) & 1) != 0)
        {
            activeCycles++;
            final int a = (int)s.get(rStAddr0 + lat - 1);
            final int accIdx = par * size + a;
            final int lfsr = PoissonDrive.leap((int)s.readMemory(mLfsr, a));
            final int current = (int)s.readMemory(mAcc, accIdx) + PoissonDrive.kicks(lfsr, cdf) * jExt;
            final int v = Bits.lowSigned(s.readMemory(mV, a), w);
            final int rc = (int)s.readMemory(mRc, a);
            final int vOut;
            final int rcOut;
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
                s.setNext(rPushId, base + a);
                bus.publish(EventBus.SPIKE, s.now(), 0, base + a);
            }
            else
            {
                ret = !drop;
            }
        }
        if (ret || s.get(rRet) != 0)
        {
            s.setNext(rRet, ret ? 1 : 0);
        }
        if (spike || s.get(rPushValid) != 0)
        {
            s.setNext(rPushValid, spike ? 1 : 0);
        }

        // 3. issue
        final boolean issuing = start || s.get(rIssuing) != 0;
        final int addr = start ? 0 : (int)s.get(rAddr);
        final boolean issue = issuing && (drop || credits > 0);
        if (issuing && !issue)
        {
            stallCycles++;
            if (firstStallCycle < 0)
            {
                firstStallCycle = cycle(s);
            }
        }
        long stNext = (stValid << 1) & latMask;
        boolean issuingNext = issuing;
        if (issue)
        {
            stNext |= 1;
            if (!drop)
            {
                credits--;
            }
            issuingNext = addr + 1 < size;
            s.setNext(rAddr, addr + 1);
        }
        else if (start)
        {
            s.setNext(rAddr, addr);
        }
        if (issuingNext != (s.get(rIssuing) != 0))
        {
            s.setNext(rIssuing, issuingNext ? 1 : 0);
        }
        if (stNext != stValid)
        {
            s.setNext(rStValid, stNext);
        }
        if (stValid != 0 || issue)
        {
            for (int k = lat - 1; k > 0; k--)
            {
                s.setNext(rStAddr0 + k, s.get(rStAddr0 + k - 1));
            }
            if (issue)
            {
                s.setNext(rStAddr0, addr);
            }
        }
        if (credits != s.get(rCredits))
        {
            s.setNext(rCredits, credits);
        }
        final int busy = issuingNext || stNext != 0 || spike ? 1 : 0; // a pending credit (ret) is not work
        if (busy != s.get(rBusy))
        {
            s.setNext(rBusy, busy);
        }
    }

    @Override
    public boolean idle(final Signals s)
    {
        return s.get(rBusy) == 0 && s.get(rPushValid) == 0 && s.get(sStart) == 0 && s.get(sDlvValid) == 0
            && s.get(sCredit) == 0 && s.get(rRet) == 0;
    }

    public int index()
    {
        return c;
    }
}
