package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * What a fault campaign's rejoin check needs of a saved-state type ({@link StatefulComponent}): a state
 * built from copies of the same parts equals it, with the same hash; changing any one element of any
 * part makes it differ. Tests of each state type call {@link #check}.
 */
public final class StateEquality
{
    private StateEquality()
    {
    }

    /**
     * @param make builds a state from its parts, in order
     * @param parts arrays of primitives ({@code long[][]} too), boxed scalars, or null (left as is)
     * @param at the element changed in each array (modulo its length)
     */
    public static <S> void check(final Function<Object[], S> make, final Object[] parts, final int at)
    {
        final S a = make.apply(copy(parts));
        final S b = make.apply(copy(parts));
        assertEquals(a, b, "states built from equal parts");
        assertEquals(a.hashCode(), b.hashCode(), "hashes of equal states");
        for (int i = 0; i < parts.length; i++)
        {
            if (parts[i] != null)
            {
                final Object[] changed = copy(parts);
                changed[i] = changed(changed[i], at);
                assertNotEquals(a, make.apply(changed), "part " + i + " changed at element " + at);
            }
        }
    }

    /** Random parts for tests: a double[], float[], int[] or long[] of {@code n} elements. */
    public static double[] doubles(final SplittableRandom r, final int n)
    {
        return r.doubles(n, -80, 20).toArray();
    }

    public static int[] ints(final SplittableRandom r, final int n)
    {
        return r.ints(n).toArray();
    }

    public static long[] longs(final SplittableRandom r, final int n)
    {
        return r.longs(n).toArray();
    }

    public static float[] floats(final SplittableRandom r, final int n)
    {
        final float[] f = new float[n];
        for (int i = 0; i < n; i++)
        {
            f[i] = (float)r.nextDouble(-80, 20);
        }
        return f;
    }

    private static Object[] copy(final Object[] parts)
    {
        final Object[] c = new Object[parts.length];
        for (int i = 0; i < parts.length; i++)
        {
            c[i] = copyOf(parts[i]);
        }
        return c;
    }

    private static Object copyOf(final Object p)
    {
        if (p instanceof double[] d)
        {
            return d.clone();
        }
        if (p instanceof float[] f)
        {
            return f.clone();
        }
        if (p instanceof int[] a)
        {
            return a.clone();
        }
        if (p instanceof long[] l)
        {
            return l.clone();
        }
        if (p instanceof long[][] rows)
        {
            final long[][] c = new long[rows.length][];
            for (int r = 0; r < rows.length; r++)
            {
                c[r] = rows[r].clone();
            }
            return c;
        }
        if (p == null || p instanceof Number)
        {
            return p;
        }
        throw new IllegalArgumentException("unsupported part " + p.getClass());
    }

    /** The lowest bit flipped, so the change is the smallest there is (the values are finite). */
    private static Object changed(final Object p, final int at)
    {
        if (p instanceof double[] d)
        {
            final int k = at % d.length;
            d[k] = Double.longBitsToDouble(Double.doubleToLongBits(d[k]) ^ 1);
            return d;
        }
        if (p instanceof float[] f)
        {
            final int k = at % f.length;
            f[k] = Float.intBitsToFloat(Float.floatToIntBits(f[k]) ^ 1);
            return f;
        }
        if (p instanceof int[] a)
        {
            a[at % a.length] ^= 1;
            return a;
        }
        if (p instanceof long[] l)
        {
            l[at % l.length] ^= 1;
            return l;
        }
        if (p instanceof long[][] rows)
        {
            final long[] row = rows[at % rows.length];
            row[at % row.length] ^= 1;
            return rows;
        }
        if (p instanceof Double d)
        {
            return Double.longBitsToDouble(Double.doubleToLongBits(d) ^ 1);
        }
        if (p instanceof Long l)
        {
            return l ^ 1;
        }
        if (p instanceof Integer i)
        {
            return i ^ 1;
        }
        throw new IllegalArgumentException("unsupported part " + p.getClass());
    }
}
