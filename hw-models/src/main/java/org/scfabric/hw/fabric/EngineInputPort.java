package org.scfabric.hw.fabric;

/**
 * The external input port of a mapped network on the {@link FabricEngine}: address events from
 * outside, one per input spike and step. At the start of phase 0 of step t it takes that step's
 * events and pushes one per edge into its own spike FIFO (the router's last), each as source
 * {@code N + channel}; under STALL only with a credit (a free FIFO slot), like a core. It is busy
 * until its last event of the step is pushed.
 */
final class EngineInputPort
{
    private final int slot;
    private final int base;
    private final int[] stepStart;
    private final int[] channel;
    private final boolean drop;
    private final boolean[] pushValid;
    private final int[] pushId;
    private final boolean[] creditQ;
    /** Per step, the edge at which its input phase started (the origin of input-to-output latency). */
    final long[] inputStart;
    private int credits;
    private int ptr;
    private int end;
    long stallCycles;
    boolean busy;

    /**
     * @param slot      the port's FIFO (= K)
     * @param neurons   N: input channel i is source N + i
     * @param stepStart events of step t are {@code channel[stepStart[t] .. stepStart[t+1])}
     */
    EngineInputPort(final FabricParams fp, final int slot, final int neurons, final int[] stepStart,
        final int[] channel, final Wires wires)
    {
        this.slot = slot;
        this.base = neurons;
        this.stepStart = stepStart;
        this.channel = channel;
        this.drop = fp.overflow() == FabricParams.Overflow.DROP;
        this.pushValid = wires.pushValid;
        this.pushId = wires.pushId;
        this.creditQ = wires.creditQ;
        this.inputStart = new long[stepStart.length - 1];
        this.credits = fp.fifoDepth();
    }

    /** Nothing pending and nothing registered towards the router. */
    boolean quiet(final boolean[] credit)
    {
        return ptr >= end && !pushValid[slot] && !credit[slot];
    }

    void edge(final boolean startQ, final int stepQ, final int phaseQ, final long now)
    {
        int cr = credits + (creditQ[slot] ? 1 : 0);
        if (startQ && phaseQ == 0)
        {
            ptr = stepStart[stepQ];
            end = stepStart[stepQ + 1];
            inputStart[stepQ] = now;
        }
        boolean push = false;
        if (ptr < end)
        {
            if (drop || cr > 0)
            {
                push = true;
                pushId[slot] = base + channel[ptr++];
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
        pushValid[slot] = push;
        credits = cr;
        busy = ptr < end || push;
    }
}
