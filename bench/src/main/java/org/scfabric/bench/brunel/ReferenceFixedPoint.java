package org.scfabric.bench.brunel;

import org.scfabric.hw.lif.LifParams;

/**
 * How the reference's {@code FixedPointLIF} (V3 in Q8.8, V11 in Q16.12; docs/spec/brunel.md §3) turns its real
 * parameters into the core's integers: {@code int(x · 2^F)}, truncated toward zero (not rounded), and
 * {@code leak_k = max(1, int(dt/τ · 2^F))}, gain 2^F. V3's design and the {@code brunel} nodes of a NIR file run in
 * fixed point ({@code scfabric nir --arith q8.8}) both take their constants from here, so the two are one core.
 */
public final class ReferenceFixedPoint
{
    private ReferenceFixedPoint()
    {
    }

    /** {@code int(x · 2^F)}: Python's int() of the product, toward zero. */
    public static int truncate(final double x, final int fraction)
    {
        return (int)(x * (1 << fraction));
    }

    /** {@code max(1, int(α · 2^F))} for the leak factor α = dt/τ. */
    public static int leak(final double alpha, final int fraction)
    {
        return Math.max(1, truncate(alpha, fraction));
    }

    /** The gain: 1.0, i.e. 2^F. */
    public static int gain(final int fraction)
    {
        return 1 << fraction;
    }

    /** The core's parameters: voltages truncated, the refractory period in cycles (= steps). */
    public static LifParams lif(final int width, final int fraction, final double vRest, final double vReset,
        final double vThreshold, final int refractory)
    {
        return new LifParams(width, fraction, truncate(vRest, fraction), truncate(vReset, fraction),
            truncate(vThreshold, fraction), refractory);
    }
}
