package org.scfabric.bench.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.bench.nir.FixedPointEngine;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.MappedFabric;
import org.scfabric.hw.fabric.MappedResult;
import org.scfabric.hw.fabric.OutputEvents;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.ref.Options;

/**
 * The architecture never changes the spikes: over random NIR graphs (dense, sparse CSR and convolutional layers,
 * pools, flattens, recurrence, skip and identity edges, delays before and after the weights, biases,
 * every neuron kind, per-neuron parameters, both formats, both resets and integrators) and random
 * architectures (K, FIFO depth, ports, core and memory latencies), every population's spikes of every
 * step, and every readout's values, equal the unrolled fixed-point engine's ({@link FixedPointEngine}).
 */
class NirFabricEquivalenceTest
{
    private static final Kind[] SPIKING = {Kind.LIF, Kind.CUBA_LIF, Kind.IF};
    private static final Kind[] READOUT = {Kind.LI, Kind.CUBA_LI, Kind.I};

    /** A random graph; {@code out} gets a description for failure messages. */
    static Network randomGraph(final SplittableRandom r, final StringBuilder out)
    {
        final Network.Builder b = Network.builder();
        final boolean image = r.nextInt(3) == 0;
        final List<String[]> edges = new ArrayList<>();
        String prev;
        int prevSize;
        if (image)
        {
            final int c = 1 + r.nextInt(2);
            final int h = 4 + r.nextInt(3);
            b.add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(c, h, h))));
            prev = "in";
            int ch = c;
            int hh = h;
            if (r.nextBoolean())
            {
                final int k = 1 + r.nextInt(2);
                final int s = 1 + r.nextInt(2);
                b.add(new Node("pool0", Kind.SUM_POOL_2D, Map.of("kernel_size", Tensor.vector(k, k), "stride",
                    Tensor.vector(s, s))));
                edges.add(new String[] {prev, "pool0"});
                prev = "pool0";
                hh = (hh - k) / s + 1;
                out.append("pool k").append(k).append(" s").append(s).append(", ");
            }
            if (r.nextBoolean())
            {
                b.add(new Node("dly0", Kind.DELAY, Map.of("delay", Tensor.of(Shape.of(ch * hh * hh),
                    delays(r, ch * hh * hh)))));
                edges.add(new String[] {prev, "dly0"});
                prev = "dly0";
                out.append("pre-delay, ");
            }
            final int cout = 1 + r.nextInt(3);
            final int p = r.nextInt(2);
            final int k = Math.min(2 + r.nextInt(2), hh + 2 * p);
            final int s = 1 + r.nextInt(2);
            final Map<String, Tensor> cp = new HashMap<>();
            cp.put("weight", Tensor.of(Shape.of(cout, ch, k, k), weights(r, cout * ch * k * k)));
            cp.put("stride", Tensor.vector(s, s));
            cp.put("padding", Tensor.vector(p, p));
            if (r.nextBoolean())
            {
                cp.put("bias", Tensor.of(Shape.of(cout), small(r, cout)));
            }
            b.add(new Node("conv", Kind.CONV2D, cp));
            edges.add(new String[] {prev, "conv"});
            final int oh = (hh + 2 * p - k) / s + 1;
            prevSize = cout * oh * oh;
            prev = "conv";
            if (r.nextBoolean())
            {
                b.add(new Node("flat0", Kind.FLATTEN, Map.of()));
                edges.add(new String[] {prev, "flat0"});
                prev = "flat0";
            }
            b.add(neuron("L0", SPIKING[r.nextInt(SPIKING.length)], prevSize, r));
            edges.add(new String[] {prev, "L0"});
            b.add(new Node("flat1", Kind.FLATTEN, Map.of()));
            edges.add(new String[] {"L0", "flat1"});
            prev = "flat1";
            out.append("conv ").append(cout).append("x").append(k).append(" s").append(s).append(" p").append(p)
                .append(" -> L0 ").append(prevSize).append(", ");
        }
        else
        {
            prevSize = 1 + r.nextInt(8);
            b.add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(prevSize))));
            prev = "in";
        }
        final int inSize = image ? -1 : prevSize;
        final int layers = 1 + r.nextInt(3);
        String last = null;
        for (int l = 1; l <= layers; l++)
        {
            final boolean readout = l == layers && r.nextInt(3) == 0;
            final Kind kind = readout ? READOUT[r.nextInt(READOUT.length)] : SPIKING[r.nextInt(SPIKING.length)];
            final int m = 1 + r.nextInt(8);
            final String pop = "L" + l;
            b.add(neuron(pop, kind, m, r));
            out.append(pop).append(' ').append(kind.nirType()).append(' ').append(m);
            // the feed-forward projection, with an optional delay before or after the weights
            String from = prev;
            final int delayAt = r.nextInt(4);
            if (delayAt == 1)
            {
                b.add(new Node("dpre" + l, Kind.DELAY, Map.of("delay", Tensor.of(Shape.of(prevSize),
                    delays(r, prevSize)))));
                edges.add(new String[] {from, "dpre" + l});
                from = "dpre" + l;
                out.append(" pre-delay");
            }
            final String fc = "fc" + l;
            b.add(dense(fc, m, prevSize, r));
            edges.add(new String[] {from, fc});
            from = fc;
            if (delayAt == 2)
            {
                b.add(new Node("dpost" + l, Kind.DELAY, Map.of("delay", Tensor.of(Shape.of(m), delays(r, m)))));
                edges.add(new String[] {from, "dpost" + l});
                from = "dpost" + l;
                out.append(" post-delay");
            }
            edges.add(new String[] {from, pop});
            // a skip from the input, an identity edge, a recurrence
            if (l >= 2 && inSize > 0 && r.nextBoolean())
            {
                b.add(dense("skip" + l, m, inSize, r));
                edges.add(new String[] {"in", "skip" + l});
                edges.add(new String[] {"skip" + l, pop});
                out.append(" skip");
            }
            if (prevSize == m && r.nextInt(3) == 0)
            {
                edges.add(new String[] {prev, pop});
                out.append(" identity");
            }
            if (!readout && r.nextBoolean())
            {
                b.add(dense("rec" + l, m, m, r));
                edges.add(new String[] {pop, "rec" + l});
                if (r.nextBoolean())
                {
                    b.add(new Node("drec" + l, Kind.DELAY, Map.of("delay", Tensor.of(Shape.of(m), delays(r, m)))));
                    edges.add(new String[] {"rec" + l, "drec" + l});
                    edges.add(new String[] {"drec" + l, pop});
                    out.append(" recurrent+delay");
                }
                else
                {
                    edges.add(new String[] {"rec" + l, pop});
                    out.append(" recurrent");
                }
            }
            out.append("; ");
            prev = pop;
            prevSize = m;
            last = pop;
        }
        b.add(new Node("out", Kind.OUTPUT, Map.of()));
        edges.add(new String[] {last, "out"});
        if (layers > 1 && r.nextBoolean())
        {
            b.add(new Node("hidden_out", Kind.OUTPUT, Map.of()));
            edges.add(new String[] {"L1", "hidden_out"});
        }
        for (final String[] e : edges)
        {
            b.connect(e[0], e[1]);
        }
        return b.build();
    }

    private static double[] delays(final SplittableRandom r, final int n)
    {
        final double[] d = new double[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = r.nextInt(4) * 1e-4;
        }
        return d;
    }

    private static double[] small(final SplittableRandom r, final int n)
    {
        final double[] d = new double[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = r.nextDouble(-0.3, 0.3);
        }
        return d;
    }

    private static double[] weights(final SplittableRandom r, final int n)
    {
        final double[] w = new double[n];
        for (int i = 0; i < n; i++)
        {
            w[i] = r.nextInt(3) == 0 ? 0 : r.nextDouble(-1.2, 1.8);
        }
        return w;
    }

    private static Node dense(final String name, final int rows, final int cols, final SplittableRandom r)
    {
        if (r.nextInt(4) == 0)
        {
            return csr(name, rows, cols, r);
        }
        final Map<String, Tensor> p = new HashMap<>();
        p.put("weight", Tensor.of(Shape.of(rows, cols), weights(r, rows * cols)));
        if (r.nextBoolean())
        {
            p.put("bias", Tensor.of(Shape.of(rows), small(r, rows)));
            return new Node(name, Kind.AFFINE, p);
        }
        return new Node(name, Kind.LINEAR, p);
    }

    /** scfabric's sparse Linear: per input its outputs ascending, a weight per synapse or one per input. */
    private static Node csr(final String name, final int rows, final int cols, final SplittableRandom r)
    {
        final boolean perInput = r.nextBoolean();
        final double[] ptr = new double[cols + 1];
        final double[] idx = new double[rows * cols];
        final double[] data = new double[rows * cols];
        final double[] col = weights(r, cols);
        int e = 0;
        for (int j = 0; j < cols; j++)
        {
            for (int i = 0; i < rows; i++)
            {
                if (r.nextInt(3) != 0)
                {
                    idx[e] = i;
                    data[e++] = r.nextDouble(-1.2, 1.8);
                }
            }
            ptr[j + 1] = e;
        }
        final Map<String, Tensor> p = new HashMap<>();
        p.put("indptr", new Tensor(Shape.of(cols + 1), ptr, Tensor.DType.INT32));
        p.put("indices", new Tensor(Shape.of(e), Arrays.copyOf(idx, e), Tensor.DType.INT32));
        p.put("data", perInput ? Tensor.vector(col) : Tensor.vector(Arrays.copyOf(data, e)));
        p.put("shape", new Tensor(Shape.of(2), new double[] {rows, cols}, Tensor.DType.INT64));
        return new Node(name, Kind.CSR_LINEAR, p);
    }

    private static Node neuron(final String name, final Kind kind, final int m, final SplittableRandom r)
    {
        final Shape s = Shape.of(m);
        final Map<String, Tensor> p = new HashMap<>();
        p.put("r", Tensor.of(s, range(r, m, 0.5, 2.0)));
        switch (kind)
        {
            case LIF, LI -> p.put("tau", Tensor.of(s, range(r, m, 2e-4, 5e-3)));
            case CUBA_LIF, CUBA_LI ->
            {
                p.put("tau_mem", Tensor.of(s, range(r, m, 2e-4, 5e-3)));
                p.put("tau_syn", Tensor.of(s, range(r, m, 2e-4, 5e-3)));
                p.put("w_in", Tensor.of(s, range(r, m, 0.5, 2.0)));
            }
            default ->
            {
            }
        }
        if (kind != Kind.I && kind != Kind.IF)
        {
            p.put("v_leak", Tensor.of(s, range(r, m, -0.1, 0.1)));
        }
        if (kind == Kind.LIF || kind == Kind.CUBA_LIF || kind == Kind.IF)
        {
            p.put("v_threshold", Tensor.of(s, range(r, m, 0.1, 1.2)));
            if (r.nextBoolean())
            {
                p.put("v_reset", Tensor.of(s, range(r, m, -0.2, 0.1)));
            }
        }
        return new Node(name, kind, p);
    }

    private static double[] range(final SplittableRandom r, final int n, final double lo, final double hi)
    {
        final double[] d = new double[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = r.nextDouble(lo, hi);
        }
        return d;
    }

    @Test
    void everyArchitectureGivesTheUnrolledEnginesSpikesOnRandomGraphs()
    {
        final AtomicInteger spiking = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();
        qt().withExamples(400).forAll(longs().all(), integers().between(1, 6), integers().between(0, 35),
            integers().between(0, 63)).checkAssert((seed, k, dp, bits) ->
            {
                final int depth = 1 + dp % 9;
                final int ports = 1 + dp / 9;
                final SplittableRandom r = new SplittableRandom(seed);
                final StringBuilder desc = new StringBuilder();
                final Network net = randomGraph(r, desc);
                final FixedFormat fmt = (bits & 1) == 0 ? FixedFormat.Q8_8 : FixedFormat.Q16_12;
                final Options opt = new Options(1e-4, (bits & 2) == 0 ? Options.Integrator.EULER
                    : Options.Integrator.EXACT, (bits & 4) == 0 ? Options.Reset.ZERO : Options.Reset.SUBTRACT);
                final NirMapping map = NirMapping.map(net, opt, fmt);
                final int n = map.network().size();
                final FabricParams fp = new FabricParams(n, Math.min(k, n), depth, ports, 1 + (bits >> 3 & 3),
                    1 + (bits >> 5 & 1), 100.0, FabricParams.Overflow.STALL);
                final int steps = 60;
                final double rate = 0.1 + 0.5 * r.nextDouble();
                final int channels = map.channels();
                final int[][] spikesIn = new int[steps][channels];
                for (int t = 0; t < steps; t++)
                {
                    for (int c = 0; c < channels; c++)
                    {
                        spikesIn[t][c] = r.nextDouble() < rate ? 1 : 0;
                    }
                }
                final String where = desc + " | K " + fp.cores() + " D " + depth + " P " + ports + " LC "
                    + fp.coreLatency() + " R " + fp.csrLatency() + " " + fmt.name() + " " + opt;
                runs.incrementAndGet();
                if (compare(net, map, fp, opt, fmt, spikesIn, where) > 0)
                {
                    spiking.incrementAndGet();
                }
            });
        assertTrue(spiking.get() * 2 > runs.get(), "most random graphs must spike for the property to mean "
            + "anything: " + spiking + " of " + runs);
    }

    @Test
    void underDropTheSpikesAreTheUnrolledOnesWheneverNothingWasDropped()
    {
        final AtomicInteger dropped = new AtomicInteger();
        final AtomicInteger clean = new AtomicInteger();
        qt().withExamples(150).forAll(longs().all(), integers().between(1, 6), integers().between(1, 3))
            .checkAssert((seed, k, depth) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final Network net = randomGraph(r, new StringBuilder());
                final NirMapping map = NirMapping.map(net, Options.defaults(), FixedFormat.Q8_8);
                final int n = map.network().size();
                final FabricParams fp = new FabricParams(n, Math.min(k, n), depth, 1, 2, 1, 100.0,
                    FabricParams.Overflow.DROP);
                final int[][] in = new int[30][map.channels()];
                for (final int[] row : in)
                {
                    for (int c = 0; c < row.length; c++)
                    {
                        row[c] = r.nextInt(3) == 0 ? 1 : 0;
                    }
                }
                final int[] start = new int[in.length + 1];
                final int[] ch = new int[in.length * Math.max(1, map.channels())];
                int e = 0;
                for (int t = 0; t < in.length; t++)
                {
                    for (int c = 0; c < map.channels(); c++)
                    {
                        if (in[t][c] != 0)
                        {
                            ch[e++] = c;
                        }
                    }
                    start[t + 1] = e;
                }
                final MappedResult res = new MappedFabric(fp, map.network(), map.observed()).run(start,
                    Arrays.copyOf(ch, e), in.length);
                if (res.fabric().dropped() > 0)
                {
                    dropped.incrementAndGet();
                    assertTrue(res.fabric().firstDropCycle() >= 0);
                    assertEquals(0, res.fabric().stallCycles() + res.inputStallCycles(), "DROP never waits");
                }
                else
                {
                    clean.incrementAndGet();
                    compare(net, map, fp, Options.defaults(), FixedFormat.Q8_8, in, "DROP, nothing dropped");
                }
            });
        assertTrue(dropped.get() > 0 && clean.get() > 0, "both cases must occur: " + dropped + " dropped, " + clean
            + " clean");
    }

    /** Runs both; asserts equality step by step; returns the spikes seen. */
    static long compare(final Network net, final NirMapping map, final FabricParams fp, final Options opt,
        final FixedFormat fmt, final int[][] spikesIn, final String where)
    {
        return compare(net, map, fp, opt, fmt, null, spikesIn, where);
    }

    /** {@link #compare}, against the SC back end when {@code sc} is not null ({@code nir --arith sc}). */
    static long compare(final Network net, final NirMapping map, final FabricParams fp, final Options opt,
        final FixedFormat fmt, final org.scfabric.bench.nir.ScConfig sc, final int[][] spikesIn, final String where)
    {
        final int steps = spikesIn.length;
        final int channels = map.channels();
        final int[] start = new int[steps + 1];
        final int[] ch = new int[steps * Math.max(1, channels)];
        int e = 0;
        for (int t = 0; t < steps; t++)
        {
            for (int c = 0; c < channels; c++)
            {
                if (spikesIn[t][c] != 0)
                {
                    ch[e++] = c;
                }
            }
            start[t + 1] = e;
        }
        final MappedResult fab = new MappedFabric(fp, map.network(), map.observed()).run(start, Arrays.copyOf(ch, e),
            steps);
        assertEquals(e, fab.inputEvents(), where);
        final FixedPointEngine ref = new FixedPointEngine(net, opt, fmt, sc);
        final int[] inputs = net.inputs();
        final int one = 1 << fmt.fraction();
        final Map<String, Integer> index = new HashMap<>();
        for (int v = 0; v < net.size(); v++)
        {
            index.put(net.node(v).name(), v);
        }
        // expected output events (step, neuron, value), from the engine's populations
        final List<long[]> expectedOut = new ArrayList<>();
        long spikes = 0;
        for (int t = 0; t < steps; t++)
        {
            int at = 0;
            for (int k = 0; k < inputs.length; k++)
            {
                final int[] buf = ref.inputBuffer(k);
                for (int i = 0; i < buf.length; i++)
                {
                    buf[i] = spikesIn[t][at + i] * one;
                }
                at += buf.length;
            }
            ref.advance();
            final int[] fabSpikes = fab.fabric().spikes()[t];
            int fabAt = 0;
            for (final NirMapping.Population p : map.populations())
            {
                final int[] y = ref.output(index.get(p.name()));
                if (map.network().fires(p.base()))
                {
                    final List<Integer> want = new ArrayList<>();
                    for (int i = 0; i < y.length; i++)
                    {
                        if (y[i] != 0)
                        {
                            want.add(p.base() + i);
                        }
                    }
                    final List<Integer> got = new ArrayList<>();
                    for (final int j : fabSpikes)
                    {
                        if (j >= p.base() && j < p.base() + p.size())
                        {
                            got.add(j);
                        }
                    }
                    assertEquals(want, got, "step " + t + ", population " + p.name() + ": " + where);
                    spikes += want.size();
                    fabAt += got.size();
                }
                if (map.observed()[p.base()])
                {
                    for (int i = 0; i < y.length; i++)
                    {
                        if (y[i] != 0)
                        {
                            expectedOut.add(new long[] {t, p.base() + i, y[i]});
                        }
                    }
                }
            }
            assertEquals(fabSpikes.length, fabAt, "step " + t + ": spikes outside every population: " + where);
        }
        final OutputEvents oe = fab.outputs();
        final List<long[]> gotOut = new ArrayList<>();
        for (int i = 0; i < oe.size(); i++)
        {
            gotOut.add(new long[] {oe.step(i), oe.neuron(i), oe.value(i)});
        }
        gotOut.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        assertEquals(expectedOut.size(), gotOut.size(), "output events: " + where);
        for (int i = 0; i < gotOut.size(); i++)
        {
            assertArrayEquals(expectedOut.get(i), gotOut.get(i), "output event " + i + ": " + where);
        }
        return spikes;
    }
}
