package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Clock;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.Signals;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;

/** A popcount register stepped by WindowCount equals the register counted cycle by cycle on the kernel. */
class WindowCountTest
{
    static final int LEN = 30;
    static final int START = 11;

    static long increment(final int c)
    {
        return (c * 7 + 3) % 4;
    }

    /** Clears at edge START − 1, adds increment(c) at edge START + c. */
    static final class Counter implements ClockedComponent
    {
        int reg;

        @Override
        public void declare(final Declarations d)
        {
            d.register("count", 9, 0);
        }

        @Override
        public void bind(final Binding b)
        {
            reg = b.signal("count");
        }

        @Override
        public void edge(final Signals s)
        {
            final long e = s.now();
            if (e == START - 1)
            {
                s.setNext(reg, 0);
            }
            else if (e >= START && e < START + LEN)
            {
                s.setNext(reg, s.get(reg) + increment((int)(e - START)));
            }
        }
    }

    @Test
    void steppedEqualsTheKernelsCycleByCycleCount()
    {
        qt().withFixedSeed(8L).withExamples(200)
            .forAll(integers().between(0, 8), integers().between(0, 2), integers().between(0, START + LEN + 2))
            .checkAssert((bit, kind, cycle) ->
            {
                final NetlistBuilder b = new NetlistBuilder();
                final Clock clk = b.clock("clk", 1, 0);
                b.add("pc", new Counter()).clock(clk);
                final Design d = b.build();
                final Kernel k = new Kernel(d);
                final Fault f = new Fault(d.faultSites().select("pc.count[" + bit + "]")[0], FaultKind.values()[kind],
                    cycle);
                k.inject(f);
                k.runUntil(START + LEN - 1);
                final CycleFaults faults = new CycleFaults(d.faultSites());
                faults.add(f);
                final long[] inc = new long[LEN];
                for (int c = 0; c < LEN; c++)
                {
                    inc[c] = increment(c);
                }
                final int sig = d.signal("pc.count");
                final long last = START + LEN - 1;
                final long stepped = WindowCount.stepped(faults, sig, 0x1FF, START, last, inc);
                // the value is put at the last edge; the kernel masks it there and strikes after it
                assertEquals(k.peek("pc.count"), faults.strike(sig, faults.write(sig, stepped, last), last) & 0x1FF,
                    "bit " + bit + " " + FaultKind.values()[kind] + " at " + cycle);
            });
    }
}
