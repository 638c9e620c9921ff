package org.scfabric.sim;

/**
 * A component with registers, like an {@code always @(posedge clk)} block: at each edge of its clock
 * it reads current values and writes next values ({@link Signals#setNext}); the kernel commits all
 * next values after every component on that edge has run, so evaluation order never matters.
 */
public interface ClockedComponent extends Component
{
    void edge(Signals s);

    /**
     * True when, with its inputs held where they are, the next edge would change nothing. While every
     * component on a clock is idle the kernel stops scheduling that clock and wakes it when one of
     * their inputs changes: idle time is jumped over, not simulated.
     */
    default boolean idle(final Signals s)
    {
        return false;
    }
}
