package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultSites;
import org.scfabric.sim.parts.Counter;
import org.scfabric.sim.parts.Gate;
import org.scfabric.sim.parts.Lfsr16Part;

class FaultInjectionTest
{
    static final int CYCLES = 200;

    /** An LFSR, a counter and their XOR on a net: a register, another register and a combinational net. */
    static Design design()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 4, 1);
        b.input("en", 1);
        b.add("gen.lfsr", new Lfsr16Part(0xACE1)).clock(clk).connect("state", "gen.state");
        b.add("cnt", new Counter(16)).clock(clk).connect("en", "en").connect("count", "count");
        b.add("mix", new Gate(Gate.Op.XOR, 16)).connect("a", "gen.state").connect("b", "count").connect("y", "mix");
        return b.build();
    }

    /** Values of (state, count, mix) after each of CYCLES edges. */
    static long[] trace(final Fault... faults)
    {
        final Design d = design();
        final Kernel k = new Kernel(d);
        for (final Fault f : faults)
        {
            k.inject(f);
        }
        k.poke("en", 1);
        final Clock clk = d.clock("clk");
        final long[] out = new long[CYCLES * 3];
        for (int c = 0; c < CYCLES; c++)
        {
            k.runCycles(clk, 1);
            out[3 * c] = k.peek("gen.state");
            out[3 * c + 1] = k.peek("count");
            out[3 * c + 2] = k.peek("mix");
        }
        return out;
    }

    @Test
    void everyBitOfEverySignalIsANamedSite()
    {
        final FaultSites sites = design().faultSites();
        assertEquals(1 + 16 + 16 + 16, sites.size());
        assertEquals("en[0]", sites.name(0));
        assertEquals("gen.state[15]", sites.name(16));
        assertEquals(sites.signalBit(design().signal("count"), 3), sites.select("count[3]")[0]);
        assertEquals(16, sites.select("gen.*").length);
        assertArrayEquals(new long[] {16, 32, 48}, sites.select("*[15]"));
        assertEquals(6, sites.select("mix[1?]").length);
        assertEquals("mix[12]", sites.name(sites.select("mix[1?]")[2]));
    }

    @Test
    void aGlobThatMatchesNothingIsAnErrorNamingIt()
    {
        final FaultSites sites = design().faultSites();
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> sites.select("lif[*].v[*]"));
        assertEquals("site glob 'lif[*].v[*]' matches none of the 49 fault sites (e.g. en[0])", e.getMessage());
    }

    @Test
    void aStuckAtForcesExactlyThatBitFromTheFaultsStart()
    {
        final long[] golden = trace();
        qt().withFixedSeed(20261126L).withExamples(60)
            .forAll(integers().between(1, 48), integers().between(0, CYCLES - 1), integers().between(0, 1))
            .checkAssert((site, start, value) ->
            {
                final Design d = design();
                final FaultSites sites = d.faultSites();
                final int signal = sites.target(site);
                final int bit = sites.bit(site);
                final long[] faulty = trace(value == 0 ? Fault.stuckAt0(site, start) : Fault.stuckAt1(site, start));
                final int col = signal - d.signal("gen.state");
                // before the fault's first edge, everything equals the golden run
                for (int c = 0; c < start; c++)
                {
                    for (int j = 0; j < 3; j++)
                    {
                        assertEquals(golden[3 * c + j], faulty[3 * c + j], "cycle " + c + " before the fault");
                    }
                }
                // from its first edge on, the faulted bit holds the stuck value
                for (int c = start; c < CYCLES; c++)
                {
                    assertEquals(value.longValue(), (faulty[3 * c + col] >>> bit) & 1, "cycle " + c);
                }
                // at the first faulty edge the other bits of that signal are as the golden run has them
                // (mix is combinational: its other bits follow its inputs, which are unfaulted then)
                final long others = ~(1L << bit) & 0xFFFF;
                assertEquals(golden[3 * start + col] & others, faulty[3 * start + col] & others);
            });
    }

    @Test
    void aFlipAtCycleTChangesNothingBeforeT()
    {
        final long[] golden = trace();
        qt().withFixedSeed(7L).withExamples(60)
            .forAll(integers().between(1, 48), integers().between(0, CYCLES - 1))
            .checkAssert((site, at) ->
            {
                final long[] faulty = trace(Fault.flip(site, at));
                for (int c = 0; c < at; c++)
                {
                    for (int j = 0; j < 3; j++)
                    {
                        assertEquals(golden[3 * c + j], faulty[3 * c + j], "cycle " + c + " before the flip at " + at);
                    }
                }
                final Design d = design();
                final FaultSites sites = d.faultSites();
                final int col = sites.target(site) - d.signal("gen.state");
                assertEquals(golden[3 * at + col] ^ (1L << sites.bit(site)), faulty[3 * at + col],
                    "the flipped bit right after edge " + at);
            });
    }

    @Test
    void aFlipOfAnLfsrStateBitChangesTheRestOfTheSequence()
    {
        final long[] golden = trace();
        final long[] faulty = trace(Fault.flip(design().faultSites().signalBit(design().signal("gen.state"), 3), 10));
        assertNotEquals(golden[3 * 150], faulty[3 * 150]);
    }

    @Test
    void aFaultFreeRunEqualsTheRunWithFaultsCompiledInButNoneActive()
    {
        final long[] golden = trace();
        final FaultSites sites = design().faultSites();
        // faults armed on every site, all timed after the end of the run: the masks are in place, none in force
        final Fault[] armed = new Fault[(int)sites.size() * 3];
        for (int s = 0; s < sites.size(); s++)
        {
            armed[3 * s] = Fault.stuckAt0(s, CYCLES + 1);
            armed[3 * s + 1] = Fault.stuckAt1(s, CYCLES + 5);
            armed[3 * s + 2] = Fault.flip(s, CYCLES + 2);
        }
        assertArrayEquals(golden, trace(armed));
    }
}
