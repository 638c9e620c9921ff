package org.scfabric.bench.brunel;

/**
 * The Brunel (2000) network's parameters as the reference's {@code BrunelParams} has them
 * (docs/spec/brunel.md §1). Voltages in mV, times in ms. The external drive is derived in exactly the
 * reference's order of double operations, because the spike counts depend on the last bit of λ.
 */
public record BrunelParams(int nExc, int nInh, double connProb, double weightExc, double g, double vThreshold,
    double vReset, double vRest, double tauMem, double dt, double durationMs, double eta, long seed, double delayMs,
    double refractoryMs)
{
    /**
     * {@link #refractoryMs} when none is given: each variant keeps the reference's own period (V1 none, V3, V11
     * and V13 two steps, V8 five).
     */
    public static final double VARIANT_REFRACTORY = Double.NaN;

    /** The reference's network: one step (0.1 ms) of synaptic delay, each variant's own refractory period. */
    public static final BrunelParams DEFAULT = new BrunelParams(800, 200, 0.1, 0.1, 5.0, 20.0, 10.0, 0.0, 20.0, 0.1,
        1000.0, 2.0, 42L, 0.1, VARIANT_REFRACTORY);

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
        if (!(g >= 0) || Double.isInfinite(g) || !(eta >= 0) || Double.isInfinite(eta) || !(weightExc > 0)
            || Double.isInfinite(weightExc))
        {
            throw new IllegalArgumentException("g and eta must be finite and >= 0, J finite and > 0");
        }
        if (!(delayMs >= dt) || Double.isInfinite(delayMs) || !wholeSteps(delayMs, dt))
        {
            throw new IllegalArgumentException("the delay must be a whole number >= 1 of dt = " + dt + " ms steps, got "
                + delayMs + " ms");
        }
        if (!Double.isNaN(refractoryMs) && (!(refractoryMs >= 0) || Double.isInfinite(refractoryMs)
            || !wholeSteps(refractoryMs, dt)))
        {
            throw new IllegalArgumentException("the refractory period must be a whole number >= 0 of dt = " + dt
                + " ms steps, got " + refractoryMs + " ms");
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
            seed, delayMs, refractoryMs);
    }

    public BrunelParams withDuration(final double ms)
    {
        return new BrunelParams(nExc, nInh, connProb, weightExc, g, vThreshold, vReset, vRest, tauMem, dt, ms, eta, seed,
            delayMs, refractoryMs);
    }

    public BrunelParams withSeed(final long s)
    {
        return new BrunelParams(nExc, nInh, connProb, weightExc, g, vThreshold, vReset, vRest, tauMem, dt, durationMs,
            eta, s, delayMs, refractoryMs);
    }

    /** The relative inhibition g (the inhibitory weight is −g·J). */
    public BrunelParams withG(final double v)
    {
        return new BrunelParams(nExc, nInh, connProb, weightExc, v, vThreshold, vReset, vRest, tauMem, dt, durationMs,
            eta, seed, delayMs, refractoryMs);
    }

    /** The external drive relative to threshold, η = ν_ext / ν_thr. */
    public BrunelParams withEta(final double v)
    {
        return new BrunelParams(nExc, nInh, connProb, weightExc, g, vThreshold, vReset, vRest, tauMem, dt, durationMs,
            v, seed, delayMs, refractoryMs);
    }

    /** The excitatory weight J in mV (also the external kick; ν_thr follows it). */
    public BrunelParams withJ(final double mv)
    {
        return new BrunelParams(nExc, nInh, connProb, mv, g, vThreshold, vReset, vRest, tauMem, dt, durationMs, eta,
            seed, delayMs, refractoryMs);
    }

    /** The synaptic delay in ms, a whole number >= 1 of steps. */
    public BrunelParams withDelay(final double ms)
    {
        return new BrunelParams(nExc, nInh, connProb, weightExc, g, vThreshold, vReset, vRest, tauMem, dt, durationMs,
            eta, seed, ms, refractoryMs);
    }

    /** The refractory period of every variant that has one, in ms; {@link #VARIANT_REFRACTORY} for each one's own. */
    public BrunelParams withRefractory(final double ms)
    {
        return new BrunelParams(nExc, nInh, connProb, weightExc, g, vThreshold, vReset, vRest, tauMem, dt, durationMs,
            eta, seed, delayMs, ms);
    }

    /** Steps a spike takes to reach its targets: 1 in the reference (a spike of step t acts in step t+1). */
    public int delaySteps()
    {
        return Math.toIntExact(Math.round(delayMs / dt));
    }

    /** The refractory period in steps, or {@code variantDefault} when none was given. */
    public int refractorySteps(final int variantDefault)
    {
        return Double.isNaN(refractoryMs) ? variantDefault : Math.toIntExact(Math.round(refractoryMs / dt));
    }

    /** Whether the refractory period was given (not each variant's own). */
    public boolean refractoryGiven()
    {
        return !Double.isNaN(refractoryMs);
    }

    /** ms a whole number of dt steps (up to binary rounding: 0.3 / 0.1 is 2.9999999999999996). */
    private static boolean wholeSteps(final double ms, final double dt)
    {
        final double r = ms / dt;
        return Math.abs(r - Math.round(r)) <= 1e-9 * Math.max(1, Math.round(r)) && r < Integer.MAX_VALUE;
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
