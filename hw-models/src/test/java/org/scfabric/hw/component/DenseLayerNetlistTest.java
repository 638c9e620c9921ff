package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.scfabric.hw.cosim.Stimuli;
import org.scfabric.hw.layer.DenseLayerCore;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.fault.FaultSites;

class DenseLayerNetlistTest
{
    static final int[] X = {60_000, 20_000, 40_000};
    static final int[] W = {30_000, 65_535, 50_000};

    static DenseLayerNetlist.Io core(final int n, final int m, final LifParams p)
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 10, 0);
        final DenseLayerNetlist core = DenseLayerNetlist.add(b, "core0", clk, n, m, p);
        return core.io(new Kernel(b.build()));
    }

    static String bits(final long b, final int n)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.append((b >>> i) & 1);
        }
        return sb.toString();
    }

    @Test
    void goldenRunK1ToK9OnTheKernel()
    {
        final DenseLayerNetlist.Io io = core(3, 2, LifParams.Q8_8);
        final String[] expected = {
            "100|011|0|0,0", "101|011|200|0,0", "100|010|0|200,200", "101|010|0|187,187", "100|010|0|175,175",
            "100|010|0|164,164", "111|011|400|153,153", "101|011|200|0,0!!", "100|011|0|200,200"};
        for (int k = 0; k < expected.length; k++)
        {
            io.clock(true, 200, X, W, 0, 600, 16, 256);
            final String row = bits(io.xBits(), 3) + "|" + bits(io.wBits(), 3) + "|" + io.current() + "|" + io.v(0) + ","
                + io.v(1) + "!".repeat(Long.bitCount(io.spikes()));
            assertEquals(expected[k], row, "after edge k" + (k + 1));
            assertEquals(1, io.running(), "running from the first edge");
        }
    }

    @Test
    void namesFollowTheVerilogAndEveryStateBitIsASite()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 10, 0);
        DenseLayerNetlist.add(b, "core0", clk, 3, 4, LifParams.Q8_8);
        final Design d = b.build();
        final FaultSites sites = d.faultSites();
        assertEquals("core0.lif[3].v[15]", sites.name(sites.select("core0.lif[3].v[15]")[0]));
        assertEquals(3 * 16, sites.select("core0.x_enc[*].lfsr[*]").length);
        assertEquals(3, sites.select("core0.w_enc[*].bit_out[0]").length);
        assertEquals(16, sites.select("core0.ctrl.left[*]").length);
        assertEquals(16, sites.select("core0.I_t[*]").length);
        d.signal("core0.x_bits");
        d.signal("core0.post");
        d.signal("core0.spikes");
        d.signal("core0.lif[0].v_out");
        d.signal("core0.running");
        d.signal("core0.run_done");
    }

    /** One segment: x, w, y, leak, gain held; per line start_pulse, stream_len. */
    record Segment(int[] x, int[] w, int yMin, int yMax, int leak, int gain, List<int[]> lines)
    {
    }

    record Case(int n, int m, LifParams p, List<Segment> segments)
    {
        @Override
        public String toString()
        {
            return n + " inputs x " + m + " neurons, " + p;
        }
    }

    static Gen<Case> cases()
    {
        final Gen<LifParams> params = integers().between(4, 10).zip(Stimuli.signed(16, 0, -20), Stimuli.signed(16, 0, 64),
            integers().between(-50, 600).mix(Stimuli.signed(16), 10), integers().between(0, 3),
            (f, rest, reset, th, r) -> new LifParams(16, f, rest, reset, th, r))
            .mix(arbitrary().pick(LifParams.Q8_8, LifParams.Q8_8.withRefractory(2)), 30);
        return integers().between(1, 12).zip(integers().between(1, 6), params, (n, m, p) -> new Case(n, m, p, null))
            .flatMap(c -> lists().of(segment(c.n())).ofSizeBetween(3, 8).map(s -> new Case(c.n(), c.m(), c.p(), s)));
    }

    static Gen<Segment> segment(final int n)
    {
        final Gen<int[]> probs = lists().of(Stimuli.unsigned(16)).ofSize(n)
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray());
        final Gen<int[]> ys = Stimuli.signed(16, 600, 256).zip(Stimuli.signed(16, 600, 256), (a, b) -> new int[] {a, b})
            .mix(arbitrary().pick(new int[] {0, 600}, new int[] {0, 256}, new int[] {256, 0}), 50);
        final Gen<int[]> lg = integers().between(0, 256).zip(integers().between(0, 512), (l, g) -> new int[] {l, g})
            .mix(Stimuli.signed(16).zip(Stimuli.signed(16), (l, g) -> new int[] {l, g}), 20);
        final Gen<Integer> len = integers().between(1, 60).mix(arbitrary().pick(0, 1, 2, 0xFFFF), 10);
        final Gen<int[]> line = integers().between(0, 99).zip(len, (s, l) -> new int[] {s < 8 ? 1 : 0, l});
        return probs.zip(probs, ys, lg, Stimuli.segment(line, 20, 80),
            (x, w, y, k, lines) -> new Segment(x, w, y[0], y[1], k[0], k[1], lines));
    }

    @Test
    void kernelNetlistEqualsDenseLayerCoreOnEveryCycle()
    {
        final int[] counts = new int[3]; // spikes, run_done pulses, cycles
        qt().withFixedSeed(0xDE45EL).withExamples(60).forAll(cases()).checkAssert(c ->
        {
            final DenseLayerNetlist.Io io = core(c.n(), c.m(), c.p());
            final DenseLayerCore ref = new DenseLayerCore(c.n(), c.m(), c.p());
            ref.reset();
            int cycle = 0;
            for (final Segment s : c.segments())
            {
                for (final int[] l : s.lines())
                {
                    ref.clock(l[0] == 1, l[1], s.x(), s.w(), s.yMin(), s.yMax(), s.leak(), s.gain());
                    io.clock(l[0] == 1, l[1], s.x(), s.w(), s.yMin(), s.yMax(), s.leak(), s.gain());
                    final String at = c + ", cycle " + cycle;
                    assertEquals(ref.xBits(), io.xBits(), at + ": x_bits");
                    assertEquals(ref.wBits(), io.wBits(), at + ": w_bits");
                    assertEquals(ref.current(s.yMin(), s.yMax()), io.current(), at + ": I_t");
                    assertEquals(ref.spikes(), io.spikes(), at + ": spikes");
                    for (int j = 0; j < c.m(); j++)
                    {
                        assertEquals(ref.v(j), io.v(j), at + ": v_out[" + j + "]");
                    }
                    assertEquals(ref.running(), io.running(), at + ": running");
                    assertEquals(ref.runDone(), io.runDone(), at + ": run_done");
                    counts[0] += Long.bitCount(ref.spikes());
                    counts[1] += ref.runDone();
                    counts[2]++;
                    cycle++;
                }
            }
        });
        assertTrue(counts[0] > 1000 && counts[1] > 50, "stimulus too tame: spikes " + counts[0] + ", run_done "
            + counts[1] + " in " + counts[2] + " cycles");
    }
}
