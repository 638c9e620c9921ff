package org.scfabric.hw.cosim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;
import org.scfabric.hw.lif.CubaLifCore;
import org.scfabric.hw.lif.CubaLifParams;

/** sc_cuba_lif_neuron under Icarus against CubaLifCore, every output on every cycle. */
class CubaLifCosimTest
{
    static final int SEGMENTS = 100; // of 100..300 cycles: at least 10 000 cycles per run

    static Stream<CubaLifParams> parameterSets()
    {
        return Stream.of(
            CubaLifParams.Q8_8,
            CubaLifParams.Q8_8.withLeak(-300).withReset(100),
            new CubaLifParams(16, 4, -7, -50, -20),            // negative threshold, F = 4
            CubaLifParams.Q16_12,
            new CubaLifParams(32, 12, -100_000, 2048, 20_480));
    }

    @BeforeEach
    void icarus()
    {
        IcarusRunner.requireIcarus();
    }

    /** One line: rst_n, k_syn, k_mem, w_in, r_k, I_t. */
    static Gen<List<int[]>> stimulus(final CubaLifParams p)
    {
        final int w = p.dataWidth();
        final int one = 1 << p.fraction();
        final int th = p.vThreshold();
        final int span = Math.max(Math.abs(th), 256);
        final Gen<Integer> rst = Stimuli.rstN(3);
        // wild: every input anywhere in its range, edges mixed in
        final Gen<int[]> wildLine = rst.zip(Stimuli.signed(w, one, one / 2), Stimuli.signed(w, one, one / 2),
            Stimuli.signed(w, one, th), Stimuli.signed(w, one), (r, ks, km, wi, rk) -> new int[] {r, ks, km, wi, rk})
            .zip(Stimuli.signed(w, th - 1, th, th + 1), (l, i) -> new int[] {l[0], l[1], l[2], l[3], l[4], i});
        final Gen<List<int[]>> wild = Stimuli.segment(wildLine, 100, 300);
        // neuron-like: time constants, weight and resistance held for a segment, currents around the threshold
        final Gen<Integer> k = integers().between(0, one).mix(arbitrary().pick(0, 1, one / 2, one / 8, one), 20);
        final Gen<Integer> wIn = integers().between(-one, 2 * one).mix(arbitrary().pick(one, 2 * one, 0, -one), 40);
        final Gen<Integer> r = integers().between(0, 2 * one).mix(arbitrary().pick(one, one / 2), 40);
        final Gen<Integer> current = integers().between(-span, 2 * span).mix(arbitrary().pick(th - 1, th, th + 1, 0), 10);
        final Gen<List<int[]>> neuron = k.zip(k, wIn, r, (ks, km, wi, rk) -> new int[] {ks, km, wi, rk})
            .zip(integers().between(100, 300), (c, len) -> new int[] {c[0], c[1], c[2], c[3], len})
            .flatMap(c -> Stimuli.segment(rst.zip(current, (rs, i) -> new int[] {rs, c[0], c[1], c[2], c[3], i}),
                c[4], c[4]));
        return Stimuli.concat(wild.mix(neuron, 75), SEGMENTS);
    }

    @ParameterizedTest
    @MethodSource("parameterSets")
    void verilogEqualsJavaOnEveryCycle(final CubaLifParams p)
    {
        final int w = p.dataWidth();
        final IcarusRunner sim = IcarusRunner.compile("tb_sc_cuba_lif_neuron", IcarusRunner.params(
            "DATA_WIDTH", Integer.toString(w), "FRACTION", Integer.toString(p.fraction()),
            "V_LEAK", w + "'h" + Cosim.hex(p.vLeak(), w), "V_RESET", w + "'h" + Cosim.hex(p.vReset(), w),
            "V_THRESHOLD", w + "'h" + Cosim.hex(p.vThreshold(), w)),
            "sc_cuba_lif_neuron.v");
        Stimuli.once(0xC0BA_0000L + p.hashCode(), stimulus(p), lines ->
        {
            final CubaLifCore core = new CubaLifCore(p);
            final Cosim.Trace trace = new Cosim.Trace();
            int spikes = 0;
            int resets = 0;
            int negativeI = 0;
            for (int n = 0; n < lines.size(); n++)
            {
                final int[] s = lines.get(n);
                final boolean reset = n < 2 || s[0] == 0; // reset held for two cycles first
                if (reset)
                {
                    core.reset();
                    resets++;
                }
                else
                {
                    spikes += core.clock(s[1], s[2], s[3], s[4], s[5]);
                    negativeI += core.i() < 0 ? 1 : 0;
                }
                trace.add(Cosim.line(reset ? "0" : "1", Cosim.hex(s[1], w), Cosim.hex(s[2], w), Cosim.hex(s[3], w),
                        Cosim.hex(s[4], w), Cosim.hex(s[5], w)),
                    Cosim.line(Cosim.hex(core.spike(), 1), Cosim.hex(core.vOut(), w), Cosim.hex(core.iOut(), w)));
            }
            Cosim.assertSameOutputs("sc_cuba_lif_neuron " + p, new String[] {"spike_out", "v_out", "i_out"},
                trace.stimulus, trace.expected, sim.run(trace.stimulus));
            assertTrue(trace.cycles() >= 10_000, "cycles " + trace.cycles());
            assertTrue(spikes >= 50 && resets >= 5, "stimulus too tame: spikes " + spikes + ", resets " + resets);
            assertTrue(negativeI >= 100, "the current went negative on too few cycles: " + negativeI);
        });
    }

    /** The CubaLI variant: the same Verilog with the threshold at the top never fires, cycle for cycle. */
    @ParameterizedTest
    @MethodSource("parameterSets")
    void theNonSpikingVariantAgreesToo(final CubaLifParams spiking)
    {
        final CubaLifParams p = spiking.nonSpiking();
        final int w = p.dataWidth();
        final IcarusRunner sim = IcarusRunner.compile("tb_sc_cuba_lif_neuron", IcarusRunner.params(
            "DATA_WIDTH", Integer.toString(w), "FRACTION", Integer.toString(p.fraction()),
            "V_LEAK", w + "'h" + Cosim.hex(p.vLeak(), w), "V_RESET", w + "'h" + Cosim.hex(p.vReset(), w),
            "V_THRESHOLD", w + "'h" + Cosim.hex(p.vThreshold(), w)),
            "sc_cuba_lif_neuron.v");
        Stimuli.once(0xC0BA_1000L + p.hashCode(), stimulus(spiking), lines ->
        {
            final CubaLifCore core = new CubaLifCore(p);
            final Cosim.Trace trace = new Cosim.Trace();
            for (int n = 0; n < lines.size(); n++)
            {
                final int[] s = lines.get(n);
                final boolean reset = n < 2 || s[0] == 0;
                if (reset)
                {
                    core.reset();
                }
                else
                {
                    assertTrue(core.clock(s[1], s[2], s[3], s[4], s[5]) == 0, "the CubaLI core fired at line " + n);
                }
                trace.add(Cosim.line(reset ? "0" : "1", Cosim.hex(s[1], w), Cosim.hex(s[2], w), Cosim.hex(s[3], w),
                        Cosim.hex(s[4], w), Cosim.hex(s[5], w)),
                    Cosim.line(Cosim.hex(core.spike(), 1), Cosim.hex(core.vOut(), w), Cosim.hex(core.iOut(), w)));
            }
            Cosim.assertSameOutputs("sc_cuba_lif_neuron (CubaLI) " + p, new String[] {"spike_out", "v_out", "i_out"},
                trace.stimulus, trace.expected, sim.run(trace.stimulus));
            assertTrue(trace.cycles() >= 10_000, "cycles " + trace.cycles());
        });
    }
}
