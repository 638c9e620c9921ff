package org.scfabric.bench.nir;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.ref.ArithmeticRun;
import org.scfabric.net.ref.Float64Engine;
import org.scfabric.net.ref.Options;
import org.scfabric.net.ref.Probe;
import org.scfabric.net.ref.ReferenceRun;
import org.scfabric.net.ref.Stimulus;

/** Runs a {@link FixedPointEngine} on a stimulus (each input value quantised) and collects its run. */
public final class FixedPointRun
{
    private FixedPointRun()
    {
    }

    /**
     * A fixed-point run and the quantisation error of each node's parameters.
     *
     * @param run the run, arith = the format's name
     * @param quantisation node -> parameter -> max |quantised - exact|
     */
    public record Result(ArithmeticRun run, Map<String, Map<String, Double>> quantisation)
    {
    }

    public static Result run(final Network net, final Stimulus stimulus, final int steps, final Options opt,
        final FixedFormat fmt)
    {
        return run(net, stimulus, steps, opt, fmt, null);
    }

    /** {@code sc} non-null: the SC back end (synapse nodes as SC synapses into Q8.8 cores), arith "sc". */
    public static Result run(final Network net, final Stimulus stimulus, final int steps, final Options opt,
        final FixedFormat fmt, final ScConfig sc)
    {
        return run(net, stimulus, steps, opt, fmt, sc, null);
    }

    /**
     * The run, with each spiking node's spikes per neuron and, when {@code probe} is not null, that neuron's
     * membrane register after every step (in real units: the integer over 2^F).
     */
    public static Result run(final Network net, final Stimulus stimulus, final int steps, final Options opt,
        final FixedFormat fmt, final ScConfig sc, final Probe probe)
    {
        final Stepper r = new Stepper(net, stimulus, steps, opt, fmt, sc, probe);
        for (int t = 0; t < steps; t++)
        {
            r.step(t, null);
        }
        return r.finish();
    }

    /** A fixed-point (or SC) run one step at a time, for a driver that runs several in lockstep; see {@link #run}. */
    public static final class Stepper
    {
        private final Network net;
        private final Stimulus stimulus;
        private final int steps;
        private final FixedFormat fmt;
        private final ScConfig sc;
        private final Probe probe;
        private final FixedPointEngine e;
        private final int[] inputs;
        private final int[] outputs;
        private final double[] row;
        private final ReferenceRun.IntPairs[] trains;
        private final ReferenceRun.NeuronCounts counts;
        private final double[] trace;
        private final double scale;
        private final double hi;
        private final double lo;
        private long nanos;

        public Stepper(final Network net, final Stimulus stimulus, final int steps, final Options opt,
            final FixedFormat fmt, final ScConfig sc, final Probe probe)
        {
            if (net.inputs().length == 0 && !org.scfabric.net.ref.ReferenceRun.selfDriven(net))
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
            this.fmt = fmt;
            this.sc = sc;
            this.probe = probe;
            e = new FixedPointEngine(net, opt, fmt, sc);
            inputs = net.inputs();
            outputs = net.outputs();
            row = new double[ReferenceRun.channels(net)];
            trains = new ReferenceRun.IntPairs[outputs.length];
            for (int k = 0; k < outputs.length; k++)
            {
                trains[k] = new ReferenceRun.IntPairs();
            }
            counts = new ReferenceRun.NeuronCounts(net);
            trace = probe == null ? null : new double[Math.min(steps, Probe.MAX_STEPS)];
            if (probe != null && (probe.index() < 0 || probe.index() >= e.membranes(probe.node())))
            {
                throw new NetworkException("probe " + probe.label(net) + ": not a neuron of a population");
            }
            scale = 1 << fmt.fraction();
            hi = fmt.saturate(Long.MAX_VALUE);
            lo = fmt.saturate(Long.MIN_VALUE);
        }

        /** Runs step {@code t} (0, 1, ... in order); {@code sink} (may be null) is told each output spike. */
        public void step(final int t, final ReferenceRun.OutputSink sink)
        {
            final long t0 = System.nanoTime();
            stimulus.fill(t, row);
            int at = 0;
            for (int k = 0; k < inputs.length; k++)
            {
                final int[] buf = e.inputBuffer(k);
                for (int i = 0; i < buf.length; i++)
                {
                    // x · 2^F is exact; a whole number in range (spikes, counts) is its own quantisation, without
                    // the general rounding and clamping
                    final double q = row[at + i] * scale;
                    buf[i] = q == (int)q && q <= hi && q >= lo ? (int)q : fmt.quantise(row[at + i]);
                }
                at += buf.length;
            }
            e.advance();
            for (int k = 0; k < outputs.length; k++)
            {
                final int[] y = e.output(outputs[k]);
                for (int i = 0; i < y.length; i++)
                {
                    if (y[i] != 0)
                    {
                        trains[k].add(t, i);
                        if (sink != null)
                        {
                            sink.spike(k, i);
                        }
                    }
                }
            }
            for (int s = 0; s < counts.nodes.length; s++)
            {
                final int v = counts.nodes[s];
                if (e.spikes(v) != counts.seen[s])
                {
                    counts.seen[s] = e.spikes(v);
                    final int[] y = e.output(v);
                    final long[] c = counts.perNeuron[s];
                    for (int i = 0; i < y.length; i++)
                    {
                        c[i] += y[i] != 0 ? 1 : 0;
                    }
                }
            }
            if (trace != null && t < trace.length)
            {
                trace[t] = e.membrane(probe.node(), probe.index()) / scale / e.unitScale();
            }
            nanos += System.nanoTime() - t0;
        }

        /** The run after its steps; wall_s is the time spent in {@link #step}. */
        public Result finish()
        {
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
            return new Result(new ArithmeticRun(sc != null ? "sc" : fmt.name(), steps, total, perNode, nanos / 1e9, outs,
                counts.byName(net), trace), e.quantisationErrors());
        }
    }
}
