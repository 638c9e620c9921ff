package org.scfabric.net;

import java.util.List;

/**
 * Shape inference for {@link Network.Builder#build()}: in evaluation order, a node's input shape is the one
 * its parameters declare (an Input's shape, a weight's columns, a convolution's input_shape, a Flatten's
 * input_type) or else its first forward edge's source's output; then every edge is checked to carry as many
 * values as its target takes (row-major, so a (16, 4, 4) output may feed an Affine of 256 columns).
 */
final class Shapes
{
    private Shapes()
    {
    }

    static void infer(final List<Node> list, final List<Edge> edges, final int[] src, final int[] dst,
        final boolean[] back, final int[] order)
    {
        final int n = list.size();
        final Shape[] in = new Shape[n];
        final Shape[] out = new Shape[n];
        final int[] firstForward = new int[n];
        java.util.Arrays.fill(firstForward, -1);
        for (int e = 0; e < src.length; e++)
        {
            if (!back[e] && firstForward[dst[e]] < 0)
            {
                firstForward[dst[e]] = e;
            }
        }
        for (final int v : order)
        {
            final Node node = list.get(v);
            Shape i = declaredIn(node);
            if (i == null && firstForward[v] >= 0)
            {
                i = out[src[firstForward[v]]];
            }
            if (i == null)
            {
                i = fromParams(node);
            }
            if (i == null)
            {
                throw new NetworkException("node " + node.name() + " (" + node.kind().nirType()
                    + "): cannot tell the shape of its input (no forward incoming edge and no shape parameter)");
            }
            in[v] = i;
            out[v] = output(node, i);
        }
        for (int e = 0; e < src.length; e++)
        {
            final Shape given = out[src[e]];
            final Shape taken = in[dst[e]];
            if (given.size() != taken.size())
            {
                throw new NetworkException("edge " + edges.get(e) + ": shapes do not match, " + edges.get(e).source()
                    + " gives " + given + " (" + given.size() + " values) but " + edges.get(e).target() + " takes "
                    + taken + " (" + taken.size() + " values)");
            }
        }
        for (int v = 0; v < n; v++)
        {
            list.set(v, list.get(v).withShapes(in[v], out[v]));
        }
    }

    /** The input shape a node's own parameters fix, or null if it takes its predecessor's. */
    private static Shape declaredIn(final Node node)
    {
        switch (node.kind())
        {
            case INPUT:
                if (!node.has("shape"))
                {
                    throw new NetworkException("node " + node.name() + " (Input) has no shape");
                }
                return Shape.of(node.param("shape").ints("node " + node.name() + " shape"));
            case OUTPUT:
                return node.has("shape") ? Shape.of(node.param("shape").ints("node " + node.name() + " shape")) : null;
            case AFFINE:
            case LINEAR:
            {
                final Shape w = weight(node, 2);
                return Shape.of(w.dim(1));
            }
            case CONV1D:
            {
                final Shape w = weight(node, 3);
                if (!node.has("input_shape"))
                {
                    return null;
                }
                final int[] l = node.param("input_shape").ints("node " + node.name() + " input_shape");
                return Shape.of(w.dim(1) * groups(node), l[l.length - 1]);
            }
            case CONV2D:
            {
                final Shape w = weight(node, 4);
                if (!node.has("input_shape"))
                {
                    return null;
                }
                final int[] hw = node.param("input_shape").ints("node " + node.name() + " input_shape");
                if (hw.length != 2)
                {
                    throw new NetworkException("node " + node.name() + " (Conv2d): input_shape must be (H, W), got "
                        + node.param("input_shape").shape());
                }
                return Shape.of(w.dim(1) * groups(node), hw[0], hw[1]);
            }
            case CSR_LINEAR:
                return Shape.of(csrShape(node)[1]);
            case FLATTEN:
                return node.has("input_type")
                    ? Shape.of(node.param("input_type").ints("node " + node.name() + " input_type")) : null;
            default:
                return null;
        }
    }

    /** A neuron population or elementwise operator with no incoming edge: the shape of its largest parameter. */
    private static Shape fromParams(final Node node)
    {
        if (node.kind().role() == Kind.Role.OPERATOR || node.kind().role() == Kind.Role.PORT)
        {
            return node.kind() == Kind.SCALE || node.kind() == Kind.THRESHOLD ? largest(node) : null;
        }
        return largest(node);
    }

    private static Shape largest(final Node node)
    {
        Shape best = null;
        for (final Tensor t : node.params().values())
        {
            if (best == null || t.size() > best.size())
            {
                best = t.shape();
            }
        }
        return best == null || best.size() == 0 ? null : best.rank() == 0 ? Shape.of(1) : best;
    }

    private static Shape output(final Node node, final Shape in)
    {
        final String name = node.name();
        switch (node.kind())
        {
            case AFFINE:
            {
                final Shape w = node.param("weight").shape();
                node.perElement("bias", w.dim(0));
                return Shape.of(w.dim(0));
            }
            case LINEAR:
                return Shape.of(node.param("weight").shape().dim(0));
            case CSR_LINEAR:
                return Shape.of(checkCsr(node));
            case CONV1D:
            {
                final Shape w = node.param("weight").shape();
                final int g = groups(node);
                checkChannels(node, in, 2, w.dim(1) * g, w.dim(0), g);
                final int s = ints(node, "stride", 1, 1)[0];
                final int p = ints(node, "padding", 1, 0)[0];
                final int d = ints(node, "dilation", 1, 1)[0];
                if (node.has("bias"))
                {
                    node.perElement("bias", w.dim(0));
                }
                return Shape.of(w.dim(0), extent(name, in.dim(1), w.dim(2), s, p, d));
            }
            case CONV2D:
            {
                final Shape w = node.param("weight").shape();
                final int g = groups(node);
                checkChannels(node, in, 3, w.dim(1) * g, w.dim(0), g);
                final int[] s = ints(node, "stride", 2, 1);
                final int[] p = ints(node, "padding", 2, 0);
                final int[] d = ints(node, "dilation", 2, 1);
                if (node.has("bias"))
                {
                    node.perElement("bias", w.dim(0));
                }
                return Shape.of(w.dim(0), extent(name, in.dim(1), w.dim(2), s[0], p[0], d[0]),
                    extent(name, in.dim(2), w.dim(3), s[1], p[1], d[1]));
            }
            case SUM_POOL_2D:
            case AVG_POOL_2D:
            {
                if (in.rank() != 3)
                {
                    throw new NetworkException("node " + name + " (" + node.kind().nirType()
                        + ") takes (C, H, W), its input is " + in);
                }
                final int[] k = ints(node, "kernel_size", 2, 1);
                final int[] s = node.has("stride") ? ints(node, "stride", 2, 1) : k;
                final int[] p = ints(node, "padding", 2, 0);
                return Shape.of(in.dim(0), extent(name, in.dim(1), k[0], s[0], p[0], 1),
                    extent(name, in.dim(2), k[1], s[1], p[1], 1));
            }
            case FLATTEN:
                return flatten(node, in);
            case SCALE:
                node.perElement("scale", in.size());
                return in;
            case THRESHOLD:
                node.perElement("threshold", in.size());
                return in;
            case DELAY:
                node.perElement("delay", in.size());
                return in;
            case INPUT:
            case OUTPUT:
                return in;
            default:
                // neuron populations: every parameter is per neuron (or one value for all)
                for (final String p : node.params().keySet())
                {
                    node.perElement(p, in.size());
                }
                return in;
        }
    }

    /** A {@link Kind#CSR_LINEAR}'s (out, in). */
    static int[] csrShape(final Node node)
    {
        final int[] s = node.param("shape").ints("node " + node.name() + " shape");
        if (s.length != 2 || s[0] < 1 || s[1] < 1)
        {
            throw new NetworkException("node " + node.name() + " (Linear, csr): shape must be (out, in) >= 1, got "
                + java.util.Arrays.toString(s));
        }
        return s;
    }

    /**
     * Checks a sparse Linear's arrays (indptr from 0, non-decreasing, ending at the number of indices; indices
     * inside the outputs and ascending within an input; data one per synapse or one per input) and returns its
     * output size.
     */
    private static int checkCsr(final Node node)
    {
        final String name = "node " + node.name() + " (Linear, csr)";
        final int[] shape = csrShape(node);
        final Tensor ptr = node.param("indptr");
        final Tensor idx = node.param("indices");
        final int nnz = idx.size();
        if (ptr.size() != shape[1] + 1 || ptr.get(0) != 0 || ptr.get(shape[1]) != nnz)
        {
            throw new NetworkException(name + ": indptr must have in + 1 = " + (shape[1] + 1) + " values from 0 to the "
                + nnz + " indices, it has " + ptr.size());
        }
        for (int j = 0; j < shape[1]; j++)
        {
            final double a = ptr.get(j);
            final double b = ptr.get(j + 1);
            if (!(b >= a) || b != Math.rint(b))
            {
                throw new NetworkException(name + ": indptr must be whole and non-decreasing (input " + j + ")");
            }
            for (int e = (int)a; e < (int)b; e++)
            {
                final double t = idx.get(e);
                if (!(t >= 0 && t < shape[0]) || t != Math.rint(t) || e > a && !(t > idx.get(e - 1)))
                {
                    throw new NetworkException(name + ": indices of input " + j + " must be outputs 0.." + (shape[0] - 1)
                        + ", ascending; got " + t);
                }
            }
        }
        final int d = node.param("data").size();
        if (d != nnz && d != shape[1])
        {
            throw new NetworkException(name + ": data has " + d + " values; give one per synapse (" + nnz
                + ") or one per input (" + shape[1] + ")");
        }
        return shape[0];
    }

    private static Shape flatten(final Node node, final Shape in)
    {
        final int rank = in.rank();
        int start = node.has("start_dim") ? node.param("start_dim").ints("start_dim")[0] : 0;
        int end = node.has("end_dim") ? node.param("end_dim").ints("end_dim")[0] : -1;
        start = start < 0 ? start + rank : start;
        end = end < 0 ? end + rank : end;
        if (rank == 0)
        {
            return Shape.of(1);
        }
        if (start < 0 || end >= rank || start > end)
        {
            throw new NetworkException("node " + node.name() + " (Flatten): start_dim/end_dim do not fit its input "
                + in);
        }
        final int[] d = in.dims();
        final int[] r = new int[rank - (end - start)];
        int k = 0;
        for (int i = 0; i < start; i++)
        {
            r[k++] = d[i];
        }
        int prod = 1;
        for (int i = start; i <= end; i++)
        {
            prod *= d[i];
        }
        r[k++] = prod;
        for (int i = end + 1; i < rank; i++)
        {
            r[k++] = d[i];
        }
        return Shape.of(r);
    }

    private static Shape weight(final Node node, final int rank)
    {
        final Shape w = node.param("weight").shape();
        if (w.rank() != rank)
        {
            throw new NetworkException("node " + node.name() + " (" + node.kind().nirType() + "): weight must have "
                + rank + " dimensions, it is " + w);
        }
        return w;
    }

    static int groups(final Node node)
    {
        final int g = node.has("groups") ? node.param("groups").ints("node " + node.name() + " groups")[0] : 1;
        if (g < 1)
        {
            throw new NetworkException("node " + node.name() + ": groups must be at least 1, got " + g);
        }
        return g;
    }

    private static void checkChannels(final Node node, final Shape in, final int rank, final int cin, final int cout,
        final int g)
    {
        if (in.rank() != rank || in.dim(0) != cin)
        {
            throw new NetworkException("node " + node.name() + " (" + node.kind().nirType() + ") takes " + cin
                + " channels in " + rank + " dimensions, its input is " + in);
        }
        if (cout % g != 0)
        {
            throw new NetworkException("node " + node.name() + ": " + cout + " output channels do not split into "
                + g + " groups");
        }
    }

    /** A parameter of {@code n} whole numbers (one value is repeated), or {@code dflt} when absent. */
    static int[] ints(final Node node, final String param, final int n, final int dflt)
    {
        final int[] r = new int[n];
        if (!node.has(param))
        {
            java.util.Arrays.fill(r, dflt);
            return r;
        }
        final int[] v = node.param(param).ints("node " + node.name() + " " + param);
        if (v.length == 1)
        {
            java.util.Arrays.fill(r, v[0]);
            return r;
        }
        if (v.length != n)
        {
            throw new NetworkException("node " + node.name() + " " + param + " needs 1 or " + n + " values, got "
                + v.length);
        }
        return v;
    }

    /** PyTorch's output length: floor((L + 2p - d(k-1) - 1) / s) + 1. */
    static int extent(final String name, final int len, final int k, final int s, final int p, final int d)
    {
        if (s < 1 || p < 0 || d < 1 || k < 1)
        {
            throw new NetworkException("node " + name + ": kernel " + k + ", stride " + s + ", padding " + p
                + ", dilation " + d + " (stride, dilation, kernel >= 1, padding >= 0)");
        }
        final int r = Math.floorDiv(len + 2 * p - d * (k - 1) - 1, s) + 1;
        if (r < 1)
        {
            throw new NetworkException("node " + name + ": kernel " + k + " does not fit an input of length " + len);
        }
        return r;
    }
}
