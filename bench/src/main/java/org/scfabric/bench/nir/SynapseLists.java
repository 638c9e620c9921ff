package org.scfabric.bench.nir;

import org.scfabric.net.Node;

/**
 * The synapses of a weighted node as (output, input, weight index) triples, three equal-length arrays: the order
 * and the weight indices by which the SC back end ({@code nir --arith sc}) and its fabric twin number the weight
 * streams, so both read them from one place.
 */
public final class SynapseLists
{
    private SynapseLists()
    {
    }

    /** A Linear/Affine node: weight (i, j) is index i·cols + j. */
    public static int[][] dense(final Node node)
    {
        final int rows = node.param("weight").shape().dim(0);
        final int cols = node.param("weight").shape().dim(1);
        final int[][] s = new int[3][rows * cols];
        for (int i = 0, k = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++, k++)
            {
                s[0][k] = i;
                s[1][k] = j;
                s[2][k] = k;
            }
        }
        return s;
    }

    /**
     * A csr Linear: row j of the CSR lists input j's targets; the weight is input j's (one per input, as the Brunel
     * export's axons) or the synapse's own.
     */
    public static int[][] csr(final Node node)
    {
        final double[] ptr = node.param("indptr").data();
        final double[] idx = node.param("indices").data();
        final boolean perInput = node.param("data").data().length != idx.length;
        final int[][] s = new int[3][idx.length];
        for (int j = 0; j + 1 < ptr.length; j++)
        {
            for (int e = (int)ptr[j], end = (int)ptr[j + 1]; e < end; e++)
            {
                s[0][e] = (int)idx[e];
                s[1][e] = j;
                s[2][e] = perInput ? j : e;
            }
        }
        return s;
    }

    /**
     * A Conv1d (height 1) or Conv2d node, PyTorch's cross-correlation with stride, padding, dilation and groups:
     * output by output, input channel, kernel row and column; weight (co, ci, ky, kx) is index co·kernel + (ci·kh + ky)·kw + kx.
     */
    public static int[][] conv(final Node node)
    {
        final ConvShape c = ConvShape.of(node);
        final int h = c.h();
        final int wd = c.wd();
        final int cout = c.cout();
        final int oh = c.oh();
        final int ow = c.ow();
        final int cinPerGroup = c.cinPerGroup();
        final int coutPerGroup = c.coutPerGroup();
        final int kh = c.kh();
        final int kw = c.kw();
        final int[] st = c.stride();
        final int[] p = c.padding();
        final int[] d = c.dilation();
        final int kernel = cinPerGroup * kh * kw;
        int count = 0;
        int[][] s = new int[3][64];
        for (int co = 0; co < cout; co++)
        {
            final int c0 = (co / coutPerGroup) * cinPerGroup;
            for (int oy = 0; oy < oh; oy++)
            {
                for (int ox = 0; ox < ow; ox++)
                {
                    for (int ci = 0; ci < cinPerGroup; ci++)
                    {
                        for (int ky = 0; ky < kh; ky++)
                        {
                            final int iy = oy * st[0] - p[0] + ky * d[0];
                            for (int kx = 0; kx < kw && iy >= 0 && iy < h; kx++)
                            {
                                final int ix = ox * st[1] - p[1] + kx * d[1];
                                if (ix >= 0 && ix < wd)
                                {
                                    if (count == s[0].length)
                                    {
                                        for (int a = 0; a < 3; a++)
                                        {
                                            s[a] = java.util.Arrays.copyOf(s[a], 2 * count);
                                        }
                                    }
                                    s[0][count] = (co * oh + oy) * ow + ox;
                                    s[1][count] = ((c0 + ci) * h + iy) * wd + ix;
                                    s[2][count] = co * kernel + (ci * kh + ky) * kw + kx;
                                    count++;
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int a = 0; a < 3; a++)
        {
            s[a] = java.util.Arrays.copyOf(s[a], count);
        }
        return s;
    }
}
