package org.scfabric.bench.nir;

import org.scfabric.hw.Bits;

/**
 * A signed fixed-point format of the bit-true cores: {@code width} bits, {@code fraction} of them after the
 * point (Q8.8 = 16/8, Q16.12 = 32/12, as {@code CubaLifParams.Q8_8} and {@code Q16_12}).
 *
 * @param name the --arith name
 * @param width data width W
 * @param fraction fraction bits F
 */
public record FixedFormat(String name, int width, int fraction)
{
    public static final FixedFormat Q8_8 = new FixedFormat("q8.8", 16, 8);
    public static final FixedFormat Q16_12 = new FixedFormat("q16.12", 32, 12);

    /** 1.0 in this format. */
    public double one()
    {
        return Math.scalb(1.0, fraction);
    }

    /**
     * x rounded to the nearest representable value (ties to even), saturated to the signed range: a parameter beyond the range gets the closest value, and its
     * quantisation error says so.
     */
    public int quantise(final double x)
    {
        final double s = Math.rint(x * one());
        final long max = Bits.mask(width - 1) & 0xffffffffL;
        if (Double.isNaN(s))
        {
            return 0;
        }
        // clamp in double first: a huge parameter must not wrap through the long conversion
        return (int)Math.max(-max - 1, Math.min(max, (long)Math.max(-max - 1.0, Math.min(max, s))));
    }

    /** The real value of a fixed-point number. */
    public double value(final int q)
    {
        return q / one();
    }

    /** A long clamped to the signed W-bit range (the saturating synapse accumulator). */
    public int saturate(final long x)
    {
        final long max = Bits.mask(width - 1) & 0xffffffffL;
        return (int)Math.max(-max - 1, Math.min(max, x));
    }
}
