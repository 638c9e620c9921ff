package org.scfabric.bench.brunel;

/**
 * The float64 LIF arithmetic of V1 (docs/spec/brunel.md §3) and its parameters, shared by the variants
 * built on it: {@code v += ext·J + syn} (the right side summed first), then
 * {@code v += α·(v_rest − v)} with α = dt/τ, then {@code v >= v_th} spikes and resets to v_reset.
 * The inhibitory weight is {@code J · (−g)}, as the reference scales its rows.
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
