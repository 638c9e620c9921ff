package org.scfabric.hw.cosim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.scfabric.hw.sc.Lfsr;
import org.scfabric.hw.sc.LfsrEncoderModel;
import org.scfabric.hw.sc.LfsrTaps;
import org.scfabric.hw.sc.SobolEncoderModel;
import org.scfabric.hw.sc.SobolGenerator;

/** sc_lfsr, sc_bitstream_encoder, sc_sobol and sc_sobol_encoder under Icarus against their Java twins. */
class EncoderCosimTest
{
    static final int SEGMENTS = 100;

    /** {width, taps, seed}: the reference 16-bit LFSR and maximal-length ones of 8, 24 and 32 bits. */
    static Stream<int[]> lfsrSets()
    {
        return Stream.of(
            new int[] {8, LfsrTaps.maximal(8), 0x5A},
            new int[] {16, LfsrTaps.reference(16), 0xACE1},
            new int[] {16, LfsrTaps.maximal(16), 0xBEEF},
            new int[] {24, LfsrTaps.maximal(24), 0x123456},
            new int[] {32, LfsrTaps.maximal(32), 0xDEADBEEF});
    }

    @BeforeEach
    void icarus()
    {
        IcarusRunner.requireIcarus();
    }

    private static String lit(final int width, final int value)
    {
        return width + "'h" + Cosim.hex(value, width);
    }

    /**
     * Lines {rst_n, x, t_index} (or {rst_n, en, start_index}): x held for a segment or changing every cycle; t_index changes freely
     * (ignored while running) but is held from a reset line to the first edge after it, the encoder's
     * interface contract (rtl/sc_bitstream_encoder.v).
     */
    static Gen<List<int[]>> encoderStimulus(final int width, final int... xEdges)
    {
        final Gen<Integer> x = Stimuli.unsigned(width, xEdges);
        final Gen<int[]> wildLine = Stimuli.rstN(5).zip(x, Stimuli.signed(32), (r, v, t) -> new int[] {r, v, t});
        final Gen<List<int[]>> held = x.zip(integers().between(100, 300), (v, len) -> new int[] {v, len})
            .flatMap(vl -> Stimuli.segment(Stimuli.rstN(5).zip(Stimuli.signed(32), (r, t) -> new int[] {r, vl[0], t}), vl[1], vl[1]));
        return Stimuli.concat(Stimuli.segment(wildLine, 100, 300).mix(held, 70), SEGMENTS).map(EncoderCosimTest::holdTIndexAfterReset);
    }

    private static List<int[]> holdTIndexAfterReset(final List<int[]> lines)
    {
        lines.get(0)[0] = 0;
        for (int k = 1; k < lines.size(); k++)
        {
            if (lines.get(k - 1)[0] == 0 && lines.get(k)[0] == 1)
            {
                lines.get(k)[2] = lines.get(k - 1)[2];
            }
        }
        return lines;
    }

    @ParameterizedTest
    @MethodSource("lfsrSets")
    void lfsrVerilogEqualsJava(final int[] set)
    {
        final int w = set[0];
        final IcarusRunner sim = IcarusRunner.compile("tb_sc_lfsr",
            IcarusRunner.params("WIDTH", Integer.toString(w), "TAPS", lit(w, set[1]), "SEED", lit(w, set[2])), "sc_lfsr.v");
        final Gen<int[]> line = Stimuli.rstN(3).zip(integers().between(0, 9), (r, e) -> new int[] {r, e == 0 ? 0 : 1});
        Stimuli.once(0x1F5_0000L + w * 31L + set[1], Stimuli.concat(Stimuli.segment(line, 100, 300), SEGMENTS), lines ->
        {
            final Lfsr lfsr = new Lfsr(w, set[1], set[2]);
            final Cosim.Trace trace = new Cosim.Trace();
            for (int k = 0; k < lines.size(); k++)
            {
                final int[] s = lines.get(k);
                final boolean reset = k == 0 || s[0] == 0;
                if (reset)
                {
                    lfsr.reset(set[2]);
                }
                else if (s[1] == 1)
                {
                    lfsr.clock();
                }
                trace.add(Cosim.line(reset ? "0" : "1", Integer.toString(s[1])), Cosim.hex(lfsr.state(), w));
            }
            Cosim.assertSameOutputs("sc_lfsr width " + w, new String[] {"state"}, trace.stimulus, trace.expected, sim.run(trace.stimulus));
            assertTrue(trace.cycles() >= 10_000);
        });
    }

    @ParameterizedTest
    @MethodSource("lfsrSets")
    void lfsrEncoderVerilogEqualsJava(final int[] set)
    {
        final int w = set[0];
        final IcarusRunner sim = IcarusRunner.compile("tb_sc_bitstream_encoder",
            IcarusRunner.params("LFSR_WIDTH", Integer.toString(w), "TAPS", lit(w, set[1]), "SEED_INIT", lit(w, set[2])),
            "sc_bitstream_encoder.v");
        Stimuli.once(0xE4C_0000L + w * 31L + set[1], encoderStimulus(w, set[2], set[2] + 1), lines ->
        {
            final LfsrEncoderModel enc = new LfsrEncoderModel(w, set[1], set[2]);
            final Cosim.Trace trace = new Cosim.Trace();
            int ones = 0;
            for (final int[] s : lines)
            {
                if (s[0] == 0)
                {
                    enc.reset(s[2]);
                }
                else
                {
                    ones += enc.clock(s[1]);
                }
                trace.add(Cosim.line(Integer.toString(s[0]), Cosim.hex(s[1], w), Cosim.hex(s[2], 32)),
                    Cosim.line(Integer.toString(enc.bitOut()), Cosim.hex(enc.source(), w)));
            }
            Cosim.assertSameOutputs("sc_bitstream_encoder width " + w, new String[] {"bit_out", "lfsr_state"},
                trace.stimulus, trace.expected, sim.run(trace.stimulus));
            assertTrue(trace.cycles() >= 10_000);
            assertTrue(ones > 1000 && ones < trace.cycles() - 1000, "ones " + ones);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void sobolGeneratorVerilogEqualsJava(final int dim)
    {
        final IcarusRunner sim = IcarusRunner.compile("tb_sc_sobol", IcarusRunner.params("DIM", Integer.toString(dim)), "sc_sobol.v");
        final Gen<int[]> line = Stimuli.rstN(2).zip(integers().between(0, 19), Stimuli.unsigned(16),
            (r, e, st) -> new int[] {r, e == 0 ? 0 : 1, st});
        Stimuli.once(0x50B_0000L + dim, Stimuli.concat(Stimuli.segment(line, 100, 300), SEGMENTS).map(EncoderCosimTest::holdTIndexAfterReset), lines ->
        {
            final SobolGenerator g = new SobolGenerator(dim);
            final Cosim.Trace trace = new Cosim.Trace();
            for (final int[] s : lines)
            {
                if (s[0] == 0)
                {
                    g.reset(s[2]);
                }
                else if (s[1] == 1)
                {
                    g.clock();
                }
                trace.add(Cosim.line(Integer.toString(s[0]), Integer.toString(s[1]), Cosim.hex(s[2], 16)),
                    Cosim.line(Cosim.hex(g.counter(), 16), Cosim.hex(g.point(), 16)));
            }
            Cosim.assertSameOutputs("sc_sobol DIM " + dim, new String[] {"counter", "point"},
                trace.stimulus, trace.expected, sim.run(trace.stimulus));
            assertTrue(trace.cycles() >= 10_000);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void sobolEncoderVerilogEqualsJava(final int dim)
    {
        final IcarusRunner sim = IcarusRunner.compile("tb_sc_sobol_encoder", IcarusRunner.params("DIM", Integer.toString(dim)),
            "sc_sobol.v", "sc_sobol_encoder.v");
        // t_index edges (0xFFFF, 0xFFFE in the low half) start counters at the wrap
        Stimuli.once(0x50E_0000L + dim, encoderStimulus(16), lines ->
        {
            final SobolEncoderModel enc = new SobolEncoderModel(dim);
            final Cosim.Trace trace = new Cosim.Trace();
            for (final int[] s : lines)
            {
                if (s[0] == 0)
                {
                    enc.reset(s[2]);
                }
                else
                {
                    enc.clock(s[1]);
                }
                trace.add(Cosim.line(Integer.toString(s[0]), Cosim.hex(s[1], 16), Cosim.hex(s[2], 32)),
                    Cosim.line(Integer.toString(enc.bitOut()), Cosim.hex(enc.counter(), 16), Cosim.hex(enc.source(), 16)));
            }
            Cosim.assertSameOutputs("sc_sobol_encoder DIM " + dim, new String[] {"bit_out", "counter", "point"},
                trace.stimulus, trace.expected, sim.run(trace.stimulus));
            assertTrue(trace.cycles() >= 10_000);
        });
    }
}
