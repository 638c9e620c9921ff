package org.scfabric.hw.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;
import org.scfabric.hw.layer.DenseLayerCore;
import org.scfabric.hw.lif.LifParams;

/** sc_dense_layer_core under Icarus against DenseLayerCore, and the golden run on the Verilog itself. */
class DenseLayerCosimTest
{
    private static final String[] SOURCES = {
        "sc_bitstream_encoder.v", "sc_bitstream_synapse.v", "sc_dotproduct_to_current.v", "sc_lif_neuron.v", "sc_dense_layer_core.v"};
    private static final String[] FIELDS = {"running", "run_done", "x_bits", "w_bits", "I_t", "spikes", "v_flat"};

    /** {nInputs, nNeurons, params}. */
    static Stream<Object[]> shapes()
    {
        return Stream.of(
            new Object[] {3, 2, LifParams.Q8_8},
            new Object[] {8, 4, new LifParams(16, 8, -20, 64, 300, 2)},
            new Object[] {1, 1, LifParams.Q8_8.withRefractory(3)});
    }

    @BeforeEach
    void icarus()
    {
        IcarusRunner.requireIcarus();
    }

    static IcarusRunner compile(final int n, final int m, final LifParams p)
    {
        return IcarusRunner.compile("tb_sc_dense_layer_core", IcarusRunner.params(
            "N_INPUTS", Integer.toString(n), "N_NEURONS", Integer.toString(m), "FRACTION", Integer.toString(p.fraction()),
            "V_REST", "16'h" + Cosim.hex(p.vRest(), 16), "V_RESET", "16'h" + Cosim.hex(p.vReset(), 16),
            "V_THRESHOLD", "16'h" + Cosim.hex(p.vThreshold(), 16), "REFRACTORY_PERIOD", Integer.toString(p.refractoryPeriod())),
            SOURCES);
    }

    /** One segment: x, w, y, leak, gain held; per line rst_n, start_pulse, stream_len. */
    static final class Segment
    {
        int[] x;
        int[] w;
        int yMin;
        int yMax;
        int leak;
        int gain;
        List<int[]> lines;
    }

    static Gen<List<Segment>> stimulus(final int n)
    {
        final Gen<int[]> probs = lists().of(Stimuli.unsigned(16)).ofSize(n).map(l -> l.stream().mapToInt(Integer::intValue).toArray());
        final Gen<int[]> ys = Stimuli.signed(16, 600, 256).zip(Stimuli.signed(16, 600, 256), (a, b) -> new int[] {a, b})
            .mix(arbitrary().pick(new int[] {0, 600}, new int[] {0, 256}, new int[] {256, 0}), 50);
        final Gen<int[]> lg = integers().between(0, 256).zip(integers().between(0, 512), (l, g) -> new int[] {l, g})
            .mix(Stimuli.signed(16).zip(Stimuli.signed(16), (l, g) -> new int[] {l, g}), 20);
        final Gen<Integer> len = integers().between(1, 300).mix(arbitrary().pick(0, 1, 2, 0xFFFF), 10);
        final Gen<int[]> line = Stimuli.rstN(2).zip(integers().between(0, 99), len, (r, s, l) -> new int[] {r, s < 5 ? 1 : 0, l});
        final Gen<Segment> seg = probs.zip(probs, ys, lg, Stimuli.segment(line, 100, 300), (x, w, y, k, lines) ->
        {
            final Segment s = new Segment();
            s.x = x;
            s.w = w;
            s.yMin = y[0];
            s.yMax = y[1];
            s.leak = k[0];
            s.gain = k[1];
            s.lines = lines;
            return s;
        });
        return lists().of(seg).ofSize(60);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void verilogEqualsJavaOnEveryCycle(final int n, final int m, final LifParams p)
    {
        final IcarusRunner sim = compile(n, m, p);
        Stimuli.once(0xDE5_0000L + n * 100 + m, stimulus(n), segments ->
        {
            final DenseLayerCore core = new DenseLayerCore(n, m, p);
            final Cosim.Trace trace = new Cosim.Trace();
            int spikes = 0;
            int runs = 0;
            boolean first = true;
            for (final Segment s : segments)
            {
                for (final int[] l : s.lines)
                {
                    final boolean reset = first || l[0] == 0;
                    first = false;
                    if (reset)
                    {
                        core.reset();
                    }
                    else
                    {
                        core.clock(l[1] == 1, l[2], s.x, s.w, s.yMin, s.yMax, s.leak, s.gain);
                        spikes += Long.bitCount(core.spikes());
                        runs += core.runDone();
                    }
                    trace.add(Cosim.line(reset ? "0" : "1", Integer.toString(l[1]), Cosim.hex(l[2], 16), Cosim.hex16s(s.x, n),
                            Cosim.hex16s(s.w, n), Cosim.hex(s.yMin, 16), Cosim.hex(s.yMax, 16), Cosim.hex(s.leak, 16), Cosim.hex(s.gain, 16)),
                        Cosim.line(Integer.toString(core.running()), Integer.toString(core.runDone()), Cosim.hex(core.xBits(), n),
                            Cosim.hex(core.wBits(), n), Cosim.hex(core.current(s.yMin, s.yMax), 16), Cosim.hex(core.spikes(), m),
                            vFlat(core, m)));
                }
            }
            Cosim.assertSameOutputs("sc_dense_layer_core " + n + "x" + m, FIELDS, trace.stimulus, trace.expected, sim.run(trace.stimulus));
            assertTrue(trace.cycles() >= 10_000, "cycles " + trace.cycles());
            assertTrue(spikes > 100 && runs > 10, "spikes " + spikes + ", completed runs " + runs);
        });
    }

    private static String vFlat(final DenseLayerCore core, final int m)
    {
        final int[] v = new int[m];
        for (int j = 0; j < m; j++)
        {
            v[j] = core.v(j);
        }
        return Cosim.hex16s(v, m);
    }

    @Test
    void verilogReproducesTheGoldenRunK1ToK9()
    {
        final IcarusRunner sim = compile(3, 2, LifParams.Q8_8);
        final List<String> stim = new ArrayList<>();
        final String inputs = "00c8 9c404e20ea60 c350ffff7530 0000 0258 0010 0100"; // len 200, x, w, y 0..600, leak 16, gain 256
        stim.add("0 0 " + inputs);
        for (int k = 1; k <= 9; k++)
        {
            stim.add("1 1 " + inputs);
        }
        final List<String> out = sim.run(stim);
        // x-bits | w-bits | I_t | v of both neurons (bit i of the hex fields is input i / neuron i)
        final String[] golden = {
            "1 6 0000 0 00000000", "5 6 00c8 0 00000000", "1 2 0000 0 00c800c8", "5 2 0000 0 00bb00bb", "1 2 0000 0 00af00af",
            "1 2 0000 0 00a400a4", "7 6 0190 0 00990099", "5 6 00c8 3 00000000", "1 6 0000 0 00c800c8"};
        for (int k = 1; k <= 9; k++)
        {
            final String[] f = out.get(k).split(" ");
            assertEquals(golden[k - 1], String.join(" ", f[2], f[3], f[4], f[5], f[6]), "after edge k" + k);
            assertEquals("1", f[0], "running after edge k" + k);
        }
    }
}
