package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.parts.Gate;

class DeltaCycleTest
{
    @Test
    void aChainOfInvertersSettlesInOneDeltaPerStage()
    {
        for (final int length : new int[] {1, 2, 7, 40})
        {
            final NetlistBuilder b = new NetlistBuilder();
            b.input("n0", 1);
            for (int i = 0; i < length; i++)
            {
                b.add("inv[" + i + "]", new Gate(Gate.Op.NOT, 1)).connect("a", "n" + i).connect("y", "n" + (i + 1));
            }
            final Kernel k = new Kernel(b.build());
            k.poke("n0", 1);
            assertEquals(length, k.lastDeltaCount(), "chain of " + length);
            assertEquals(length % 2 == 0 ? 1 : 0, k.peek("n" + length));
            k.poke("n0", 0);
            assertEquals(length, k.lastDeltaCount());
            assertEquals(length % 2 == 0 ? 0 : 1, k.peek("n" + length));
        }
    }

    @Test
    void reconvergentPathsSettleInTheLongestPathsDepth()
    {
        // y = a XOR buf(buf(a)): paths of depth 1 and 3 into the XOR, settles after 4 deltas at most
        final NetlistBuilder b = new NetlistBuilder();
        b.input("a", 4);
        b.add("b1", new Gate(Gate.Op.BUF, 4)).connect("a", "a").connect("y", "x1");
        b.add("b2", new Gate(Gate.Op.BUF, 4)).connect("a", "x1").connect("y", "x2");
        b.add("x", new Gate(Gate.Op.XOR, 4)).connect("a", "a").connect("b", "x2").connect("y", "y");
        final Kernel k = new Kernel(b.build());
        k.poke("a", 9);
        assertEquals(0, k.peek("y"));
        assertEquals(3, k.lastDeltaCount());
    }

    @Test
    void aLoopThatNeverSettlesIsReportedWithItsNets()
    {
        final NetlistBuilder b = new NetlistBuilder();
        b.input("en", 1);
        b.add("nand.and", new Gate(Gate.Op.AND, 1)).connect("a", "en").connect("b", "ring").connect("y", "t");
        b.add("nand.not", new Gate(Gate.Op.NOT, 1)).connect("a", "t").connect("y", "ring");
        final Kernel k = new Kernel(b.build()); // en = 0: the loop is stable
        final SimulationException e = assertThrows(SimulationException.class, () -> k.poke("en", 1));
        assertTrue(e.getMessage().contains("combinational loop"), e.getMessage());
        assertTrue(e.getMessage().contains("ring") || e.getMessage().contains("t"), e.getMessage());
    }
}
