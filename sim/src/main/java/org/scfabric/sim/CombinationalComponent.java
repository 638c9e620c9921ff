package org.scfabric.sim;

/**
 * Logic without state, like an {@code assign} or {@code always @*} block: evaluated whenever one of
 * its inputs changes, driving its outputs with {@link Signals#drive}; the kernel repeats this in delta
 * cycles until every net is stable.
 */
public interface CombinationalComponent extends Component
{
    void evaluate(Signals s);
}
