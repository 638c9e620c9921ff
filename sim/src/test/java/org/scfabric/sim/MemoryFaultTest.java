package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.fault.Fault;

/**
 * Stuck-at faults on memory words reach every write to the word, whenever it was made: a write committed
 * at an edge after the fault, and one made from outside an edge that is still pending when the fault
 * strikes (the clock was stopped). A restored snapshot from before the fault writes words as they are.
 */
class MemoryFaultTest
{
    /** A RAM of 4 bytes: while en is high, out <= mem[addr] and mem[addr] <= wdata (read before write). */
    private static final class Ram implements ClockedComponent
    {
        private int en;
        private int addr;
        private int wdata;
        private int out;
        private int mem;

        @Override
        public void declare(final Declarations d)
        {
            d.input("en", 1);
            d.input("addr", 2);
            d.input("wdata", 8);
            d.output("out", 8, 0);
            d.memory("mem", 8, 4);
        }

        @Override
        public void bind(final Binding b)
        {
            en = b.signal("en");
            addr = b.signal("addr");
            wdata = b.signal("wdata");
            out = b.signal("out");
            mem = b.memory("mem");
        }

        @Override
        public void edge(final Signals s)
        {
            if (s.get(en) != 0)
            {
                s.setNext(out, s.readMemory(mem, (int)s.get(addr)));
                s.writeMemory(mem, (int)s.get(addr), s.get(wdata));
            }
        }

        @Override
        public boolean idle(final Signals s)
        {
            return s.get(en) == 0;
        }
    }

    private static Kernel kernel()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 2, 1);
        b.input("en", 1);
        b.input("addr", 2);
        b.input("wdata", 8);
        b.add("ram", new Ram()).clock(clk).connect("en", "en").connect("addr", "addr").connect("wdata", "wdata")
            .connect("out", "out");
        return new Kernel(b.build());
    }

    private static long stuckBit7OfWord2(final Kernel k)
    {
        return k.design().faultSites().memoryBit(k.design().memory("ram.mem"), 2, 7);
    }

    /** Word 2 as the last edge up to {@code until} read it (each edge also writes 0x11 into it). */
    private static long read2(final Kernel k, final long until)
    {
        k.poke("addr", 2);
        k.poke("wdata", 0x11);
        k.poke("en", 1);
        k.runUntil(until);
        k.poke("en", 0);
        return k.peek("out");
    }

    @Test
    void aWritePendingWhenAMemoryStuckAtStrikesIsStoredWithTheFault()
    {
        final Kernel k = kernel();
        k.runUntil(10); // the clock is stopped (en low)
        final int mem = k.design().memory("ram.mem");
        k.signals().writeMemory(mem, 2, 0x01); // from outside an edge: committed at the next edge
        k.inject(Fault.stuckAt1(stuckBit7OfWord2(k), 8));
        k.runUntil(20); // the fault strikes with the write still pending
        assertEquals(0x81, read2(k, 22));
        assertEquals(0x91, read2(k, 26), "a write at an edge after the fault keeps the stuck bit");
    }

    @Test
    void aSnapshotFromBeforeTheFaultWritesWordsAsTheyAre()
    {
        final Kernel k = kernel();
        k.runUntil(4);
        final Snapshot clean = k.snapshot();
        k.inject(Fault.stuckAt1(stuckBit7OfWord2(k), 3));
        k.runUntil(8);
        assertEquals(0x80, read2(k, 10));
        assertEquals(0x91, read2(k, 14));
        k.restore(clean);
        assertEquals(0x00, read2(k, 6));
        assertEquals(0x11, read2(k, 10), "no mask after the restore");
    }
}
