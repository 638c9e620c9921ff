package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.fault.Fault;

class SnapshotTest
{
    @Test
    void aFaultyRunFromTheGoldenSnapshotEqualsTheFaultyRunFromZero()
    {
        qt().withFixedSeed(3L).withExamples(40)
            .forAll(integers().between(1, 48), integers().between(1, FaultInjectionTest.CYCLES - 1),
                integers().between(0, 2))
            .checkAssert((site, cycle, kind) ->
            {
                final Fault fault = switch (kind)
                {
                    case 0 -> Fault.stuckAt0(site, cycle);
                    case 1 -> Fault.stuckAt1(site, cycle);
                    default -> Fault.flip(site, cycle);
                };
                final long[] fromZero = FaultInjectionTest.trace(fault);

                final Design d = FaultInjectionTest.design();
                final Clock clk = d.clock("clk");
                final Kernel k = new Kernel(d);
                k.poke("en", 1);
                final long[] resumed = new long[FaultInjectionTest.CYCLES * 3];
                // golden run up to the fault's cycle, snapshot, a detour with another fault, then restore
                for (int c = 0; c < cycle; c++)
                {
                    k.runCycles(clk, 1);
                    record(k, resumed, c);
                }
                final Snapshot snap = k.snapshot();
                k.inject(Fault.stuckAt1(0, cycle + 1));
                k.runCycles(clk, 17);
                k.restore(snap);
                k.inject(fault);
                for (int c = cycle; c < FaultInjectionTest.CYCLES; c++)
                {
                    k.runCycles(clk, 1);
                    record(k, resumed, c);
                }
                assertArrayEquals(fromZero, resumed);
            });
    }

    private static void record(final Kernel k, final long[] out, final int c)
    {
        out[3 * c] = k.peek("gen.state");
        out[3 * c + 1] = k.peek("count");
        out[3 * c + 2] = k.peek("mix");
    }
}
