package org.scfabric.net.ref;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;

/** Runs the float64 reference on a stimulus for a number of steps and collects a {@link ArithmeticRun}. */
public final class ReferenceRun
{
    private ReferenceRun()
    {
    }

    /** Number of input channels: the Input nodes' sizes, summed in name order. */
    public static int channels(final Network net)
    {
        int c = 0;
        for (final int i : net.inputs())
        {
            c += net.node(i).outShape().size();
        }
        return c;
    }

    /**
     * True when every Input node is a source (random, {@code scfabric.poisson_n}, or a spike list,
     * {@code scfabric.spike_steps}) and some node drives the
     * network: a source or a brian2 population (its own drive, initial values). Such a network needs no stimulus.
     */
    public static boolean selfDriven(final Network net)
    {
        boolean driver = false;
        for (final Node node : net.nodes())
        {
            final boolean source = node.metadata().containsKey(org.scfabric.net.nir.NirMetadata.POISSON_N)
                || node.metadata().containsKey(org.scfabric.net.nir.NirMetadata.SPIKE_STEPS);
            if (node.kind() == org.scfabric.net.Kind.INPUT && !source)
            {
                return false;
            }
            driver |= source || org.scfabric.net.nir.NirMetadata.KIND_BRIAN2.equals(node.metadata().get(
                org.scfabric.net.nir.NirMetadata.KIND));
        }
        return driver;
    }

    public static ArithmeticRun run(final Network net, final Stimulus stimulus, final int steps, final Options opt)
    {
        return run(net, stimulus, steps, opt, null);
    }

    /**
     * The run, with each spiking node's spikes per neuron and, when {@code probe} is not null, that neuron's
     * membrane after every step.
     */
    public static ArithmeticRun run(final Network net, final Stimulus stimulus, final int steps, final Options opt,
        final Probe probe)
    {
        return run(net, stimulus, steps, opt, probe, 1);
    }

    /** {@link #run(Network, Stimulus, int, Options, Probe)} on {@code threads} threads: the same bits. */
    public static ArithmeticRun run(final Network net, final Stimulus stimulus, final int steps, final Options opt,
        final Probe probe, final int threads)
    {
        final Stepper r = new Stepper(net, stimulus, steps, opt, probe, threads);
        for (int t = 0; t < steps; t++)
        {
            r.step(t, null);
        }
        return r.finish();
    }

    /** Told each output spike of a step as it is recorded: output node k (in {@link Network#outputs} order), flat index. */
    public interface OutputSink
    {
        void spike(int output, int index);
    }

    /**
     * The float64 run one step at a time, so that a driver (the kernel, a component per arithmetic) can run it in
     * lockstep with others; {@link #run} is its plain loop.
     */
    public static final class Stepper
    {
        private final Network net;
        private final Stimulus stimulus;
        private final int steps;
        private final Probe probe;
        private final Float64Engine e;
        private final int[] inputs;
        private final int[] outputs;
        private final double[] row;
        private final IntPairs[] trains;
        private final NeuronCounts counts;
        private final double[] trace;
        private final double[] probed;
        /** Whether some Input takes the stimulus' values (not all draw their own, as a binomial source does). */
        private final boolean stimulated;
        private long nanos;

        public Stepper(final Network net, final Stimulus stimulus, final int steps, final Options opt,
            final Probe probe)
        {
            this(net, stimulus, steps, opt, probe, 1);
        }

        /** The run on {@code threads} threads ({@link Float64Engine}), ended by {@link #finish}. */
        public Stepper(final Network net, final Stimulus stimulus, final int steps, final Options opt,
            final Probe probe, final int threads)
        {
            if (net.inputs().length == 0 && !selfDriven(net))
            {
                throw new NetworkException("the network has no Input node to drive");
            }
            if (steps > stimulus.rows())
            {
                throw new NetworkException("--steps " + steps + " but the input has only " + stimulus.rows() + " rows");
            }
            this.net = net;
            this.stimulus = stimulus;
            this.steps = steps;
            this.probe = probe;
            e = new Float64Engine(net, opt, threads);
            inputs = net.inputs();
            outputs = net.outputs();
            row = new double[channels(net)];
            stimulated = java.util.stream.IntStream.range(0, inputs.length).anyMatch(k -> !e.drawsInput(k));
            trains = new IntPairs[outputs.length];
            for (int k = 0; k < outputs.length; k++)
            {
                trains[k] = new IntPairs();
            }
            counts = new NeuronCounts(net);
            trace = probe == null ? null : new double[Math.min(steps, Probe.MAX_STEPS)];
            probed = probe == null ? null : e.membrane(probe.node());
            if (probe != null && (probed == null || probe.index() < 0 || probe.index() >= probed.length))
            {
                throw new NetworkException("probe " + probe.label(net) + ": not a neuron of a population");
            }
        }

        /** Runs step {@code t} (0, 1, ... in order); {@code sink} (may be null) is told each output spike. */
        public void step(final int t, final OutputSink sink)
        {
            final long t0 = System.nanoTime();
            if (stimulated)
            {
                stimulus.fill(t, row);
                int at = 0;
                for (int k = 0; k < inputs.length; k++)
                {
                    final double[] buf = e.inputBuffer(k);
                    if (!e.drawsInput(k))
                    {
                        System.arraycopy(row, at, buf, 0, buf.length);
                    }
                    at += buf.length;
                }
            }
            e.advance();
            for (int k = 0; k < outputs.length; k++)
            {
                final double[] y = e.output(outputs[k]);
                for (int i = SparseScan.next(y, 0, y.length); i < y.length; i = SparseScan.next(y, i + 1, y.length))
                {
                    trains[k].add(t, i);
                    if (sink != null)
                    {
                        sink.spike(k, i);
                    }
                }
            }
            if (trace != null && t < trace.length)
            {
                trace[t] = probed[probe.index()];
            }
            nanos += System.nanoTime() - t0;
        }

        /** The run after its steps; wall_s is the time spent in {@link #step}. */
        public ArithmeticRun finish()
        {
            e.close();
            for (int s = 0; s < counts.nodes.length; s++)
            {
                final long[] c = e.neuronSpikes(counts.nodes[s]);
                System.arraycopy(c, 0, counts.perNeuron[s], 0, c.length);
            }
            final Map<String, Long> perNode = new LinkedHashMap<>();
            long total = 0;
            for (int v = 0; v < net.size(); v++)
            {
                final Node node = net.node(v);
                if (Float64Engine.spiking(node.kind()))
                {
                    perNode.put(node.name(), e.spikes(v));
                    total += e.spikes(v);
                }
            }
            final Map<String, ArithmeticRun.OutputTrain> outs = new LinkedHashMap<>();
            for (int k = 0; k < outputs.length; k++)
            {
                final Node node = net.node(outputs[k]);
                outs.put(node.name(), new ArithmeticRun.OutputTrain(node.outShape().dims(), trains[k].firsts(),
                    trains[k].seconds()));
            }
            return new ArithmeticRun("float64", steps, total, perNode, nanos / 1e9, outs, counts.byName(net), trace);
        }
    }

    /**
     * Spikes per neuron of every spiking node, counted from the outputs after each step; a node whose spike total
     * did not change in a step is not scanned.
     */
    public static final class NeuronCounts
    {
        /** The spiking nodes, in evaluation order. */
        public final int[] nodes;
        /** Per spiking node: its spike total when last scanned. */
        public final long[] seen;
        /** Per spiking node: spikes per neuron. */
        public final long[][] perNeuron;

        public NeuronCounts(final Network net)
        {
            int m = 0;
            for (int v = 0; v < net.size(); v++)
            {
                m += Float64Engine.spiking(net.node(v).kind()) ? 1 : 0;
            }
            nodes = new int[m];
            seen = new long[m];
            perNeuron = new long[m][];
            // evaluation order: tables and plots read from input to output
            int s = 0;
            for (final int v : net.order())
            {
                if (Float64Engine.spiking(net.node(v).kind()))
                {
                    nodes[s] = v;
                    perNeuron[s++] = new long[net.node(v).outShape().size()];
                }
            }
        }

        /** Node name -> spikes per neuron, in evaluation order. */
        public Map<String, long[]> byName(final Network net)
        {
            final Map<String, long[]> m = new LinkedHashMap<>();
            for (int s = 0; s < nodes.length; s++)
            {
                m.put(net.node(nodes[s]).name(), perNeuron[s]);
            }
            return m;
        }
    }

    /** A growable list of int pairs (grows by doubling, so recording costs amortised O(1) per spike). */
    public static final class IntPairs
    {
        private int[] a = new int[64];
        private int n;

        public void add(final int x, final int y)
        {
            if (2 * n + 2 > a.length)
            {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            a[2 * n] = x;
            a[2 * n + 1] = y;
            n++;
        }

        public int[] firsts()
        {
            final int[] r = new int[n];
            for (int i = 0; i < n; i++)
            {
                r[i] = a[2 * i];
            }
            return r;
        }

        public int[] seconds()
        {
            final int[] r = new int[n];
            for (int i = 0; i < n; i++)
            {
                r[i] = a[2 * i + 1];
            }
            return r;
        }
    }
}
