package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.component.Crossbar;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Clock;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.Signals;
import org.scfabric.sim.Snapshot;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultSpace;
import org.scfabric.random.NumpyGenerator;
import org.scfabric.testkit.FaultGens;

/**
 * The synapse unit's crossbar reads a row from the network's CSR copy only while the memory holds
 * exactly the network: under any faults its row sums are those of the memory's bits.
 */
class CrossbarTest
{
    static final int N = 70; // two words per row, the second one partly unwired

    /** A clocked holder of the crossbar memory alone, so that faults on it can be scheduled. */
    static final class Holder implements ClockedComponent
    {
        final Crossbar xbar;

        Holder(final Connectivity c)
        {
            xbar = new Crossbar(c);
        }

        @Override
        public void declare(final Declarations d)
        {
            xbar.declare(d);
        }

        @Override
        public void bind(final Binding b)
        {
            xbar.bind(b);
        }

        @Override
        public void edge(final Signals s)
        {
        }
    }

    /** acc[j] += w over the set, wired bits of the memory's row i: the reference. */
    static long[] fromBits(final Signals s, final int mem, final int i)
    {
        final int words = (N + 63) / 64;
        final long[] acc = new long[N];
        for (int j = 0; j < N; j++)
        {
            if ((s.readMemory(mem, i * words + (j >>> 6)) >>> j & 1) != 0)
            {
                acc[j] += 3;
            }
        }
        return acc;
    }

    @Test
    void rowSumsAreTheMemorysBitsWhetherPristineOrFaulted()
    {
        final Connectivity c = Connectivity.draw(N, 0.1, new NumpyGenerator(5));
        final Holder h = new Holder(c);
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 2, 1);
        b.add("xb", h).clock(clk);
        final Design d = b.build();
        final Kernel k = new Kernel(d);
        final Signals s = k.signals();
        h.xbar.load(s);
        final Snapshot clean = k.snapshot();
        final int mem = d.memory("xb.xbar");
        final long[] network = c.crossbar();
        assertTrue(h.xbar.pristine(s), "a freshly loaded crossbar is the network");

        final FaultSpace space = FaultSpace.of(d, "xb.xbar[*][*]").withCycles(0, 3);
        final int[] faulted = new int[1];
        qt().withFixedSeed(77L).withExamples(150).forAll(FaultGens.faultSets(space, 3)).checkAssert(faults ->
        {
            k.restore(clean);
            for (final Fault f : faults)
            {
                k.inject(f);
            }
            k.runCycles(clk, 6);
            boolean equal = true;
            for (int a = 0; a < network.length; a++)
            {
                equal &= s.readMemory(mem, a) == network[a];
            }
            assertEquals(equal, h.xbar.pristine(s), faults.toString());
            faulted[0] += equal ? 0 : 1;
            for (int i = 0; i < N; i++)
            {
                final long[] acc = new long[N];
                h.xbar.addRow(s, i, 3, acc);
                assertArrayEquals(fromBits(s, mem, i), acc, "row " + i + " under " + faults);
            }
        });
        assertTrue(faulted[0] > 50, "most fault sets change the memory: " + faulted[0] + " of 150");

        k.restore(clean);
        assertTrue(h.xbar.pristine(s), "restored to the clean snapshot, the shortcut is back");
        // a stuck-at-0 on a synapse that exists: the row loses that target
        final int i = 0;
        final int j = c.targets()[c.rowStart(i)];
        final int words = (N + 63) / 64;
        k.inject(Fault.stuckAt0(d.faultSites().memoryBit(mem, i * words + (j >>> 6), j & 63), 0));
        k.runCycles(clk, 2);
        assertFalse(h.xbar.pristine(s));
        final long[] acc = new long[N];
        h.xbar.addRow(s, i, 3, acc);
        assertEquals(0, acc[j]);
        assertEquals(3L * (c.rowStart(i + 1) - c.rowStart(i) - 1), java.util.Arrays.stream(acc).sum());
    }
}
