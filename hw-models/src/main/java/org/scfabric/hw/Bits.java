package org.scfabric.hw;

/** Width helpers shared by the bit-true models: what a Verilog part-select and sign do. */
public final class Bits
{
    private Bits()
    {
    }

    /** All-ones mask of the low {@code width} bits, 1..32. */
    public static int mask(final int width)
    {
        return width >= 32 ? -1 : (1 << width) - 1;
    }

    /** low_W(x): keep the {@code width} low bits and read them as signed two's complement. */
    public static int lowSigned(final long x, final int width)
    {
        final int s = 64 - width;
        return (int)((x << s) >> s);
    }

    /** True when {@code x} is representable as a signed {@code width}-bit value. */
    public static boolean fitsSigned(final long x, final int width)
    {
        return lowSigned(x, width) == x;
    }

    /** The fewest two's-complement bits (at least 2) that hold every value of {@code xs}: a memory word's width. */
    public static int signedWidth(final int[] xs)
    {
        int b = 2;
        for (final int x : xs)
        {
            while (!fitsSigned(x, b))
            {
                b++;
            }
        }
        return b;
    }

    /** Reverses the 16 low bits (bit 0 becomes bit 15). */
    public static int reverse16(final int x)
    {
        return Integer.reverse(x) >>> 16;
    }
}
