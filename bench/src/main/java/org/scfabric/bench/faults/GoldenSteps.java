package org.scfabric.bench.faults;

import java.util.Arrays;

/**
 * The fabric designs' time base for spikes: a step takes as many cycles as the fabric needs, so a spike
 * at cycle c belongs to the step the golden run was in at c; past the golden run's finish, steps of the
 * golden run's mean length.
 */
final class GoldenSteps
{
    private GoldenSteps()
    {
    }

    /**
     * @param stepStart the golden run's first cycle of every step, then its finish ({@code steps + 1} entries)
     */
    static long stepOf(final long[] stepStart, final int steps, final long cycle)
    {
        final long finish = stepStart[steps];
        if (cycle >= finish)
        {
            return steps + (cycle - finish) * steps / Math.max(1, finish);
        }
        int i = Arrays.binarySearch(stepStart, 0, steps, cycle);
        if (i < 0)
        {
            i = -i - 2;
        }
        return Math.max(0, i);
    }
}
