package org.scfabric.sim.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A recorder closed right after it was made (a short trace) still delivers every record. Disruptor
 * 4's {@code shutdown} counts only processors that have started, and a processor halted before its
 * thread starts exits without processing anything: the recorder must not return from its
 * constructor before the writer runs.
 */
class RecorderDrainTest
{
    @Test
    void everyRecordArrivesEvenWhenClosedAtOnce() throws IOException
    {
        for (int run = 0; run < 300; run++)
        {
            final AtomicInteger seen = new AtomicInteger();
            final AtomicInteger closed = new AtomicInteger();
            final RecordSink sink = new RecordSink()
            {
                @Override
                public void onRecord(final int kind, final long time, final int id, final long value)
                {
                    seen.incrementAndGet();
                }

                @Override
                public void close()
                {
                    closed.incrementAndGet();
                }
            };
            try (Recorder rec = new Recorder(64, sink))
            {
                for (int i = 0; i < 5; i++)
                {
                    rec.valueChange(i, i, i);
                }
            }
            assertEquals(5, seen.get(), "run " + run + ": records delivered");
            assertEquals(1, closed.get());
        }
    }
}
