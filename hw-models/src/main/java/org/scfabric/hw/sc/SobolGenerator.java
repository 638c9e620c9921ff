package org.scfabric.hw.sc;

/**
 * Sobol sequence generator in hardware form (Antonov-Saleev Gray-code order); twin of
 * {@code rtl/sc_sobol.v}. Registers: a 16-bit counter n and a 16-bit point x. Each edge:
 * {@code x <= x ^ V[c]} with c the index of the lowest zero bit of n, and {@code n <= n + 1}.
 * At n = 0xFFFF (no zero bit) the point returns to 0 with the counter, so the period is 2^16 and
 * every 16-bit value appears once per period. Point n is the XOR of V[k] over the bits of gray(n).
 */
public final class SobolGenerator
{
    private static final int MASK = 0xFFFF;

    private final int dimension;
    private final int[] directions;
    private int counter;
    private int point;
    private int counterNext;
    private int pointNext;

    public SobolGenerator(final int dimension)
    {
        this.dimension = dimension;
        this.directions = SobolDirections.of(dimension);
    }

    /** Index of the lowest zero bit of the 16-bit counter; 16 when it is all ones. */
    public static int lowestZeroBit(final int n)
    {
        return Integer.numberOfTrailingZeros(~n & 0x1FFFF);
    }

    /** The point a Gray-code generator holds at counter value n (the XOR tree used at reset). */
    public static int pointAt(final int[] directions, final int n)
    {
        final int g = (n ^ (n >>> 1)) & MASK;
        int x = 0;
        for (int k = 0; k < 16; k++)
        {
            x ^= -((g >>> k) & 1) & directions[k];
        }
        return x;
    }

    /** Reset to counter value {@code start[15:0]} and its point. */
    public void reset(final int start)
    {
        counter = start & MASK;
        point = pointAt(directions, counter);
    }

    /**
     * The point after one edge: {@code point ^ V[c]} with c the lowest zero bit of {@code counter},
     * or 0 when the counter is all ones (it wraps to 0 with the point). Pure, shared with the kernel
     * component.
     */
    public static int nextPoint(final int[] directions, final int counter, final int point)
    {
        final int c = lowestZeroBit(counter);
        return c == 16 ? 0 : point ^ directions[c];
    }

    public void eval()
    {
        pointNext = nextPoint(directions, counter, point);
        counterNext = (counter + 1) & MASK;
    }

    public void commit()
    {
        counter = counterNext;
        point = pointNext;
    }

    /** One edge; returns the new point. */
    public int clock()
    {
        eval();
        commit();
        return point;
    }

    /**
     * 64 edges of a registered comparator fed by this generator: bit i of the result is
     * {@code point < x} (unsigned) for the point held before edge i+1. Leaves the generator 64 edges on.
     */
    long compare64(final int x)
    {
        final int xu = x & MASK;
        final int[] v = directions;
        int n = counter;
        int p = point;
        long word = 0;
        for (int i = 0; i < 64; i++)
        {
            word |= (long)((p - xu) >>> 31) << i;
            final int c = Integer.numberOfTrailingZeros(~n & 0x1FFFF);
            p = c == 16 ? 0 : p ^ v[c];
            n = (n + 1) & MASK;
        }
        counter = n;
        point = p;
        return word;
    }

    public int point()
    {
        return point;
    }

    public int counter()
    {
        return counter;
    }

    public int dimension()
    {
        return dimension;
    }

    /** A copy of the 16 direction numbers. */
    public int[] directions()
    {
        return directions.clone();
    }

    int direction(final int k)
    {
        return directions[k];
    }
}
