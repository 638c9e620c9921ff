package org.scfabric.net.ref;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The threads of a parallel {@link Float64Engine}: the caller's thread is part 0, daemon workers parts 1 to
 * parts - 1. Each {@link #run} has every part run its share of one step; inside it the parts meet at
 * {@link #await}: a barrier that spins a few microseconds (a step's share is tens of microseconds, too short to
 * park and wake threads each time) and then parks, woken by the last to arrive (on a machine loaded by other
 * processes a part may be descheduled, and spinning would only keep it off the core). A failure in a worker is
 * rethrown in the caller.
 */
final class Team implements AutoCloseable
{
    private final int parties;
    private final IntConsumer work;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int phase;
    private volatile boolean closed;
    private volatile Throwable failure;
    private final Thread[] workers;
    /** Each part's thread (part 0: the caller of {@link #run}) and whether it is parked at {@link #await}. */
    private final Thread[] thread;
    private final java.util.concurrent.atomic.AtomicIntegerArray parked;
    /** Spins before parking: a few microseconds. */
    private static final int SPINS = 1 << 11;

    Team(final int parts, final IntConsumer work)
    {
        parties = parts;
        this.work = work;
        workers = new Thread[parts - 1];
        thread = new Thread[parts];
        parked = new java.util.concurrent.atomic.AtomicIntegerArray(parts);
        thread[0] = Thread.currentThread();
        for (int p = 1; p < parts; p++)
        {
            final int part = p;
            workers[p - 1] = new Thread(() -> loop(part), "float64-part-" + p);
            workers[p - 1].setDaemon(true);
            thread[p] = workers[p - 1];
        }
        for (final Thread w : workers)
        {
            w.start();
        }
    }

    private void loop(final int part)
    {
        try
        {
            while (true)
            {
                await(part); // the step's start
                if (closed)
                {
                    return;
                }
                work.accept(part);
                await(part); // its end
            }
        }
        catch (final Throwable e)
        {
            failure = e;
        }
    }

    /** Runs one step: part 0 here, the others on the workers; returns when every part is done. */
    void run()
    {
        thread[0] = Thread.currentThread();
        await(0);
        work.accept(0);
        await(0);
    }

    /** Part p waits until every part has arrived (memory written before it is seen by all after it). */
    void await(final int p)
    {
        final int ph = phase;
        if (arrived.incrementAndGet() == parties)
        {
            arrived.set(0);
            phase = ph + 1;
            for (int q = 0; q < parties; q++)
            {
                if (parked.get(q) != 0)
                {
                    LockSupport.unpark(thread[q]);
                }
            }
            return;
        }
        for (int spins = 0; spins < SPINS && phase == ph; spins++)
        {
            Thread.onSpinWait();
        }
        if (phase == ph)
        {
            parked.set(p, 1); // then read phase: the last to arrive writes phase, then reads this
            while (phase == ph)
            {
                if (failure != null)
                {
                    parked.set(p, 0);
                    throw new IllegalStateException("a float64 worker failed: " + failure, failure);
                }
                LockSupport.parkNanos(this, 1_000_000);
            }
            parked.set(p, 0);
        }
    }

    /** Ends the workers (they are waiting at a step's start). */
    @Override
    public void close()
    {
        if (!closed && failure == null)
        {
            closed = true;
            await(0);
        }
    }
}
