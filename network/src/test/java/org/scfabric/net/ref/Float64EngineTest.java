package org.scfabric.net.ref;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirReader;

class Float64EngineTest
{
    private static Path resource(final String name) throws Exception
    {
        return Path.of(Float64EngineTest.class.getResource("/nir/" + name).toURI());
    }

    /** Column 1 of the NIR paper's input file (the same spike train on every platform). */
    private static double[][] paperInput() throws Exception
    {
        final List<String> lines = Files.readAllLines(resource("lif_norse.csv"));
        final double[][] rows = new double[lines.size()][1];
        for (int t = 0; t < rows.length; t++)
        {
            rows[t][0] = Double.parseDouble(lines.get(t).split(",")[0]);
        }
        return rows;
    }

    @Test
    void norseLifOnThePaperInputSpikesAtNorsesSteps() throws Exception
    {
        final Network n = NirReader.read(resource("lif_norse.nir"));
        final double[][] in = paperInput();
        assertEquals(1000, in.length);
        final ArithmeticRun r = ReferenceRun.run(n, Stimulus.of(in), in.length, Options.defaults());
        final ArithmeticRun.OutputTrain out = r.outputs().get("output");
        assertArrayEquals(new int[] {460, 510, 710, 760}, out.steps());
        assertArrayEquals(new int[] {0, 0, 0, 0}, out.indices());
        assertEquals(4, r.totalSpikes());
        assertEquals(Map.of("1", 4L), r.spikeCounts());
    }

    @Test
    void norseLifMembraneFollowsEuler() throws Exception
    {
        // v after the first input spike: 0 + (1e-4/2.5e-3)(0 - 0 + 1) = 0.04, then decays by 1 - 0.04 per step
        final Network n = NirReader.read(resource("lif_norse.nir"));
        final Float64Engine e = new Float64Engine(n, Options.defaults());
        final int lif = n.indexOf("1");
        e.inputBuffer(0)[0] = 1;
        e.advance();
        final double k = 1e-4 / (double) 0.0025f;
        assertEquals(k, e.membrane(lif)[0]);
        e.inputBuffer(0)[0] = 0;
        e.advance();
        assertEquals(k + k * (0 - k), e.membrane(lif)[0]);
    }

    @Test
    void nestedBrailleTwinSpikesExactlyLikeTheFlatFile() throws Exception
    {
        final Network flat = NirReader.read(resource("braille_noDelay_bias_zero.nir"));
        final Network nested = NirReader.read(resource("braille_noDelay_bias_zero_subgraph.nir"));
        final ArithmeticRun a = ReferenceRun.run(flat, Stimulus.poisson(400, 1e-3, 7), 500, new Options(1e-4,
            Options.Integrator.EULER, Options.Reset.ZERO));
        final ArithmeticRun b = ReferenceRun.run(nested, Stimulus.poisson(400, 1e-3, 7), 500, new Options(1e-4,
            Options.Integrator.EULER, Options.Reset.ZERO));
        assertTrue(a.spikeCounts().get("lif1.lif") > 0 && a.outputs().get("output").size() > 0,
            "the input must make both layers spike for the comparison to mean anything: " + a.spikeCounts());
        assertEquals(a.spikeCounts().get("lif1.lif"), b.spikeCounts().get("lif1.lif"));
        assertEquals(a.spikeCounts().get("lif2"), b.spikeCounts().get("lif2"));
        assertArrayEquals(a.outputs().get("output").steps(), b.outputs().get("output").steps());
        assertArrayEquals(a.outputs().get("output").indices(), b.outputs().get("output").indices());
    }

    @Test
    void sinabsCnnRunsEndToEndOnPoissonFrames() throws Exception
    {
        final Network n = NirReader.read(resource("cnn_sinabs.nir"));
        assertEquals(2 * 34 * 34, ReferenceRun.channels(n));
        final ArithmeticRun r = ReferenceRun.run(n, Stimulus.poisson(2000, 1e-4, 42), 100, Options.defaults());
        final ArithmeticRun r2 = ReferenceRun.run(n, Stimulus.poisson(2000, 1e-4, 42), 100, Options.defaults());
        assertArrayEquals(new int[] {10}, r.outputs().get("output").shape());
        assertTrue(r.spikeCounts().get("1") > 0, "first IF layer spikes: " + r.spikeCounts());
        assertEquals(r.spikeCounts(), r2.spikeCounts(), "deterministic for a seed");
        assertArrayEquals(r.outputs().get("output").steps(), r2.outputs().get("output").steps());
        assertEquals(5, r.spikeCounts().size(), "five IF layers");
    }

    private static Network chain(final Shape in, final Node op)
    {
        return Network.builder().add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(toDoubles(in.dims())))))
            .add(op).add(new Node("out", Kind.OUTPUT, Map.of())).connect("in", op.name()).connect(op.name(), "out")
            .build();
    }

    private static double[] toDoubles(final int[] a)
    {
        final double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++)
        {
            r[i] = a[i];
        }
        return r;
    }

    private static double[] once(final Network n, final double[] x)
    {
        final Float64Engine e = new Float64Engine(n, Options.defaults());
        System.arraycopy(x, 0, e.inputBuffer(0), 0, x.length);
        e.advance();
        return e.output(n.indexOf("out")).clone();
    }

    @Test
    void conv2dIsPyTorchCrossCorrelationWithStridePaddingAndBias()
    {
        // 1x3x3 input 1..9, kernel [[1,0],[0,-1]], padding 1, stride 2, bias 0.5; by hand:
        // out(0,0) = -x(0,0) = -1; out(0,1) = -x(0,2) ... see each window below
        final Node conv = new Node("c", Kind.CONV2D, Map.of("weight", Tensor.of(Shape.of(1, 1, 2, 2), 1, 0, 0, -1),
            "bias", Tensor.vector(0.5), "stride", Tensor.vector(2, 2), "padding", Tensor.vector(1, 1)));
        final Network n = chain(Shape.of(1, 3, 3), conv);
        assertEquals(Shape.of(1, 2, 2), n.node("c").outShape());
        final double[] y = once(n, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        // windows at rows -1..0 / 1..2 and cols -1..0 / 1..2: top-left tap x(r,c), bottom-right -x(r+1,c+1)
        assertArrayEquals(new double[] {-1 + 0.5, -3 + 0.5, -7 + 0.5, (5 - 9) + 0.5}, y);
    }

    @Test
    void groupedConvolutionUsesEachGroupsChannels()
    {
        // 2 channels, 2 groups, 1x1 kernels 2 and 3: each output channel scales its own input channel
        final Node conv = new Node("c", Kind.CONV2D, Map.of("weight", Tensor.of(Shape.of(2, 1, 1, 1), 2, 3),
            "groups", Tensor.scalar(2)));
        final double[] y = once(chain(Shape.of(2, 1, 2), conv), new double[] {1, 2, 10, 20});
        assertArrayEquals(new double[] {2, 4, 30, 60}, y);
    }

    @Test
    void poolsSumAndAverageTheirWindows()
    {
        final double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        final Node sum = new Node("p", Kind.SUM_POOL_2D, Map.of("kernel_size", Tensor.vector(2, 2),
            "stride", Tensor.vector(2, 2), "padding", Tensor.vector(0, 0)));
        assertArrayEquals(new double[] {14, 22, 46, 54}, once(chain(Shape.of(1, 4, 4), sum), x));
        final Node avg = new Node("p", Kind.AVG_POOL_2D, Map.of("kernel_size", Tensor.vector(2, 2),
            "stride", Tensor.vector(2, 2), "padding", Tensor.vector(0, 0)));
        assertArrayEquals(new double[] {3.5, 5.5, 11.5, 13.5}, once(chain(Shape.of(1, 4, 4), avg), x));
    }

    @Test
    void delayHoldsItsInputRoundDelayOverDtSteps()
    {
        final Node d = new Node("d", Kind.DELAY, Map.of("delay", Tensor.vector(3e-4, 0)));
        final Network n = chain(Shape.of(2), d);
        final Float64Engine e = new Float64Engine(n, Options.defaults());
        final int out = n.indexOf("out");
        final double[][] seen = new double[6][];
        for (int t = 0; t < 6; t++)
        {
            e.inputBuffer(0)[0] = t + 1;
            e.inputBuffer(0)[1] = t + 1;
            e.advance();
            seen[t] = e.output(out).clone();
        }
        assertArrayEquals(new double[] {0, 1}, seen[0]);
        assertArrayEquals(new double[] {0, 3}, seen[2]);
        assertArrayEquals(new double[] {1, 4}, seen[3]);
        assertArrayEquals(new double[] {3, 6}, seen[5]);
    }

    @Test
    void backEdgeCarriesThePreviousStep()
    {
        // IF (r 1, threshold 0.5) driven by 1 at step 0 only, with a recurrent Linear of weight 1: it fires
        // at step 0; its spike comes back at step 1 (not within step 0) and makes it fire again, and so on
        final Network n = Network.builder().add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(1))))
            .add(new Node("if", Kind.IF, Map.of("r", Tensor.scalar(1), "v_threshold", Tensor.scalar(0.5))))
            .add(new Node("w", Kind.LINEAR, Map.of("weight", Tensor.of(Shape.of(1, 1), 1))))
            .add(new Node("out", Kind.OUTPUT, Map.of()))
            .connect("in", "if").connect("if", "w").connect("w", "if").connect("if", "out").build();
        final double[][] rows = {{1}, {0}, {0}};
        final ArithmeticRun r = ReferenceRun.run(n, Stimulus.of(rows), 3, Options.defaults());
        assertArrayEquals(new int[] {0, 1, 2}, r.outputs().get("out").steps());
    }

    @Test
    void cubaLifIntegratesTheCurrentFirst()
    {
        // i = 0 + (dt/tau_syn)(-0 + w_in x) = 0.5 * 2 = 1; v = 0 + (dt/tau_mem)(0 - 0 + r i) = 0.25 * 3
        final Node c = new Node("c", Kind.CUBA_LIF, Map.of("tau_syn", Tensor.scalar(2e-4), "tau_mem",
            Tensor.scalar(4e-4), "r", Tensor.scalar(3), "v_leak", Tensor.scalar(0), "v_threshold", Tensor.scalar(10),
            "w_in", Tensor.scalar(2)));
        final Network n = chain(Shape.of(1), c);
        final Float64Engine e = new Float64Engine(n, Options.defaults());
        e.inputBuffer(0)[0] = 1;
        e.advance();
        assertEquals(0.75, e.membrane(n.indexOf("c"))[0]);
    }

    @Test
    void csvAndNpyInputsAreReadAndCheckedAgainstTheChannels(@org.junit.jupiter.api.io.TempDir final Path tmp)
        throws IOException
    {
        final Path csv = Files.writeString(tmp.resolve("x.csv"), "0,1\n1, 0.5\n");
        final Stimulus s = Stimulus.read(csv, 2);
        assertEquals(2, s.rows());
        final double[] row = new double[2];
        s.fill(1, row);
        assertArrayEquals(new double[] {1, 0.5}, row);
        final org.scfabric.net.NetworkException bad = org.junit.jupiter.api.Assertions.assertThrows(
            org.scfabric.net.NetworkException.class, () -> Stimulus.read(csv, 3));
        assertTrue(bad.getMessage().contains("line 1: 2 values, the network takes 3"), bad.getMessage());
        // numpy.save of np.array([[True, False], [False, True]]) (shape (2, 2), bool)
        final String header = "{'descr': '|b1', 'fortran_order': False, 'shape': (2, 2), }";
        final StringBuilder h = new StringBuilder(header);
        while ((10 + h.length() + 1) % 64 != 0)
        {
            h.append(' ');
        }
        h.append('\n');
        final byte[] head = h.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        final java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) head.length, 0});
        b.write(head);
        b.write(new byte[] {1, 0, 0, 1});
        final Path npy = Files.write(tmp.resolve("x.npy"), b.toByteArray());
        final Stimulus t = Stimulus.read(npy, 2);
        t.fill(1, row);
        assertArrayEquals(new double[] {0, 1}, row);
    }
}
