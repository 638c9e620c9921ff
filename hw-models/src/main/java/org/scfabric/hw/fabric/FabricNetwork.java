package org.scfabric.hw.fabric;

import java.util.Arrays;

import org.scfabric.hw.Bits;
import org.scfabric.hw.lif.LifParams;

/**
 * What a fabric computes, independent of its architecture: N LIF neurons of one parameter set
 * (the bit-true {@code sc_lif_neuron}, leak and gain constant), a sparse connectivity in CSR form
 * (row i = the fan-out of neuron i: targets, ascending and distinct, and a signed W-bit weight per
 * synapse), and the on-chip Poisson drive ({@link PoissonDrive}, {@code jExt} per kick).
 *
 * <p>Per timestep t, for every neuron j: {@code I_t[j] = Σ w(i→j) over neurons i that spiked at t−1
 * + kicks_j(t) · jExt} (wrapping at W bits, so the order of the sum does not matter), then one LIF
 * edge with (leak, gain, I_t, noise 0). This is the V3 (Q8.8) / V11 (Q16.12) step loop of
 * docs/spec/brunel.md §3 with the on-chip drive in place of numpy's.
 */
public final class FabricNetwork
{
    private final LifParams lif;
    private final int leak;
    private final int gain;
    private final int jExt;
    private final PoissonDrive drive;
    private final int n;
    private final int[] rowStart;
    private final int[] target;
    private final int[] weight;

    public FabricNetwork(final LifParams lif, final int leak, final int gain, final int jExt, final PoissonDrive drive,
        final int[] rowStart, final int[] target, final int[] weight)
    {
        this.lif = lif;
        this.leak = leak;
        this.gain = gain;
        this.jExt = jExt;
        this.drive = drive;
        this.n = rowStart.length - 1;
        if (n < 1)
        {
            throw new IllegalArgumentException("the network needs at least one neuron");
        }
        if (target.length != weight.length || rowStart[0] != 0 || rowStart[n] != target.length)
        {
            throw new IllegalArgumentException("malformed CSR: row starts must run from 0 to the number of synapses");
        }
        for (int i = 0; i < n; i++)
        {
            if (rowStart[i + 1] < rowStart[i])
            {
                throw new IllegalArgumentException("malformed CSR: row " + i + " ends before it starts");
            }
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++)
            {
                if (target[e] < 0 || target[e] >= n)
                {
                    throw new IllegalArgumentException("synapse " + i + "->" + target[e] + " targets no neuron (N = "
                        + n + ")");
                }
                if (e > rowStart[i] && target[e] <= target[e - 1])
                {
                    throw new IllegalArgumentException("row " + i + ": targets must be ascending and distinct ("
                        + target[e - 1] + " then " + target[e] + "); merge repeated synapses into one weight");
                }
                if (!Bits.fitsSigned(weight[e], lif.dataWidth()))
                {
                    throw new IllegalArgumentException("weight " + weight[e] + " of synapse " + i + "->" + target[e]
                        + " does not fit " + lif.dataWidth() + " bits");
                }
            }
        }
        this.rowStart = rowStart.clone();
        this.target = target.clone();
        this.weight = weight.clone();
    }

    /** A random network: each ordered pair i≠j connected with probability p, weight wExc for i < nExc, else wInh. */
    public static FabricNetwork random(final LifParams lif, final int leak, final int gain, final int jExt,
        final PoissonDrive drive, final int n, final int nExc, final double p, final int wExc, final int wInh,
        final long seed)
    {
        final java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        final int[] rows = new int[n + 1];
        int[] tg = new int[Math.max(16, (int)(n * (double)n * p * 1.2))];
        int[] wt = new int[tg.length];
        int e = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (rnd.nextDouble() < p && i != j)
                {
                    if (e == tg.length)
                    {
                        tg = Arrays.copyOf(tg, e * 2);
                        wt = Arrays.copyOf(wt, e * 2);
                    }
                    tg[e] = j;
                    wt[e++] = i < nExc ? wExc : wInh;
                }
            }
            rows[i + 1] = e;
        }
        return new FabricNetwork(lif, leak, gain, jExt, drive, rows, Arrays.copyOf(tg, e), Arrays.copyOf(wt, e));
    }

    public int size()
    {
        return n;
    }

    public int synapses()
    {
        return target.length;
    }

    public LifParams lif()
    {
        return lif;
    }

    public int leak()
    {
        return leak;
    }

    public int gain()
    {
        return gain;
    }

    public int jExt()
    {
        return jExt;
    }

    public PoissonDrive drive()
    {
        return drive;
    }

    public int rowStart(final int i)
    {
        return rowStart[i];
    }

    public int rowLength(final int i)
    {
        return rowStart[i + 1] - rowStart[i];
    }

    public int target(final int e)
    {
        return target[e];
    }

    public int weight(final int e)
    {
        return weight[e];
    }

    public int maxRowLength()
    {
        int m = 0;
        for (int i = 0; i < n; i++)
        {
            m = Math.max(m, rowLength(i));
        }
        return m;
    }
}
