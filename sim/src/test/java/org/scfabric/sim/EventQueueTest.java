package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventQueueTest
{
    @Test
    void eventsPopInTimeThenPhaseThenInsertionOrder()
    {
        qt().withFixedSeed(42L).withExamples(300)
            .forAll(lists().of(integers().between(0, 40)).ofSizeBetween(0, 300), integers().between(1, 5))
            .checkAssert((times, phases) ->
            {
                final EventQueue q = new EventQueue(16);
                final List<long[]> expected = new ArrayList<>();
                for (int i = 0; i < times.size(); i++)
                {
                    final int phase = (times.get(i) * 7 + i) % phases;
                    q.schedule(times.get(i), phase, i % 3, i);
                    expected.add(new long[] {times.get(i), phase, i});
                }
                expected.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1])
                    .thenComparingLong(e -> e[2]));
                for (final long[] e : expected)
                {
                    assertEquals(e[0], q.peekTime());
                    q.pop();
                    assertEquals(e[0], q.time());
                    assertEquals(e[1], q.phase());
                    assertEquals(e[2], q.arg());
                    assertEquals(e[2] % 3, q.kind());
                }
                assertTrue(q.isEmpty());
            });
    }

    @Test
    void interleavedScheduleAndPopStaysOrdered()
    {
        final EventQueue q = new EventQueue(4);
        final java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 64; i++)
        {
            q.schedule(r.nextInt(1000), 0, 0, i);
        }
        long last = -1;
        for (int i = 0; i < 100_000; i++)
        {
            q.pop();
            assertTrue(q.time() >= last);
            last = q.time();
            q.schedule(last + 1 + r.nextInt(1000), 0, 0, i);
        }
        assertEquals(64, q.size());
    }
}
