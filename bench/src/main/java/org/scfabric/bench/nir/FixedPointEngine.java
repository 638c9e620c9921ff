package org.scfabric.bench.nir;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.bench.brunel.ReferenceFixedPoint;
import org.scfabric.hw.Bits;
import org.scfabric.hw.lif.LifArray;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.hw.lif.CubaLifCore;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.nir.NirMetadata;
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
    private final ScConfig sc;
    private final Network net;
    private final long[] bound;
    /** Per node: index of its first weight encoder and of its first input encoder in the SC seed plan. */
    private final int[] scWeightBase;
    private final int[] scInputBase;
    /**
     * Per node: it feeds only {@code brunel} nodes, so its parameters are quantised as the reference's
     * FixedPointLIF does (truncated, {@link ReferenceFixedPoint}) and its sums wrap to W bits as V3's
     * accumulator does, instead of rounding and saturating.
     */
    private final boolean[] reference;
    private final boolean[] wrapsInput;
    /** Brian2's units per fixed-point unit ({@link Brian2Scale}; 1 without brian2 populations). */
    private final double unitScale;
    /** Per node: where each incoming edge adds in its input (a brian2 population's state variables); else null. */
    private final int[][] incomingOffset;

    public FixedPointEngine(final Network net, final Options opt, final FixedFormat fmt)
    {
        this(net, opt, fmt, null);
    }

    /**
     * {@code sc} non-null: Linear, Affine and Conv nodes are stochastic-computing synapses ({@link ScLayer}) and
     * {@code fmt} must be Q8.8 (the cores they feed).
     */
    public FixedPointEngine(final Network network, final Options opt, final FixedFormat fmt, final ScConfig sc)
    {
        // Brian2's populations in SI units: rescaled by a power of two into the format's range (exact)
        unitScale = Brian2Scale.factor(network, fmt);
        final Network net = Brian2Scale.scaled(network, unitScale);
        this.fmt = fmt;
        this.sc = sc;
        this.net = net;
        this.bound = sc == null ? null : InputBounds.of(net, fmt);
        // SC seeds are handed out in node-name order: the order a reader meets the nodes in (a file's storage
        // order) must not change a run
        scWeightBase = new int[net.size()];
        scInputBase = new int[net.size()];
        if (sc != null)
        {
            final Integer[] byName = new Integer[net.size()];
            for (int v = 0; v < byName.length; v++)
            {
                byName[v] = v;
            }
            java.util.Arrays.sort(byName, java.util.Comparator.comparing(v -> net.node(v).name()));
            int weights = 0;
            int inputs = 0;
            for (final int v : byName)
            {
                final Node node = net.node(v);
                final Kind k = node.kind();
                if (k == Kind.LINEAR || k == Kind.AFFINE || k == Kind.CONV1D || k == Kind.CONV2D || k == Kind.CSR_LINEAR)
                {
                    scWeightBase[v] = weights;
                    scInputBase[v] = inputs;
                    weights += scWeights(node).length;
                    inputs += node.inShape().size();
                }
            }
        }
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
        reference = new boolean[n];
        wrapsInput = new boolean[n];
        incomingOffset = new int[n][];
        final int[] feeds = new int[n];
        final int[] feedsBrunel = new int[n];
        for (int e = 0; e < net.edges().size(); e++)
        {
            feeds[net.edgeSource(e)]++;
            feedsBrunel[net.edgeSource(e)] += net.node(net.edgeTarget(e)).kind() == Kind.BRUNEL ? 1 : 0;
        }
        for (int v = 0; v < n; v++)
        {
            reference[v] = feeds[v] > 0 && feeds[v] == feedsBrunel[v] && net.node(v).kind() != Kind.INPUT;
            wrapsInput[v] = net.node(v).kind() == Kind.BRUNEL;
        }
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
            out[v] = new int[node.outShape().size()];
            ops[v] = op(node, opt);
            if (ops[v] instanceof Brian2Core b)
            {
                in[v] = new int[b.inputSize()];
                incomingOffset[v] = new int[inc.length];
                for (int k = 0; k < inc.length; k++)
                {
                    incomingOffset[v][k] = b.offset(net.node(incomingSource[v][k]).metadata().get(
                        org.scfabric.net.nir.NirMetadata.TARGET_VAR), "edge " + net.edges().get(inc[k]));
                }
            }
            else
            {
                in[v] = new int[node.inShape().size()];
            }
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
            if (incomingOffset[v] != null)
            {
                java.util.Arrays.fill(x, 0);
                for (int k = 0; k < src.length; k++)
                {
                    final int[] y = back[k] ? prev[src[k]] : out[src[k]];
                    final int at = incomingOffset[v][k];
                    for (int i = 0; i < y.length; i++)
                    {
                        x[at + i] = fmt.saturate((long)x[at + i] + y[i]);
                    }
                }
            }
            else if (src.length == 1)
            {
                System.arraycopy(back[0] ? prev[src[0]] : out[src[0]], 0, x, 0, x.length);
            }
            else
            {
                java.util.Arrays.fill(x, 0);
                final boolean wrap = wrapsInput[v];
                for (int k = 0; k < src.length; k++)
                {
                    final int[] y = back[k] ? prev[src[k]] : out[src[k]];
                    for (int i = 0; i < x.length; i++)
                    {
                        x[i] = wrap ? Bits.lowSigned((long)x[i] + y[i], w) : fmt.saturate((long)x[i] + y[i]);
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

    /** How many of the registers' units make one of the network's own (Brian2's SI units rescaled; else 1). */
    public double unitScale()
    {
        return unitScale;
    }

    /** Node {@code v}'s membrane registers (NIR neurons; null otherwise). Live view. */
    public int[] membrane(final int v)
    {
        return ops[v] instanceof Neuron nu ? nu.v : null;
    }

    /** The number of membrane registers of node {@code v} (NIR and brunel neurons; 0 for other nodes). */
    public int membranes(final int v)
    {
        return ops[v] instanceof Neuron nu ? nu.v.length : ops[v] instanceof BrunelCore b ? b.core.size()
            : ops[v] instanceof Brian2Core c ? c.v.length : 0;
    }

    /** Neuron {@code i}'s membrane register of node {@code v} (see {@link #membranes}). */
    public int membrane(final int v, final int i)
    {
        return ops[v] instanceof Neuron nu ? nu.v[i] : ops[v] instanceof Brian2Core c ? c.v[i]
            : ((BrunelCore)ops[v]).core.v(i);
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

    /**
     * Quantises one parameter of a node and records its error: to the nearest value, saturated, or for a node
     * that feeds {@code brunel} nodes (and for those nodes) as the reference's core does, truncated.
     */
    private int[] q(final Node node, final String label, final double[] exact)
    {
        final boolean trunc = reference[index(node)] || node.kind() == Kind.BRUNEL;
        final int[] r = new int[exact.length];
        double err = 0;
        for (int i = 0; i < r.length; i++)
        {
            r[i] = trunc ? ReferenceFixedPoint.truncate(exact[i], f) : fmt.quantise(exact[i]);
            err = Math.max(err, Math.abs(fmt.value(r[i]) - exact[i]));
        }
        errors.computeIfAbsent(node.name(), k -> new LinkedHashMap<>()).put(label, err);
        return r;
    }

    private int index(final Node node)
    {
        return net.indexOf(node.name());
    }

    /** A W-bit result: wrapped for a node that feeds {@code brunel} nodes (V3's accumulator), else saturated. */
    private int result(final boolean wrap, final long x)
    {
        return wrap ? Bits.lowSigned(x, w) : fmt.saturate(x);
    }

    private IntOp op(final Node node, final Options opt)
    {
        if (Brian2Scale.isBrian2(node))
        {
            return new Brian2Core(node, opt, fmt, (label, exact) -> q(node, label, exact));
        }
        if (Brian2Scale.isBinomialSource(node))
        {
            return binomial(node, opt);
        }
        if (Brian2Scale.isSpikeList(node))
        {
            final org.scfabric.net.ref.SpikeListSource list = new org.scfabric.net.ref.SpikeListSource(node);
            final double[] spikes = new double[node.outShape().size()];
            return (x, y) ->
            {
                final int fired = list.step(null, spikes);
                for (int i = 0; i < y.length; i++)
                {
                    y[i] = spikes[i] != 0.0 ? 1 << f : 0;
                }
                return fired;
            };
        }
        final boolean wrap = reference[index(node)];
        return switch (node.kind())
        {
            case INPUT -> null;
            case OUTPUT, FLATTEN -> (x, y) ->
            {
                System.arraycopy(x, 0, y, 0, y.length);
                return 0;
            };
            case LINEAR, AFFINE -> sc != null ? scLayer(node, SynapseLists.dense(node), 1) : dense(node);
            case CONV1D, CONV2D -> sc != null ? new Conv(node, false).sc(node) : new Conv(node, true);
            case SUM_POOL_2D, AVG_POOL_2D -> new Pool(node, node.kind() == Kind.AVG_POOL_2D);
            case SCALE ->
            {
                final int[] a = q(node, "scale", node.perElement("scale", node.inShape().size()));
                yield (x, y) ->
                {
                    for (int i = 0; i < y.length; i++)
                    {
                        y[i] = result(wrap, ((long)a[i] * x[i]) >> f);
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
            case BRUNEL -> brunel(node, opt);
            case CSR_LINEAR -> sc != null ? scLayer(node, SynapseLists.csr(node), 1) : csr(node, wrap);
        };
    }

    /**
     * A binomial source (Brian2's PoissonInput, PoissonGroup): float64's draws ({@link BinomialSource}, the same
     * seed gives the same counts), each count a whole number of the format's ones.
     */
    private IntOp binomial(final Node node, final Options opt)
    {
        final org.scfabric.net.ref.BinomialSource src = new org.scfabric.net.ref.BinomialSource(node, opt);
        final double[] draws = new double[node.outShape().size()];
        return (x, y) ->
        {
            src.step(null, draws);
            for (int i = 0; i < y.length; i++)
            {
                y[i] = fmt.saturate((long)draws[i] << f);
            }
            return 0;
        };
    }

    /**
     * The Brunel reference's neuron on V3's core: {@link LifArray} (bit-true {@code sc_lif_neuron}, the model the
     * kernel's LIF registers are held to) with the reference's constants ({@link ReferenceFixedPoint}), one edge
     * per step with the input as I_t and noise 0. The core has one parameter set: per-neuron values must agree.
     */
    private IntOp brunel(final Node node, final Options opt)
    {
        final int m = node.outShape().size();
        final double tau = uniform(node, "tau", m);
        final double vLeak = uniform(node, "v_leak", m);
        final double vReset = uniform(node, "v_reset", m);
        final double vTh = uniform(node, "v_threshold", m);
        final LifParams lp = ReferenceFixedPoint.lif(w, f, vLeak, vReset, vTh, NirMetadata.refractorySteps(node));
        final int leak = ReferenceFixedPoint.leak(opt.dt() / tau, f);
        // the core's gain_k is r (1.0 = 2^F, V3's)
        final int gain = node.has("r") ? ReferenceFixedPoint.truncate(uniform(node, "r", m), f) : ReferenceFixedPoint.gain(f);
        q(node, "v_leak", new double[] {vLeak});
        q(node, "v_reset", new double[] {vReset});
        q(node, "v_threshold", new double[] {vTh});
        errors.get(node.name()).put("dt/tau", Math.abs(leak / fmt.one() - opt.dt() / tau));
        return new BrunelCore(new LifArray(lp, m), leak, gain, 1 << f);
    }

    /** The brunel neuron kind on V3's bit-true LIF core array. */
    private static final class BrunelCore implements IntOp
    {
        final LifArray core;
        private final int leak;
        private final int gain;
        private final int one;
        private final int[] fired;

        BrunelCore(final LifArray core, final int leak, final int gain, final int one)
        {
            this.core = core;
            this.leak = leak;
            this.gain = gain;
            this.one = one;
            this.fired = new int[core.size()];
        }

        @Override
        public int step(final int[] x, final int[] y)
        {
            final int count = core.step(x, leak, gain, 0, fired);
            java.util.Arrays.fill(y, 0);
            for (int k = 0; k < count; k++)
            {
                y[fired[k]] = one;
            }
            return count;
        }
    }

    private static double uniform(final Node node, final String p, final int m)
    {
        final double[] v = node.perElement(p, m);
        for (final double d : v)
        {
            if (Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(v[0]))
            {
                throw new NetworkException("node " + node.name() + " (brunel): the fixed-point core takes one " + p
                    + " for all its neurons, the node has several");
            }
        }
        return v[0];
    }

    /**
     * Sparse Linear: each non-zero input's column scattered into a 64-bit accumulator of W_q * x_q, then shifted
     * right by F (integer sums are exact in any order, so this is the dense sum).
     */
    private IntOp csr(final Node node, final boolean wrap)
    {
        final double[] ptrD = node.param("indptr").data();
        final double[] idxD = node.param("indices").data();
        final int[] ptr = new int[ptrD.length];
        final int[] idx = new int[idxD.length];
        for (int i = 0; i < ptr.length; i++)
        {
            ptr[i] = (int)ptrD[i];
        }
        for (int i = 0; i < idx.length; i++)
        {
            idx[i] = (int)idxD[i];
        }
        final int[] wq = q(node, "weight", node.param("data").data());
        final boolean perInput = wq.length != idx.length;
        final long[] acc = new long[node.outShape().size()];
        return (x, y) ->
        {
            java.util.Arrays.fill(acc, 0L);
            for (int j = 0; j + 1 < ptr.length; j++)
            {
                final long xj = x[j];
                if (xj == 0)
                {
                    continue;
                }
                if (perInput)
                {
                    final long wx = wq[j] * xj;
                    for (int e = ptr[j], end = ptr[j + 1]; e < end; e++)
                    {
                        acc[idx[e]] += wx;
                    }
                }
                else
                {
                    for (int e = ptr[j], end = ptr[j + 1]; e < end; e++)
                    {
                        acc[idx[e]] += wq[e] * xj;
                    }
                }
            }
            for (int i = 0; i < y.length; i++)
            {
                y[i] = result(wrap, acc[i] >> f);
            }
            return 0;
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

    /** A synapse node's weights as the SC layer indexes them: a csr Linear's {@code data}, else {@code weight}. */
    private static double[] scWeights(final Node node)
    {
        return node.kind() == Kind.CSR_LINEAR ? node.param("data").data() : node.param("weight").data();
    }

    /** The SC realisation of a synapse node; {@code plane}: outputs per bias value. */
    private IntOp scLayer(final Node node, final int[][] synapses, final int plane)
    {
        final double[] weight = scWeights(node);
        final int cout = node.outShape().size() / plane;
        final int[] b = node.has("bias") ? q(node, "bias", node.perElement("bias", cout)) : null;
        final int v = nodeIndex(node);
        return new ScLayer(node.name(), fmt, sc, synapses, weight, node.inShape().size(), node.outShape().size(),
            bound[v], b, plane, scWeightBase[v], scInputBase[v],
            errors.computeIfAbsent(node.name(), k -> new LinkedHashMap<>()));
    }

    private int nodeIndex(final Node node)
    {
        return net.indexOf(node.name());
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

        /** {@code quantise}: false for the SC realisation, which never uses the Q8.8 weights. */
        Conv(final Node node, final boolean quantise)
        {
            final Shape ws = node.param("weight").shape();
            final boolean one = ws.rank() == 3;
            wq = quantise ? q(node, "weight", node.param("weight").data()) : null;
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
            final int[] s = node.convPair("stride", one, 1);
            final int[] p = node.convPair("padding", one, 0);
            final int[] d = node.convPair("dilation", one, 1);
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
            final long hi = Bits.mask(w - 1) & 0xffffffffL;
            final long lo = -hi - 1;
            for (int co = 0, i = 0; co < cout; co++)
            {
                final long bias = b == null ? 0 : b[co];
                for (final int end = i + plane; i < end; i++)
                {
                    final long v = (acc[i] >> f) + bias;
                    y[i] = (int)(v > hi ? hi : v < lo ? lo : v);
                }
            }
            return 0;
        }

        /** This convolution as SC synapses: every (output, input, kernel weight) of the gather below. */
        IntOp sc(final Node node)
        {
            return scLayer(node, SynapseLists.conv(node), oh * ow);
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


    /** SumPool2d / AvgPool2d over (C, H, W), zero padding. */
    final class Pool implements IntOp
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

        /** Per output o: the inputs of its window inside the input, {@code inputs[start[o] .. start[o + 1])}. */
        private int[] start;
        private int[] inputs;

        /** The window of every output as a flat table, made once (zero padding connects to nothing). */
        private void table()
        {
            final int outs = c * oh * ow;
            start = new int[outs + 1];
            final int[] buf = new int[outs * kh * kw];
            int m = 0;
            for (int ch = 0, o = 0; ch < c; ch++)
            {
                for (int oy = 0; oy < oh; oy++)
                {
                    for (int ox = 0; ox < ow; ox++, o++)
                    {
                        for (int ky = 0; ky < kh; ky++)
                        {
                            final int iy = oy * sh - ph + ky;
                            for (int kx = 0; kx < kw && iy >= 0 && iy < h; kx++)
                            {
                                final int ix = ox * sw - pw + kx;
                                if (ix >= 0 && ix < wd)
                                {
                                    buf[m++] = (ch * h + iy) * wd + ix;
                                }
                            }
                        }
                        start[o + 1] = m;
                    }
                }
            }
            inputs = java.util.Arrays.copyOf(buf, m);
        }

        /** Each output sums its window through the table (integer sums: the order of the terms does not matter). */
        @Override
        public int step(final int[] x, final int[] y)
        {
            if (start == null)
            {
                table();
            }
            final int area = kh * kw;
            final int[] st = start;
            final int[] in = inputs;
            for (int o = 0; o < y.length; o++)
            {
                long s = 0;
                for (int k = st[o], end = st[o + 1]; k < end; k++)
                {
                    s += x[in[k]];
                }
                y[o] = fmt.saturate(average ? Math.floorDiv(s, area) : s);
            }
            return 0;
        }

        /** Window by window with the bounds tested in place (the straightforward form, kept to check the table). */
        int windows(final int[] x, final int[] y)
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
                            for (int kx = 0; kx < kw && iy >= 0 && iy < h; kx++)
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
            if (integrate && fires && !subtract)
            {
                return integrateAndFire(x, y);
            }
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

        /** IF with reset to v_reset, the loop of {@link #step} without its tests for the other kinds. */
        private int integrateAndFire(final int[] x, final int[] y)
        {
            final int[] v = this.v;
            final int[] r = this.r;
            final int[] vTh = this.vTh;
            final int[] vReset = this.vReset;
            final int one = this.one;
            int fired = 0;
            for (int j = 0; j < v.length; j++)
            {
                final int u = Bits.lowSigned((long)v[j] + Bits.lowSigned(((long)x[j] * r[j]) >> f, w), w);
                final boolean s = u > vTh[j];
                v[j] = s ? vReset[j] : u;
                y[j] = s ? one : 0;
                fired += s ? 1 : 0;
            }
            return fired;
        }
    }
}
