package org.scfabric.hw.fabric;

import org.scfabric.hw.Bits;
import org.scfabric.hw.lif.CubaLifCore;

/**
 * The result stage of a Brian2 neuron ({@link MappedNetwork#BRIAN2}): {@code sc_cuba_lif_neuron}'s update
 * functions inside Brian2's schedule, as a small FSM around the core's ALU, shared by the fast engine
 * ({@link MappedDatapath}) and the kernel's memories ({@link MappedMemories}).
 *
 * <p>The only new state is a refractory counter per neuron, {@code age} = steps since the last spike, saturating at
 * {@code cap = max(R, 1) + 1} (it starts there). From it: the last step's spike ({@code age = 1}: reset now), the
 * conditional write (effects delivered in the previous step count unless that step was refractory or firing:
 * {@code age ≥ cap}), and refractoriness ({@code age < R}). One step, in Brian2's order: effects added (saturated)
 * to their variable unless the conditional write drops them; the reset of the last step's spike; each current's
 * {@link CubaLifCore#iNext} (decay by k_syn) and v's {@link CubaLifCore#vNext} on the currents' r-weighted sum,
 * each held while refractory if it is {@code (unless refractory)}; the threshold ({@code >} or {@code >=}) of a
 * neuron not refractory.
 */
final class Brian2Unit
{
    /** Parameter slots: v_leak, k_mem, v_th, v_reset, then k_syn and r of each current. */
    static final int P_LEAK = 0;
    static final int P_KMEM = 1;
    static final int P_TH = 2;
    static final int P_RESET = 3;
    static final int P_CURRENT = 4;

    private Brian2Unit()
    {
    }

    /**
     * One step of a neuron with {@code k} currents: {@code st} = v, i_0 .. i_{k−1}, age (updated in place);
     * {@code x} = the step's effects per variable (v, then the currents), {@code p} its parameters (slots above).
     * Returns whether it fires.
     */
    static boolean step(final int[] st, final int[] x, final int[] p, final int k, final int flags, final int refractory,
        final int w, final int f, final long max)
    {
        final int age = st[k + 1];
        final int cap = Math.max(refractory, 1) + 1;
        final boolean written = age >= cap;
        final boolean vHeld = (flags & Brian2Params.V_HELD) != 0;
        int u = vHeld && !written ? st[0] : sat(st[0] + (long)x[0], max);
        for (int c = 0; c < k; c++)
        {
            if (written || (flags & Brian2Params.HELD_CURRENT << c) == 0)
            {
                st[c + 1] = sat(st[c + 1] + (long)x[c + 1], max);
            }
        }
        if (age == 1)
        {
            u = (flags & Brian2Params.SUBTRACT) != 0 ? sat((long)u - p[P_RESET], max) : p[P_RESET];
        }
        final boolean notRef = age >= refractory;
        long drive = 0;
        for (int c = 0; c < k; c++)
        {
            if (notRef || (flags & Brian2Params.HELD_CURRENT << c) == 0)
            {
                st[c + 1] = CubaLifCore.iNext(st[c + 1], p[P_CURRENT + 2 * c], 0, 0, w, f);
            }
            drive += Bits.lowSigned(((long)st[c + 1] * p[P_CURRENT + 2 * c + 1]) >> f, w);
        }
        if (notRef || !vHeld)
        {
            u = CubaLifCore.vNext(u, Bits.lowSigned(drive, w), p[P_KMEM], 1 << f, p[P_LEAK], w, f);
        }
        final boolean fire = notRef && ((flags & Brian2Params.STRICT) != 0 ? u > p[P_TH] : u >= p[P_TH]);
        st[0] = u;
        st[k + 1] = fire ? 1 : Math.min(age + 1, cap);
        return fire;
    }

    static int sat(final long x, final long max)
    {
        return (int)Math.max(-max - 1, Math.min(max, x));
    }
}
