package org.scfabric.sim;

/** Every signal value, fault mask and memory word of a {@link Signals}, copied for a {@link Snapshot}. */
record SignalState(long[] cur, long[] next, long[] faultAnd, long[] faultOr, long[] mem, long[] memAnd,
    long[] memOr, boolean[] memMasked, long now)
{
}
