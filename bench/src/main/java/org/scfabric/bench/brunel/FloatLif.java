package org.scfabric.bench.brunel;

import org.scfabric.net.ref.BrunelLif;
import org.scfabric.random.GlibcMath;

/**
 * The float64 LIF arithmetic of V1 (docs/spec/brunel.md §3) and its parameters, shared by the variants
 * built on it: {@code v += ext·J + syn} (the right side summed first), then
 * {@code v += α·(v_rest − v)} with α = dt/τ, then {@code v >= v_th} spikes and resets to v_reset.
 * The inhibitory weight is {@code J · (−g)}, as the reference scales its rows.
 *
 * <p>The step itself is {@link BrunelLif}'s, which the float64 reference also runs for a NIR file's
 * {@code brunel} nodes. This is the one place the variants reach it: every float64 population calls {@link #kick},
 * {@link #leak}, {@link #fires} (or {@link #step}, which is the three in V1's order), and varies only
 * what its variant changes (order, threshold, noise, refractory period). The methods are tiny and the
 * class final, so the JIT inlines them into each population's loop (BrunelStepBench measures V18).
 */
final class FloatLif
{
    final int n;
    final int nExc;
    final double j;
    final double wExc;
    final double wInh;
    final double alpha;
    final double vRest;
    final double vTh;
    final double vReset;
    /** V10's exact leak factor exp(−dt/τ) (glibc's exp, as the reference computes it). */
    final double decay;

    FloatLif(final BrunelParams p)
    {
        this.n = p.nTotal();
        this.nExc = p.nExc();
        this.j = p.weightExc();
        this.wExc = p.weightExc();
        this.wInh = p.weightExc() * -p.g();
        this.alpha = p.dt() / p.tauMem();
        this.vRest = p.vRest();
        this.vTh = p.vThreshold();
        this.vReset = p.vReset();
        this.decay = GlibcMath.exp(-p.dt() / p.tauMem());
    }

    /** The input of one step: {@code ext·J + syn}, summed before it is added to v. */
    double kick(final int ext, final double syn)
    {
        return ext * j + syn;
    }

    /** The Euler leak: {@code x + α·(v_rest − x)}. */
    double leak(final double x)
    {
        return BrunelLif.leak(x, alpha, vRest);
    }

    /** V10's leak: {@code v_rest + (x − v_rest)·exp(−dt/τ)}. */
    double exactLeak(final double x)
    {
        return vRest + (x - vRest) * decay;
    }

    /** Whether a membrane at x spikes (and is reset). */
    boolean fires(final double x)
    {
        return BrunelLif.fires(x, vTh);
    }

    /**
     * V1's step of neuron i: {@code v[i] += kick}, the Euler leak, then a spike resets it to v_reset.
     * Returns whether it spiked.
     */
    boolean step(final double[] v, final int i, final double kick)
    {
        return BrunelLif.step(v, i, kick, alpha, vRest, vTh, vReset);
    }

    /** Stores x as v[i], or v_reset if x spikes; returns whether it spiked. */
    boolean settle(final double[] v, final int i, final double x)
    {
        return BrunelLif.settle(v, i, x, vTh, vReset);
    }

    /** Weight of every synapse of presynaptic neuron i. */
    double weight(final int i)
    {
        return i < nExc ? wExc : wInh;
    }

    /**
     * syn[j] = Σ W[i][j] over the spiking presynaptic neurons {@code spikes[0..count)} (ascending),
     * summed in that order from 0.0: the scatter of their CSR rows.
     */
    void accumulate(final Connectivity c, final int[] spikes, final int count, final double[] syn)
    {
        c.scatter(spikes, count, nExc, wExc, wInh, syn);
    }
}
