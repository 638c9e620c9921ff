package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.fault.Fault;
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

    /**
     * A counter that always says it is idle (its clock runs on while the sampler is busy, or because the
     * sampler reads the count: a change wakes the stopped clock again), a sampler of the count, and with {@code gate} a
     * combinational XOR of the count (without, the kernel commits quietly).
     */
    private static Design design(final boolean gate)
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 4, 1);
        b.input("en", 1);
        b.input("key", 8);
        b.add("cnt", new LazyCounter()).clock(clk).connect("en", "en").connect("count", "count");
        b.add("smp", new Sampler()).clock(clk).connect("d", "count").connect("q", "q");
        if (gate)
        {
            b.add("mix", new Gate(Gate.Op.XOR, 8)).connect("a", "count").connect("b", "key").connect("y", "mix");
        }
        return b.build();
    }

    /** count <= count + 1 while en is high; idle always. */
    private static final class LazyCounter implements ClockedComponent
    {
        private int en;
        private int count;

        @Override
        public void declare(final Declarations d)
        {
            d.input("en", 1);
            d.output("count", 8, 0);
        }

        @Override
        public void bind(final Binding b)
        {
            en = b.signal("en");
            count = b.signal("count");
        }

        @Override
        public void edge(final Signals s)
        {
            if (s.get(en) != 0)
            {
                s.setNext(count, s.get(count) + 1);
            }
        }

        @Override
        public boolean idle(final Signals s)
        {
            return true;
        }
    }

    /** q <= d; idle while q is even (so that the clock both stops with a changed count and runs on). */
    private static final class Sampler implements ClockedComponent
    {
        private int d;
        private int q;

        @Override
        public void declare(final Declarations dd)
        {
            dd.input("d", 8);
            dd.output("q", 8, 0);
        }

        @Override
        public void bind(final Binding b)
        {
            d = b.signal("d");
            q = b.signal("q");
        }

        @Override
        public void edge(final Signals s)
        {
            s.setNext(q, s.get(d));
        }

        @Override
        public boolean idle(final Signals s)
        {
            return (s.get(q) & 1) == 0;
        }
    }

    /** count, mix and q, edges evaluated and time after each chunk of the script (chunk lengths in ticks). */
    private static long[] run(final List<Integer> chunks, final int faultCycle, final boolean gate,
        final boolean queued)
    {
        final Kernel k = new Kernel(design(gate));
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
            out[4 * i + 1] = (gate ? k.peek("mix") : 0) << 8 | k.peek("q");
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
        out[4 * n + 1] = (gate ? k.peek("mix") : 0) << 8 | k.peek("q");
        out[4 * n + 2] = k.evaluatedEdges();
        out[4 * n + 3] = k.now();
        return out;
    }

    @Test
    void aLoneClockOutsideTheQueueRunsAsTheEdgeByEdgeLoop()
    {
        qt().withFixedSeed(11L).withExamples(80)
            .forAll(lists().of(integers().between(1, 90)).ofSizeBetween(2, 12), integers().between(0, 120),
                booleans().all())
            .checkAssert((chunks, faultCycle, gate) ->
                assertArrayEquals(run(chunks, faultCycle, gate, true), run(chunks, faultCycle, gate, false)));
    }
}
