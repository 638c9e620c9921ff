package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Saved component states are put back into their own components, and {@link ComponentStates#matchCurrent}
 * (a campaign's rejoin check) tells a component back in its saved state from one that is not.
 */
class ComponentStatesTest
{
    /** Counts its edges in a private array (state outside the registers). */
    static final class Counting implements ClockedComponent, StatefulComponent<Counting.State>
    {
        final int[] counts = new int[3];
        int restored;

        @Override
        public void declare(final Declarations d)
        {
            d.output("q", 8);
        }

        @Override
        public void bind(final Binding b)
        {
        }

        @Override
        public void edge(final Signals s)
        {
            counts[(int)(s.now() % counts.length)]++;
        }

        @Override
        public State saveState()
        {
            return new State(counts.clone());
        }

        @Override
        public void restoreState(final State state)
        {
            restored++;
            System.arraycopy(state.counts, 0, counts, 0, counts.length);
        }

        record State(int[] counts)
        {
            @Override
            public boolean equals(final Object o)
            {
                return o instanceof State s && Arrays.equals(counts, s.counts);
            }

            @Override
            public int hashCode()
            {
                return Arrays.hashCode(counts);
            }
        }
    }

    /** Has nothing to save (null): it gets no entry, so it is never restored nor compared. */
    static final class Empty implements ClockedComponent, StatefulComponent<int[]>
    {
        int restored;

        @Override
        public void declare(final Declarations d)
        {
            d.output("q", 8);
        }

        @Override
        public void bind(final Binding b)
        {
        }

        @Override
        public void edge(final Signals s)
        {
        }

        @Override
        public int[] saveState()
        {
            return null;
        }

        @Override
        public void restoreState(final int[] state)
        {
            restored++;
        }
    }

    @Test
    void statesGoBackToTheirComponentsAndMatchOnlyWhenEqual()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 1, 0);
        final Counting a = new Counting();
        final Counting c = new Counting();
        final Empty e = new Empty();
        b.add("a", a).clock(clk).connect("q", "qa");
        b.add("c", c).clock(clk).connect("q", "qc");
        b.add("e", e).clock(clk).connect("q", "qe");
        final Design d = b.build();
        final Kernel k = new Kernel(d);
        k.runCycles(clk, 4);
        c.counts[1] += 10;
        final ComponentStates saved = ComponentStates.save(d);
        final int[] aAt4 = a.counts.clone();
        final int[] cAt4 = c.counts.clone();
        assertTrue(saved.matchCurrent(), "nothing ran since the save");

        k.runCycles(clk, 1);
        assertFalse(saved.matchCurrent(), "one count differs");
        c.counts[0] = 99;
        saved.restore();
        assertArrayEquals(aAt4, a.counts);
        assertArrayEquals(cAt4, c.counts, "c gets its own state back, not a's");
        assertTrue(saved.matchCurrent(), "restored");

        c.counts[2]++;
        assertFalse(saved.matchCurrent(), "one element of the second component differs");
        assertEquals(1, a.restored);
        assertEquals(0, e.restored, "a null state is not restored");
    }
}
