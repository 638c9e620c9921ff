package org.scfabric.hw.lif;

import org.scfabric.hw.Bits;

/**
 * Many {@link LifCore}s with one parameter set, state in flat arrays: {@code v[i]} (signed W,
 * sign-extended) and {@code rc[i]}. {@link #step} is one clock edge of every neuron with scalar
 * leak, gain and noise and a current per neuron; it is bit-identical to LifCore (LifArrayTest)
 * and allocates nothing. It runs outside the kernel: the fabric's unrolled reference
 * ({@code FabricReference}) uses it, and {@code LifBankTest} holds the kernel's LIF registers to it. The
 * fixed-point Brunel variants (V3, V11, V13) do not run it; they run {@code hw.component.LifBankRegisters}, whose
 * state lives in kernel registers (docs/benchmarks.md has both figures).
 */
public final class LifArray
{
    private final LifParams p;
    private final int n;
    private final int[] v;
    private final int[] rc;

    public LifArray(final LifParams params, final int n)
    {
        if (n < 0)
        {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        this.p = params;
        this.n = n;
        this.v = new int[n];
        this.rc = new int[n];
        reset();
    }

    /** Asynchronous reset of every neuron: v = V_REST, rc = 0. */
    public void reset()
    {
        java.util.Arrays.fill(v, p.vRest());
        java.util.Arrays.fill(rc, 0);
    }

    /**
     * One edge of every neuron. {@code current[i]} is neuron i's I_t (its low W bits are used, as at
     * the port). Writes the indices of the neurons that spike on this edge, ascending, into
     * {@code spikes} (length >= n) and returns how many there are.
     */
    public int step(final int[] current, final int leak, final int gain, final int noise, final int[] spikes)
    {
        final int[] v = this.v;
        final int[] rc = this.rc;
        final int w = p.dataWidth();
        final int f = p.fraction();
        final int vRest = p.vRest();
        final int vReset = p.vReset();
        final int vTh = p.vThreshold();
        final int refractory = p.refractoryPeriod();
        // the scalar inputs as the port sees them (low W bits, signed), taken once per edge
        final int lk = Bits.lowSigned(leak, w);
        final int gn = Bits.lowSigned(gain, w);
        final int nz = Bits.lowSigned(noise, w);
        final boolean w16 = w == 16;
        final boolean w32 = w == 32;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            final int r = rc[i];
            if (r != 0)
            {
                rc[i] = r - 1;
                v[i] = vRest;
                continue;
            }
            // the width tests are loop-invariant (LifArrayBench: no slower than three loops)
            final int next = w16 ? vNext16(v[i], current[i], lk, gn, nz, vRest, f)
                : w32 ? vNext32(v[i], current[i], lk, gn, nz, vRest, f)
                : LifCore.vNext(v[i], lk, gn, current[i], nz, vRest, w, f);
            if (next >= vTh)
            {
                v[i] = vReset;
                rc[i] = refractory;
                spikes[count++] = i;
            }
            else
            {
                v[i] = next;
            }
        }
        return count;
    }

    /**
     * {@link LifCore#vNext} for W = 16 in int arithmetic: every product fits in an int
     * ((2^16 - 1) * 2^15 < 2^31), and low_16 is a cast to short. Inputs already low_16-signed.
     */
    static int vNext16(final int v, final int current, final int lk, final int gn, final int nz, final int vRest,
        final int f)
    {
        return (short)(v + (short)(((vRest - v) * lk) >> f) + (short)(((short)current * gn) >> f) + nz);
    }

    /**
     * {@link LifCore#vNext} for W = 32: the products in a long (a 33-bit difference times 32 bits
     * < 2^63); int arithmetic wraps as low_32 does.
     */
    static int vNext32(final int v, final int current, final int lk, final int gn, final int nz, final int vRest,
        final int f)
    {
        return v + (int)((((long)vRest - v) * lk) >> f) + (int)(((long)current * gn) >> f) + nz;
    }

    public int size()
    {
        return n;
    }

    /** Membrane of neuron i (v_out). */
    public int v(final int i)
    {
        return v[i];
    }

    public int rc(final int i)
    {
        return rc[i];
    }

    /** Sets neuron i's v (a forced register write, e.g. an initial condition). */
    public void forceV(final int i, final int value)
    {
        v[i] = Bits.lowSigned(value, p.dataWidth());
    }

    public LifParams params()
    {
        return p;
    }
}
