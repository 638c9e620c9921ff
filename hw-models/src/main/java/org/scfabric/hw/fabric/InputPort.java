package org.scfabric.hw.fabric;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * The external input port of a mapped network on the kernel (the twin of {@link EngineInputPort}):
 * address events from outside, one per input spike and step. At the start of phase 0 of step t it
 * takes that step's events ({@code ptr}, {@code end} into the stimulus) and pushes one per edge into
 * the router's input FIFO ({@code push_valid}, {@code push_id} = N + channel); under STALL only with a
 * credit (a free slot of {@code fifo_in}, counted in {@code credits}), like a core. {@code busy} is high
 * until its last event of the step is pushed. The stimulus itself is the test bench's, not hardware.
 */
public final class InputPort implements ClockedComponent
{
    private final int base;
    private final int steps;
    private final int[] stepStart;
    private final int[] channel;
    private final int depth;
    private final boolean drop;
    private final int idBits;
    private final int phaseBits;
    private int sStart;
    private int sStep;
    private int sPhase;
    private int sCredit;
    private int rPushValid;
    private int rPushId;
    private int rBusy;
    private int rCredits;
    private int rPtr;
    private int rEnd;

    /** Instrumentation: per step, the edge its input phase started; edges the port waited for a slot. */
    final long[] inputStart;
    long stallCycles;

    /** Clock timing, for cycle numbers in the instrumentation: edge e is at phase + e·period. */
    long period = 1;
    long phase;

    InputPort(final FabricParams fp, final int neurons, final int steps, final int[] stepStart, final int[] channel,
        final int idBits, final int phases)
    {
        this.base = neurons;
        this.steps = steps;
        this.stepStart = stepStart.clone();
        this.channel = channel.clone();
        this.depth = fp.fifoDepth();
        this.drop = fp.overflow() == FabricParams.Overflow.DROP;
        this.idBits = idBits;
        this.phaseBits = FabricParams.bitsFor(Math.max(1, phases - 1));
        this.inputStart = new long[steps];
    }

    @Override
    public void declare(final Declarations d)
    {
        final int eb = FabricParams.bitsFor(channel.length);
        d.input("start", 1);
        d.input("step", 32);
        d.input("phase", phaseBits);
        d.input("credit", 1);
        d.output("push_valid", 1);
        d.output("push_id", idBits);
        d.output("busy", 1);
        d.register("credits", FabricParams.bitsFor(depth), depth);
        d.register("ptr", eb, 0);
        d.register("end", eb, 0);
    }

    @Override
    public void bind(final Binding b)
    {
        sStart = b.signal("start");
        sStep = b.signal("step");
        sPhase = b.signal("phase");
        sCredit = b.signal("credit");
        rPushValid = b.signal("push_valid");
        rPushId = b.signal("push_id");
        rBusy = b.signal("busy");
        rCredits = b.signal("credits");
        rPtr = b.signal("ptr");
        rEnd = b.signal("end");
    }

    @Override
    public void edge(final Signals s)
    {
        long cr = s.get(rCredits) + s.get(sCredit);
        long ptr = s.get(rPtr);
        long end = s.get(rEnd);
        if (s.get(sStart) != 0 && s.get(sPhase) == 0)
        {
            final long t = s.get(sStep);
            final int st = (int)Math.min(t, steps);
            ptr = stepStart[st];
            end = stepStart[Math.min(st + 1, steps)];
            if (t < steps)
            {
                inputStart[(int)t] = (s.now() - phase) / period;
            }
            s.setNext(rEnd, end);
        }
        boolean push = false;
        // a faulty pointer past the stimulus has no event to send
        if (ptr < end && ptr < channel.length)
        {
            if (drop || cr > 0)
            {
                push = true;
                s.setNext(rPushId, base + channel[(int)ptr]);
                ptr++;
                if (!drop)
                {
                    cr--;
                }
            }
            else
            {
                stallCycles++;
            }
        }
        if (ptr != s.get(rPtr))
        {
            s.setNext(rPtr, ptr);
        }
        if (push != (s.get(rPushValid) != 0))
        {
            s.setNext(rPushValid, push ? 1 : 0);
        }
        if (cr != s.get(rCredits))
        {
            s.setNext(rCredits, cr);
        }
        final int busy = ptr < end && ptr < channel.length || push ? 1 : 0;
        if (busy != s.get(rBusy))
        {
            s.setNext(rBusy, busy);
        }
    }

    @Override
    public boolean idle(final Signals s)
    {
        return s.get(rBusy) == 0 && s.get(rPushValid) == 0 && s.get(sStart) == 0 && s.get(sCredit) == 0;
    }
}
