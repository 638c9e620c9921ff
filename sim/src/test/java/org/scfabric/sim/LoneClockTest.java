package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.parts.Counter;
import org.scfabric.sim.parts.Gate;

/**
 * A design with one clock runs its edges outside the event queue while nothing else is pending; a
 * never-due action kept in the queue forces the edge-by-edge loop on the same design. Both must agree
 * on every value, edge count and time, through stops and wakes of the clock, faults, snapshots and
 * restores (which copy the queue the fast loop bypassed).
 */
class LoneClockTest
{
    private static final long NEVER = 1L << 40;

    private static Design design()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 4, 1);
        b.input("en", 1);
        b.input("key", 8);
        b.add("cnt", new Counter(8)).clock(clk).connect("en", "en").connect("count", "count");
        b.add("mix", new Gate(Gate.Op.XOR, 8)).connect("a", "count").connect("b", "key").connect("y", "mix");
        return b.build();
    }

    /** count, mix, edges evaluated and time after each chunk of the script (chunk lengths in ticks). */
    private static long[] run(final List<Integer> chunks, final int faultCycle, final boolean queued)
    {
        final Kernel k = new Kernel(design());
        if (queued)
        {
            k.schedule(NEVER, k.registerAction(kernel -> { }));
        }
        k.poke("key", 0x5A);
        k.poke("en", 1);
        k.inject(Fault.flip(k.design().faultSites().select("count[2]")[0], faultCycle));
        final long[] out = new long[chunks.size() * 4 + 4];
        long t = 0;
        Snapshot snap = null;
        for (int i = 0; i < chunks.size(); i++)
        {
            t += chunks.get(i);
            k.runUntil(t);
            out[4 * i] = k.peek("count");
            out[4 * i + 1] = k.peek("mix");
            out[4 * i + 2] = k.evaluatedEdges();
            out[4 * i + 3] = k.now();
            // the clock stops while en is low and is woken when it rises
            k.poke("en", chunks.get(i) % 3 == 0 ? 0 : 1);
            if (i == chunks.size() / 2)
            {
                snap = k.snapshot();
                k.poke("en", 1);
                k.runUntil(t + 97);
                k.restore(snap);
            }
        }
        k.runUntil(t + 200);
        final int n = chunks.size();
        out[4 * n] = k.peek("count");
        out[4 * n + 1] = k.peek("mix");
        out[4 * n + 2] = k.evaluatedEdges();
        out[4 * n + 3] = k.now();
        return out;
    }

    @Test
    void aLoneClockOutsideTheQueueRunsAsTheEdgeByEdgeLoop()
    {
        qt().withFixedSeed(11L).withExamples(60)
            .forAll(lists().of(integers().between(1, 90)).ofSizeBetween(2, 12), integers().between(0, 120))
            .checkAssert((chunks, faultCycle) ->
                assertArrayEquals(run(chunks, faultCycle, true), run(chunks, faultCycle, false)));
    }
}
