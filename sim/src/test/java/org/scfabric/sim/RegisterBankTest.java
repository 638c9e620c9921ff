package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.parts.CounterBank;
import org.scfabric.sim.parts.DFlipFlop;

class RegisterBankTest
{
    @Test
    void aBankNameWithPercentDPutsTheIndexInsideTheName()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 1, 0);
        b.add("core0", new org.scfabric.sim.parts.CounterBank(16, 3, "lif[%d].v")).clock(clk);
        final Design d = b.build();
        assertEquals(d.signal("core0.lif[0].v") + 2, d.signal("core0.lif[2].v"));
        assertEquals(3, d.faultSites().select("core0.lif[*].v[15]").length);
        assertEquals("core0.lif[1].v[15]", d.faultSites().name(d.faultSites().select("core0.lif[1].v[1?]")[5]));
    }

    @Test
    void bankRegistersAreNamedSignalsAndFaultSitesAndTheirReadersSeeChanges()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 1, 0);
        b.add("cnt", new CounterBank(4, 8)).clock(clk);
        b.add("follow", new DFlipFlop(4, 0)).clock(clk).connect("d", "cnt.c[5]").connect("q", "f");
        final Design d = b.build();
        assertEquals("cnt.c[5]", d.signalName(d.signal("cnt.c[0]") + 5));
        final Kernel k = new Kernel(d);
        k.inject(Fault.stuckAt1(d.faultSites().select("cnt.c[2][3]")[0], 1));
        k.runCycles(clk, 6);
        assertEquals(6, k.peek("cnt.c[0]"));
        assertEquals(6, k.peek("cnt.c[5]"));
        assertEquals(5, k.peek("f"), "the follower samples the counter one edge late");
        // counter 2: 1 after edge 0, then bit 3 stuck at 1 after edge 1: 2|8 = 10, 11, 12, 13, 14
        assertEquals(14, k.peek("cnt.c[2]"));
        k.runCycles(clk, 2);
        assertEquals(8, k.peek("cnt.c[2]") & 8);
        assertEquals((14 + 2) & 0xF | 8, k.peek("cnt.c[2]"));
    }

    /** Loads a whole 4-bit bank from an int array each edge. */
    static final class BankLoader implements ClockedComponent
    {
        int[] values;
        long returned;
        private int bank;

        BankLoader(final int[] values)
        {
            this.values = values;
        }

        @Override
        public void declare(final Declarations d)
        {
            d.registerBank("r[%d]", 4, 4, 0);
        }

        @Override
        public void bind(final Binding b)
        {
            bank = b.bank("r[%d]");
        }

        @Override
        public void edge(final Signals s)
        {
            returned = s.putNextBank(bank, values);
        }
    }

    @Test
    void putNextBankLoadsEveryRegisterCutToItsWidthAndReturnsTheOrOfTheValues()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 1, 0);
        final BankLoader loader = new BankLoader(new int[] {1, 17, 6, 5});
        b.add("ld", loader).clock(clk);
        final Design d = b.build();
        final Kernel k = new Kernel(d);
        k.runCycles(clk, 1);
        assertEquals(1, k.peek("ld.r[0]"));
        assertEquals(1, k.peek("ld.r[1]"), "17 cut to 4 bits");
        assertEquals(6, k.peek("ld.r[2]"));
        assertEquals(5, k.peek("ld.r[3]"));
        assertEquals(1 | 17 | 6 | 5, loader.returned);
        loader.values = new int[] {1, 2, 3};
        final SimulationException e = org.junit.jupiter.api.Assertions.assertThrows(SimulationException.class,
            () -> k.runCycles(clk, 1));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("4 registers, 3 values"), e.getMessage());
    }

    /**
     * A bank nobody reads commits as a plain copy while none of its registers has a fault mask; a
     * stuck-at switches it to masked commits, and a restored snapshot brings back its own masks.
     */
    @Test
    void aStuckAtHoldsInAnUnreadBankAndARestoreBringsBackTheSnapshotsMasks()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 1, 0);
        b.add("cnt", new CounterBank(4, 8)).clock(clk);
        final Design d = b.build();
        final Kernel k = new Kernel(d);
        final Snapshot clean = k.snapshot();
        // bit 2 stuck at 0: the counter wraps from 3 to 0 (4 is committed as 0)
        k.inject(Fault.stuckAt0(d.faultSites().select("cnt.c[3][2]")[0], 0));
        k.runCycles(clk, 5);
        assertEquals(1, k.peek("cnt.c[3]"), "1, 2, 3, 4 -> 0, 1");
        assertEquals(5, k.peek("cnt.c[4]"));
        final Snapshot faulted = k.snapshot();
        k.restore(clean);
        k.runCycles(clk, 5);
        assertEquals(5, k.peek("cnt.c[3]"), "restored before the fault: no mask, plain counting");
        k.restore(faulted);
        k.runCycles(clk, 4);
        assertEquals(1, k.peek("cnt.c[3]"), "restored after the fault: its mask again (2, 3, 4 -> 0, 1)");
        assertEquals(9, k.peek("cnt.c[4]"));
    }
}
