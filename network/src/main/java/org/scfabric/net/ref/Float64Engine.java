package org.scfabric.net.ref;

import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;

/**
 * The float64 reference semantics of a {@link Network}: the ground truth every other arithmetic is compared
 * against. One output buffer per node, flat primitive arrays, nothing allocated per step.
 *
 * <p>Per step: nodes run in {@link Network#order()}; a node's input is 0.0 plus each incoming edge's value,
 * in edge-list order, where a back edge carries its source's output of the previous step (zeros at step 0).
 * Linear: y_i = sum over j = 0, 1, ... of W_ij x_j starting from 0.0; Affine adds b_i after the sum;
 * Conv1d/Conv2d (PyTorch cross-correlation, NCHW, stride, padding, dilation, groups) sum over input channel,
 * then kernel row, then kernel column, from 0.0, then add the bias. SumPool2d sums its window (zero padding)
 * row by row; AvgPool2d divides that sum by the window size (PyTorch's count_include_pad). Flatten copies
 * (row-major). Scale multiplies, Threshold gives 1.0 where x > threshold, Delay gives its input of round(delay
 * / dt) steps before. Neurons: see {@link Options}; a spike is v > v_threshold (strict) and is output as 1.0.
 * Plain double arithmetic: no fused multiply-add.
 *
 * <p>With {@code threads} > 1 a step is shared by threads, each owning one range of every node's elements
 * ({@link #lo}): element-wise nodes (sources, Scale, Delay, neurons, ...) and each input sum run on the owner's
 * range, and a sparse Linear ({@link CsrLinear}) scatters every input onto the owner's range of targets, each target
 * taking its terms in the one-thread order: the inputs of this step after all have met, or, when it feeds a Delay of
 * d >= 1 steps, those of step t - d, recorded before the step's end (the parts then meet twice a step, not three times). Every element is thus computed by the same
 * operations in the same order as with one thread, and random sources draw by counter ({@link BinomialSource}):
 * the results are bit for bit those of one thread, whatever the count. Networks with nodes that mix elements
 * otherwise (dense Linear, Conv, pooling, spike lists) run on one thread.
 */
public final class Float64Engine implements AutoCloseable
{
    private final Network net;
    private final int n;
    private final int[] order;
    private final int[][] incoming;
    private final int[][] incomingSource;
    private final boolean[][] incomingBack;
    /** Where in the node's input each incoming edge adds (a brian2 population has a slot per state variable). */
    private final int[][] incomingOffset;
    /** Per node: its inputs lie side by side at {@link #incomingOffset}s (a brian2 population's target variables). */
    private final boolean[] slotted;
    private final double[][] in;
    private final double[][] out;
    /** Output of the previous step, kept only for sources of back edges (null elsewhere). */
    private final double[][] prev;
    private final Op[] ops;
    private final long[] spikes;
    /** Per spiking node ({@link #spiking}): spikes per neuron so far, counted where they happen; null for the rest. */
    private final long[][] neuronSpikes;
    private final int[] inputIndex;
    private int step;
    /** Ranged runs ({@link #stepPart}): the threads (null: one), the parts. */
    private final boolean ranged;
    private final Team team;
    private final int parts;
    /** Per Csr: the node whose output it writes (the uniform Delay it feeds alone, or itself), its delay. */
    private final int[] csrTarget;
    /** Per Csr leading a group that meets once ({@link #groups}): the members; null for the others. */
    private final int[][] csrGroup;
    /**
     * Per Csr leading a group: whether its parts must meet between recording and scattering. Not when every member
     * scatters into a Delay of d >= 1 steps: the lists it reads are then of step t - d, whole since the end of that
     * step, and the slot being recorded is another.
     */
    private final boolean[] csrMeets;
    /** Per Csr: whether it reads another member's input lists (same source and delay) instead of recording its own. */
    private final boolean[] borrowsLists;
    /** Per Csr: the steps between its input and its output (0 unless it writes a Delay's output). */
    private final int[] csrDelay;
    /** Delays whose output their Csr writes (see {@link CsrLinear#record}); they do not run. */
    private final boolean[] absorbed;
    /** Per node, per slot of its input (one unless a brian2 population): the arrays its edges add, in edge order. */
    private final double[][][][] slotIn;
    /** Per node whose op reads one edge directly ({@link OneInput}): that edge's values; null for the rest. */
    private final double[][] oneInput;
    /** Spikes per part and node (parallel runs). */
    private final long[][] partSpikes;
    private final java.util.function.IntConsumer stepPart = this::stepPart;

    public Float64Engine(final Network net, final Options opt)
    {
        this(net, opt, 1);
    }

    /**
     * The engine on {@code threads} threads (1: the caller's alone); a network that cannot be shared (see the class)
     * runs on one. Close it to end the threads.
     */
    public Float64Engine(final Network net, final Options opt, final int threads)
    {
        this(net, opt, threads, false);
    }

    /** {@code plain}: node by node on one thread, no ranges, no Csr and Delay fused (the reference of the tests). */
    Float64Engine(final Network net, final Options opt, final int threads, final boolean plain)
    {
        if (threads < 1)
        {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.net = net;
        this.n = net.size();
        this.order = net.order();
        incoming = new int[n][];
        incomingSource = new int[n][];
        incomingBack = new boolean[n][];
        incomingOffset = new int[n][];
        slotted = new boolean[n];
        in = new double[n][];
        out = new double[n][];
        prev = new double[n][];
        ops = new Op[n];
        spikes = new long[n];
        neuronSpikes = new long[n][];
        for (int v = 0; v < n; v++)
        {
            final Node node = net.node(v);
            incoming[v] = net.incoming(v);
            incomingSource[v] = new int[incoming[v].length];
            incomingBack[v] = new boolean[incoming[v].length];
            for (int k = 0; k < incoming[v].length; k++)
            {
                incomingSource[v][k] = net.edgeSource(incoming[v][k]);
                incomingBack[v][k] = net.isBackEdge(incoming[v][k]);
                if (incomingBack[v][k] && prev[incomingSource[v][k]] == null)
                {
                    prev[incomingSource[v][k]] = new double[net.node(incomingSource[v][k]).outShape().size()];
                }
            }
            out[v] = new double[node.outShape().size()];
            neuronSpikes[v] = spiking(node.kind()) ? new long[out[v].length] : null;
            ops[v] = Ops.of(node, opt);
            incomingOffset[v] = new int[incoming[v].length];
            if (ops[v] instanceof Brian2Neuron b)
            {
                slotted[v] = true;
                in[v] = new double[b.inputSize()];
                for (int k = 0; k < incoming[v].length; k++)
                {
                    final Node src = net.node(incomingSource[v][k]);
                    incomingOffset[v][k] = b.slot(src.metadata().get(org.scfabric.net.nir.NirMetadata.TARGET_VAR),
                        "edge " + net.edges().get(incoming[v][k])) * out[v].length;
                }
            }
            else
            {
                in[v] = new double[node.inShape().size()];
            }
        }
        inputIndex = net.inputs();
        ranged = !plain && shareable();
        parts = ranged ? threads : 1;
        partSpikes = new long[parts][n];
        csrTarget = new int[n];
        csrDelay = new int[n];
        absorbed = new boolean[n];
        slotIn = new double[n][][][];
        oneInput = new double[n][];
        for (int v = 0; v < n; v++)
        {
            final int width = slotted[v] ? out[v].length : in[v].length;
            final int slots = width == 0 ? 1 : in[v].length / width;
            final java.util.List<java.util.List<double[]>> lists = new java.util.ArrayList<>();
            for (int sl = 0; sl < slots; sl++)
            {
                lists.add(new java.util.ArrayList<>());
            }
            for (int k = 0; k < incomingSource[v].length; k++)
            {
                final int src = incomingSource[v][k];
                // ranged, a back edge reads its source's output itself: each part reads its own range, which the
                // source writes later in the same part's step (the order's definition of a back edge)
                lists.get(slotted[v] ? incomingOffset[v][k] / width : 0).add(incomingBack[v][k] && !ranged ? prev[src]
                    : out[src]);
            }
            slotIn[v] = new double[slots][][];
            for (int sl = 0; sl < slots; sl++)
            {
                slotIn[v][sl] = lists.get(sl).toArray(new double[0][]);
            }
            oneInput[v] = !slotted[v] && ops[v] instanceof OneInput && slots == 1 && slotIn[v][0].length == 1
                ? slotIn[v][0][0] : null;
        }
        if (ranged)
        {
            final int[] consumers = new int[n];
            for (int v = 0; v < n; v++)
            {
                for (final int src : incomingSource[v])
                {
                    consumers[src]++;
                }
            }
            for (int v = 0; v < n; v++)
            {
                if (ops[v] instanceof CsrLinear c)
                {
                    csrTarget[v] = v;
                    int delay = 0;
                    final int u = fusable(v, c, consumers);
                    if (u >= 0)
                    {
                        csrTarget[v] = u;
                        absorbed[u] = true;
                        delay = ((Ops.Delay) ops[u]).uniformSteps();
                    }
                    c.prepare(parts, out[v].length, delay);
                    csrDelay[v] = delay;
                }
            }
        }
        csrGroup = ranged ? groups() : new int[n][];
        borrowsLists = new boolean[n];
        for (int v = 0; v < n; v++)
        {
            final int[] members = csrGroup[v] == null ? new int[0] : csrGroup[v];
            for (int k = 1; k < members.length; k++)
            {
                for (int e = 0; e < k && !borrowsLists[members[k]]; e++)
                {
                    if (sameLists(members[e], members[k]))
                    {
                        ((CsrLinear) ops[members[k]]).readListsOf((CsrLinear) ops[members[e]]);
                        borrowsLists[members[k]] = true;
                    }
                }
            }
        }
        csrMeets = new boolean[n];
        for (int v = 0; v < n; v++)
        {
            for (final int m : csrGroup[v] == null ? new int[0] : csrGroup[v])
            {
                csrMeets[v] |= csrDelay[m] == 0;
            }
        }
        team = parts > 1 ? new Team(parts, stepPart) : null;
    }

    /**
     * The Delay that Csr v feeds alone, when its delay is the same d steps for every element and v's weights are
     * finite: the Delay's output is then v's sums over its input of d steps before (zeros before step d, as v's
     * sums over zeros are), which v computes from a short history of its non-zero inputs instead of delaying its
     * dense output. -1 when there is none.
     */
    private int fusable(final int v, final CsrLinear c, final int[] consumers)
    {
        if (consumers[v] != 1 || !c.skipsZeros())
        {
            return -1;
        }
        for (int u = 0; u < n; u++)
        {
            if (incomingSource[u].length == 1 && incomingSource[u][0] == v && !incomingBack[u][0]
                && ops[u] instanceof Ops.Delay d && d.uniformSteps() >= 0)
            {
                return u;
            }
        }
        return -1;
    }

    /** Start of part p's range of n elements, of parts parts (its end is part p + 1's start). */
    static int lo(final int n, final int p, final int parts)
    {
        return (int) ((long) n * p / parts);
    }

    /** The threads a step runs on. */
    public int threads()
    {
        return parts;
    }

    /**
     * Whether ranges can share a step: every op element-wise ({@link Ranged}) or a Csr, and every edge's values as
     * long as its target's input (a slot of a brian2 population).
     */
    private boolean shareable()
    {
        for (int v = 0; v < n; v++)
        {
            if (ops[v] != null && !(ops[v] instanceof Ranged) && !(ops[v] instanceof CsrLinear))
            {
                return false;
            }
            final int width = slotted[v] ? out[v].length : in[v].length;
            if (!slotted[v] && ops[v] instanceof Ranged && in[v].length != out[v].length)
            {
                return false;
            }
            for (final int src : incomingSource[v])
            {
                if (out[src].length != width)
                {
                    return false;
                }
            }
        }
        return true;
    }

    public Network network()
    {
        return net;
    }

    /** Steps run so far. */
    public int step()
    {
        return step;
    }

    /** The buffer to fill with Input node {@code k}'s (in name order) values before {@link #advance()}. */
    public double[] inputBuffer(final int k)
    {
        return out[inputIndex[k]];
    }

    /** Whether Input node {@code k} (in name order) draws its own values (a random source): its buffer is not read. */
    public boolean drawsInput(final int k)
    {
        return ops[inputIndex[k]] != null;
    }

    /** Runs one step on the values in the input buffers. */
    public void advance()
    {
        if (ranged)
        {
            if (team != null)
            {
                team.run();
            }
            else
            {
                stepPart(0);
            }
            step++;
            return;
        }
        for (final int v : order)
        {
            final Op op = ops[v];
            if (op == null)
            {
                continue; // Input: its buffer holds this step's values (a random source is an op of its own)
            }
            final double[] x = in[v];
            final int[] src = incomingSource[v];
            final boolean[] back = incomingBack[v];
            if (slotted[v])
            {
                // a brian2 population's inputs side by side (one segment per target variable)
                final int[] offset = incomingOffset[v];
                java.util.Arrays.fill(x, 0.0);
                for (int k = 0; k < src.length; k++)
                {
                    final double[] y = back[k] ? prev[src[k]] : out[src[k]];
                    final int o = offset[k];
                    for (int i = 0; i < y.length; i++)
                    {
                        x[o + i] += y[i];
                    }
                }
                count(v, op.step(x, out[v]), 0, out[v].length, spikes);
                continue;
            }
            if (src.length == 0)
            {
                java.util.Arrays.fill(x, 0.0);
            }
            for (int k = 0; k < src.length; k++)
            {
                final double[] y = back[k] ? prev[src[k]] : out[src[k]];
                if (k == 0)
                {
                    // 0.0 + y, as the sum starts (a -0.0 input becomes 0.0), in one pass instead of a fill and an add
                    for (int i = 0; i < x.length; i++)
                    {
                        x[i] = 0.0 + y[i];
                    }
                }
                else
                {
                    for (int i = 0; i < x.length; i++)
                    {
                        x[i] += y[i];
                    }
                }
            }
            count(v, op.step(x, out[v]), 0, out[v].length, spikes);
        }
        for (int v = 0; v < n; v++)
        {
            if (prev[v] != null)
            {
                System.arraycopy(out[v], 0, prev[v], 0, out[v].length);
            }
        }
        step++;
    }

    /** Part p's share of the step (parallel runs): its range of every node, meeting the others before each Csr. */
    private void stepPart(final int p)
    {
        final int t = step;
        final long[] fired = partSpikes[p];
        for (final int v : order)
        {
            final Op op = ops[v];
            if (op == null || absorbed[v])
            {
                continue;
            }
            if (op instanceof CsrLinear)
            {
                // the part's range of each group member's input, kept as a list of its non-zero entries; then, all
                // lists written, the part's targets from every part's list of the step the output is for
                final int[] members = csrGroup[v];
                if (members == null)
                {
                    continue; // recorded and scattered with its group's first
                }
                for (final int m : members)
                {
                    record(m, p, t);
                }
                if (team != null && csrMeets[v])
                {
                    team.await(p);
                }
                for (final int m : members)
                {
                    ((CsrLinear) ops[m]).scatter(out[csrTarget[m]], p, t);
                }
                continue;
            }
            final double[] x = in[v];
            final int width = out[v].length;
            final int a = lo(width, p, parts);
            final int b = lo(width, p + 1, parts);
            if (oneInput[v] != null)
            {
                count(v, ((OneInput) op).stepFrom(oneInput[v], out[v], a, b, t), a, b, fired);
                continue;
            }
            sum(x, slotIn[v], slotted[v] ? width : x.length, a, b);
            count(v, ((Ranged) op).step(x, out[v], a, b, t), a, b, fired);
        }
    }

    /**
     * Whether Csrs a and b (of one group, a first) record the same lists: each one edge from the same source, zeros
     * skipped, the same delay, as many rows (b may then read a's, {@link CsrLinear#readListsOf}).
     */
    private boolean sameLists(final int a, final int b)
    {
        final CsrLinear ca = (CsrLinear) ops[a];
        final CsrLinear cb = (CsrLinear) ops[b];
        return !borrowsLists[a] && incomingSource[a].length == 1 && incomingSource[b].length == 1
            && incomingSource[a][0] == incomingSource[b][0] && incomingBack[a][0] == incomingBack[b][0]
            && ca.skipsZeros() && cb.skipsZeros() && csrDelay[a] == csrDelay[b] && in[a].length == in[b].length;
    }

    /** Node v's {@code fired} spikes of this step among elements a to b - 1: into its totals and per neuron. */
    private void count(final int v, final int fired, final int a, final int b, final long[] totals)
    {
        totals[v] += fired;
        final long[] c = neuronSpikes[v];
        if (fired > 0 && c != null)
        {
            final double[] y = out[v];
            for (int i = SparseScan.next(y, a, b); i < b; i = SparseScan.next(y, i + 1, b))
            {
                c[i]++;
            }
        }
    }

    /** Part p's range of Csr m's input of step t, as its list (none for a Csr that reads another's lists). */
    private void record(final int m, final int p, final int t)
    {
        if (borrowsLists[m])
        {
            return;
        }
        final CsrLinear c = (CsrLinear) ops[m];
        final int[] src = incomingSource[m];
        final double[] x = in[m];
        final int a = lo(x.length, p, parts);
        final int b = lo(x.length, p + 1, parts);
        if (src.length == 1 && c.skipsZeros())
        {
            // one edge: its values are the sum's but for -0.0, which the list skips as it skips 0.0
            c.record(out[src[0]], a, b, p, t); // a back edge's too (see the constructor's slotIn)
        }
        else
        {
            sum(x, slotIn[m], x.length, a, b);
            c.record(x, a, b, p, t);
        }
    }

    /**
     * Csrs that follow each other in the order (nothing between them but absorbed Delays and Inputs), none reading
     * another's output, meet once: per group, its first member's entry lists the members, the others' are null.
     */
    private int[][] groups()
    {
        final int[][] g = new int[n][];
        final boolean[] inGroup = new boolean[n];
        for (int at = 0; at < order.length; at++)
        {
            final int v = order[at];
            if (!(ops[v] instanceof CsrLinear) || inGroup[v])
            {
                continue;
            }
            final java.util.List<Integer> members = new java.util.ArrayList<>(java.util.List.of(v));
            final java.util.Set<Integer> written = new java.util.HashSet<>(java.util.List.of(v, csrTarget[v]));
            inGroup[v] = true;
            for (int next = at + 1; next < order.length; next++)
            {
                final int u = order[next];
                if (absorbed[u] || ops[u] == null)
                {
                    continue;
                }
                boolean independent = ops[u] instanceof CsrLinear;
                for (int k = 0; independent && k < incomingSource[u].length; k++)
                {
                    independent = incomingBack[u][k] || !written.contains(incomingSource[u][k]);
                }
                if (!independent)
                {
                    break;
                }
                members.add(u);
                written.add(u);
                written.add(csrTarget[u]);
                inGroup[u] = true;
            }
            g[v] = members.stream().mapToInt(Integer::intValue).toArray();
        }
        return g;
    }

    /**
     * Elements a to b - 1 of each slot (of {@code width} elements) of a node's input: 0.0 plus each edge's values, in
     * edge order, as {@link #advance} adds them (0.0 where no edge), in one pass for up to three edges.
     */
    private static void sum(final double[] x, final double[][][] slots, final int width, final int a, final int b)
    {
        for (int sl = 0; sl < slots.length; sl++)
        {
            final double[][] ys = slots[sl];
            final int o = sl * width;
            switch (ys.length)
            {
                case 0 -> java.util.Arrays.fill(x, o + a, o + b, 0.0);
                case 1 ->
                {
                    final double[] y0 = ys[0];
                    for (int i = a; i < b; i++)
                    {
                        x[o + i] = 0.0 + y0[i];
                    }
                }
                case 2 ->
                {
                    final double[] y0 = ys[0];
                    final double[] y1 = ys[1];
                    for (int i = a; i < b; i++)
                    {
                        x[o + i] = 0.0 + y0[i] + y1[i];
                    }
                }
                case 3 ->
                {
                    final double[] y0 = ys[0];
                    final double[] y1 = ys[1];
                    final double[] y2 = ys[2];
                    for (int i = a; i < b; i++)
                    {
                        x[o + i] = 0.0 + y0[i] + y1[i] + y2[i];
                    }
                }
                default ->
                {
                    for (int i = a; i < b; i++)
                    {
                        x[o + i] = 0.0 + ys[0][i];
                    }
                    for (int k = 1; k < ys.length; k++)
                    {
                        final double[] y = ys[k];
                        for (int i = a; i < b; i++)
                        {
                            x[o + i] += y[i];
                        }
                    }
                }
            }
        }
    }

    /** Ends the threads of a parallel engine (nothing for one thread); it must not step afterwards. */
    @Override
    public void close()
    {
        if (team != null)
        {
            team.close();
        }
    }

    /**
     * Node {@code v}'s output of the last step (live: do not modify). A sparse Linear that feeds a uniform Delay
     * alone writes into the Delay's output (see {@link #fusable}), and its own stays zero.
     */
    public double[] output(final int v)
    {
        return out[v];
    }

    /** Node {@code v}'s membrane potentials (neuron populations; null for other nodes). Live view. */
    public double[] membrane(final int v)
    {
        return ops[v] instanceof Ops.Neuron nu ? nu.v : ops[v] instanceof Ops.Brunel b ? b.v
            : ops[v] instanceof Brian2Neuron b2 ? b2.v : null;
    }

    /** Spikes node {@code v} has emitted so far (spiking neurons and Threshold; 0 for the rest). */
    public long spikes(final int v)
    {
        long s = spikes[v];
        for (final long[] part : partSpikes)
        {
            s += part[v];
        }
        return s;
    }

    /** Spikes per neuron of spiking node {@code v} so far (live: do not modify); null for other nodes. */
    public long[] neuronSpikes(final int v)
    {
        return neuronSpikes[v];
    }

    /** True if node {@code v} emits spikes (0/1 outputs): IF, LIF, CubaLIF, Brunel and Threshold. */
    public static boolean spiking(final Kind k)
    {
        return k == Kind.IF || k == Kind.LIF || k == Kind.CUBA_LIF || k == Kind.BRUNEL || k == Kind.THRESHOLD;
    }

    /**
     * An element-wise op that reads its one input edge's values itself: the step on 0.0 + e[i] (the input sum's
     * value), without the sum's pass over the node's input.
     */
    interface OneInput extends Ranged
    {
        int stepFrom(double[] e, double[] y, int lo, int hi, int t);
    }

    /** One node's computation for a step; returns the spikes it emitted. */
    interface Op
    {
        int step(double[] x, double[] y);
    }

    /**
     * An element-wise op: output i depends on input i alone (for a brian2 population, on neuron i of every slot)
     * and on its own state i, so that ranges of a step may run on different threads.
     */
    interface Ranged extends Op
    {
        /** Elements lo to hi - 1 of step t (from 0); returns the spikes among them. */
        int step(double[] x, double[] y, int lo, int hi, int t);
    }

    static NetworkException unsupported(final Node node)
    {
        return new NetworkException("node " + node.name() + ": the float64 reference does not run "
            + node.kind().nirType());
    }
}
