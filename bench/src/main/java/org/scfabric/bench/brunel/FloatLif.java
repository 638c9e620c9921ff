package org.scfabric.bench.brunel;

/**
 * The float64 LIF arithmetic of V1 (spec/brunel.md §3) and its parameters, shared by the variants
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
        java.util.Arrays.fill(syn, 0.0);
        final int[] rs = c.rowStarts();
        final int[] cols = c.targets();
        for (int k = 0; k < count; k++)
        {
            final int i = spikes[k];
            final double w = weight(i);
            for (int e = rs[i], end = rs[i + 1]; e < end; e++)
            {
                syn[cols[e]] += w;
            }
        }
    }

    /**
     * The sums of k excitatory weights, {@code ((0.0 + wExc) + wExc) + …} (k terms) for k = 0..nExc:
     * what {@link #accumulate} leaves in a target that k excitatory spikes reached.
     */
    double[] excitatorySums()
    {
        final double[] t = new double[nExc + 1];
        double s = 0.0;
        for (int k = 1; k <= nExc; k++)
        {
            s += wExc;
            t[k] = s;
        }
        return t;
    }

    /** Whether {@link #accumulateCounted} can count a target's excitatory hits in a char. */
    boolean countable()
    {
        return nExc <= Character.MAX_VALUE;
    }

    /**
     * The same syn[] as {@link #accumulate}, bit for bit, with less memory traffic: spikes come
     * ascending, so every target first receives all its excitatory terms (rows 0..nExc−1, all the same
     * weight) and then its inhibitory ones. The excitatory hits are counted in {@code hits} (2 bytes a
     * neuron, so the scatter stays in the L1 cache), turned into their sums from {@code excSums}
     * ({@link #excitatorySums}), and the inhibitory rows are added on top in their order.
     */
    void accumulateCounted(final Connectivity c, final int[] spikes, final int count, final double[] syn,
        final char[] hits, final double[] excSums)
    {
        final int[] rs = c.rowStarts();
        final int[] cols = c.targets();
        final int ne = nExc;
        int k = 0;
        if (count > 0 && spikes[0] < ne)
        {
            java.util.Arrays.fill(hits, (char)0);
            for (; k < count && spikes[k] < ne; k++)
            {
                final int i = spikes[k];
                for (int e = rs[i], end = rs[i + 1]; e < end; e++)
                {
                    hits[cols[e]]++;
                }
            }
            for (int j = 0; j < syn.length; j++)
            {
                syn[j] = excSums[hits[j]];
            }
        }
        else
        {
            java.util.Arrays.fill(syn, 0.0);
        }
        final double w = wInh;
        for (; k < count; k++)
        {
            final int i = spikes[k];
            for (int e = rs[i], end = rs[i + 1]; e < end; e++)
            {
                syn[cols[e]] += w;
            }
        }
    }
}
