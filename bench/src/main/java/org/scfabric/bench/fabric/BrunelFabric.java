package org.scfabric.bench.fabric;

import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.hw.fabric.FabricNetwork;
import org.scfabric.hw.fabric.PoissonDrive;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.random.NumpyGenerator;

/**
 * The Brunel network as a fabric workload: the connectivity of docs/spec/brunel.md §2 (numpy's
 * {@code random((N, N)) < conn_prob}, row-major, diagonal cleared, from the seed) with the V3 (Q8.8)
 * or V11 (Q16.12) arithmetic of §3, and the on-chip LFSR Poisson drive of λ kicks per step
 * ({@link PoissonDrive}, seeded from the same seed) instead of numpy's Poisson stream.
 */
public final class BrunelFabric
{
    /** The fixed-point variants a fabric can run. */
    public enum Arithmetic
    {
        V3, V11
    }

    private BrunelFabric()
    {
    }

    public static FabricNetwork network(final BrunelParams p, final Arithmetic a)
    {
        final int n = p.nTotal();
        final LifParams lif;
        final int leak;
        final int gain;
        final int jExc;
        final int jInh;
        if (a == Arithmetic.V3)
        {
            // Q8.8: v_th 20 mV = 5120, v_reset 10 mV = 2560, leak max(1, int(dt/tau*256)) = 1
            lif = new LifParams(16, 8, 0, q(p.vReset(), 256), q(p.vThreshold(), 256), 2);
            leak = Math.max(1, (int)(p.dt() / p.tauMem() * 256));
            gain = 256;
            jExc = (int)(p.weightExc() * 256);
            jInh = (int)(p.weightInh() * 256);
        }
        else
        {
            lif = new LifParams(32, 12, 0, q(p.vReset(), 4096), q(p.vThreshold(), 4096), 2);
            leak = (int)(p.dt() / p.tauMem() * 4096);
            gain = 4096;
            jExc = (int)(p.weightExc() * 4096);
            jInh = (int)(p.weightInh() * 4096);
        }
        final PoissonDrive drive = new PoissonDrive(p.lambda(), (int)(p.seed() ^ (p.seed() >>> 32)));
        // connectivity: one row of N uniforms per presynaptic neuron, in numpy's draw order
        final NumpyGenerator rng = new NumpyGenerator(p.seed());
        final double[] row = new double[n];
        final int[] rows = new int[n + 1];
        int[] tg = new int[Math.max(16, (int)(1.2 * p.connProb() * n * n))];
        int e = 0;
        for (int i = 0; i < n; i++)
        {
            rng.random(row);
            for (int j = 0; j < n; j++)
            {
                if (row[j] < p.connProb() && i != j)
                {
                    if (e == tg.length)
                    {
                        tg = java.util.Arrays.copyOf(tg, 2 * e);
                    }
                    tg[e++] = j;
                }
            }
            rows[i + 1] = e;
        }
        final int[] targets = java.util.Arrays.copyOf(tg, e);
        final int[] weights = new int[e];
        for (int i = 0; i < n; i++)
        {
            java.util.Arrays.fill(weights, rows[i], rows[i + 1], i < p.nExc() ? jExc : -jInh);
        }
        return new FabricNetwork(lif, leak, gain, jExc, drive, rows, targets, weights);
    }

    private static int q(final double mv, final int one)
    {
        return (int)Math.round(mv * one);
    }
}
