package org.scfabric.sim.fault;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Uniform draws of fault indices, the same for the same generator state on every JVM. */
final class FaultSampling
{
    private FaultSampling()
    {
    }

    /** {@code k} distinct numbers of 0..n−1 drawn uniformly without replacement, ascending (Floyd's algorithm). */
    static long[] distinct(final RandomGenerator random, final long n, final int k)
    {
        if (k < 0 || k > n)
        {
            throw new IllegalArgumentException("cannot draw " + k + " distinct faults from " + n);
        }
        final Set<Long> chosen = new HashSet<>(Math.max(16, k * 2));
        for (long j = n - k; j < n; j++)
        {
            final long t = random.nextLong(j + 1);
            if (!chosen.add(t))
            {
                chosen.add(j);
            }
        }
        final long[] out = new long[k];
        int i = 0;
        for (final long v : chosen)
        {
            out[i++] = v;
        }
        Arrays.sort(out);
        return out;
    }
}
