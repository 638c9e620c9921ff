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
    void eventsFarBeyondTheWheelComeBackInOrderWithNearOnes()
    {
        // a 64-slot wheel: most of these times go to the far heap and migrate as time advances
        qt().withFixedSeed(11L).withExamples(200)
            .forAll(lists().of(integers().between(0, 5_000)).ofSizeBetween(1, 200), integers().between(0, 3))
            .checkAssert((delays, phaseSeed) ->
            {
                final EventQueue q = new EventQueue(4, 64);
                final java.util.PriorityQueue<long[]> model = new java.util.PriorityQueue<>(
                    Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1])
                        .thenComparingLong(e -> e[2]));
                long now = 0;
                int seq = 0;
                for (int i = 0; i < delays.size(); i++)
                {
                    final int phase = (i + phaseSeed) % 3;
                    q.schedule(now + delays.get(i), phase, 0, seq);
                    model.add(new long[] {now + delays.get(i), phase, seq++});
                    if (i % 3 == 2)
                    {
                        // pop one, then keep scheduling relative to the popped time
                        final long[] e = model.poll();
                        q.pop();
                        assertEquals(e[0], q.time());
                        assertEquals(e[1], q.phase());
                        assertEquals(e[2], q.arg());
                        now = q.time();
                        // a copy pops the same sequence as the original
                        final EventQueue copy = q.copy();
                        if (!model.isEmpty())
                        {
                            copy.pop();
                            assertEquals(model.peek()[2], copy.arg());
                        }
                    }
                }
                while (!model.isEmpty())
                {
                    final long[] e = model.poll();
                    q.pop();
                    assertEquals(e[0], q.time());
                    assertEquals(e[1], q.phase());
                    assertEquals(e[2], q.arg());
                }
                assertTrue(q.isEmpty());
            });
    }

    @Test
    void schedulingBeforeTheLastPoppedTimeIsRefused()
    {
        final EventQueue q = new EventQueue(4, 64);
        q.schedule(100, 0, 0, 0);
        q.pop();
        final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> q.schedule(99, 0, 0, 1));
        assertEquals("event time 99 is before the last popped time 100", e.getMessage());
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
    @Test
    void peeksBetweenSchedulesSeeTheHeadAndACopyIntoAnotherQueuePopsTheSame()
    {
        // the head is cached between looks: every schedule (earlier, equal time with a lower phase,
        // later) and every pop must leave peekTime/peekPhase equal to the model's head
        qt().withFixedSeed(5L).withExamples(200)
            .forAll(lists().of(integers().between(0, 300)).ofSizeBetween(1, 150), integers().between(0, 255))
            .checkAssert((delays, phaseSeed) ->
            {
                final EventQueue q = new EventQueue(4, 64);
                final java.util.PriorityQueue<long[]> model = new java.util.PriorityQueue<>(
                    Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1])
                        .thenComparingLong(e -> e[2]));
                final EventQueue target = new EventQueue(4, 64);
                target.schedule(7, 1, 0, -1); // content that copyFrom must replace
                long now = 0;
                int seq = 0;
                for (int i = 0; i < delays.size(); i++)
                {
                    final int phase = (i * 7 + phaseSeed) % 4;
                    q.schedule(now + delays.get(i), phase, 0, seq);
                    model.add(new long[] {now + delays.get(i), phase, seq++});
                    assertEquals(model.peek()[0], q.peekTime());
                    assertEquals(model.peek()[1], q.peekPhase());
                    if (i % 2 == 1)
                    {
                        final long[] e = model.poll();
                        q.pop();
                        assertEquals(e[2], q.arg());
                        now = q.time();
                        if (!model.isEmpty())
                        {
                            assertEquals(model.peek()[0], q.peekTime());
                            assertEquals(model.peek()[1], q.peekPhase());
                        }
                    }
                }
                target.copyFrom(q);
                while (!model.isEmpty())
                {
                    final long[] e = model.poll();
                    assertEquals(e[0], target.peekTime());
                    assertEquals(e[1], target.peekPhase());
                    target.pop();
                    q.pop();
                    assertEquals(e[2], target.arg());
                    assertEquals(e[2], q.arg());
                }
                assertTrue(target.isEmpty());
            });
    }
}
