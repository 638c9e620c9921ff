package org.scfabric.sim;

/**
 * A component that keeps state outside the kernel's registers and memories (a stream cursor, a
 * float model's arrays). It must hand that state to {@link Kernel#snapshot} and take it back on
 * {@link Kernel#restore}; components whose state is all in registers need nothing.
 */
public interface StatefulComponent extends Component
{
    /** A deep copy of the private state. */
    Object saveState();

    /** Put back a state returned by {@link #saveState} (it may be restored more than once). */
    void restoreState(Object state);
}
