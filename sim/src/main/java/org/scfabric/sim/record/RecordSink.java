package org.scfabric.sim.record;

import java.io.IOException;

/** Consumes records on the writer thread, in the order the kernel produced them. */
public interface RecordSink
{
    void onRecord(int kind, long time, int id, long value) throws IOException;

    /** Flush and release; called once on the writer thread after the last record. */
    void close() throws IOException;
}
