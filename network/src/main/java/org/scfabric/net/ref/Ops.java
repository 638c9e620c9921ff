package org.scfabric.net.ref;

import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.ref.Float64Engine.Op;
import org.scfabric.net.ref.Float64Engine.Ranged;

/** The float64 computations of each node kind (see {@link Float64Engine} for the semantics). */
final class Ops
{
    private Ops()
    {
    }

    static Op of(final Node node, final Options opt)
    {
        return switch (node.kind())
        {
            case INPUT -> node.metadata().containsKey(org.scfabric.net.nir.NirMetadata.POISSON_N)
                ? new BinomialSource(node, opt) : node.metadata().containsKey(
                    org.scfabric.net.nir.NirMetadata.SPIKE_STEPS) ? new SpikeListSource(node) : null;
            case OUTPUT, FLATTEN -> new Copy();
            case LINEAR -> new Dense(node, false, true);
            case AFFINE -> new Dense(node, true, true);
            case CONV1D, CONV2D -> new Conv(node, true);
            case SUM_POOL_2D -> new Pool(node, false);
            case AVG_POOL_2D -> new Pool(node, true);
            case SCALE -> new Scale(node);
            case THRESHOLD -> new Threshold(node);
            case DELAY -> new Delay(node, opt.dt());
            case LIF -> org.scfabric.net.nir.NirMetadata.KIND_BRIAN2.equals(node.metadata().get(
                org.scfabric.net.nir.NirMetadata.KIND)) ? new Brian2Neuron(node, opt) : new Neuron(node, opt);
            case I, IF, LI, CUBA_LI, CUBA_LIF -> new Neuron(node, opt);
            case BRUNEL -> new Brunel(node, opt);
            case CSR_LINEAR -> new CsrLinear(node);
        };
    }

    /**
     * The Brunel reference's neuron ({@link BrunelLif}): v += r I (r optional, 1), Euler leak, spike at v >= v_threshold to
     * v_reset; then {@code scfabric.refractory_steps} steps held at v_leak with the input ignored. Its leak is
     * the reference's Euler step whatever {@link Options} say (they are NIR's neurons' options).
     */
    static final class Brunel implements Ranged
    {
        private static double[] ones(final int n)
        {
            final double[] a = new double[n];
            java.util.Arrays.fill(a, 1.0);
            return a;
        }

        final double[] v;
        private final int[] rc;
        private final double[] alpha;
        private final double[] r;
        private final double[] vRest;
        private final double[] vTh;
        private final double[] vReset;
        private final int refractory;

        Brunel(final Node node, final Options opt)
        {
            final int n = node.outShape().size();
            final double[] tau = node.perElement("tau", n);
            alpha = new double[n];
            for (int i = 0; i < n; i++)
            {
                alpha[i] = opt.dt() / tau[i];
            }
            r = node.has("r") ? node.perElement("r", n) : ones(n);
            vRest = node.perElement("v_leak", n);
            vTh = node.perElement("v_threshold", n);
            vReset = node.perElement("v_reset", n);
            refractory = org.scfabric.net.nir.NirMetadata.refractorySteps(node);
            v = vRest.clone();
            rc = new int[n];
        }

        @Override
        public int step(final double[] x, final double[] y)
        {
            return step(x, y, 0, v.length, 0);
        }

        @Override
        public int step(final double[] x, final double[] y, final int lo, final int hi, final int t)
        {
            int fired = 0;
            for (int j = lo; j < hi; j++)
            {
                if (rc[j] > 0)
                {
                    rc[j]--;
                    v[j] = vRest[j];
                    y[j] = 0.0;
                    continue;
                }
                // r = 1 (the reference's): x * 1.0 is x, to the bit
                final boolean s = BrunelLif.step(v, j, x[j] * r[j], alpha[j], vRest[j], vTh[j], vReset[j]);
                if (s)
                {
                    rc[j] = refractory;
                    fired++;
                }
                y[j] = s ? 1.0 : 0.0;
            }
            return fired;
        }
    }

    /**
     * Linear and Affine: W is (rows, cols) row-major. Terms with x_j = 0 are skipped (spikes are sparse): with
     * finite weights this gives the full sum to the bit, since a sum started at +0.0 is never -0.0 and adding
     * a zero to it changes nothing. Weights that are not all finite take the full sum (inf * 0 is NaN).
     */
    static final class Dense implements Op
    {
        /** A weight matrix with at most this fraction of non-zeros is also kept by column (sparse connectivity). */
        static final double SPARSE_WEIGHTS = 0.1;
        private final double[] w;
        private final Tensor weights;
        private final double[] b;
        private final int cols;
        private final boolean sparse;
        private final int[] nz;
        /**
         * The non-zero weights by column (null unless sparse): scattering each non-zero input down its column, in
         * increasing j, adds every row's terms in the gather's order, and the skipped terms are zero weights times
         * finite inputs, which change no sum that starts at +0.0 (see the class comment); a non-finite input falls
         * back to the gather.
         */
        private final int[] colStart;
        private final int[] rowOf;
        private final double[] valueOf;

        /** {@code skipZeros} false: always the full sum (tests compare both). */
        Dense(final Node node, final boolean affine, final boolean skipZeros)
        {
            final Tensor wt = node.param("weight");
            weights = wt;
            cols = wt.shape().dim(1);
            b = affine ? node.perElement("bias", node.outShape().size()) : null;
            boolean finiteWeights = true;
            long nonZero = 0;
            for (int k = 0, size = wt.size(); k < size; k++)
            {
                final double v = wt.get(k);
                nonZero += v != 0.0 ? 1 : 0;
                finiteWeights &= Double.isFinite(v);
            }
            sparse = skipZeros && finiteWeights;
            nz = new int[cols];
            // a sparse matrix is kept by column only (a large one would not fit twice); the dense gather, for a
            // step with a non-finite input, then reads the tensor itself
            w = sparse && nonZero <= SPARSE_WEIGHTS * wt.size() ? null : wt.data();
            if (w == null)
            {
                final int rows = wt.size() / Math.max(1, cols);
                colStart = new int[cols + 1];
                for (int i = 0, row = 0; i < rows; i++, row += cols)
                {
                    for (int j = 0; j < cols; j++)
                    {
                        colStart[j + 1] += wt.get(row + j) != 0.0 ? 1 : 0;
                    }
                }
                for (int j = 0; j < cols; j++)
                {
                    colStart[j + 1] += colStart[j];
                }
                rowOf = new int[(int) nonZero];
                valueOf = new double[(int) nonZero];
                final int[] fill = java.util.Arrays.copyOf(colStart, cols);
                for (int i = 0, row = 0; i < rows; i++, row += cols)
                {
                    for (int j = 0; j < cols; j++)
                    {
                        if (wt.get(row + j) != 0.0)
                        {
                            rowOf[fill[j]] = i;
                            valueOf[fill[j]++] = wt.get(row + j);
                        }
                    }
                }
            }
            else
            {
                colStart = null;
                rowOf = null;
                valueOf = null;
            }
        }

        @Override
        public int step(final double[] x, final double[] y)
        {
            int m = 0;
            boolean finite = true;
            for (int j = 0; j < cols; j++)
            {
                if (!sparse || x[j] != 0.0)
                {
                    nz[m++] = j;
                    finite &= Double.isFinite(x[j]);
                }
            }
            if (colStart != null && finite)
            {
                java.util.Arrays.fill(y, 0.0);
                for (int k = 0; k < m; k++)
                {
                    final int j = nz[k];
                    final double xj = x[j];
                    for (int e = colStart[j], end = colStart[j + 1]; e < end; e++)
                    {
                        y[rowOf[e]] += valueOf[e] * xj;
                    }
                }
                if (b != null)
                {
                    for (int i = 0; i < y.length; i++)
                    {
                        y[i] = y[i] + b[i];
                    }
                }
                return 0;
            }
            if (w == null)
            {
                for (int i = 0, row = 0; i < y.length; i++, row += cols)
                {
                    double s = 0.0;
                    for (int k = 0; k < m; k++)
                    {
                        final int j = nz[k];
                        s += weights.get(row + j) * x[j];
                    }
                    y[i] = b == null ? s : s + b[i];
                }
                return 0;
            }
            for (int i = 0, row = 0; i < y.length; i++, row += cols)
            {
                double s = 0.0;
                for (int k = 0; k < m; k++)
                {
                    final int j = nz[k];
                    s += w[row + j] * x[j];
                }
                y[i] = b == null ? s : s + b[i];
            }
            return 0;
        }
    }

    static boolean allFinite(final double[] a)
    {
        for (final double v : a)
        {
            if (!Double.isFinite(v))
            {
                return false;
            }
        }
        return true;
    }

    /** Conv1d (as a 2-d convolution of height 1) and Conv2d. */
    static final class Conv implements Op
    {
        private final double[] w;
        private final double[] b;
        private final int cin;
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
        /** Scatter the non-zero inputs (finite weights) instead of gathering every tap. */
        private final boolean scatter;
        private final int[][] rowTaps;
        private final int[][] colTaps;

        /** {@code allowScatter} false: always the gather (tests compare both). */
        Conv(final Node node, final boolean allowScatter)
        {
            final Shape ws = node.param("weight").shape();
            final boolean one = ws.rank() == 3;
            w = node.param("weight").data();
            final Shape is = node.inShape();
            final Shape os = node.outShape();
            cin = is.dim(0);
            h = one ? 1 : is.dim(1);
            wd = is.dim(is.rank() - 1);
            cout = os.dim(0);
            oh = one ? 1 : os.dim(1);
            ow = os.dim(os.rank() - 1);
            final int groups = node.has("groups") ? (int) node.param("groups").get(0) : 1;
            cinPerGroup = ws.dim(1);
            coutPerGroup = cout / groups;
            kh = one ? 1 : ws.dim(2);
            kw = ws.dim(ws.rank() - 1);
            final int[] s = node.convPair("stride", one, 1);
            final int[] p = node.convPair("padding", one, 0);
            final int[] d = node.convPair("dilation", one, 1);
            sh = s[0];
            sw = s[1];
            ph = p[0];
            pw = p[1];
            dh = d[0];
            dw = d[1];
            b = node.has("bias") ? node.perElement("bias", cout) : null;
            scatter = allowScatter && allFinite(w);
            rowTaps = taps(h, oh, kh, sh, ph, dh);
            colTaps = taps(wd, ow, kw, sw, pw, dw);
        }

        /**
         * For each input row (or column) i: the (kernel index, output index) pairs with o*s - p + k*d = i, in
         * increasing k, flattened as k0, o0, k1, o1, ...
         */
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


        @Override
        public int step(final double[] x, final double[] y)
        {
            if (scatter)
            {
                return scatter(x, y);
            }
            final int kernel = cinPerGroup * kh * kw;
            for (int co = 0; co < cout; co++)
            {
                final int c0 = (co / coutPerGroup) * cinPerGroup;
                final int wBase = co * kernel;
                for (int oy = 0; oy < oh; oy++)
                {
                    for (int ox = 0; ox < ow; ox++)
                    {
                        double s = 0.0;
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
                                        s += w[wRow + kx] * x[xRow + ix];
                                    }
                                }
                            }
                        }
                        y[(co * oh + oy) * ow + ox] = b == null ? s : s + b[co];
                    }
                }
            }
            return 0;
        }

        /**
         * The same sums, input by input: visiting inputs in (channel, row, column) order adds to each output in
         * (channel, kernel row, kernel column) order, as the gather does, and skipped zero inputs change nothing
         * (see {@link Dense}); so the result is the gather's to the bit, at the cost of the non-zero inputs only.
         */
        private int scatter(final double[] x, final double[] y)
        {
            java.util.Arrays.fill(y, 0.0);
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
                            final double xv = x[xBase + iy * wd + ix];
                            if (xv == 0.0)
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
                                        y[yRow + ct[c + 1]] += w[wRow + ct[c]] * xv;
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if (b != null)
            {
                final int plane = oh * ow;
                for (int co = 0; co < cout; co++)
                {
                    final double bc = b[co];
                    for (int i = co * plane; i < (co + 1) * plane; i++)
                    {
                        y[i] = y[i] + bc;
                    }
                }
            }
            return 0;
        }
    }

    /** SumPool2d and AvgPool2d over (C, H, W). */
    static final class Pool implements Op
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
        public int step(final double[] x, final double[] y)
        {
            final double area = kh * kw;
            for (int ch = 0; ch < c; ch++)
            {
                for (int oy = 0; oy < oh; oy++)
                {
                    for (int ox = 0; ox < ow; ox++)
                    {
                        double s = 0.0;
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
                        y[(ch * oh + oy) * ow + ox] = average ? s / area : s;
                    }
                }
            }
            return 0;
        }
    }

    static final class Scale implements Float64Engine.OneInput
    {
        private final double[] a;

        Scale(final Node node)
        {
            a = node.perElement("scale", node.inShape().size());
        }

        @Override
        public int step(final double[] x, final double[] y)
        {
            return step(x, y, 0, y.length, 0);
        }

        @Override
        public int step(final double[] x, final double[] y, final int lo, final int hi, final int t)
        {
            for (int i = lo; i < hi; i++)
            {
                y[i] = a[i] * x[i];
            }
            return 0;
        }

        @Override
        public int stepFrom(final double[] e, final double[] y, final int lo, final int hi, final int t)
        {
            for (int i = lo; i < hi; i++)
            {
                y[i] = a[i] * (0.0 + e[i]);
            }
            return 0;
        }
    }

    static final class Threshold implements Ranged
    {
        private final double[] th;

        Threshold(final Node node)
        {
            th = node.perElement("threshold", node.inShape().size());
        }

        @Override
        public int step(final double[] x, final double[] y)
        {
            return step(x, y, 0, y.length, 0);
        }

        @Override
        public int step(final double[] x, final double[] y, final int lo, final int hi, final int t)
        {
            int fired = 0;
            for (int i = lo; i < hi; i++)
            {
                final boolean f = x[i] > th[i];
                y[i] = f ? 1.0 : 0.0;
                fired += f ? 1 : 0;
            }
            return fired;
        }
    }

    /** Each element's input of round(delay / dt) steps before, from a ring of past inputs. */
    static final class Delay implements Float64Engine.OneInput
    {
        /** The delay shared by every element, or -1: then a step copies a whole slot. */
        private final int uniform;
        private final int[] steps;
        private final int len;
        private final double[] ring;
        private int t;

        /** The delay in steps when every element has the same, else -1. */
        int uniformSteps()
        {
            for (final int s : steps)
            {
                if (s != steps[0])
                {
                    return -1;
                }
            }
            return steps.length == 0 ? -1 : steps[0];
        }

        Delay(final Node node, final double dt)
        {
            final double[] d = node.perElement("delay", node.inShape().size());
            steps = new int[d.length];
            int max = 0;
            for (int i = 0; i < d.length; i++)
            {
                final long s = Math.round(d[i] / dt);
                if (s < 0 || s > 1_000_000)
                {
                    throw new org.scfabric.net.NetworkException("node " + node.name() + ": delay " + d[i]
                        + " s is " + s + " steps of " + dt + " s (0 to 1 000 000 steps are accepted)");
                }
                steps[i] = (int) s;
                max = Math.max(max, steps[i]);
            }
            len = max + 1;
            ring = new double[len * d.length];
            uniform = uniformSteps();
        }

        @Override
        public int step(final double[] x, final double[] y)
        {
            return step(x, y, 0, y.length, t++);
        }

        @Override
        public int step(final double[] x, final double[] y, final int lo, final int hi, final int t)
        {
            System.arraycopy(x, lo, ring, t % len * y.length + lo, hi - lo);
            return delayed(y, lo, hi, t);
        }

        /** Elements lo to hi - 1 of the output of step t, the input of step t being in the ring. */
        private int delayed(final double[] y, final int lo, final int hi, final int t)
        {
            final int n = y.length;
            final int slot = t % len;
            if (uniform >= 0)
            {
                final int from = slot - uniform;
                System.arraycopy(ring, (from < 0 ? from + len : from) * n + lo, y, lo, hi - lo);
                return 0;
            }
            for (int i = lo; i < hi; i++)
            {
                final int from = slot - steps[i];
                y[i] = ring[(from < 0 ? from + len : from) * n + i];
            }
            return 0;
        }

        @Override
        public int stepFrom(final double[] e, final double[] y, final int lo, final int hi, final int t)
        {
            final int at = t % len * y.length;
            for (int i = lo; i < hi; i++)
            {
                ring[at + i] = 0.0 + e[i];
            }
            return delayed(y, lo, hi, t);
        }
    }

    /** I, IF, LI, LIF, CubaLI, CubaLIF: per-neuron parameters, state from zero. */
    static final class Neuron implements Ranged
    {
        final double[] v;
        private final double[] cur;
        private final double[] r;
        private final double[] vLeak;
        private final double[] vTh;
        private final double[] vReset;
        private final double[] wIn;
        /** dt/tau (Euler) or exp(-dt/tau) (exact), per neuron. */
        private final double[] kMem;
        private final double[] kSyn;
        private final boolean integrate;
        private final boolean current;
        private final boolean fires;
        private final boolean exact;
        private final boolean subtract;

        Neuron(final Node node, final Options opt)
        {
            final int n = node.outShape().size();
            v = new double[n];
            r = node.perElement("r", n);
            integrate = switch (node.kind())
            {
                case I, IF -> true;
                default -> false;
            };
            current = switch (node.kind())
            {
                case CUBA_LI, CUBA_LIF -> true;
                default -> false;
            };
            fires = Float64Engine.spiking(node.kind());
            exact = opt.integrator() == Options.Integrator.EXACT;
            subtract = opt.reset() == Options.Reset.SUBTRACT;
            vLeak = integrate ? null : node.perElement("v_leak", n);
            vTh = fires ? node.perElement("v_threshold", n) : null;
            vReset = fires ? node.has("v_reset") ? node.perElement("v_reset", n) : new double[n] : null;
            kMem = integrate ? null : factor(node.perElement(current ? "tau_mem" : "tau", n), opt);
            kSyn = current ? factor(node.perElement("tau_syn", n), opt) : null;
            wIn = current ? node.perElement("w_in", n) : null;
            cur = current ? new double[n] : null;
        }

        private static double[] factor(final double[] tau, final Options opt)
        {
            final double[] k = new double[tau.length];
            for (int i = 0; i < k.length; i++)
            {
                k[i] = opt.integrator() == Options.Integrator.EXACT ? Math.exp(-opt.dt() / tau[i]) : opt.dt() / tau[i];
            }
            return k;
        }

        @Override
        public int step(final double[] x, final double[] y)
        {
            return step(x, y, 0, v.length, 0);
        }

        @Override
        public int step(final double[] x, final double[] y, final int lo, final int hi, final int t)
        {
            int fired = 0;
            for (int j = lo; j < hi; j++)
            {
                double drive = x[j];
                if (current)
                {
                    final double target = wIn[j] * x[j];
                    cur[j] = exact ? target + (cur[j] - target) * kSyn[j] : cur[j] + kSyn[j] * (-cur[j] + target);
                    drive = cur[j];
                }
                double u;
                if (integrate)
                {
                    u = v[j] + r[j] * drive;
                }
                else if (exact)
                {
                    final double inf = vLeak[j] + r[j] * drive;
                    u = inf + (v[j] - inf) * kMem[j];
                }
                else
                {
                    u = v[j] + kMem[j] * (vLeak[j] - v[j] + r[j] * drive);
                }
                if (fires)
                {
                    if (u > vTh[j])
                    {
                        u = subtract ? u - vTh[j] : vReset[j];
                        y[j] = 1.0;
                        fired++;
                    }
                    else
                    {
                        y[j] = 0.0;
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

    /** Output and Flatten: the input, copied. */
    static final class Copy implements Ranged
    {
        @Override
        public int step(final double[] x, final double[] y)
        {
            return step(x, y, 0, y.length, 0);
        }

        @Override
        public int step(final double[] x, final double[] y, final int lo, final int hi, final int t)
        {
            System.arraycopy(x, lo, y, lo, hi - lo);
            return 0;
        }
    }
}
