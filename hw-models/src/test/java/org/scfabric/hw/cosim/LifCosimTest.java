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
import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;

/** sc_lif_neuron under Icarus against LifCore, every output on every cycle. */
class LifCosimTest
{
    static final int SEGMENTS = 100; // of 100..300 cycles: at least 10 000 cycles per run

    static Stream<LifParams> parameterSets()
    {
        return Stream.of(
            LifParams.Q8_8,
            LifParams.Q8_8.withRefractory(1).withRest(-300).withReset(100),
            new LifParams(16, 8, 0, 2560, 5120, 2),            // Brunel V3
            new LifParams(16, 4, -7, -50, -20, 3),             // negative threshold, F = 4
            LifParams.Q16_12,
            new LifParams(32, 12, 0, 40_960, 81_920, 2),       // Brunel V11
            new LifParams(32, 12, -100_000, 0, 5000, 3));
    }

    @BeforeEach
    void icarus()
    {
        IcarusRunner.requireIcarus();
    }

    /** One line: rst_n, leak, gain, I, noise. */
    static Gen<List<int[]>> stimulus(final LifParams p)
    {
        final int w = p.dataWidth();
        final int one = 1 << p.fraction();
        final int th = p.vThreshold();
        final int span = Math.max(Math.abs(th), 256);
        final Gen<Integer> rst = Stimuli.rstN(3);
        // wild: every input anywhere in its range, edges mixed in
        final Gen<int[]> wildLine = rst.zip(Stimuli.signed(w, one, th), Stimuli.signed(w, one),
            Stimuli.signed(w, th - 1, th, th + 1, p.vRest()), Stimuli.signed(w),
            (r, l, g, i, n) -> new int[] {r, l, g, i, n});
        final Gen<List<int[]>> wild = Stimuli.segment(wildLine, 100, 300);
        // neuron-like: leak and gain held for a segment, currents around the threshold, small noise
        final Gen<Integer> leak = integers().between(0, one).mix(arbitrary().pick(0, 1, -1, -one / 8, one), 20);
        final Gen<Integer> gain = integers().between(0, 2 * one).mix(arbitrary().pick(one, one / 2, 2 * one, 0, 1), 50);
        final Gen<Integer> current = integers().between(-span, 2 * span).mix(arbitrary().pick(th - 1, th, th + 1, 0), 10);
        final Gen<Integer> noise = integers().between(-4, 4).mix(arbitrary().pick(0), 50);
        final Gen<List<int[]>> neuron = leak.zip(gain, integers().between(100, 300), (l, g, len) -> new int[] {l, g, len})
            .flatMap(lg -> Stimuli.segment(rst.zip(current, noise, (r, i, n) -> new int[] {r, lg[0], lg[1], i, n}), lg[2], lg[2]));
        return Stimuli.concat(wild.mix(neuron, 75), SEGMENTS);
    }

    @ParameterizedTest
    @MethodSource("parameterSets")
    void verilogEqualsJavaOnEveryCycle(final LifParams p)
    {
        final int w = p.dataWidth();
        final IcarusRunner sim = IcarusRunner.compile("tb_sc_lif_neuron", IcarusRunner.params(
            "DATA_WIDTH", Integer.toString(w), "FRACTION", Integer.toString(p.fraction()),
            "V_REST", w + "'h" + Cosim.hex(p.vRest(), w), "V_RESET", w + "'h" + Cosim.hex(p.vReset(), w),
            "V_THRESHOLD", w + "'h" + Cosim.hex(p.vThreshold(), w), "REFRACTORY_PERIOD", Integer.toString(p.refractoryPeriod())),
            "sc_lif_neuron.v");
        Stimuli.once(0x11F0_0000L + p.hashCode(), stimulus(p), lines ->
        {
            final LifCore lif = new LifCore(p);
            final Cosim.Trace trace = new Cosim.Trace();
            int spikes = 0;
            int refractory = 0;
            int resets = 0;
            for (int k = 0; k < lines.size(); k++)
            {
                final int[] s = lines.get(k);
                final boolean reset = k < 2 || s[0] == 0; // reset held for two cycles first
                if (reset)
                {
                    lif.reset();
                    resets++;
                }
                else
                {
                    refractory += lif.rc() != 0 ? 1 : 0;
                    spikes += lif.clock(s[1], s[2], s[3], s[4]);
                }
                trace.add(Cosim.line(reset ? "0" : "1", Cosim.hex(s[1], w), Cosim.hex(s[2], w), Cosim.hex(s[3], w), Cosim.hex(s[4], w)),
                    Cosim.line(Cosim.hex(lif.spike(), 1), Cosim.hex(lif.vOut(), w)));
            }
            Cosim.assertSameOutputs("sc_lif_neuron " + p, new String[] {"spike_out", "v_out"},
                trace.stimulus, trace.expected, sim.run(trace.stimulus));
            assertTrue(trace.cycles() >= 10_000, "cycles " + trace.cycles());
            assertTrue(spikes >= 50 && resets >= 5, "stimulus too tame: spikes " + spikes + ", resets " + resets);
            assertTrue(p.refractoryPeriod() == 0 || refractory >= 50, "refractory cycles " + refractory);
        });
    }
}
