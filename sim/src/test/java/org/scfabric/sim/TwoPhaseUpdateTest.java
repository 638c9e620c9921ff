package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.parts.Counter;
import org.scfabric.sim.parts.DFlipFlop;
import org.scfabric.sim.parts.Gate;

class TwoPhaseUpdateTest
{
    /** a <= b; b <= a: with two-phase commit the registers swap every edge whatever order they run in. */
    private static long[] swapTrace(final boolean aFirst, final int edges)
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 10, 5);
        if (aFirst)
        {
            b.add("ra", new DFlipFlop(8, 0x11)).clock(clk).connect("d", "qb").connect("q", "qa");
            b.add("rb", new DFlipFlop(8, 0x22)).clock(clk).connect("d", "qa").connect("q", "qb");
        }
        else
        {
            b.add("rb", new DFlipFlop(8, 0x22)).clock(clk).connect("d", "qa").connect("q", "qb");
            b.add("ra", new DFlipFlop(8, 0x11)).clock(clk).connect("d", "qb").connect("q", "qa");
        }
        final Kernel k = new Kernel(b.build());
        final long[] trace = new long[edges * 2];
        for (int e = 0; e < edges; e++)
        {
            k.runCycles(clk, 1);
            trace[2 * e] = k.peek("qa");
            trace[2 * e + 1] = k.peek("qb");
        }
        return trace;
    }

    @Test
    void registersSwappingThroughEachOtherGiveTheSameResultForEveryEvaluationOrder()
    {
        final long[] first = swapTrace(true, 6);
        final long[] second = swapTrace(false, 6);
        assertEquals(0x22, first[0]);
        assertEquals(0x11, first[1]);
        assertEquals(0x11, first[2]);
        assertEquals(0x22, first[3]);
        org.junit.jupiter.api.Assertions.assertArrayEquals(first, second);
    }

    @Test
    void aThreeStageShiftRegisterIsTheSameInAllSixInstanceOrders()
    {
        final List<long[]> traces = new ArrayList<>();
        final int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (final int[] order : orders)
        {
            final NetlistBuilder b = new NetlistBuilder();
            final Clock clk = b.clock("clk", 2, 0);
            b.input("in", 4);
            final String[] d = {"in", "s0", "s1"};
            final String[] q = {"s0", "s1", "s2"};
            for (final int i : order)
            {
                b.add("stage" + i, new DFlipFlop(4, 0)).clock(clk).connect("d", d[i]).connect("q", q[i]);
            }
            final Kernel k = new Kernel(b.build());
            final long[] trace = new long[24];
            for (int e = 0; e < 8; e++)
            {
                k.poke("in", (e * 5 + 3) & 0xF);
                k.runCycles(clk, 1);
                trace[3 * e] = k.peek("s0");
                trace[3 * e + 1] = k.peek("s1");
                trace[3 * e + 2] = k.peek("s2");
            }
            traces.add(trace);
        }
        for (final long[] t : traces)
        {
            org.junit.jupiter.api.Assertions.assertArrayEquals(traces.get(0), t);
        }
        // the value poked before edge e appears on s2 after edge e + 2
        assertEquals((0 * 5 + 3) & 0xF, traces.get(0)[3 * 2 + 2]);
        assertEquals((5 * 5 + 3) & 0xF, traces.get(0)[3 * 7 + 2]);
    }

    @Test
    void anEnabledCounterCountsEdgesAndAnIdleOneIsNotEvaluated()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 10, 0);
        b.input("en", 1);
        b.add("cnt", new Counter(8)).clock(clk).connect("en", "en").connect("count", "count");
        b.add("inv", new Gate(Gate.Op.NOT, 1)).connect("a", "en").connect("y", "en_n");
        final Kernel k = new Kernel(b.build());
        k.poke("en", 1);
        k.runCycles(clk, 300);
        assertEquals(300 & 0xFF, k.peek("count"));
        final long evaluated = k.evaluatedEdges();
        k.poke("en", 0);
        k.runCycles(clk, 1_000_000);
        assertEquals(300 & 0xFF, k.peek("count"));
        assertEquals(1_000_300, k.cycles(clk));
        // one edge after disabling sees en = 0 and parks the clock; the million idle edges are skipped
        assertEquals(evaluated + 1, k.evaluatedEdges());
        k.poke("en", 1);
        k.runCycles(clk, 5);
        assertEquals((300 + 5) & 0xFF, k.peek("count"));
    }
}
