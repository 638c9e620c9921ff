package org.scfabric.sim.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;

import org.scfabric.sim.EventBus;
import org.scfabric.sim.Kernel;

/**
 * Hands records (value changes, spikes, latency samples) from the kernel thread to one writer thread
 * through an LMAX Disruptor ring, so writing a trace does not stall the simulation. Slots are
 * preallocated and reused: recording allocates nothing per record. {@link #close()} waits until every
 * published record has reached its sinks, also when the run failed, so nothing recorded is lost.
 */
public final class Recorder implements AutoCloseable
{
    public static final int VALUE_CHANGE = 0;
    public static final int SPIKE = 1;
    public static final int LATENCY = 2;

    /** A reusable ring slot. */
    static final class Slot
    {
        int kind;
        long time;
        int id;
        long value;
    }

    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;
    private final List<RecordSink> sinks;
    private volatile Throwable failure;
    private boolean closed;
    private Kernel kernel;

    public Recorder(final int ringSize, final RecordSink... sinks)
    {
        if (Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ring size must be a power of two, was " + ringSize);
        }
        this.sinks = List.of(sinks);
        final ThreadFactory threads = r ->
        {
            final Thread t = new Thread(r, "scfabric-recorder");
            t.setDaemon(true);
            return t;
        };
        // Sleeping wait: the producer never signals a lock, the writer backs off when idle (2 cores here)
        disruptor = new Disruptor<>(Slot::new, ringSize, threads, ProducerType.SINGLE, new SleepingWaitStrategy());
        final CountDownLatch started = new CountDownLatch(1);
        final EventHandler<Slot> handler = new EventHandler<>()
        {
            @Override
            public void onEvent(final Slot slot, final long sequence, final boolean endOfBatch) throws Exception
            {
                for (final RecordSink sink : Recorder.this.sinks)
                {
                    sink.onRecord(slot.kind, slot.time, slot.id, slot.value);
                }
            }

            @Override
            public void onStart()
            {
                started.countDown();
            }
        };
        disruptor.handleEventsWith(handler);
        disruptor.setDefaultExceptionHandler(new ExceptionHandler<Slot>()
        {
            @Override
            public void handleEventException(final Throwable ex, final long sequence, final Slot event)
            {
                if (failure == null)
                {
                    failure = ex;
                }
            }

            @Override
            public void handleOnStartException(final Throwable ex)
            {
                failure = ex;
            }

            @Override
            public void handleOnShutdownException(final Throwable ex)
            {
                failure = ex;
            }
        });
        ring = disruptor.start();
        // Disruptor's shutdown() waits only for processors that are running; one halted before its
        // thread starts exits without processing anything. Wait for the writer, so that a recorder
        // closed right away (a short trace) still delivers every record.
        try
        {
            if (!started.await(60, TimeUnit.SECONDS))
            {
                disruptor.halt();
                throw new IllegalStateException("recorder: the writer thread did not start within 60 s");
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            disruptor.halt();
            throw new IllegalStateException("recorder: interrupted while starting the writer thread", e);
        }
    }

    public Recorder(final RecordSink... sinks)
    {
        this(1 << 16, sinks);
    }

    /** Called by {@link Kernel#attach}: spikes on the design's bus are recorded from now on. */
    public void begin(final Kernel k)
    {
        this.kernel = k;
        k.bus().subscribe(EventBus.SPIKE, (type, time, source, value) -> spike(time, source, (int)value));
    }

    public Kernel kernel()
    {
        return kernel;
    }

    public void valueChange(final long time, final int signal, final long value)
    {
        publish(VALUE_CHANGE, time, signal, value);
    }

    public void spike(final long time, final int population, final int neuron)
    {
        publish(SPIKE, time, population, neuron);
    }

    /** A latency sample in cycles for a population (e.g. spike to last delivery). */
    public void latency(final long time, final int population, final long cycles)
    {
        publish(LATENCY, time, population, cycles);
    }

    private void publish(final int kind, final long time, final int id, final long value)
    {
        final long seq = ring.next();
        final Slot slot = ring.get(seq);
        slot.kind = kind;
        slot.time = time;
        slot.id = id;
        slot.value = value;
        ring.publish(seq);
    }

    /** Drain the ring, close every sink, and report the first error the writer met. */
    @Override
    public void close() throws IOException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            disruptor.shutdown(60, TimeUnit.SECONDS);
        }
        catch (final TimeoutException e)
        {
            disruptor.halt();
            throw new IOException("recorder: writer did not drain within 60 s", e);
        }
        IOException closeError = null;
        for (final RecordSink sink : sinks)
        {
            try
            {
                sink.close();
            }
            catch (final IOException e)
            {
                if (closeError == null)
                {
                    closeError = e;
                }
            }
        }
        final Throwable f = failure;
        if (f != null)
        {
            if (f instanceof IOException io)
            {
                throw io;
            }
            if (f instanceof UncheckedIOException u)
            {
                throw u.getCause();
            }
            throw new IOException("recorder: writer failed: " + f, f);
        }
        if (closeError != null)
        {
            throw closeError;
        }
    }
}
