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
        if (p.dataWidth() == 16)
        {
            return step16(current, leak, gain, noise, spikes);
        }
        if (p.dataWidth() == 32)
        {
            return step32(current, leak, gain, noise, spikes);
        }
        return stepWide(current, leak, gain, noise, spikes);
    }

    // W = 16: every product fits in an int ((2^16 - 1) * 2^15 < 2^31), so no long arithmetic.
    private int step16(final int[] current, final int leak, final int gain, final int noise, final int[] spikes)
    {
        final int[] v = this.v;
        final int[] rc = this.rc;
        final int f = p.fraction();
        final int vRest = p.vRest();
        final int vReset = p.vReset();
        final int vTh = p.vThreshold();
        final int refractory = p.refractoryPeriod();
        final int lk = (short)leak;
        final int gn = (short)gain;
        final int nz = (short)noise;
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
            final int vi = v[i];
            final int next = (short)(vi + (short)(((vRest - vi) * lk) >> f) + (short)(((short)current[i] * gn) >> f) + nz);
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

    // W = 32: products in a long (a 33-bit difference times 32 bits < 2^63); int arithmetic wraps as low_32.
    private int step32(final int[] current, final int leak, final int gain, final int noise, final int[] spikes)
    {
        final int[] v = this.v;
        final int[] rc = this.rc;
        final int f = p.fraction();
        final int vRest = p.vRest();
        final int vReset = p.vReset();
        final int vTh = p.vThreshold();
        final int refractory = p.refractoryPeriod();
        final long lk = leak;
        final long gn = gain;
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
            final int vi = v[i];
            final int next = vi + (int)((((long)vRest - vi) * lk) >> f) + (int)((current[i] * gn) >> f) + noise;
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

    // Any other width: differences and products exact in a long.
    private int stepWide(final int[] current, final int leak, final int gain, final int noise, final int[] spikes)
    {
        final int[] v = this.v;
        final int[] rc = this.rc;
        final int w = p.dataWidth();
        final int s = 64 - w;
        final int f = p.fraction();
        final int vRest = p.vRest();
        final int vReset = p.vReset();
        final int vTh = p.vThreshold();
        final int refractory = p.refractoryPeriod();
        final long lk = Bits.lowSigned(leak, w);
        final long gn = Bits.lowSigned(gain, w);
        final long nz = Bits.lowSigned(noise, w);
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
            final long vi = v[i];
            final long dvLeak = ((((vRest - vi) * lk) >> f) << s) >> s;
            final long dvIn = (((((((long)current[i]) << s) >> s) * gn) >> f) << s) >> s;
            final int next = (int)(((vi + dvLeak + dvIn + nz) << s) >> s);
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
