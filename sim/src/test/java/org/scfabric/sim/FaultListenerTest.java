package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.fault.Fault;

/** Components that apply faults themselves hear of every fault injected through the kernel, and only those. */
class FaultListenerTest
{
    /** A counter that records the faults it is told of; its record goes with snapshots. */
    static final class Listening implements ClockedComponent, FaultListener, StatefulComponent<List<Fault>>
    {
        final List<Fault> heard = new ArrayList<>();
        private int q;

        @Override
        public void declare(final Declarations d)
        {
            d.output("q", 8);
        }

        @Override
        public void bind(final Binding b)
        {
            q = b.signal("q");
        }

        @Override
        public void edge(final Signals s)
        {
            s.setNext(q, s.get(q) + 1);
        }

        @Override
        public void faultInjected(final Fault fault)
        {
            heard.add(fault);
        }

        @Override
        public List<Fault> saveState()
        {
            return new ArrayList<>(heard);
        }

        @Override
        public void restoreState(final List<Fault> state)
        {
            heard.clear();
            heard.addAll(state);
        }
    }

    @Test
    void everyInjectedFaultIsTold()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 1, 0);
        final Listening a = new Listening();
        final Listening c = new Listening();
        b.add("a", a).clock(clk).connect("q", "qa");
        b.add("c", c).clock(clk).connect("q", "qc");
        final Design d = b.build();
        final Kernel k = new Kernel(d);
        final Fault f1 = Fault.stuckAt1(d.faultSites().select("qa[3]")[0], 5);
        k.inject(f1);
        assertEquals(List.of(f1), a.heard);
        assertEquals(List.of(f1), c.heard);

        final Snapshot snap = k.snapshot();
        final Fault f2 = Fault.flip(d.faultSites().select("qc[0]")[0], 9);
        k.inject(f2);
        assertEquals(List.of(f1, f2), c.heard);
        // a refused fault is not told
        k.runCycles(clk, 20);
        assertThrows(SimulationException.class, () -> k.inject(Fault.flip(0, 3)));
        assertEquals(List.of(f1, f2), a.heard);
        k.restore(snap);
        assertEquals(List.of(f1), a.heard);
    }
}
