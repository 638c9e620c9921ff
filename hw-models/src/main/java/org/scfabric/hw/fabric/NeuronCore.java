package org.scfabric.hw.fabric;

import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;
import org.scfabric.sim.SimulationException;

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
 *
 * <p>The memories and the result stage's arithmetic are a {@link CoreMemories}: the Brunel LIF with its
 * drive ({@link LifDriveMemories}, above) or a mapped network's populations ({@link MappedMemories}).
 * A core of a mapped network latches the controller's {@code step} (not a parity) into {@code step_q},
 * and at each phase's {@code start} issues the local addresses its {@link Placement} gives it for that
 * {@code phase} (up to the registered {@code hi}); the deliveries carry a tag ({@code dlv_tag*}).
 */
public final class NeuronCore implements ClockedComponent
{
    private final int c;
    private final FabricParams fp;
    private final int size;
    private final int lat;
    private final int ports;
    private final int dlvWidth;
    private final int pushBits;
    private final boolean drop;
    private final long latMask;
    private final CoreMemories mem;
    /** A mapped network's placement (phases, step numbers); null for the Brunel fabric (one phase, a parity). */
    private final Placement pl;
    private final int phases;

    private int sStart;
    private int sStep;
    private int sPhase;
    private int sCredit;
    private int sDlvValid;
    private int rPushValid;
    private int rPushId;
    private int rBusy;
    private int rIssuing;
    private int rAddr;
    private int rHi;
    private int rStepQ;
    private int rCredits;
    private int rRet;
    private int rStValid;
    private int rStAddr0;

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
        this.size = fp.coreSize(core);
        this.lat = fp.coreLatency();
        this.ports = fp.ports();
        this.dlvWidth = net.lif().dataWidth();
        this.pushBits = fp.idBits();
        this.drop = fp.overflow() == FabricParams.Overflow.DROP;
        this.latMask = (1L << lat) - 1;
        this.mem = new LifDriveMemories(fp, net, core);
        this.pl = null;
        this.phases = 1;
    }

    /** Core c of a mapped network placed by {@code pl}; deliveries carry weights and tags of the router's widths. */
    NeuronCore(final int core, final FabricParams fp, final MappedNetwork net, final Placement pl,
        final boolean[] observed, final int sourceBits, final int weightBits, final int tagBits, final int accBits)
    {
        this.c = core;
        this.fp = fp;
        this.size = pl.size(core);
        this.lat = fp.coreLatency();
        this.ports = fp.ports();
        this.dlvWidth = weightBits;
        this.pushBits = sourceBits;
        this.drop = fp.overflow() == FabricParams.Overflow.DROP;
        this.latMask = (1L << lat) - 1;
        this.mem = new MappedMemories(fp, net, pl, core, observed, weightBits, tagBits, accBits);
        this.pl = pl;
        this.phases = net.phases();
        this.tagBits = tagBits;
    }

    private int tagBits;

    static int rcBits(final LifParams p)
    {
        return LifDriveMemories.rcBits(p);
    }

    @Override
    public void declare(final Declarations d)
    {
        final int idb = fp.idBits();
        final int ab = FabricParams.bitsFor(Math.max(0, size - 1));
        d.input("start", 1);
        if (pl == null)
        {
            d.input("par", 1);
        }
        else
        {
            d.input("step", 32);
            d.input("phase", FabricParams.bitsFor(Math.max(1, phases - 1)));
        }
        d.input("credit", 1);
        d.input("dlv_valid", ports);
        for (int p = 0; p < ports; p++)
        {
            d.input("dlv_tgt" + p, idb);
            d.input("dlv_w" + p, dlvWidth);
            if (pl != null)
            {
                d.input("dlv_tag" + p, tagBits);
            }
        }
        d.output("push_valid", 1);
        d.output("push_id", pushBits);
        d.output("busy", 1);
        d.register("issuing", 1, 0);
        if (pl == null)
        {
            d.register("addr", ab, 0);
            d.register("par_q", 1, 0);
        }
        else
        {
            // addr and hi count to the core's size (one past its last address)
            final int hb = FabricParams.bitsFor(size);
            d.register("addr", hb, 0);
            d.register("hi", hb, 0);
            d.register("step_q", 32, 0);
        }
        d.register("credits", FabricParams.bitsFor(fp.fifoDepth()), fp.fifoDepth());
        d.register("ret", 1, 0);
        d.register("st_valid", lat, 0);
        d.registerBank("st_addr", pl == null ? ab : FabricParams.bitsFor(size), lat, 0);
        mem.declare(d);
    }

    @Override
    public void bind(final Binding b)
    {
        sStart = b.signal("start");
        if (pl == null)
        {
            sStep = b.signal("par");
            rStepQ = b.signal("par_q");
        }
        else
        {
            sStep = b.signal("step");
            sPhase = b.signal("phase");
            rStepQ = b.signal("step_q");
            rHi = b.signal("hi");
        }
        sCredit = b.signal("credit");
        sDlvValid = b.signal("dlv_valid");
        rPushValid = b.signal("push_valid");
        rPushId = b.signal("push_id");
        rBusy = b.signal("busy");
        rIssuing = b.signal("issuing");
        rAddr = b.signal("addr");
        rCredits = b.signal("credits");
        rRet = b.signal("ret");
        rStValid = b.signal("st_valid");
        rStAddr0 = b.signal("st_addr[0]");
        mem.bind(b);
    }

    /** Initial memory contents. */
    void load(final Signals s)
    {
        mem.load(s);
    }

    @Override
    public void edge(final Signals s)
    {
        final boolean start = s.get(sStart) != 0;
        final long stepOld = s.get(rStepQ);
        final long step = start ? s.get(sStep) : stepOld;
        if (start)
        {
            s.setNext(rStepQ, step);
        }

        // 1. deliveries into the accumulators of the step they count in (Brunel: the next step's bank)
        final long dv = s.get(sDlvValid);
        if (dv != 0 || pl != null)
        {
            mem.deliver(s, dv, (int)stepOld);
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
            if (pl != null && a >= size)
            {
                // as a memory read past its end: the run cannot go on (the Brunel core's memories say so themselves)
                throw new SimulationException("core" + c + ": address " + a + " is past the core's " + size
                    + " neurons");
            }
            spike = mem.update(s, a, step);
            if (spike)
            {
                s.setNext(rPushId, mem.neuron(a));
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

        // 3. issue: from the phase's first address (Brunel: 0) up to its end (Brunel: the core's size)
        final int hi;
        final int addr;
        final boolean issuing;
        if (pl == null)
        {
            hi = size;
            addr = start ? 0 : (int)s.get(rAddr);
            issuing = start || s.get(rIssuing) != 0;
        }
        else
        {
            final long ph = s.get(sPhase);
            final boolean known = ph < phases;
            hi = start ? known ? pl.hi(c, (int)ph) : 0 : (int)s.get(rHi);
            addr = start ? known ? pl.lo(c, (int)ph) : 0 : (int)s.get(rAddr);
            issuing = start ? addr < hi : s.get(rIssuing) != 0;
            if (start && hi != s.get(rHi))
            {
                s.setNext(rHi, hi);
            }
        }
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
            issuingNext = addr + 1 < hi;
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
