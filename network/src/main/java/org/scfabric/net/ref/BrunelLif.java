package org.scfabric.net.ref;

/**
 * The Brunel reference's float64 neuron step (docs/spec/brunel.md §3), written once: the Brunel variants
 * (bench's {@code FloatLif}: V1, V6–V10, V18, V20) and the {@code brunel} node kind of the float64 reference
 * call these same methods, so the hand-built designs and a network read from NIR are one arithmetic.
 *
 * <p>{@code v += I} (the input summed first), then the Euler leak {@code x + α·(v_rest − x)} with α = dt/τ, then
 * a spike at {@code x >= v_th} (not {@code >}) that sets v to v_reset. Tiny static methods: the JIT inlines them
 * into every population's loop.
 */
public final class BrunelLif
{
    private BrunelLif()
    {
    }

    /** The Euler leak: {@code x + alpha·(vRest − x)}. */
    public static double leak(final double x, final double alpha, final double vRest)
    {
        return x + alpha * (vRest - x);
    }

    /** Whether a membrane at x spikes. */
    public static boolean fires(final double x, final double vTh)
    {
        return x >= vTh;
    }

    /** Stores x as v[i], or v_reset if x spikes; returns whether it spiked. */
    public static boolean settle(final double[] v, final int i, final double x, final double vTh, final double vReset)
    {
        if (x >= vTh)
        {
            v[i] = vReset;
            return true;
        }
        v[i] = x;
        return false;
    }

    /** One step of neuron i: {@code v[i] += input}, the leak, the threshold. Returns whether it spiked. */
    public static boolean step(final double[] v, final int i, final double input, final double alpha, final double vRest,
        final double vTh, final double vReset)
    {
        return settle(v, i, leak(v[i] + input, alpha, vRest), vTh, vReset);
    }
}
