package org.scfabric.hw.cosim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.scfabric.hw.sc.AndSynapse;
import org.scfabric.hw.sc.PopcountAccumulatorModel;
import org.scfabric.hw.sc.PopcountToCurrent;

/** sc_bitstream_synapse, sc_popcount_acc and sc_dotproduct_to_current under Icarus against Java. */
class DatapathCosimTest
{
    static final int CYCLES = 12_000;

    @BeforeEach
    void icarus()
    {
        IcarusRunner.requireIcarus();
    }

    @Test
    void synapseVerilogEqualsJava()
    {
        final IcarusRunner sim = IcarusRunner.compile("tb_sc_bitstream_synapse", IcarusRunner.params("N", "32"), "sc_bitstream_synapse.v");
        final Gen<int[]> line = Stimuli.unsigned(32).zip(Stimuli.unsigned(32), (a, b) -> new int[] {a, b});
        Stimuli.once(0x5E1_0001L, Stimuli.concat(Stimuli.segment(line, 120, 120), 100), lines ->
        {
            final Cosim.Trace trace = new Cosim.Trace();
            for (final int[] s : lines)
            {
                trace.add(Cosim.line(Cosim.hex(s[0], 32), Cosim.hex(s[1], 32)), Cosim.hex(AndSynapse.post(s[0], s[1]), 32));
            }
            Cosim.assertSameOutputs("sc_bitstream_synapse", new String[] {"post"}, trace.stimulus, trace.expected, sim.run(trace.stimulus));
            assertTrue(trace.cycles() >= 10_000);
        });
    }

    @ParameterizedTest
    @CsvSource({"16, 16", "4, 8", "8, 4"})
    void popcountAccumulatorVerilogEqualsJava(final int countWidth, final int lenWidth)
    {
        final IcarusRunner sim = IcarusRunner.compile("tb_sc_popcount_acc",
            IcarusRunner.params("COUNT_WIDTH", Integer.toString(countWidth), "LEN_WIDTH", Integer.toString(lenWidth)), "sc_popcount_acc.v");
        final int lenMax = (1 << lenWidth) - 1;
        final Gen<Integer> len = integers().between(0, Math.min(lenMax, 300)).mix(arbitrary().pick(0, 1, 2, lenMax), 20);
        final Gen<int[]> line = Stimuli.rstN(2).zip(integers().between(0, 99), integers().between(0, 1), len,
            (r, st, b, l) -> new int[] {r, st < 2 ? 1 : 0, b, l});
        Stimuli.once(0x9C0_0000L + countWidth * 64 + lenWidth, Stimuli.concat(Stimuli.segment(line, 120, 120), 100), lines ->
        {
            final PopcountAccumulatorModel acc = new PopcountAccumulatorModel(countWidth);
            final Cosim.Trace trace = new Cosim.Trace();
            int dones = 0;
            for (int k = 0; k < lines.size(); k++)
            {
                final int[] s = lines.get(k);
                final boolean reset = k == 0 || s[0] == 0;
                if (reset)
                {
                    acc.reset();
                }
                else
                {
                    acc.clock(s[1] == 1, s[2], s[3]);
                    dones += acc.done();
                }
                trace.add(Cosim.line(reset ? "0" : "1", Integer.toString(s[1]), Integer.toString(s[2]), Cosim.hex(s[3], lenWidth)),
                    Cosim.line(Cosim.hex(acc.count(), countWidth), acc.busy() ? "1" : "0", Integer.toString(acc.done())));
            }
            Cosim.assertSameOutputs("sc_popcount_acc " + countWidth + "/" + lenWidth, new String[] {"count", "busy", "done"},
                trace.stimulus, trace.expected, sim.run(trace.stimulus));
            assertTrue(trace.cycles() >= 10_000);
            assertTrue(dones >= 20, "completed streams " + dones);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 16})
    void popcountToCurrentVerilogEqualsJava(final int n)
    {
        final IcarusRunner sim = IcarusRunner.compile("tb_sc_dotproduct_to_current",
            IcarusRunner.params("N_INPUTS", Integer.toString(n)), "sc_dotproduct_to_current.v");
        final long all = n == 64 ? -1L : (1L << n) - 1;
        final Gen<Long> bits = longs().between(0, all).mix(arbitrary().pick(0L, all, 1L, all >>> 1), 20);
        final Gen<Integer> y = Stimuli.signed(16, 256, 600, -256);
        final Gen<long[]> line = bits.zip(y, y, (b, lo, hi) -> new long[] {b, lo, hi});
        Stimuli.once(0xD07_0000L + n, Stimuli.concat(Stimuli.segment(line, 120, 120), 100), (List<long[]> lines) ->
        {
            final Cosim.Trace trace = new Cosim.Trace();
            int descending = 0;
            for (final long[] s : lines)
            {
                final int lo = (int)s[1];
                final int hi = (int)s[2];
                descending += hi < lo ? 1 : 0;
                trace.add(Cosim.line(Cosim.hex(s[0], n), Cosim.hex(lo, 16), Cosim.hex(hi, 16)),
                    Cosim.hex(PopcountToCurrent.currentOfBits(s[0], n, lo, hi), 16));
            }
            Cosim.assertSameOutputs("sc_dotproduct_to_current N=" + n, new String[] {"I_t"},
                trace.stimulus, trace.expected, sim.run(trace.stimulus));
            assertTrue(trace.cycles() >= 10_000);
            assertTrue(descending > 1000, "descending ranges " + descending);
        });
    }
}
