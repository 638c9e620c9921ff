package org.scfabric.bench.faults;

import java.util.Map;

/** A design and its drive, for a campaign: makes identical benches, one per worker. */
public interface Workload
{
    /** Short name, e.g. {@code V3} or {@code lif-core}. */
    String name();

    /** The parameters that define the run (neurons, duration, seed ...), in a fixed order, for the report. */
    Map<String, Object> params();

    /** A fresh bench in its reset state, ready for {@link FaultBench#observe} and the golden run. */
    FaultBench newBench();
}
