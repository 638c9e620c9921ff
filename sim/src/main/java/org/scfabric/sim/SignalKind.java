package org.scfabric.sim;

/** What drives a signal. */
public enum SignalKind
{
    /** A primary input, driven by the test bench ({@link Kernel#poke}). */
    INPUT,
    /** A net driven by a combinational component. */
    NET,
    /** A register: a clocked component's output or internal state, written at its clock's edge. */
    REGISTER
}
