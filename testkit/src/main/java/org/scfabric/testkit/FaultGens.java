package org.scfabric.testkit;

import java.util.ArrayList;
import java.util.List;

import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;
import org.scfabric.sim.Design;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;
import org.scfabric.sim.fault.FaultSpace;

/**
 * QuickTheories generators of faults, built on the framework-neutral {@link FaultSpace}. A fault is
 * drawn as four bounded integers (target, bit, kind, cycle offset — see {@link FaultSpace#fault}),
 * so QuickTheories' integrated shrinking moves a failing fault toward the lowest selected bit, the
 * first kind of the space, the earliest cycle and the first register; a fault set shrinks toward one
 * fault. Shown in failure reports as {@code sa1 core0.lif[3].v[15] from cycle 0}.
 *
 * <pre>{@code
 * FaultSpace space = FaultSpace.of(design, "core0.lif[*].v[*]").withKinds(STUCK_AT_1).withCycles(0, 99);
 * qt().forAll(FaultGens.faults(space)).checkAssert(f -> ...);
 * }</pre>
 */
public final class FaultGens
{
    private FaultGens()
    {
    }

    /** Single faults of the space. */
    public static Gen<Fault> faults(final FaultSpace space)
    {
        final int targets = space.targetCount();
        final int bits = space.maxBitCount();
        final int kinds = space.kindCount();
        final long cycles = space.cycleCount();
        final Gen<Fault> g = in -> draw(space, in, targets, bits, kinds, cycles);
        return g.describedAs(space::describe);
    }

    /** Single faults of the sites {@code glob} selects in {@code design}: every kind, at cycle 0. */
    public static Gen<Fault> faults(final Design design, final String glob)
    {
        return faults(FaultSpace.of(design, glob));
    }

    /** Stuck-at faults (sa0, sa1) present from the first cycle on: permanent defects. */
    public static Gen<Fault> stuckAt(final Design design, final String glob)
    {
        return faults(FaultSpace.of(design, glob).withKinds(FaultKind.STUCK_AT_0, FaultKind.STUCK_AT_1));
    }

    /** Single bit flips at any cycle of 0..lastCycle: transient upsets. */
    public static Gen<Fault> flips(final Design design, final String glob, final long lastCycle)
    {
        return faults(FaultSpace.of(design, glob).withKinds(FaultKind.FLIP).withCycles(0, lastCycle));
    }

    /** Sets of 1..maxFaults faults of the space (repeats possible); shrinks toward one simple fault. */
    public static Gen<List<Fault>> faultSets(final FaultSpace space, final int maxFaults)
    {
        if (maxFaults < 1)
        {
            throw new IllegalArgumentException("maxFaults must be >= 1, got " + maxFaults);
        }
        final int targets = space.targetCount();
        final int bits = space.maxBitCount();
        final int kinds = space.kindCount();
        final long cycles = space.cycleCount();
        final Gen<List<Fault>> g = in ->
        {
            final int n = (int)in.next(Constraint.between(1, maxFaults).withShrinkPoint(1));
            final List<Fault> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
            {
                out.add(draw(space, in, targets, bits, kinds, cycles));
            }
            return List.copyOf(out);
        };
        return g.describedAs(list -> list.stream().map(space::describe).toList().toString());
    }

    /** Site numbers of the space (for properties about sites rather than faults). */
    public static Gen<Long> sites(final FaultSpace space)
    {
        final int n = space.siteCount();
        final Gen<Long> g = in -> space.site((int)in.next(Constraint.between(0, n - 1).withShrinkPoint(0)));
        return g.describedAs(s -> space.sites().name(s));
    }

    private static Fault draw(final FaultSpace space, final RandomnessSource in, final int targets, final int bits,
        final int kinds, final long cycles)
    {
        final int t = (int)in.next(Constraint.between(0, targets - 1).withShrinkPoint(0));
        final int b = (int)in.next(Constraint.between(0, bits - 1).withShrinkPoint(0));
        final int k = (int)in.next(Constraint.between(0, kinds - 1).withShrinkPoint(0));
        final long c = in.next(Constraint.between(0, cycles - 1).withShrinkPoint(0));
        return space.fault(t, b, k, c);
    }
}
