package org.scfabric.bench.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.ArithmeticRun;
import org.scfabric.net.ref.Options;
import org.scfabric.net.ref.ReferenceRun;
import org.scfabric.net.ref.Stimulus;

class FixedPointEngineTest
{
    /** The real NIR files live in the network module's test resources (with their licence). */
    static Path nir(final String name)
    {
        final String root = System.getenv("SCFABRIC_ROOT");
        return Path.of(root != null ? root : "..").resolve("network/src/test/resources/nir").resolve(name)
            .toAbsolutePath().normalize();
    }

    /** Column 1 of the NIR paper's input (the same spike train on every platform). */
    private static Stimulus paperInput() throws Exception
    {
        final List<String> lines = Files.readAllLines(nir("lif_norse.csv"));
        final double[][] rows = new double[lines.size()][1];
        for (int t = 0; t < rows.length; t++)
        {
            rows[t][0] = Double.parseDouble(lines.get(t).split(",")[0]);
        }
        return Stimulus.of(rows);
    }

    @Test
    void q1612ReproducesTheFloat64SpikeStepsOfTheNorseLifOnThePaperInput() throws Exception
    {
        final Network n = NirReader.read(nir("lif_norse.nir"));
        final FixedPointRun.Result q = FixedPointRun.run(n, paperInput(), 1000, Options.defaults(), FixedFormat.Q16_12);
        final ArithmeticRun.OutputTrain out = q.run().outputs().get("output");
        assertArrayEquals(new int[] {460, 510, 710, 760}, out.steps());
        assertEquals("q16.12", q.run().arith());
        assertEquals(Map.of("1", 4L), q.run().spikeCounts());
        // tau = 2.5e-3 as float32: dt/tau = 0.04 (nearly) is 163.84 / 4096, rounded to 164
        assertEquals(Math.abs(164 / 4096.0 - 1e-4 / (double)0.0025f), q.quantisation().get("1").get("dt/tau"), 1e-15);
    }

    @Test
    void q88OnTheNorseLifIsComparedNotAssumedEqual() throws Exception
    {
        // Q8.8 rounds dt/tau 0.04 to 10/256 = 0.0390625 and every membrane update to 1/256: the neuron sees the
        // same input but its membrane no longer reaches the threshold where float64's does. The run must still
        // go through the same path and say so in its agreement figures.
        final Network n = NirReader.read(nir("lif_norse.nir"));
        final ArithmeticRun ref = ReferenceRun.run(n, paperInput(), 1000, Options.defaults());
        final FixedPointRun.Result q = FixedPointRun.run(n, paperInput(), 1000, Options.defaults(), FixedFormat.Q8_8);
        final Agreement.Output a = Agreement.of(ref, q.run()).get("output");
        final int spikes = q.run().outputs().get("output").size();
        assertEquals(spikes == 4 ? 1 : 0, a.countsEqual());
        final int[] refSteps = ref.outputs().get("output").steps();
        final int[] qSteps = q.run().outputs().get("output").steps();
        int expectFirst = -1;
        for (int i = 0; i < Math.max(refSteps.length, qSteps.length); i++)
        {
            final int x = i < refSteps.length ? refSteps[i] : Integer.MAX_VALUE;
            final int y = i < qSteps.length ? qSteps[i] : Integer.MAX_VALUE;
            if (x != y)
            {
                expectFirst = Math.min(x, y);
                break;
            }
        }
        assertEquals(expectFirst, a.firstDivergence()[0]);
        assertEquals(10 / 256.0 - 1e-4 / (double)0.0025f, -q.quantisation().get("1").get("dt/tau"), 1e-15);
    }

    @Test
    void brailleRunsInBothFormatsAndItsNestedTwinGivesTheSameSpikes() throws Exception
    {
        final Network flat = NirReader.read(nir("braille_noDelay_bias_zero.nir"));
        final Network nested = NirReader.read(nir("braille_noDelay_bias_zero_subgraph.nir"));
        final ArithmeticRun ref = ReferenceRun.run(flat, Stimulus.poisson(400, 1e-3, 7), 500, Options.defaults());
        for (final FixedFormat fmt : new FixedFormat[] {FixedFormat.Q8_8, FixedFormat.Q16_12})
        {
            final FixedPointRun.Result a = FixedPointRun.run(flat, Stimulus.poisson(400, 1e-3, 7), 500,
                Options.defaults(), fmt);
            final FixedPointRun.Result b = FixedPointRun.run(nested, Stimulus.poisson(400, 1e-3, 7), 500,
                Options.defaults(), fmt);
            assertTrue(a.run().spikeCounts().get("lif1.lif") > 0, fmt.name() + ": the hidden layer must spike for "
                + "the comparison to mean anything: " + a.run().spikeCounts() + " (float64 " + ref.spikeCounts() + ")");
            assertEquals(a.run().spikeCounts(), b.run().spikeCounts(), fmt.name());
            assertArrayEquals(a.run().outputs().get("output").steps(), b.run().outputs().get("output").steps());
            assertArrayEquals(a.run().outputs().get("output").indices(), b.run().outputs().get("output").indices());
            final Agreement.Output ag = Agreement.of(ref, a.run()).get("output");
            assertEquals(7, ag.neurons());
            assertTrue(a.quantisation().get("lif1.lif").containsKey("dt/tau_syn"), a.quantisation().toString());
        }
    }

    @Test
    void convScatterOverNonZeroInputsEqualsTheGather() throws Exception
    {
        final Network n = NirReader.read(nir("cnn_sinabs.nir"));
        final SplittableRandom rnd = new SplittableRandom(5);
        int convs = 0;
        for (final FixedFormat fmt : new FixedFormat[] {FixedFormat.Q8_8, FixedFormat.Q16_12})
        {
            final FixedPointEngine e = new FixedPointEngine(n, Options.defaults(), fmt);
            for (int v = 0; v < n.size(); v++)
            {
                if (n.node(v).kind() != Kind.CONV2D)
                {
                    continue;
                }
                convs++;
                final int[] x = new int[n.node(v).inShape().size()];
                for (int i = 0; i < x.length; i++)
                {
                    // sparse spikes, some analog values of either sign
                    x[i] = rnd.nextInt(5) == 0 ? 1 << fmt.fraction() : rnd.nextInt(9) == 0 ? rnd.nextInt(-500, 500) : 0;
                }
                final int[] a = new int[n.node(v).outShape().size()];
                final int[] b = new int[a.length];
                final FixedPointEngine.Conv c = (FixedPointEngine.Conv)e.op(v);
                c.step(x, a);
                c.gather(x, b);
                assertArrayEquals(b, a, n.node(v).name());
                assertTrue(java.util.Arrays.stream(b).anyMatch(y -> y != 0), "a comparison of zeros proves nothing");
            }
        }
        assertTrue(convs >= 4, "cnn_sinabs has convolutions: " + convs);
    }

    /** Pools sum through a precomputed window table: the same sums as the window loop, saturation included. */
    @Test
    void poolTableEqualsTheWindowLoop() throws Exception
    {
        final Network n = NirReader.read(nir("cnn_sinabs.nir"));
        final SplittableRandom rnd = new SplittableRandom(9);
        int pools = 0;
        for (final FixedFormat fmt : new FixedFormat[] {FixedFormat.Q8_8, FixedFormat.Q16_12})
        {
            final FixedPointEngine e = new FixedPointEngine(n, Options.defaults(), fmt);
            for (int v = 0; v < n.size(); v++)
            {
                if (n.node(v).kind() != Kind.SUM_POOL_2D)
                {
                    continue;
                }
                pools++;
                for (int k = 0; k < 20; k++)
                {
                    final int[] x = new int[n.node(v).inShape().size()];
                    for (int i = 0; i < x.length; i++)
                    {
                        // spikes, values of either sign, now and then one near the format's edge (saturation)
                        x[i] = rnd.nextInt(3) == 0 ? 1 << fmt.fraction() : rnd.nextInt(4) == 0
                            ? (int)(rnd.nextLong() >> (64 - fmt.width())) : 0;
                    }
                    final int[] a = new int[n.node(v).outShape().size()];
                    final int[] b = new int[a.length];
                    final FixedPointEngine.Pool p = (FixedPointEngine.Pool)e.op(v);
                    p.step(x, a);
                    p.windows(x, b);
                    assertArrayEquals(b, a, n.node(v).name());
                    assertTrue(java.util.Arrays.stream(b).anyMatch(y -> y != 0), "a comparison of zeros proves nothing");
                }
            }
        }
        assertTrue(pools >= 4, "cnn_sinabs has pools: " + pools);
    }

    // ---- the integer path against a straightforward reference of the quantised arithmetic ----

    private static final Kind[] KINDS = {Kind.LIF, Kind.CUBA_LIF, Kind.IF, Kind.LI, Kind.CUBA_LI, Kind.I};

    @Test
    void integerPathEqualsAPlainReferenceOfTheQuantisedArithmetic()
    {
        qt().withExamples(150).forAll(longs().all(), integers().between(0, KINDS.length - 1), integers().between(0, 1))
            .checkAssert((seed, kind, f) -> check(seed, KINDS[kind], f == 0 ? FixedFormat.Q8_8 : FixedFormat.Q16_12));
    }

    private static double[] uniform(final SplittableRandom r, final int n, final double lo, final double hi)
    {
        final double[] a = new double[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = lo + (hi - lo) * r.nextDouble();
        }
        return a;
    }

    private static void check(final long seed, final Kind kind, final FixedFormat fmt)
    {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int cols = 1 + rnd.nextInt(5);
        final int rows = 1 + rnd.nextInt(4);
        // now and then weights beyond the format's range, so that saturation and wrap-around are exercised
        final double big = rnd.nextInt(4) == 0 ? 150 : 2;
        final double[] wt = uniform(rnd, rows * cols, -big, big);
        final double[] bias = uniform(rnd, rows, -0.5, 0.5);
        final double dt = 1e-4;
        final double[] tau = uniform(rnd, rows, 1.6e-4, 2e-2);
        final double[] tauSyn = uniform(rnd, rows, 1.6e-4, 2e-2);
        final double[] r = uniform(rnd, rows, 0.2, 3);
        final double[] vLeak = uniform(rnd, rows, -0.5, 0.5);
        final double[] vTh = uniform(rnd, rows, 0.05, 2);
        final double[] vReset = uniform(rnd, rows, -0.5, 0.5);
        final double[] wIn = uniform(rnd, rows, 0.2, 2);
        final Shape rs = Shape.of(rows);
        final Map<String, Tensor> p = new java.util.HashMap<>();
        p.put("r", Tensor.of(rs, r));
        switch (kind)
        {
            case LIF, LI -> p.put("tau", Tensor.of(rs, tau));
            case CUBA_LIF, CUBA_LI ->
            {
                p.put("tau_mem", Tensor.of(rs, tau));
                p.put("tau_syn", Tensor.of(rs, tauSyn));
                p.put("w_in", Tensor.of(rs, wIn));
            }
            default ->
            {
            }
        }
        if (kind != Kind.I && kind != Kind.IF)
        {
            p.put("v_leak", Tensor.of(rs, vLeak));
        }
        final boolean fires = kind == Kind.LIF || kind == Kind.CUBA_LIF || kind == Kind.IF;
        if (fires)
        {
            p.put("v_threshold", Tensor.of(rs, vTh));
            p.put("v_reset", Tensor.of(rs, vReset));
        }
        final Network net = Network.builder()
            .add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(cols))))
            .add(new Node("fc", Kind.AFFINE, Map.of("weight", Tensor.of(Shape.of(rows, cols), wt), "bias",
                Tensor.of(rs, bias))))
            .add(new Node("nrn", kind, p))
            .add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "fc").connect("fc", "nrn").connect("nrn", "out").build();
        final FixedPointEngine e = new FixedPointEngine(net, Options.defaults(), fmt);
        final int nrn = net.indexOf("nrn");
        final int outIdx = net.indexOf("out");

        // the reference: every quantity as an exact long, floor shifts, explicit wrap and clamp
        final int w = fmt.width();
        final int f = fmt.fraction();
        final long[] wq = q(fmt, wt);
        final long[] bq = q(fmt, bias);
        final long[] km = q(fmt, div(dt, tau));
        final long[] ks = q(fmt, div(dt, tauSyn));
        final long[] rq = q(fmt, r);
        final long[] lq = q(fmt, vLeak);
        final long[] tq = q(fmt, vTh);
        final long[] zq = q(fmt, vReset);
        final long[] iq = q(fmt, wIn);
        final long[] v = new long[rows];
        final long[] i = new long[rows];
        final long one = 1L << f;
        for (int t = 0; t < 60; t++)
        {
            final long[] x = new long[cols];
            for (int j = 0; j < cols; j++)
            {
                // spikes mostly, and now and then an analog value
                x[j] = rnd.nextInt(3) == 0 ? fmt.quantise(rnd.nextDouble() * 4 - 2) : rnd.nextBoolean() ? one : 0;
                e.inputBuffer(0)[j] = (int)x[j];
            }
            e.advance();
            for (int k = 0; k < rows; k++)
            {
                long acc = 0;
                for (int j = 0; j < cols; j++)
                {
                    acc += wq[k * cols + j] * x[j];
                }
                long drive = clamp(Math.floorDiv(acc, one) + bq[k], w);
                if (kind == Kind.CUBA_LIF || kind == Kind.CUBA_LI)
                {
                    final long d = wrap(Math.floorDiv(drive * iq[k], one), w);
                    i[k] = wrap(i[k] + wrap(Math.floorDiv((d - i[k]) * ks[k], one), w), w);
                    drive = i[k];
                }
                final long ri = wrap(Math.floorDiv(drive * rq[k], one), w);
                long u = kind == Kind.I || kind == Kind.IF ? wrap(v[k] + ri, w)
                    : wrap(v[k] + wrap(Math.floorDiv((lq[k] - v[k] + ri) * km[k], one), w), w);
                long y = u;
                if (fires)
                {
                    y = u > tq[k] ? one : 0;
                    u = u > tq[k] ? zq[k] : u;
                }
                v[k] = u;
                assertEquals(u, e.membrane(nrn)[k], "membrane of neuron " + k + " at step " + t);
                assertEquals(y, e.output(outIdx)[k], "output of neuron " + k + " at step " + t);
            }
        }
    }

    private static double[] div(final double a, final double[] b)
    {
        final double[] r = new double[b.length];
        for (int k = 0; k < r.length; k++)
        {
            r[k] = a / b[k];
        }
        return r;
    }

    private static long[] q(final FixedFormat fmt, final double[] a)
    {
        final long[] r = new long[a.length];
        for (int k = 0; k < r.length; k++)
        {
            r[k] = fmt.quantise(a[k]);
        }
        return r;
    }

    private static long wrap(final long x, final int w)
    {
        final long m = 1L << w;
        return Math.floorMod(x + (m >> 1), m) - (m >> 1);
    }

    private static long clamp(final long x, final int w)
    {
        final long max = (1L << (w - 1)) - 1;
        return Math.max(-max - 1, Math.min(max, x));
    }
}
