package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The network's own parameters (g, η, J, delay, refractory period) reach every variant's result, and the
 * exact variants stay exact for any value: V1, V18 and V20 share their arithmetic at every g, η and J, and
 * V1 with V8's refractory period is V8 spike for spike.
 */
class NetworkParamsTest
{
    private static final BrunelParams P = BrunelParams.ofSize(200).withDuration(200);
    private final BrunelRunner runner = new BrunelRunner();

    private RunResult run(final Variant v, final BrunelParams p)
    {
        return runner.run(v, p, f -> { });
    }

    private static void assertSameRaster(final RunResult a, final RunResult b)
    {
        assertArrayEquals(BrunelExactnessTest.steps(a), BrunelExactnessTest.steps(b), a.variant() + " vs " + b.variant());
        assertArrayEquals(BrunelExactnessTest.neurons(a), BrunelExactnessTest.neurons(b), a.variant() + " vs "
            + b.variant());
    }

    private void assertChanges(final Variant v, final UnaryOperator<BrunelParams> change)
    {
        final RunResult base = run(v, P);
        final RunResult changed = run(v, change.apply(P));
        final boolean same = java.util.Arrays.equals(BrunelExactnessTest.steps(base), BrunelExactnessTest.steps(changed))
            && java.util.Arrays.equals(BrunelExactnessTest.neurons(base), BrunelExactnessTest.neurons(changed));
        assertEquals(false, same, v + ": the change did not reach the spikes");
    }

    @Test
    void gReachesTheFloatAndFixedPointVariants()
    {
        for (final Variant v : List.of(Variant.V1, Variant.V3, Variant.V4, Variant.V11, Variant.V15))
        {
            assertChanges(v, p -> p.withG(3));
        }
    }

    @Test
    void etaReachesTheFloatAndFixedPointVariants()
    {
        for (final Variant v : List.of(Variant.V1, Variant.V3, Variant.V5, Variant.V11))
        {
            assertChanges(v, p -> p.withEta(1.5));
        }
    }

    @Test
    void jReachesTheFloatAndFixedPointVariants()
    {
        for (final Variant v : List.of(Variant.V1, Variant.V3, Variant.V4, Variant.V11))
        {
            assertChanges(v, p -> p.withJ(0.2));
        }
    }

    @Test
    void aLongerDelayReachesEveryVariantThatHasOne()
    {
        for (final Variant v : Variant.DELAY)
        {
            assertChanges(v, p -> p.withDelay(0.2));
            assertChanges(v, p -> p.withDelay(1.5));
        }
    }

    @Test
    void aDelayOfDStepsHoldsBackTheFirstRecurrentKickByD()
    {
        // the first spike's kicks land D steps later: delays of 3 and 5 steps give the same spikes up to 2
        // steps after the first one (no kick has landed in either), the whole spike list of those steps
        for (final Variant v : Variant.DELAY)
        {
            final RunResult three = run(v, P.withDelay(0.3));
            final RunResult five = run(v, P.withDelay(0.5));
            final int[] a = BrunelExactnessTest.steps(three);
            final int[] b = BrunelExactnessTest.steps(five);
            final int last = a[0] + 2;
            final int na = (int)java.util.Arrays.stream(a).filter(x -> x <= last).count();
            final int nb = (int)java.util.Arrays.stream(b).filter(x -> x <= last).count();
            assertEquals(na, nb, v + ": spikes up to step " + last);
            assertArrayEquals(java.util.Arrays.copyOf(BrunelExactnessTest.neurons(three), na),
                java.util.Arrays.copyOf(BrunelExactnessTest.neurons(five), nb), v.name());
        }
    }

    @Test
    void refractoryPeriodReachesEveryVariantThatHasOne()
    {
        for (final Variant v : Variant.REFRACTORY)
        {
            assertChanges(v, p -> p.withRefractory(1.0));
        }
    }

    @Test
    void v1V18AndV20AgreeSpikeForSpikeAtOtherGEtaAndJ()
    {
        final BrunelParams q = P.withG(3).withEta(1.5).withJ(0.15);
        final RunResult v1 = run(Variant.V1, q);
        assertSameRaster(v1, run(Variant.V18, q));
        assertSameRaster(v1, run(Variant.V20, q));
    }

    @Test
    void v1WithARefractoryPeriodIsV8WithTheSamePeriod()
    {
        // V8's own five steps, and another period given to both
        assertSameRaster(run(Variant.V8, P), run(Variant.V1, P.withRefractory(0.5)));
        final BrunelParams q = P.withRefractory(2.0).withG(4);
        assertSameRaster(run(Variant.V8, q), run(Variant.V1, q));
    }

    @Test
    void theReferenceValuesGivenExplicitlyAreTheReferenceNetwork()
    {
        final BrunelParams typed = P.withG(5).withEta(2).withJ(0.1).withDelay(0.1);
        assertEquals(P, typed);
        assertEquals(P.lambda(), typed.lambda());
        // V3's own two steps given explicitly: the same spikes
        assertSameRaster(run(Variant.V3, P), run(Variant.V3, P.withRefractory(0.2)));
    }

    @Test
    void variantsRefuseADelayOrRefractoryPeriodTheyCannotModel()
    {
        assertNull(Variant.V1.refuses(P.withDelay(1.5).withRefractory(2)));
        assertNull(Variant.V3.refuses(P.withDelay(1.5).withRefractory(2)));
        assertNotNull(Variant.V3.refuses(P.withDelay(6.5)));
        assertNotNull(Variant.V18.refuses(P.withDelay(1.5)));
        assertNotNull(Variant.V2.refuses(P.withRefractory(2)));
        assertNull(Variant.V2.refuses(P.withG(7)));
    }

    @Test
    void valuesOffTheStepGridAreRefused()
    {
        for (final Runnable r : List.<Runnable>of(() -> P.withDelay(0.15), () -> P.withDelay(0), () -> P.withRefractory(-0.1),
            () -> P.withRefractory(0.25), () -> P.withG(-1), () -> P.withJ(0)))
        {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run);
        }
        assertEquals(15, P.withDelay(1.5).delaySteps());
        assertEquals(20, P.withRefractory(2.0).refractorySteps(0));
        assertEquals(5, P.refractorySteps(5));
    }
}
