package org.scfabric.net;

/** Figures of a network for {@code nir --info} and reports: parameters, neurons, synapses per node. */
public final class NetworkStats
{
    private NetworkStats()
    {
    }

    /** Number of parameter values a node holds (every tensor's size, shapes and strides included). */
    public static long parameters(final Node node)
    {
        long n = 0;
        for (final Tensor t : node.params().values())
        {
            n += t.size();
        }
        return n;
    }

    /**
     * Synapses a node realises: the non-zero weights of a Linear/Affine, and for a convolution every
     * (output position, kernel tap) pair whose weight is non-zero and whose input position is inside the
     * input (padding connects to nothing). 0 for nodes without weights.
     */
    public static long synapses(final Node node)
    {
        switch (node.kind())
        {
            case LINEAR:
            case AFFINE:
            {
                final Tensor w = node.param("weight");
                long n = 0;
                for (int i = 0; i < w.size(); i++)
                {
                    n += w.get(i) != 0.0 ? 1 : 0;
                }
                return n;
            }
            case CSR_LINEAR:
            {
                final Tensor d = node.param("data");
                final Tensor ptr = node.param("indptr");
                final int nnz = node.param("indices").size();
                long n = 0;
                if (d.size() == nnz)
                {
                    for (int e = 0; e < nnz; e++)
                    {
                        n += d.get(e) != 0.0 ? 1 : 0;
                    }
                    return n;
                }
                for (int j = 0; j + 1 < ptr.size(); j++)
                {
                    n += d.get(j) != 0.0 ? (long)(ptr.get(j + 1) - ptr.get(j)) : 0;
                }
                return n;
            }
            case CONV1D:
            case CONV2D:
                return convSynapses(node);
            default:
                return 0;
        }
    }

    private static long convSynapses(final Node node)
    {
        final Tensor w = node.param("weight");
        final Shape ws = w.shape();
        final boolean one = ws.rank() == 3;
        final Shape in = node.inShape();
        final Shape out = node.outShape();
        final int h = one ? 1 : in.dim(1);
        final int wd = in.dim(in.rank() - 1);
        final int oh = one ? 1 : out.dim(1);
        final int ow = out.dim(out.rank() - 1);
        final int kh = one ? 1 : ws.dim(2);
        final int kw = ws.dim(ws.rank() - 1);
        final int rank = one ? 1 : 2;
        final int[] s = Shapes.ints(node, "stride", rank, 1);
        final int[] p = Shapes.ints(node, "padding", rank, 0);
        final int[] d = Shapes.ints(node, "dilation", rank, 1);
        final int sh = one ? 1 : s[0];
        final int sw = s[rank - 1];
        final int ph = one ? 0 : p[0];
        final int pw = p[rank - 1];
        final int dh = one ? 1 : d[0];
        final int dw = d[rank - 1];
        // taps inside the input for each output row / column, then weight the count by non-zero weights
        long total = 0;
        final int cout = ws.dim(0);
        final int cinPerGroup = ws.dim(1);
        for (int co = 0; co < cout; co++)
        {
            for (int ci = 0; ci < cinPerGroup; ci++)
            {
                for (int ky = 0; ky < kh; ky++)
                {
                    for (int kx = 0; kx < kw; kx++)
                    {
                        if (w.get(((co * cinPerGroup + ci) * kh + ky) * kw + kx) == 0.0)
                        {
                            continue;
                        }
                        total += (long) inside(oh, sh, ph, ky * dh, h) * inside(ow, sw, pw, kx * dw, wd);
                    }
                }
            }
        }
        return total;
    }

    /** Output positions o in [0, outLen) whose tap o*s - p + offset falls inside [0, len). */
    private static int inside(final int outLen, final int s, final int p, final int offset, final int len)
    {
        int n = 0;
        for (int o = 0; o < outLen; o++)
        {
            final int i = o * s - p + offset;
            n += i >= 0 && i < len ? 1 : 0;
        }
        return n;
    }
}
