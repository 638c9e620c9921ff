package org.scfabric.bench.nir;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.hw.Bits;
import org.scfabric.hw.lif.CubaLifCore;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.ref.Float64Engine;
import org.scfabric.net.ref.Options;

/**
 * A {@link Network} in the fixed-point arithmetic of the bit-true cores (Q8.8 or Q16.12): the float64
 * reference's evaluation order and edges (see {@link Float64Engine}), every value a signed W-bit integer with F
 * fraction bits. Parameters are quantised once (nearest, saturated; the error of each is kept, see
 * {@link #quantisationErrors()}).
 *
 * <ul>
 * <li>Linear/Affine/Conv: synapse currents summed exactly in a 64-bit accumulator of W_q * x_q (2F fraction
 * bits), shifted right by F (arithmetic), plus b_q, saturated to W bits — as a wide MAC feeding a W-bit core
 * input would. Pools sum (AvgPool2d: floor division by the window), Scale is (a_q * x) &gt;&gt; F.</li>
 * <li>LI/LIF: {@link CubaLifCore#vNext} with the input as the current: v + ((v_leak - v + (I r) &gt;&gt; F) k)
 * &gt;&gt; F, k = dt/tau quantised — NIR's Euler step with one rounding per product.
 * CubaLI/CubaLIF: {@link CubaLifCore#iNext} then vNext (the core's own order).
 * I/IF: v + ((I r) &gt;&gt; F), wrapped to W bits.</li>
 * <li>A spike is v &gt; v_threshold (strict), then v = v_reset (or v - v_threshold); it is output as 1.0.</li>
 * </ul>
 * With {@code --integrator exact} the factors are 1 - exp(-dt/tau): the same circuit then realises the
 * exponential step. Flat int arrays, nothing allocated per step.
 */
public final class FixedPointEngine
{
    private final FixedFormat fmt;
    private final int w;
    private final int f;
    private final int n;
    private final int[] order;
    private final int[][] incomingSource;
    private final boolean[][] incomingBack;
    private final int[][] in;
    private final int[][] out;
    private final int[][] prev;
    private final IntOp[] ops;
    private final long[] spikes;
    private final int[] inputIndex;
    private final Map<String, Map<String, Double>> errors = new LinkedHashMap<>();

    public FixedPointEngine(final Network net, final Options opt, final FixedFormat fmt)
    {
        this.fmt = fmt;
        this.w = fmt.width();
        this.f = fmt.fraction();
        this.n = net.size();
        this.order = net.order();
        incomingSource = new int[n][];
        incomingBack = new boolean[n][];
        in = new int[n][];
        out = new int[n][];
        prev = new int[n][];
        ops = new IntOp[n];
        spikes = new long[n];
        for (int v = 0; v < n; v++)
        {
            final Node node = net.node(v);
            final int[] inc = net.incoming(v);
            incomingSource[v] = new int[inc.length];
            incomingBack[v] = new boolean[inc.length];
            for (int k = 0; k < inc.length; k++)
            {
                incomingSource[v][k] = net.edgeSource(inc[k]);
                incomingBack[v][k] = net.isBackEdge(inc[k]);
                if (incomingBack[v][k] && prev[incomingSource[v][k]] == null)
                {
                    prev[incomingSource[v][k]] = new int[net.node(incomingSource[v][k]).outShape().size()];
                }
            }
            in[v] = new int[node.inShape().size()];
            out[v] = new int[node.outShape().size()];
            ops[v] = op(node, opt);
        }
        inputIndex = net.inputs();
    }

    public FixedFormat format()
    {
        return fmt;
    }

    /** Per node, per parameter: the largest |quantised - exact| over its elements, in real units. */
    public Map<String, Map<String, Double>> quantisationErrors()
    {
        return errors;
    }

    /** The buffer to fill with Input node {@code k}'s (name order) fixed-point values before {@link #advance()}. */
    public int[] inputBuffer(final int k)
    {
        return out[inputIndex[k]];
    }

    /** Runs one step on the values in the input buffers. */
    public void advance()
    {
        for (final int v : order)
        {
            final IntOp op = ops[v];
            if (op == null)
            {
                continue;
            }
            final int[] x = in[v];
            final int[] src = incomingSource[v];
            final boolean[] back = incomingBack[v];
            if (src.length == 1)
            {
                System.arraycopy(back[0] ? prev[src[0]] : out[src[0]], 0, x, 0, x.length);
            }
            else
            {
                java.util.Arrays.fill(x, 0);
                for (int k = 0; k < src.length; k++)
                {
                    final int[] y = back[k] ? prev[src[k]] : out[src[k]];
                    for (int i = 0; i < x.length; i++)
                    {
                        x[i] = fmt.saturate((long)x[i] + y[i]);
                    }
                }
            }
            spikes[v] += op.step(x, out[v]);
        }
        for (int v = 0; v < n; v++)
        {
            if (prev[v] != null)
            {
                System.arraycopy(out[v], 0, prev[v], 0, out[v].length);
            }
        }
    }

    /** Node {@code v}'s output of the last step (live). */
    public int[] output(final int v)
    {
        return out[v];
    }

    /** Node {@code v}'s membrane registers (neurons; null otherwise). Live view. */
    public int[] membrane(final int v)
    {
        return ops[v] instanceof Neuron nu ? nu.v : null;
    }

    public long spikes(final int v)
    {
        return spikes[v];
    }

    /** Node {@code v}'s computation (tests). */
    IntOp op(final int v)
    {
        return ops[v];
    }

    interface IntOp
    {
        int step(int[] x, int[] y);
    }

    /** Quantises one parameter of a node and records its error. */
    private int[] q(final Node node, final String label, final double[] exact)
    {
        final int[] r = new int[exact.length];
        double err = 0;
        for (int i = 0; i < r.length; i++)
        {
            r[i] = fmt.quantise(exact[i]);
            err = Math.max(err, Math.abs(fmt.value(r[i]) - exact[i]));
        }
        errors.computeIfAbsent(node.name(), k -> new LinkedHashMap<>()).put(label, err);
        return r;
    }

    private IntOp op(final Node node, final Options opt)
    {
        // never a silent approximation: these nodes step by rules the fixed-point cores do not implement yet
        if (org.scfabric.net.nir.NirMetadata.KIND_BRIAN2.equals(node.metadata().get(org.scfabric.net.nir.NirMetadata.KIND))
            || node.metadata().containsKey(org.scfabric.net.nir.NirMetadata.POISSON_N))
        {
            throw new NetworkException("node " + node.name() + ": the fixed-point back ends do not run Brian2's "
                + "populations and sources yet; run --arith float64");
        }
        return switch (node.kind())
        {
            case INPUT -> null;
            case OUTPUT, FLATTEN -> (x, y) ->
            {
                System.arraycopy(x, 0, y, 0, y.length);
                return 0;
            };
            case LINEAR, AFFINE -> dense(node);
            case CONV1D, CONV2D -> new Conv(node);
            case SUM_POOL_2D, AVG_POOL_2D -> new Pool(node, node.kind() == Kind.AVG_POOL_2D);
            case SCALE ->
            {
                final int[] a = q(node, "scale", node.perElement("scale", node.inShape().size()));
                yield (x, y) ->
                {
                    for (int i = 0; i < y.length; i++)
                    {
                        y[i] = fmt.saturate(((long)a[i] * x[i]) >> f);
                    }
                    return 0;
                };
            }
            case THRESHOLD ->
            {
                final int[] th = q(node, "threshold", node.perElement("threshold", node.inShape().size()));
                final int one = 1 << f;
                yield (x, y) ->
                {
                    int fired = 0;
                    for (int i = 0; i < y.length; i++)
                    {
                        final boolean s = x[i] > th[i];
                        y[i] = s ? one : 0;
                        fired += s ? 1 : 0;
                    }
                    return fired;
                };
            }
            case DELAY -> delay(node, opt.dt());
            case I, IF, LI, LIF, CUBA_LI, CUBA_LIF -> new Neuron(node, opt);
        };
    }

    private IntOp dense(final Node node)
    {
        final int[] wq = q(node, "weight", node.param("weight").data());
        final int cols = node.param("weight").shape().dim(1);
        final int[] b = node.kind() == Kind.AFFINE ? q(node, "bias", node.perElement("bias", node.outShape().size()))
            : null;
        final int[] nz = new int[cols];
        return (x, y) ->
        {
            // only the non-zero inputs (spikes are sparse): integer sums are exact, so this is the full sum
            int m = 0;
            for (int j = 0; j < cols; j++)
            {
                if (x[j] != 0)
                {
                    nz[m++] = j;
                }
            }
            for (int i = 0, row = 0; i < y.length; i++, row += cols)
            {
                long acc = 0;
                for (int k = 0; k < m; k++)
                {
                    acc += (long)wq[row + nz[k]] * x[nz[k]];
                }
                y[i] = fmt.saturate((acc >> f) + (b == null ? 0 : b[i]));
            }
            return 0;
        };
    }

    private IntOp delay(final Node node, final double dt)
    {
        final double[] d = node.perElement("delay", node.inShape().size());
        final int[] steps = new int[d.length];
        int max = 0;
        for (int i = 0; i < d.length; i++)
        {
            final long s = Math.round(d[i] / dt);
            if (s < 0 || s > 1_000_000)
            {
                throw new NetworkException("node " + node.name() + ": delay " + d[i] + " s is " + s + " steps of " + dt
                    + " s (0 to 1 000 000 steps are accepted)");
            }
            steps[i] = (int)s;
            max = Math.max(max, steps[i]);
        }
        final int len = max + 1;
        final int[] ring = new int[len * d.length];
        final int[] t = new int[1];
        return (x, y) ->
        {
            final int m = y.length;
            final int slot = t[0] % len;
            System.arraycopy(x, 0, ring, slot * m, m);
            for (int i = 0; i < m; i++)
            {
                final int from = slot - steps[i];
                y[i] = ring[(from < 0 ? from + len : from) * m + i];
            }
            t[0]++;
            return 0;
        };
    }

    /** Conv1d (height 1) and Conv2d, PyTorch semantics, integer gather. */
    final class Conv implements IntOp
    {
        private final int[] wq;
        private final int[] b;
        private final int h;
        private final int wd;
        private final int cout;
        private final int oh;
        private final int ow;
        private final int cinPerGroup;
        private final int coutPerGroup;
        private final int kh;
        private final int kw;
        private final int sh;
        private final int sw;
        private final int ph;
        private final int pw;
        private final int dh;
        private final int dw;
        private final int cin;
        private final long[] acc;
        private final int[][] rowTaps;
        private final int[][] colTaps;

        Conv(final Node node)
        {
            final Shape ws = node.param("weight").shape();
            final boolean one = ws.rank() == 3;
            wq = q(node, "weight", node.param("weight").data());
            final Shape is = node.inShape();
            final Shape os = node.outShape();
            h = one ? 1 : is.dim(1);
            wd = is.dim(is.rank() - 1);
            cout = os.dim(0);
            oh = one ? 1 : os.dim(1);
            ow = os.dim(os.rank() - 1);
            final int groups = node.has("groups") ? (int)node.param("groups").get(0) : 1;
            cinPerGroup = ws.dim(1);
            coutPerGroup = cout / groups;
            kh = one ? 1 : ws.dim(2);
            kw = ws.dim(ws.rank() - 1);
            final int[] s = pair(node, "stride", one, 1);
            final int[] p = pair(node, "padding", one, 0);
            final int[] d = pair(node, "dilation", one, 1);
            sh = s[0];
            sw = s[1];
            ph = p[0];
            pw = p[1];
            dh = d[0];
            dw = d[1];
            b = node.has("bias") ? q(node, "bias", node.perElement("bias", cout)) : null;
            cin = is.dim(0);
            acc = new long[os.size()];
            rowTaps = taps(h, oh, kh, sh, ph, dh);
            colTaps = taps(wd, ow, kw, sw, pw, dw);
        }

        /** Per input row (column) i: the (kernel index, output index) pairs with o*s - p + k*d = i, flattened. */
        private static int[][] taps(final int len, final int outLen, final int k, final int s, final int p, final int d)
        {
            final int[][] t = new int[len][];
            for (int i = 0; i < len; i++)
            {
                final int[] buf = new int[2 * k];
                int m = 0;
                for (int kk = 0; kk < k; kk++)
                {
                    final int num = i + p - kk * d;
                    if (num >= 0 && num % s == 0 && num / s < outLen)
                    {
                        buf[m++] = kk;
                        buf[m++] = num / s;
                    }
                }
                t[i] = java.util.Arrays.copyOf(buf, m);
            }
            return t;
        }

        /**
         * Input by input, skipping zeros (spikes are sparse): integer sums do not depend on their order, so this
         * is the gather's result exactly (tests compare both).
         */
        @Override
        public int step(final int[] x, final int[] y)
        {
            java.util.Arrays.fill(acc, 0L);
            final int groups = cin / cinPerGroup;
            for (int g = 0; g < groups; g++)
            {
                for (int cl = 0; cl < cinPerGroup; cl++)
                {
                    final int xBase = (g * cinPerGroup + cl) * h * wd;
                    for (int iy = 0; iy < h; iy++)
                    {
                        final int[] rt = rowTaps[iy];
                        for (int ix = 0; ix < wd; ix++)
                        {
                            final long xv = x[xBase + iy * wd + ix];
                            if (xv == 0)
                            {
                                continue;
                            }
                            final int[] ct = colTaps[ix];
                            for (int co = g * coutPerGroup; co < (g + 1) * coutPerGroup; co++)
                            {
                                final int wc = (co * cinPerGroup + cl) * kh;
                                final int yc = co * oh;
                                for (int a = 0; a < rt.length; a += 2)
                                {
                                    final int wRow = (wc + rt[a]) * kw;
                                    final int yRow = (yc + rt[a + 1]) * ow;
                                    for (int c = 0; c < ct.length; c += 2)
                                    {
                                        acc[yRow + ct[c + 1]] += wq[wRow + ct[c]] * xv;
                                    }
                                }
                            }
                        }
                    }
                }
            }
            final int plane = oh * ow;
            for (int i = 0; i < acc.length; i++)
            {
                y[i] = fmt.saturate((acc[i] >> f) + (b == null ? 0 : b[i / plane]));
            }
            return 0;
        }

        /** Output by output (the straightforward form, kept to check the scatter against). */
        int gather(final int[] x, final int[] y)
        {
            final int kernel = cinPerGroup * kh * kw;
            for (int co = 0; co < cout; co++)
            {
                final int c0 = (co / coutPerGroup) * cinPerGroup;
                final int wBase = co * kernel;
                for (int oy = 0; oy < oh; oy++)
                {
                    for (int ox = 0; ox < ow; ox++)
                    {
                        long acc = 0;
                        for (int ci = 0; ci < cinPerGroup; ci++)
                        {
                            final int xBase = (c0 + ci) * h * wd;
                            for (int ky = 0; ky < kh; ky++)
                            {
                                final int iy = oy * sh - ph + ky * dh;
                                if (iy < 0 || iy >= h)
                                {
                                    continue;
                                }
                                final int wRow = wBase + (ci * kh + ky) * kw;
                                final int xRow = xBase + iy * wd;
                                for (int kx = 0; kx < kw; kx++)
                                {
                                    final int ix = ox * sw - pw + kx * dw;
                                    if (ix >= 0 && ix < wd)
                                    {
                                        acc += (long)wq[wRow + kx] * x[xRow + ix];
                                    }
                                }
                            }
                        }
                        y[(co * oh + oy) * ow + ox] = fmt.saturate((acc >> f) + (b == null ? 0 : b[co]));
                    }
                }
            }
            return 0;
        }
    }

    private static int[] pair(final Node node, final String p, final boolean one, final int dflt)
    {
        if (!node.has(p))
        {
            return new int[] {dflt, dflt};
        }
        final int[] v = node.param(p).ints("node " + node.name() + " " + p);
        if (one)
        {
            return new int[] {p.equals("padding") ? 0 : 1, v[0]};
        }
        return v.length == 1 ? new int[] {v[0], v[0]} : v;
    }

    /** SumPool2d / AvgPool2d over (C, H, W), zero padding. */
    private final class Pool implements IntOp
    {
        private final boolean average;
        private final int c;
        private final int h;
        private final int wd;
        private final int oh;
        private final int ow;
        private final int kh;
        private final int kw;
        private final int sh;
        private final int sw;
        private final int ph;
        private final int pw;

        Pool(final Node node, final boolean average)
        {
            this.average = average;
            c = node.inShape().dim(0);
            h = node.inShape().dim(1);
            wd = node.inShape().dim(2);
            oh = node.outShape().dim(1);
            ow = node.outShape().dim(2);
            final int[] k = two(node, "kernel_size", null);
            final int[] s = two(node, "stride", k);
            final int[] p = two(node, "padding", new int[] {0, 0});
            kh = k[0];
            kw = k[1];
            sh = s[0];
            sw = s[1];
            ph = p[0];
            pw = p[1];
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

        @Override
        public int step(final int[] x, final int[] y)
        {
            final int area = kh * kw;
            for (int ch = 0; ch < c; ch++)
            {
                for (int oy = 0; oy < oh; oy++)
                {
                    for (int ox = 0; ox < ow; ox++)
                    {
                        long s = 0;
                        for (int ky = 0; ky < kh; ky++)
                        {
                            final int iy = oy * sh - ph + ky;
                            if (iy < 0 || iy >= h)
                            {
                                continue;
                            }
                            for (int kx = 0; kx < kw; kx++)
                            {
                                final int ix = ox * sw - pw + kx;
                                if (ix >= 0 && ix < wd)
                                {
                                    s += x[(ch * h + iy) * wd + ix];
                                }
                            }
                        }
                        y[(ch * oh + oy) * ow + ox] = fmt.saturate(average ? Math.floorDiv(s, area) : s);
                    }
                }
            }
            return 0;
        }
    }

    /** I, IF, LI, LIF, CubaLI, CubaLIF on the cores' integer arithmetic. */
    final class Neuron implements IntOp
    {
        final int[] v;
        private final int[] cur;
        private final int[] r;
        private final int[] vLeak;
        private final int[] vTh;
        private final int[] vReset;
        private final int[] wIn;
        private final int[] kMem;
        private final int[] kSyn;
        private final boolean integrate;
        private final boolean current;
        private final boolean fires;
        private final boolean subtract;
        private final int one;

        Neuron(final Node node, final Options opt)
        {
            final int m = node.outShape().size();
            v = new int[m];
            one = 1 << f;
            r = q(node, "r", node.perElement("r", m));
            integrate = node.kind() == Kind.I || node.kind() == Kind.IF;
            current = node.kind() == Kind.CUBA_LI || node.kind() == Kind.CUBA_LIF;
            fires = Float64Engine.spiking(node.kind());
            subtract = opt.reset() == Options.Reset.SUBTRACT;
            vLeak = integrate ? null : q(node, "v_leak", node.perElement("v_leak", m));
            vTh = fires ? q(node, "v_threshold", node.perElement("v_threshold", m)) : null;
            vReset = fires ? q(node, "v_reset", node.has("v_reset") ? node.perElement("v_reset", m) : new double[m])
                : null;
            kMem = integrate ? null
                : q(node, current ? "dt/tau_mem" : "dt/tau", factor(node.perElement(current ? "tau_mem" : "tau", m), opt));
            kSyn = current ? q(node, "dt/tau_syn", factor(node.perElement("tau_syn", m), opt)) : null;
            wIn = current ? q(node, "w_in", node.perElement("w_in", m)) : null;
            cur = current ? new int[m] : null;
        }

        /** Euler: dt/tau; exact: 1 - exp(-dt/tau), the same update v + k (target - v) solved exactly. */
        private double[] factor(final double[] tau, final Options opt)
        {
            final double[] k = new double[tau.length];
            for (int i = 0; i < k.length; i++)
            {
                k[i] = opt.integrator() == Options.Integrator.EXACT ? -Math.expm1(-opt.dt() / tau[i]) : opt.dt() / tau[i];
            }
            return k;
        }

        @Override
        public int step(final int[] x, final int[] y)
        {
            int fired = 0;
            for (int j = 0; j < v.length; j++)
            {
                int drive = x[j];
                if (current)
                {
                    cur[j] = CubaLifCore.iNext(cur[j], kSyn[j], wIn[j], drive, w, f);
                    drive = cur[j];
                }
                int u;
                if (integrate)
                {
                    u = Bits.lowSigned((long)v[j] + Bits.lowSigned(((long)drive * r[j]) >> f, w), w);
                }
                else
                {
                    u = CubaLifCore.vNext(v[j], drive, kMem[j], r[j], vLeak[j], w, f);
                }
                if (fires)
                {
                    if (u > vTh[j])
                    {
                        u = subtract ? Bits.lowSigned((long)u - vTh[j], w) : vReset[j];
                        y[j] = one;
                        fired++;
                    }
                    else
                    {
                        y[j] = 0;
                    }
                }
                else
                {
                    y[j] = u;
                }
                v[j] = u;
            }
            return fired;
        }
    }
}
