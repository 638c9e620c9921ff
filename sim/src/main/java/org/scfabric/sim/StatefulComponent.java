package org.scfabric.sim;

/**
 * A component that keeps state outside the kernel's registers and memories (a stream cursor, a
 * float model's arrays). It must hand that state to {@link Kernel#snapshot} and take it back on
 * {@link Kernel#restore}; components whose state is all in registers need nothing.
 *
 * @param <S> the saved state: a deep copy whose {@code equals} compares value by value (array
 *     contents, not identities), because a fault campaign decides that a faulty run has rejoined the
 *     golden one by comparing saved states ({@link ComponentStates#matchCurrent})
 */
public interface StatefulComponent<S> extends Component
{
    /** A deep copy of the private state. */
    S saveState();

    /** Put back a state returned by {@link #saveState} (it may be restored more than once). */
    void restoreState(S state);
}
