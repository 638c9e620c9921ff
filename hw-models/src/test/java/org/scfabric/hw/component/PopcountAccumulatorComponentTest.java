package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.scfabric.hw.Bits;
import org.scfabric.hw.cosim.Stimuli;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;

class PopcountAccumulatorComponentTest
{
    record Case(int countWidth, int lenWidth, List<int[]> lines)
    {
    }

    static Gen<Case> cases()
    {
        return integers().between(1, 16).zip(integers().between(1, 12), (c, l) -> new int[] {c, l}).flatMap(cl ->
        {
            // start rarely, lengths mostly short so streams complete; bit_in random
            final Gen<int[]> line = integers().between(0, 99).zip(integers().between(0, 1),
                integers().between(0, Math.min(Bits.mask(cl[1]), 40)).mix(Stimuli.unsigned(cl[1]), 10),
                (s, bit, len) -> new int[] {s < 4 ? 1 : 0, bit, len});
            return Stimuli.segment(line, 200, 600).map(lines -> new Case(cl[0], cl[1], lines));
        });
    }

    @Test
    void kernelAccumulatorEqualsTheModelOnEveryCycle()
    {
        final int[] done = {0};
        qt().withFixedSeed(0xACC0L).withExamples(100).forAll(cases()).checkAssert(c ->
        {
            final NetlistBuilder b = new NetlistBuilder();
            final Clock clk = b.clock("clk", 1, 0);
            b.input("start", 1).input("bit_in", 1).input("stream_len", c.lenWidth());
            b.add("acc", new PopcountAccumulator(c.countWidth(), c.lenWidth())).clock(clk)
                .connect("start", "start").connect("bit_in", "bit_in").connect("stream_len", "stream_len");
            final Design d = b.build();
            final Kernel k = new Kernel(d);
            final org.scfabric.hw.sc.PopcountAccumulatorModel ref = new org.scfabric.hw.sc.PopcountAccumulatorModel(c.countWidth());
            ref.reset();
            for (int i = 0; i < c.lines().size(); i++)
            {
                final int[] s = c.lines().get(i);
                k.poke("start", s[0]);
                k.poke("bit_in", s[1]);
                k.poke("stream_len", s[2]);
                k.runCycles(clk, 1);
                ref.clock(s[0] == 1, s[1], s[2]);
                final String at = c.countWidth() + "/" + c.lenWidth() + " cycle " + i;
                assertEquals(ref.count(), k.peek("acc.count"), at + ": count");
                assertEquals(ref.done(), k.peek("acc.done"), at + ": done");
                assertEquals(ref.busy() ? 1 : 0, k.peek("acc.busy"), at + ": busy");
                assertEquals(ref.left(), k.peek("acc.left"), at + ": left");
                done[0] += ref.done();
            }
        });
        assertTrue(done[0] > 200, "streams completed: " + done[0]);
    }
}
