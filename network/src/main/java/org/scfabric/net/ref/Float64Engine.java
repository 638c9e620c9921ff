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
 */
public final class Float64Engine
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
    private final int[] inputIndex;
    private int step;

    public Float64Engine(final Network net, final Options opt)
    {
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

    /** Runs one step on the values in the input buffers. */
    public void advance()
    {
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
                spikes[v] += op.step(x, out[v]);
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
            spikes[v] += op.step(x, out[v]);
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

    /** Node {@code v}'s output of the last step (live: do not modify). */
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
        return spikes[v];
    }

    /** True if node {@code v} emits spikes (0/1 outputs): IF, LIF, CubaLIF, Brunel and Threshold. */
    public static boolean spiking(final Kind k)
    {
        return k == Kind.IF || k == Kind.LIF || k == Kind.CUBA_LIF || k == Kind.BRUNEL || k == Kind.THRESHOLD;
    }

    /** One node's computation for a step; returns the spikes it emitted. */
    interface Op
    {
        int step(double[] x, double[] y);
    }

    static NetworkException unsupported(final Node node)
    {
        return new NetworkException("node " + node.name() + ": the float64 reference does not run "
            + node.kind().nirType());
    }
}
