package org.scfabric.bench.brunel;

/**
 * The Brunel (2000) network's parameters as the reference's {@code BrunelParams} has them
 * (docs/spec/brunel.md §1). Voltages in mV, times in ms. The external drive is derived in exactly the
 * reference's order of double operations, because the spike counts depend on the last bit of λ.
 */
public record BrunelParams(int nExc, int nInh, double connProb, double weightExc, double g, double vThreshold,
    double vReset, double vRest, double tauMem, double dt, double durationMs, double eta, long seed)
{
    public static final BrunelParams DEFAULT = new BrunelParams(800, 200, 0.1, 0.1, 5.0, 20.0, 10.0, 0.0, 20.0, 0.1,
        1000.0, 2.0, 42L);

    public BrunelParams
    {
        if (nExc < 1 || nInh < 0)
        {
            throw new IllegalArgumentException("need at least 1 excitatory neuron, got n_exc " + nExc + ", n_inh " + nInh);
        }
        if (!(dt > 0) || !(durationMs > 0) || !(tauMem > 0))
        {
            throw new IllegalArgumentException("dt, duration and tau_mem must be > 0");
        }
        if (seed < 0)
        {
            throw new IllegalArgumentException("seed must be >= 0 (numpy's SeedSequence takes non-negative integers)");
        }
    }

    /** The default network scaled to {@code n} neurons (n_exc = 0.8·N, n_inh = N − n_exc). */
    public static BrunelParams ofSize(final int n)
    {
        if (n < 2)
        {
            throw new IllegalArgumentException("the network needs N >= 2 neurons, got " + n);
        }
        final int exc = (int)(4L * n / 5);
        return DEFAULT.withSize(exc, n - exc);
    }

    public BrunelParams withSize(final int exc, final int inh)
    {
        return new BrunelParams(exc, inh, connProb, weightExc, g, vThreshold, vReset, vRest, tauMem, dt, durationMs, eta,
            seed);
    }

    public BrunelParams withDuration(final double ms)
    {
        return new BrunelParams(nExc, nInh, connProb, weightExc, g, vThreshold, vReset, vRest, tauMem, dt, ms, eta, seed);
    }

    public BrunelParams withSeed(final long s)
    {
        return new BrunelParams(nExc, nInh, connProb, weightExc, g, vThreshold, vReset, vRest, tauMem, dt, durationMs,
            eta, s);
    }

    public int nTotal()
    {
        return nExc + nInh;
    }

    /** g·J, the inhibitory kick (mV). */
    public double weightInh()
    {
        return g * weightExc;
    }

    /**
     * Number of timesteps: duration / dt, rounded to the nearest step. A count beyond an int throws
     * (a cast once wrapped 429496739.6 ms to 100 steps).
     */
    public int steps()
    {
        return Math.toIntExact(Math.round(durationMs / dt));
    }

    /** C_E = conn_prob · n_exc. */
    public double cE()
    {
        return connProb * nExc;
    }

    /** ν_thr = V_th / (J · C_E · (τ_m · 1e-3)), in Hz. */
    public double nuThr()
    {
        return vThreshold / (weightExc * cE() * (tauMem * 1e-3));
    }

    /** ν_ext = η · ν_thr, in Hz. */
    public double nuExt()
    {
        return eta * nuThr();
    }

    /** Poisson kicks per neuron per step: λ = C_E · η · ν_thr · dt / 1000, evaluated left to right. */
    public double lambda()
    {
        return cE() * eta * nuThr() * dt / 1000;
    }
}
