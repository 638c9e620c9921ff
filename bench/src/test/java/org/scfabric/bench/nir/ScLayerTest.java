package org.scfabric.bench.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.sc.LfsrEncoderModel;
import org.scfabric.hw.sc.SeedPlan;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.ArithmeticRun;
import org.scfabric.net.ref.Options;
import org.scfabric.net.ref.Stimulus;

class ScLayerTest
{
    private static final FixedFormat Q = FixedFormat.Q8_8;
    private static final int ONE = 256;

    /** in(n) -> Linear(1 x n) -> out: the output is the SC current itself. */
    private static Network linear(final double... w)
    {
        return Network.builder()
            .add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(w.length))))
            .add(new Node("fc", Kind.LINEAR, Map.of("weight", Tensor.of(Shape.of(1, w.length), w))))
            .add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "fc").connect("fc", "out").build();
    }

    /** The L output bits of a 16-bit encoder clocked cycle by cycle (eval, commit, bit_out), the RTL's way. */
    private static boolean[] cycles(final LfsrEncoderModel e, final int x, final int l)
    {
        final boolean[] b = new boolean[l];
        for (int c = 0; c < l; c++)
        {
            e.eval(x);
            e.commit();
            b[c] = e.bitOut() == 1;
        }
        return b;
    }

    @Test
    void currentIsTheSignedAndPopcountOfTheEncodersScaledByTheConvertersRange()
    {
        // weights 0.5 and -0.25: max|W| = 0.5, so the weight comparators get 0xFFFF and 32768; both inputs spike
        // (comparator 0xFFFF); range Y = 0.5 * 1.0 = 128 in Q8.8. Step 2: the input LFSRs go on, the weight
        // streams restart (a ROM).
        final int l = 128;
        final long seed = 0x1234;
        final FixedPointEngine e = new FixedPointEngine(linear(0.5, -0.25), Options.defaults(), Q, new ScConfig(l, seed));
        final LfsrEncoderModel in0 = new LfsrEncoderModel(SeedPlan.input(0));
        final LfsrEncoderModel in1 = new LfsrEncoderModel(SeedPlan.input(1));
        in0.reset(0x1234);
        in1.reset(0x1234);
        for (int step = 0; step < 2; step++)
        {
            final LfsrEncoderModel w0 = new LfsrEncoderModel(SeedPlan.weight(0));
            final LfsrEncoderModel w1 = new LfsrEncoderModel(SeedPlan.weight(1));
            w0.reset(0x1234);
            w1.reset(0x1234);
            final boolean[] a = cycles(in0, 0xFFFF, l);
            final boolean[] b = cycles(in1, 0xFFFF, l);
            final boolean[] wa = cycles(w0, 0xFFFF, l);
            final boolean[] wb = cycles(w1, 32768, l);
            int plus = 0;
            int minus = 0;
            for (int c = 0; c < l; c++)
            {
                plus += a[c] && wa[c] ? 1 : 0;
                minus += b[c] && wb[c] ? 1 : 0;
            }
            e.inputBuffer(0)[0] = ONE;
            e.inputBuffer(0)[1] = ONE;
            e.advance();
            assertEquals(128 * (plus - minus) / l, e.output(2)[0], "step " + step);
            assertTrue(plus > 100 && minus > 40 && minus < 90, plus + " " + minus);
        }
    }

    @Test
    void aNegativeInputFlipsTheProductsSignAndAZeroInputAddsNothing()
    {
        final FixedPointEngine pos = new FixedPointEngine(linear(0.75, 0.5), Options.defaults(), Q, new ScConfig(256, 7));
        final FixedPointEngine neg = new FixedPointEngine(linear(0.75, 0.5), Options.defaults(), Q, new ScConfig(256, 7));
        pos.inputBuffer(0)[0] = ONE;
        neg.inputBuffer(0)[0] = -ONE;
        pos.advance();
        neg.advance();
        assertTrue(pos.output(2)[0] > 0);
        assertEquals(-pos.output(2)[0], neg.output(2)[0]);
        final FixedPointEngine zero = new FixedPointEngine(linear(0.75, 0.5), Options.defaults(), Q, new ScConfig(256, 7));
        zero.advance();
        assertEquals(0, zero.output(2)[0]);
    }

    /** |SC current - exact sum| in real units, for n weights in [-1, 1] and random spikes, at bitstream l. */
    private static double error(final long caseSeed, final int n, final int l)
    {
        final SplittableRandom r = new SplittableRandom(caseSeed);
        final double[] w = new double[n];
        double exact = 0;
        final int[] x = new int[n];
        for (int j = 0; j < n; j++)
        {
            w[j] = r.nextDouble() * 2 - 1;
            x[j] = r.nextBoolean() ? ONE : 0;
            exact += x[j] == 0 ? 0 : w[j];
        }
        final FixedPointEngine e = new FixedPointEngine(linear(w), Options.defaults(), Q, new ScConfig(l, caseSeed));
        System.arraycopy(x, 0, e.inputBuffer(0), 0, n);
        e.advance();
        return Math.abs(e.output(2)[0] / (double)ONE - exact);
    }

    @Test
    void scCurrentIsTheWeightedSumWithinTheBitstreamsStatisticalError()
    {
        // each product is a count of L AND bits with p = |w| |x| / (max|W| X): std <= 0.5 / sqrt(L) per synapse, so
        // a sum of n is within 5 sigma = 2.5 sqrt(n / L) max|W| (max|W| <= 1), plus the converter's truncation and
        // range quantisation (2 LSB)
        final int l = 16_384;
        qt().withExamples(60).forAll(longs().all(), integers().between(1, 8)).checkAssert((seed, n) ->
            assertTrue(error(seed, n, l) <= 2.5 * Math.sqrt((double)n / l) + 2.0 / ONE,
                () -> "seed " + seed + " n " + n + ": error " + error(seed, n, l)));
    }

    @Test
    void theErrorShrinksAsTheBitstreamGrows()
    {
        double shortStreams = 0;
        double longStreams = 0;
        for (long c = 0; c < 200; c++)
        {
            shortStreams += error(c, 6, 64);
            longStreams += error(c, 6, 16_384);
        }
        // at L = 64 the mean error is of order 0.5 sqrt(6 / 64) = 0.15; at 16 384 about 16 times less
        assertTrue(longStreams * 4 < shortStreams, shortStreams / 200 + " vs " + longStreams / 200);
    }

    @Test
    void aConvolutionOnScSynapsesApproachesItsFixedPointResult()
    {
        // Conv2d 2 x 1 x 3 x 3, stride 1, padding 1, on a 1 x 5 x 5 spike frame: every output is a sum of at most 9
        // products, compared with the Q8.8 engine's exact integer convolution
        final SplittableRandom r = new SplittableRandom(5);
        final double[] k = new double[18];
        for (int i = 0; i < k.length; i++)
        {
            k[i] = r.nextDouble() * 2 - 1;
        }
        final Network net = Network.builder()
            .add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(1, 5, 5))))
            .add(new Node("conv", Kind.CONV2D, Map.of("weight", Tensor.of(Shape.of(2, 1, 3, 3), k), "padding",
                Tensor.vector(1, 1), "stride", Tensor.vector(1, 1))))
            .add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "conv").connect("conv", "out").build();
        final FixedPointEngine sc = new FixedPointEngine(net, Options.defaults(), Q, new ScConfig(65_536, 3));
        final FixedPointEngine q = new FixedPointEngine(net, Options.defaults(), Q);
        for (int i = 0; i < 25; i++)
        {
            final int v = r.nextBoolean() ? ONE : 0;
            sc.inputBuffer(0)[i] = v;
            q.inputBuffer(0)[i] = v;
        }
        sc.advance();
        q.advance();
        final int out = net.indexOf("out");
        double worst = 0;
        for (int o = 0; o < 50; o++)
        {
            worst = Math.max(worst, Math.abs(sc.output(out)[o] - q.output(out)[o]) / (double)ONE);
        }
        // 5 sigma of 9 products at L = 65 536 is 0.029; plus truncation and Q8.8 weight rounding (9 * 0.5 LSB)
        assertTrue(worst <= 2.5 * Math.sqrt(9.0 / 65_536) + 7.0 / ONE, "worst " + worst);
    }

    @Test
    void theSeedFixesTheRunAndAnotherSeedChangesIt() throws Exception
    {
        final Network net = NirReader.read(FixedPointEngineTest.nir("braille_noDelay_bias_zero.nir"));
        final ArithmeticRun a = run(net, 42);
        final ArithmeticRun b = run(net, 42);
        final ArithmeticRun c = run(net, 43);
        assertEquals("sc", a.arith());
        assertEquals(a.spikeCounts(), b.spikeCounts());
        assertArrayEquals(a.outputs().get("output").steps(), b.outputs().get("output").steps());
        assertArrayEquals(a.outputs().get("output").indices(), b.outputs().get("output").indices());
        assertTrue(a.totalSpikes() > 0);
        assertNotEquals(a.spikeCounts(), c.spikeCounts());
    }

    @Test
    void aCsrLinearIsRealisedWithOneWeightStreamPerAxon()
    {
        // 2 inputs, 3 outputs; input 0 reaches outputs 0 and 2 with its axon weight 0.5, input 1 reaches output 1
        // with -0.25: per-input weights, as the Brunel export writes them. Only input 0 spikes.
        final Map<String, Tensor> p = new java.util.LinkedHashMap<>();
        p.put("indptr", new Tensor(Shape.of(3), new double[] {0, 2, 3}, Tensor.DType.INT32));
        p.put("indices", new Tensor(Shape.of(3), new double[] {0, 2, 1}, Tensor.DType.INT32));
        p.put("data", Tensor.vector(0.5, -0.25));
        p.put("shape", new Tensor(Shape.of(2), new double[] {3, 2}, Tensor.DType.INT64));
        final Network net = Network.builder()
            .add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(2))))
            .add(new Node("syn", Kind.CSR_LINEAR, p))
            .add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "syn").connect("syn", "out").build();
        final int l = 256;
        final FixedPointEngine e = new FixedPointEngine(net, Options.defaults(), Q, new ScConfig(l, 9));
        final LfsrEncoderModel in0 = new LfsrEncoderModel(SeedPlan.input(0));
        in0.reset(9);
        final LfsrEncoderModel w0 = new LfsrEncoderModel(SeedPlan.weight(0));
        w0.reset(9);
        final boolean[] a = cycles(in0, 0xFFFF, l);
        final boolean[] w = cycles(w0, 0xFFFF, l);
        int pc = 0;
        for (int c = 0; c < l; c++)
        {
            pc += a[c] && w[c] ? 1 : 0;
        }
        e.inputBuffer(0)[0] = ONE;
        e.advance();
        final int[] y = e.output(net.indexOf("out"));
        // range Y = max|W| * 1.0 = 0.5 = 128; both targets of axon 0 see its one stream pair
        assertEquals(128 * pc / l, y[0]);
        assertEquals(y[0], y[2]);
        assertEquals(0, y[1]);
        assertTrue(pc > 250, "p = 1 x 1: " + pc);
    }

    private static ArithmeticRun run(final Network net, final long seed)
    {
        // the input frames are the same for both seeds: only the SC streams differ
        return FixedPointRun.run(net, Stimulus.poisson(400, 1e-4, 1), 300, Options.defaults(), Q,
            new ScConfig(256, seed)).run();
    }

    /** in(4) -> a (Linear 3x4) -> lif (LIF 3) -> b (Linear 2x3) -> out, nodes added in the given order. */
    private static Network twoLayers(final boolean reversed)
    {
        final SplittableRandom r = new SplittableRandom(11);
        final double[] wa = new double[12];
        final double[] wb = new double[6];
        for (int i = 0; i < wa.length; i++)
        {
            wa[i] = r.nextDouble() * 2 - 1;
        }
        for (int i = 0; i < wb.length; i++)
        {
            wb[i] = r.nextDouble() * 2 - 1;
        }
        final Node[] nodes = {
            new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(4))),
            new Node("a", Kind.LINEAR, Map.of("weight", Tensor.of(Shape.of(3, 4), wa))),
            new Node("lif", Kind.LIF, Map.of("tau", Tensor.scalar(2e-4), "r", Tensor.scalar(1.0), "v_leak",
                Tensor.scalar(0.0), "v_threshold", Tensor.scalar(0.1))),
            new Node("b", Kind.LINEAR, Map.of("weight", Tensor.of(Shape.of(2, 3), wb))),
            new Node("out", Kind.OUTPUT, Map.of())};
        final Network.Builder b = Network.builder();
        for (int i = 0; i < nodes.length; i++)
        {
            b.add(nodes[reversed ? nodes.length - 1 - i : i]);
        }
        return b.connect("in", "a").connect("a", "lif").connect("lif", "b").connect("b", "out").build();
    }

    @Test
    void theOrderInWhichNodesAreReadDoesNotChangeTheSeeds()
    {
        final FixedPointEngine x = new FixedPointEngine(twoLayers(false), Options.defaults(), Q, new ScConfig(128, 9));
        final FixedPointEngine y = new FixedPointEngine(twoLayers(true), Options.defaults(), Q, new ScConfig(128, 9));
        final Network nx = twoLayers(false);
        final Network ny = twoLayers(true);
        final SplittableRandom r = new SplittableRandom(2);
        long nonZero = 0;
        for (int t = 0; t < 200; t++)
        {
            for (int i = 0; i < 4; i++)
            {
                final int v = r.nextInt(3) == 0 ? ONE : 0;
                x.inputBuffer(0)[i] = v;
                y.inputBuffer(0)[i] = v;
            }
            x.advance();
            y.advance();
            for (final String n : new String[] {"a", "lif", "b"})
            {
                assertArrayEquals(x.output(nx.indexOf(n)), y.output(ny.indexOf(n)), n + " at step " + t);
            }
            for (final int c : x.output(nx.indexOf("b")))
            {
                nonZero += c != 0 ? 1 : 0;
            }
        }
        assertTrue(nonZero > 0, "the second layer must see spikes for the check to mean anything");
    }
}
