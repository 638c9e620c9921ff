package org.scfabric.net.ref;

import org.scfabric.net.Node;

/**
 * Linear stored sparse: y_i = sum over inputs j ascending of W_ij x_j from 0.0, by scattering each input's
 * column (its targets are ascending, so every y_i takes its terms in increasing j as Linear does). Zero
 * inputs are skipped when the weights are finite (as {@link Ops.Dense}).
 */
final class CsrLinear implements Float64Engine.Op
{
    private final int[] ptr;
    private final int[] idx;
    private final double[] w;
    private final boolean perInput;
    private final boolean skipZeros;
    /** Per part p of the targets (see {@link #prepare}): row j's synapses onto it are cut[p][j] to cut[p + 1][j]. */
    private int[][] cut;
    private int parts;
    /** The ranged step's input lists: per part, {@code ring} slots of up to width[p] (j, x_j) entries. */
    private int delay;
    private int ring;
    private int[] width;
    private int[][] listJ;
    private double[][] listX;
    private int[][] count;
    /**
     * The ranged scatter's targets as steps: step[e] = idx[e] - idx[e - 1] within a row, one byte each (a
     * quarter of the bytes to stream per effect), and each part's first target of each row; null when a row
     * steps by more than 255 or the weights are per synapse.
     */
    private byte[] step;
    private int[][] first;

    CsrLinear(final Node node)
    {
        ptr = ints(node.param("indptr"));
        idx = ints(node.param("indices"));
        w = node.param("data").data();
        perInput = w.length != idx.length; // equal lengths: one weight per synapse
        skipZeros = Ops.allFinite(w);
    }

    static int[] ints(final org.scfabric.net.Tensor t)
    {
        final int[] r = new int[t.size()];
        for (int i = 0; i < r.length; i++)
        {
            r[i] = (int)t.get(i);
        }
        return r;
    }

    boolean skipsZeros()
    {
        return skipZeros;
    }

    /**
     * Readies the ranged step ({@link Float64Engine}'s stepPart): the targets split into {@code parts} ranges
     * ({@link Float64Engine#lo}; each row's targets are ascending, so a row's synapses onto one range are a run
     * of it), and a history of the input lists of {@code delay} + 2 steps (the output of step t is the sums over
     * the input of step t - delay; one step more, so that a part may record step t + 1 while others still
     * scatter step t).
     */
    void prepare(final int parts, final int outputs, final int delay)
    {
        final int rows = ptr.length - 1;
        this.parts = parts;
        this.delay = delay;
        ring = delay + 2;
        cut = new int[parts + 1][rows];
        for (int p = 0; p <= parts; p++)
        {
            final int bound = Float64Engine.lo(outputs, p, parts);
            for (int j = 0; j < rows; j++)
            {
                int a = ptr[j];
                int b = ptr[j + 1];
                while (a < b) // the first synapse of the row with a target >= bound
                {
                    final int m = (a + b) >>> 1;
                    if (idx[m] < bound)
                    {
                        a = m + 1;
                    }
                    else
                    {
                        b = m;
                    }
                }
                cut[p][j] = a;
            }
        }
        step = perInput ? steps(ptr, idx) : null;
        if (step != null)
        {
            first = new int[parts][rows];
            for (int p = 0; p < parts; p++)
            {
                for (int j = 0; j < rows; j++)
                {
                    first[p][j] = cut[p][j] < cut[p + 1][j] ? idx[cut[p][j]] : 0;
                }
            }
        }
        width = new int[parts];
        listJ = new int[parts][];
        listX = new double[parts][];
        count = new int[parts][ring];
        for (int p = 0; p < parts; p++)
        {
            width[p] = Float64Engine.lo(rows, p + 1, parts) - Float64Engine.lo(rows, p, parts);
            listJ[p] = new int[ring * width[p]];
            listX[p] = new double[ring * width[p]];
        }
    }

    /**
     * Reads the input lists {@code other} records (same source, same delay, same part count) instead of recording
     * its own: two projections of one population scan its spikes once.
     */
    void readListsOf(final CsrLinear other)
    {
        if (other.ring != ring || other.parts != parts || !java.util.Arrays.equals(other.width, width))
        {
            throw new IllegalArgumentException("lists of another shape");
        }
        listJ = other.listJ;
        listX = other.listX;
        count = other.count;
    }

    /** Whether the ranged scatter reads byte steps between targets (after {@link #prepare}). */
    boolean scattersByByteSteps()
    {
        return step != null;
    }

    /** The steps between a row's ascending targets as unsigned bytes, or null if one is above 255. */
    private static byte[] steps(final int[] ptr, final int[] idx)
    {
        final byte[] d = new byte[idx.length];
        for (int j = 0; j + 1 < ptr.length; j++)
        {
            for (int e = ptr[j] + 1; e < ptr[j + 1]; e++)
            {
                final int gap = idx[e] - idx[e - 1];
                if (gap > 255)
                {
                    return null;
                }
                d[e] = (byte) gap;
            }
        }
        return d;
    }

    /** Part p's inputs a to b - 1 of step t, as the list the scatter visits: ascending, zeros skipped if finite. */
    void record(final double[] x, final int a, final int b, final int p, final int t)
    {
        final int slot = t % ring;
        final int[] js = listJ[p];
        final double[] xs = listX[p];
        int c = slot * width[p];
        final int base = c;
        if (skipZeros)
        {
            for (int j = SparseScan.next(x, a, b); j < b; j = SparseScan.next(x, j + 1, b))
            {
                js[c] = j;
                xs[c++] = x[j];
            }
        }
        else
        {
            for (int j = a; j < b; j++)
            {
                js[c] = j;
                xs[c++] = x[j];
            }
        }
        count[p][slot] = c - base;
    }

    /**
     * Part p's targets of step t's output: the sums over the recorded inputs of step t - delay, every part's list
     * in part order, so each target takes its terms in increasing j as {@link #step} does, to the bit (zeros
     * before step delay, as the sums over the Delay's zeros).
     */
    void scatter(final double[] y, final int p, final int t)
    {
        java.util.Arrays.fill(y, Float64Engine.lo(y.length, p, parts), Float64Engine.lo(y.length, p + 1, parts), 0.0);
        if (t < delay)
        {
            return;
        }
        final int slot = (t - delay) % ring;
        final int[] from = cut[p];
        final int[] to = cut[p + 1];
        final int[] idx = this.idx;
        final double[] w = this.w;
        for (int q = 0; q < parts; q++)
        {
            final int[] js = listJ[q];
            final double[] xs = listX[q];
            final int start = slot * width[q];
            if (step != null)
            {
                scatterSteps(y, js, xs, start, start + count[q][slot], from, to, first[p]);
                continue;
            }
            for (int c = start, end = c + count[q][slot]; c < end; c++)
            {
                final int j = js[c];
                final double xj = xs[c];
                if (perInput)
                {
                    final double wx = w[j] * xj;
                    for (int e = from[j], stop = to[j]; e < stop; e++)
                    {
                        y[idx[e]] += wx;
                    }
                }
                else
                {
                    for (int e = from[j], stop = to[j]; e < stop; e++)
                    {
                        y[idx[e]] += w[e] * xj;
                    }
                }
            }
        }
    }

    /** {@link #scatter}'s loop on one weight per input and byte steps between targets. */
    private void scatterSteps(final double[] y, final int[] js, final double[] xs, final int start, final int end,
        final int[] from, final int[] to, final int[] first)
    {
        final byte[] d = step;
        final double[] w = this.w;
        for (int c = start; c < end; c++)
        {
            final int j = js[c];
            int e = from[j];
            final int stop = to[j];
            if (e < stop)
            {
                final double wx = w[j] * xs[c];
                int i = first[j];
                y[i] += wx;
                for (e++; e < stop; e++)
                {
                    i += d[e] & 0xff;
                    y[i] += wx;
                }
            }
        }
    }

    @Override
    public int step(final double[] x, final double[] y)
    {
        java.util.Arrays.fill(y, 0.0);
        final int[] ptr = this.ptr;
        final int[] idx = this.idx;
        final double[] w = this.w;
        for (int j = 0; j + 1 < ptr.length; j++)
        {
            final double xj = x[j];
            if (skipZeros && xj == 0.0)
            {
                continue;
            }
            if (perInput)
            {
                final double wx = w[j] * xj;
                for (int e = ptr[j], end = ptr[j + 1]; e < end; e++)
                {
                    y[idx[e]] += wx;
                }
            }
            else
            {
                for (int e = ptr[j], end = ptr[j + 1]; e < end; e++)
                {
                    y[idx[e]] += w[e] * xj;
                }
            }
        }
        return 0;
    }
}
