package org.scfabric.sim.fault;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Simpler faults of a {@link FaultSpace}: each of the four choices a fault is built from (target,
 * bit, kind, cycle) moved toward 0, one at a time.
 */
final class FaultShrinker
{
    private final FaultSpace space;

    FaultShrinker(final FaultSpace space)
    {
        this.space = space;
    }

    /** See {@link FaultSpace#shrink(Fault)}. */
    Stream<Fault> shrink(final Fault f, final int target, final int bit, final int kind, final long cyc)
    {
        final Set<Fault> out = new LinkedHashSet<>();
        for (final long b : towardZero(bit))
        {
            out.add(space.fault(target, (int)b, kind, cyc));
        }
        for (final long k : towardZero(kind))
        {
            out.add(space.fault(target, bit, (int)k, cyc));
        }
        for (final long c : towardZero(cyc))
        {
            out.add(space.fault(target, bit, kind, c));
        }
        for (final long tt : towardZero(target))
        {
            out.add(space.fault((int)tt, Math.min(bit, space.bitCount((int)tt) - 1), kind, cyc));
        }
        out.remove(f);
        return out.stream();
    }

    /** See {@link FaultSpace#shrink(List)}. */
    Stream<List<Fault>> shrink(final List<Fault> faults)
    {
        final Set<List<Fault>> out = new LinkedHashSet<>();
        final int n = faults.size();
        if (n > 1)
        {
            out.add(List.copyOf(faults.subList(0, n / 2)));
            out.add(List.copyOf(faults.subList(n / 2, n)));
            for (int i = 0; i < n; i++)
            {
                final List<Fault> less = new ArrayList<>(faults);
                less.remove(i);
                out.add(List.copyOf(less));
            }
        }
        for (int i = 0; i < n; i++)
        {
            final int at = i;
            space.shrink(faults.get(i)).forEach(g ->
            {
                final List<Fault> one = new ArrayList<>(faults);
                one.set(at, g);
                out.add(List.copyOf(one));
            });
        }
        return out.stream();
    }

    private static long[] towardZero(final long v)
    {
        if (v <= 0)
        {
            return new long[0];
        }
        if (v == 1)
        {
            return new long[] {0};
        }
        return v / 2 == v - 1 ? new long[] {0, v - 1} : new long[] {0, v / 2, v - 1};
    }
}
