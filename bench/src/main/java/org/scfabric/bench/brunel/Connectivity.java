package org.scfabric.bench.brunel;

import java.util.Arrays;

import org.scfabric.hw.component.Crossbar;
import org.scfabric.random.NumpyGenerator;

/**
 * The Brunel network's synapses in compressed rows (CSR), row = presynaptic neuron i, its targets j
 * ascending. Drawn as the reference draws them (docs/spec/brunel.md §2): {@code random((N, N)) < p}
 * row-major, then the diagonal cleared, so the generator is left exactly where the reference's is
 * when the drive begins. Only the synapses are stored (about p·N² ints), never the dense matrix.
 * Immutable; shared by every variant run on the same (N, p, seed).
 */
public final class Connectivity implements Crossbar.Synapses
{
    private final int n;
    private final int[] rowStart;
    private final int[] cols;

    private Connectivity(final int n, final int[] rowStart, final int[] cols)
    {
        this.n = n;
        this.rowStart = rowStart;
        this.cols = cols;
    }

    /**
     * Draws an N×N mask row by row from {@code g} (N uniforms per row, bulk), keeps {@code u < p},
     * clears the diagonal. Leaves {@code g} N² draws on.
     */
    public static Connectivity draw(final int n, final double p, final NumpyGenerator g)
    {
        final double[] row = new double[n];
        final int[] rowStart = new int[n + 1];
        int[] cols = new int[Math.max(16, (int)Math.min(Integer.MAX_VALUE - 8, (long)(p * n * (double)n * 1.05) + 64))];
        int nnz = 0;
        for (int i = 0; i < n; i++)
        {
            g.random(row, 0, n);
            if (cols.length - nnz < n)
            {
                cols = Arrays.copyOf(cols, (int)Math.min(Integer.MAX_VALUE - 8, Math.max((long)cols.length * 3 / 2,
                    (long)nnz + n)));
            }
            for (int j = 0; j < n; j++)
            {
                // branch-free append: the slot is written either way, the count moves only on a synapse
                cols[nnz] = j;
                nnz += (row[j] < p && j != i) ? 1 : 0;
            }
            rowStart[i + 1] = nnz;
        }
        return new Connectivity(n, rowStart, Arrays.copyOf(cols, nnz));
    }

    public int size()
    {
        return n;
    }

    /** Number of synapses. */
    public int synapses()
    {
        return cols.length;
    }

    /** Index into {@link #targets()} of presynaptic neuron i's first target; row i ends at {@code rowStart(i + 1)}. */
    public int rowStart(final int i)
    {
        return rowStart[i];
    }

    /** The row offsets, length N + 1 (shared, do not modify). */
    public int[] rowStarts()
    {
        return rowStart;
    }

    /** Targets of all rows, ascending within a row (shared, do not modify). */
    public int[] targets()
    {
        return cols;
    }

    /**
     * syn[j] = Σ W[i][j] over the presynaptic neurons {@code spikes[0..count)} (ascending), summed in
     * that order from 0.0 — the scatter of their rows — with W = {@code wExc} for rows i below
     * {@code nExc} and {@code wInh} from there on.
     */
    public void scatter(final int[] spikes, final int count, final int nExc, final double wExc, final double wInh,
        final double[] syn)
    {
        Arrays.fill(syn, 0.0);
        final int[] rs = rowStart;
        final int[] t = cols;
        for (int k = 0; k < count; k++)
        {
            final int i = spikes[k];
            final double w = i < nExc ? wExc : wInh;
            for (int e = rs[i], end = rs[i + 1]; e < end; e++)
            {
                syn[t[e]] += w;
            }
        }
    }

    /** 64-bit words per crossbar row: ⌈N / 64⌉. */
    public int wordsPerRow()
    {
        return (n + 63) >>> 6;
    }

    /**
     * The synapses as a crossbar bit matrix, row i in words {@code i·W .. i·W + W − 1}
     * (W = {@link #wordsPerRow()}), bit {@code j mod 64} of word {@code j / 64} set when i → j.
     */
    public long[] crossbar()
    {
        final int w = wordsPerRow();
        final long[] bits = new long[Math.multiplyExact(n, w)];
        for (int i = 0; i < n; i++)
        {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                final int j = cols[k];
                bits[i * w + (j >>> 6)] |= 1L << j;
            }
        }
        return bits;
    }
}
