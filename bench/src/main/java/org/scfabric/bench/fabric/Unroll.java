package org.scfabric.bench.fabric;

import java.util.Arrays;
import java.util.List;

import org.scfabric.bench.nir.ConvShape;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;

/**
 * Unrolls one path (source → stateless nodes → population, see {@link NirMapping}) into synapses: each
 * source element is pushed through the path as a sparse vector of (element, offset, coefficient) —
 * a pool adds its cells, a delay or a back edge adds steps, the weighted node multiplies by its
 * quantised weights — and the result, merged per (target, offset), is the source's fan-out.
 */
final class Unroll
{
    private Unroll()
    {
    }

    /** A growable sparse vector of (index, offset, coefficient), nothing boxed. */
    private static final class Vec
    {
        int[] idx = new int[16];
        int[] off = new int[16];
        long[] coef = new long[16];
        int size;

        void add(final int i, final int o, final long c)
        {
            if (size == idx.length)
            {
                idx = Arrays.copyOf(idx, 2 * size);
                off = Arrays.copyOf(off, 2 * size);
                coef = Arrays.copyOf(coef, 2 * size);
            }
            idx[size] = i;
            off[size] = o;
            coef[size++] = c;
        }

        void clear()
        {
            size = 0;
        }
    }

    /** A node's linear map on elements: per input element, its (output element, factor) pairs. */
    private static final class Map
    {
        final int[] start;
        final int[] out;
        final long[] factor;

        Map(final int[] start, final int[] out, final long[] factor)
        {
            this.start = start;
            this.out = out;
            this.factor = factor;
        }
    }

    static void path(final Network net, final double dt, final int source, final List<Integer> nodes,
        final List<Boolean> back, final int weighted, final FixedFormat fmt, final int one, final Node target, final int targetBase,
        final int group, final int groups, final int srcBase, final NirMapping.Synapses syn, final int[] bias,
        final int[] biasFrom)
    {
        final int m = nodes.size();
        final Map[] maps = new Map[m];
        final int[][] delays = new int[m][];
        // per node: its map (pools, weighted) or delays; pools checked against saturation on spikes
        long[] maxVal = new long[net.node(source).outShape().size()];
        Arrays.fill(maxVal, one);
        final long max = (1L << (fmt.width() - 1)) - 1;
        for (int i = 0; i < m; i++)
        {
            final Node nd = net.node(nodes.get(i));
            switch (nd.kind())
            {
                case DELAY -> delays[i] = delaySteps(nd, dt);
                case SUM_POOL_2D ->
                {
                    maps[i] = pool(nd);
                    final long[] nv = new long[nd.outShape().size()];
                    for (int j = 0; j < maxVal.length; j++)
                    {
                        for (int q = maps[i].start[j]; q < maps[i].start[j + 1]; q++)
                        {
                            nv[maps[i].out[q]] += maxVal[j];
                        }
                    }
                    for (int q = 0; q < nv.length; q++)
                    {
                        if (nv[q] > max)
                        {
                            throw new NetworkException("not mappable onto the fabric: SumPool2d " + nd.name()
                                + " can saturate (cell " + q + " may sum to " + fmt.value((int)Math.min(nv[q],
                                    Integer.MAX_VALUE)) + "), so it cannot be folded into the weights");
                        }
                    }
                    maxVal = nv;
                }
                case LINEAR, AFFINE -> maps[i] = dense(nd, fmt);
                case CSR_LINEAR -> maps[i] = nodes.get(i) == weighted ? csr(nd, fmt) : selection(nd);
                case SCALE -> maps[i] = scale(nd, fmt);
                case CONV1D, CONV2D -> maps[i] = conv(nd, fmt);
                default ->
                {
                }
            }
        }
        // the weighted node's bias and the steps between it and the population
        final int tsize = target.outShape().size();
        final int[] postOff = new int[tsize];
        int wpos = -1;
        for (int i = 0; i < m; i++)
        {
            if (nodes.get(i) == weighted)
            {
                wpos = i;
            }
        }
        if (wpos >= 0)
        {
            for (int i = wpos + 1; i < m; i++)
            {
                if (back.get(i))
                {
                    add(postOff, 1);
                }
                if (delays[i] != null)
                {
                    for (int e = 0; e < tsize; e++)
                    {
                        postOff[e] += delays[i][e];
                    }
                }
            }
            if (back.get(m))
            {
                add(postOff, 1);
            }
            final int[] b = biasOf(net.node(weighted), fmt);
            if (b != null)
            {
                for (int e = 0; e < tsize; e++)
                {
                    bias[(targetBase + e) * groups + group] = b[e];
                    biasFrom[(targetBase + e) * groups + group] = postOff[e];
                }
            }
        }
        // every source element through the path
        Vec cur = new Vec();
        Vec nxt = new Vec();
        final int ssize = net.node(source).outShape().size();
        for (int k = 0; k < ssize; k++)
        {
            cur.clear();
            cur.add(k, 0, 1);
            for (int i = 0; i < m; i++)
            {
                if (back.get(i))
                {
                    shift(cur, 1, null);
                }
                if (delays[i] != null)
                {
                    shift(cur, 0, delays[i]);
                }
                else if (maps[i] != null)
                {
                    nxt.clear();
                    final Map mp = maps[i];
                    for (int q = 0; q < cur.size; q++)
                    {
                        for (int r = mp.start[cur.idx[q]]; r < mp.start[cur.idx[q] + 1]; r++)
                        {
                            nxt.add(mp.out[r], cur.off[q], cur.coef[q] * mp.factor[r]);
                        }
                    }
                    final Vec t = cur;
                    cur = nxt;
                    nxt = t;
                }
            }
            if (back.get(m))
            {
                shift(cur, 1, null);
            }
            emit(cur, weighted >= 0 ? 1 : one, srcBase + k, targetBase, group, groups, syn);
        }
    }

    private static void add(final int[] a, final int d)
    {
        for (int i = 0; i < a.length; i++)
        {
            a[i] += d;
        }
    }

    private static void shift(final Vec v, final int d, final int[] perElement)
    {
        for (int q = 0; q < v.size; q++)
        {
            v.off[q] += perElement == null ? d : perElement[v.idx[q]];
        }
    }

    /**
     * Merges equal (target, offset) entries and adds the non-zero ones as synapses, in (target, offset)
     * order: the entries are sorted as packed keys (target 21 bits, offset 21 bits, entry 21 bits), no boxing.
     */
    private static void emit(final Vec v, final long scale, final int src, final int targetBase, final int group,
        final int groups, final NirMapping.Synapses syn)
    {
        if (v.size >= 1 << 21)
        {
            throw new NetworkException("not mappable onto the fabric: source " + src + " reaches " + v.size
                + " synapse terms (at most 2^21 per source)");
        }
        final long[] keys = new long[v.size];
        for (int q = 0; q < v.size; q++)
        {
            if (v.off[q] >= 1 << 21)
            {
                throw new NetworkException("not mappable onto the fabric: a delay of " + v.off[q] + " steps");
            }
            keys[q] = (long)v.idx[q] << 42 | (long)v.off[q] << 21 | q;
        }
        java.util.Arrays.sort(keys);
        final long mask = (1L << 21) - 1;
        int q = 0;
        while (q < keys.length)
        {
            final long head = keys[q] >>> 21;
            long w = 0;
            while (q < keys.length && keys[q] >>> 21 == head)
            {
                w = Math.addExact(w, v.coef[(int)(keys[q] & mask)]);
                q++;
            }
            syn.add(src, targetBase + (int)(head >>> 21), (int)(head & mask), group, groups, Math.multiplyExact(w, scale));
        }
    }

    static int[] delaySteps(final Node node, final double dt)
    {
        final double[] d = node.perElement("delay", node.inShape().size());
        final int[] s = new int[d.length];
        for (int i = 0; i < d.length; i++)
        {
            final long r = Math.round(d[i] / dt);
            if (r < 0 || r > 1_000_000)
            {
                throw new NetworkException("node " + node.name() + ": delay " + d[i] + " s is " + r + " steps of " + dt
                    + " s (0 to 1 000 000 steps are accepted)");
            }
            s[i] = (int)r;
        }
        return s;
    }

    private static int[] quantised(final Node node, final String p, final FixedFormat fmt, final int n)
    {
        final double[] x = n < 0 ? node.param(p).data() : node.perElement(p, n);
        final int[] q = new int[x.length];
        for (int i = 0; i < x.length; i++)
        {
            q[i] = fmt.quantise(x[i]);
        }
        return q;
    }

    /** Per output element, the weighted node's bias (null: none). */
    static int[] biasOf(final Node node, final FixedFormat fmt)
    {
        final int size = node.outShape().size();
        if (node.kind() == Kind.AFFINE)
        {
            return quantised(node, "bias", fmt, size);
        }
        if ((node.kind() == Kind.CONV1D || node.kind() == Kind.CONV2D) && node.has("bias"))
        {
            final int cout = node.outShape().dim(0);
            final int[] b = quantised(node, "bias", fmt, cout);
            final int plane = size / cout;
            final int[] r = new int[size];
            for (int i = 0; i < size; i++)
            {
                r[i] = b[i / plane];
            }
            return r;
        }
        return null;
    }

    /**
     * Whether a csr Linear only selects: every weight exactly 1.0, each input at most one output, no output twice
     * (Brian2's embedding of a subgroup's PoissonInput). After a weighted node it passes the values on unchanged,
     * saturation included, so the path stays one weighted node.
     */
    static boolean isSelection(final Node node)
    {
        if (node.kind() != Kind.CSR_LINEAR)
        {
            return false;
        }
        final double[] ptr = node.param("indptr").data();
        final double[] idx = node.param("indices").data();
        final double[] w = node.param("data").data();
        final boolean[] hit = new boolean[node.outShape().size()];
        for (int j = 0; j + 1 < ptr.length; j++)
        {
            if (ptr[j + 1] - ptr[j] > 1)
            {
                return false;
            }
        }
        for (int s = 0; s < idx.length; s++)
        {
            final int t = (int)idx[s];
            if (w[w.length == idx.length ? s : 0] != 1.0 || hit[t])
            {
                return false;
            }
            hit[t] = true;
        }
        return true;
    }

    /** A selecting csr Linear ({@link #isSelection}): input j to its output, factor 1. */
    private static Map selection(final Node node)
    {
        final double[] ptr = node.param("indptr").data();
        final double[] idx = node.param("indices").data();
        final int[] start = new int[ptr.length];
        final int[] out = new int[idx.length];
        final long[] f = new long[idx.length];
        for (int j = 0; j + 1 < ptr.length; j++)
        {
            start[j + 1] = (int)ptr[j + 1];
        }
        for (int s = 0; s < idx.length; s++)
        {
            out[s] = (int)idx[s];
            f[s] = 1;
        }
        return new Map(start, out, f);
    }

    /** Scale: input j feeds output j with its quantised factor (zero: no synapse). */
    private static Map scale(final Node node, final FixedFormat fmt)
    {
        final int size = node.inShape().size();
        final int[] a = quantised(node, "scale", fmt, size);
        final int[] start = new int[size + 1];
        final int[] out = new int[size];
        final long[] f = new long[size];
        int e = 0;
        for (int j = 0; j < size; j++)
        {
            if (a[j] != 0)
            {
                out[e] = j;
                f[e++] = a[j];
            }
            start[j + 1] = e;
        }
        return new Map(start, Arrays.copyOf(out, e), Arrays.copyOf(f, e));
    }

    /** Linear/Affine: input j feeds every row i with W_ij ≠ 0. */
    private static Map dense(final Node node, final FixedFormat fmt)
    {
        final int[] wq = quantised(node, "weight", fmt, -1);
        final Shape ws = node.param("weight").shape();
        final int rows = ws.dim(0);
        final int cols = ws.dim(1);
        final int[] start = new int[cols + 1];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                if (wq[i * cols + j] != 0)
                {
                    start[j + 1]++;
                }
            }
        }
        for (int j = 0; j < cols; j++)
        {
            start[j + 1] += start[j];
        }
        final int[] out = new int[start[cols]];
        final long[] f = new long[start[cols]];
        final int[] fill = Arrays.copyOf(start, cols);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                final int w = wq[i * cols + j];
                if (w != 0)
                {
                    out[fill[j]] = i;
                    f[fill[j]++] = w;
                }
            }
        }
        return new Map(start, out, f);
    }

    /** scfabric's sparse Linear: input j feeds indices[indptr[j] .. indptr[j+1]), one weight per synapse or per input. */
    private static Map csr(final Node node, final FixedFormat fmt)
    {
        final double[] ptrD = node.param("indptr").data();
        final double[] idxD = node.param("indices").data();
        final int[] wq = quantised(node, "data", fmt, -1);
        final boolean perInput = wq.length != idxD.length;
        final int[] start = new int[ptrD.length];
        int e = 0;
        final int[] out = new int[idxD.length];
        final long[] f = new long[idxD.length];
        for (int j = 0; j + 1 < ptrD.length; j++)
        {
            for (int s = (int)ptrD[j]; s < (int)ptrD[j + 1]; s++)
            {
                final int w = perInput ? wq[j] : wq[s];
                if (w != 0)
                {
                    out[e] = (int)idxD[s];
                    f[e++] = w;
                }
            }
            start[j + 1] = e;
        }
        return new Map(start, Arrays.copyOf(out, e), Arrays.copyOf(f, e));
    }


    /** Conv1d (height 1) and Conv2d, PyTorch's cross-correlation: input (c, y, x) feeds the outputs whose window holds it. */
    private static Map conv(final Node node, final FixedFormat fmt)
    {
        final int[] wq = quantised(node, "weight", fmt, -1);
        final ConvShape c = ConvShape.of(node);
        final int h = c.h();
        final int wd = c.wd();
        final int cin = c.cin();
        final int oh = c.oh();
        final int ow = c.ow();
        final int cinPerGroup = c.cinPerGroup();
        final int coutPerGroup = c.coutPerGroup();
        final int kh = c.kh();
        final int kw = c.kw();
        final int[] s = c.stride();
        final int[] p = c.padding();
        final int[] d = c.dilation();
        final int n = cin * h * wd;
        final int[] start = new int[n + 1];
        int[] out = new int[1024];
        long[] f = new long[1024];
        int e = 0;
        for (int ci = 0; ci < cin; ci++)
        {
            final int g = ci / cinPerGroup;
            final int cl = ci % cinPerGroup;
            for (int iy = 0; iy < h; iy++)
            {
                for (int ix = 0; ix < wd; ix++)
                {
                    for (int co = g * coutPerGroup; co < (g + 1) * coutPerGroup; co++)
                    {
                        for (int ky = 0; ky < kh; ky++)
                        {
                            final int ny = iy + p[0] - ky * d[0];
                            if (ny < 0 || ny % s[0] != 0 || ny / s[0] >= oh)
                            {
                                continue;
                            }
                            for (int kx = 0; kx < kw; kx++)
                            {
                                final int nx = ix + p[1] - kx * d[1];
                                if (nx < 0 || nx % s[1] != 0 || nx / s[1] >= ow)
                                {
                                    continue;
                                }
                                final int w = wq[((co * cinPerGroup + cl) * kh + ky) * kw + kx];
                                if (w == 0)
                                {
                                    continue;
                                }
                                if (e == out.length)
                                {
                                    out = Arrays.copyOf(out, 2 * e);
                                    f = Arrays.copyOf(f, 2 * e);
                                }
                                out[e] = (co * oh + ny / s[0]) * ow + nx / s[1];
                                f[e++] = w;
                            }
                        }
                    }
                    start[(ci * h + iy) * wd + ix + 1] = e;
                }
            }
        }
        return new Map(start, Arrays.copyOf(out, e), Arrays.copyOf(f, e));
    }

    /** SumPool2d: input (c, y, x) adds into every cell whose window holds it (zero padding). */
    private static Map pool(final Node node)
    {
        final Shape is = node.inShape();
        final Shape os = node.outShape();
        final int c = is.dim(0);
        final int h = is.dim(1);
        final int wd = is.dim(2);
        final int oh = os.dim(1);
        final int ow = os.dim(2);
        final int[] k = two(node, "kernel_size", null);
        final int[] s = two(node, "stride", k);
        final int[] p = two(node, "padding", new int[] {0, 0});
        final int n = c * h * wd;
        final int[] start = new int[n + 1];
        int[] out = new int[256];
        int e = 0;
        for (int ch = 0; ch < c; ch++)
        {
            for (int iy = 0; iy < h; iy++)
            {
                for (int ix = 0; ix < wd; ix++)
                {
                    for (int oy = 0; oy < oh; oy++)
                    {
                        final int ky = iy - (oy * s[0] - p[0]);
                        if (ky < 0 || ky >= k[0])
                        {
                            continue;
                        }
                        for (int ox = 0; ox < ow; ox++)
                        {
                            final int kx = ix - (ox * s[1] - p[1]);
                            if (kx < 0 || kx >= k[1])
                            {
                                continue;
                            }
                            if (e == out.length)
                            {
                                out = Arrays.copyOf(out, 2 * e);
                            }
                            out[e++] = (ch * oh + oy) * ow + ox;
                        }
                    }
                    start[(ch * h + iy) * wd + ix + 1] = e;
                }
            }
        }
        final long[] f = new long[e];
        Arrays.fill(f, 1);
        return new Map(start, Arrays.copyOf(out, e), f);
    }

    private static int[] two(final Node node, final String p, final int[] dflt)
    {
        if (!node.has(p))
        {
            return dflt;
        }
        final int[] v = node.param(p).ints("node " + node.name() + " " + p);
        return v.length == 1 ? new int[] {v[0], v[0]} : v;
    }
}
