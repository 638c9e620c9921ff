package org.scfabric.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scfabric.sim.EventQueue;

/**
 * (a) Events through the kernel's queue: the classic hold model. The queue holds {@code pending}
 * one-shot events; each operation pops the earliest and schedules a new one at a random future time.
 * {@link #peekPopAndScheduleOneEvent} does it the way the kernel's loop does: it looks at the head's
 * time (twice) and phase before it pops.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class EventQueueBench
{
    @Param({"1024", "65536"})
    int pending;

    /** Delays are uniform in 1..maxDelay ticks; beyond the wheel (16 384 ticks) events wait in a heap. */
    @Param({"10000", "1000000"})
    int maxDelay;

    private EventQueue queue;
    private int[] delays;
    private int cursor;
    private long endTime = Long.MAX_VALUE - 1;

    @Setup
    public void setUp()
    {
        final SplittableRandom r = new SplittableRandom(42);
        delays = new int[1 << 16];
        for (int i = 0; i < delays.length; i++)
        {
            delays[i] = 1 + r.nextInt(maxDelay);
        }
        queue = new EventQueue(pending);
        for (int i = 0; i < pending; i++)
        {
            queue.schedule(delays[i], i & 3, 0, i);
        }
    }

    @Benchmark
    public long popAndScheduleOneEvent()
    {
        final EventQueue q = queue;
        q.pop();
        final long t = q.time();
        q.schedule(t + delays[cursor++ & 0xFFFF], q.phase(), q.kind(), q.arg());
        return t;
    }

    @Benchmark
    public long peekPopAndScheduleOneEvent()
    {
        final EventQueue q = queue;
        long t = 0;
        if (!q.isEmpty() && q.peekTime() <= endTime)
        {
            t = q.peekTime() + q.peekPhase();
            q.pop();
            q.schedule(q.time() + delays[cursor++ & 0xFFFF], q.phase(), q.kind(), q.arg());
        }
        return t;
    }
}
