package org.scfabric.net;

import java.util.Arrays;

/** The shape of a tensor or of a node's input or output, row-major (NCHW without the batch). Immutable. */
public final class Shape
{
    /** The shape of a scalar: no dimensions, one element. */
    public static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int size;

    private Shape(final int[] dims)
    {
        this.dims = dims;
        long s = 1;
        for (final int d : dims)
        {
            if (d < 0)
            {
                throw new NetworkException("negative dimension in shape " + Arrays.toString(dims));
            }
            s *= d;
            if (s > Integer.MAX_VALUE)
            {
                throw new NetworkException("shape " + Arrays.toString(dims) + " has more than 2^31 elements");
            }
        }
        this.size = (int) s;
    }

    public static Shape of(final int... dims)
    {
        return new Shape(dims.clone());
    }

    public int rank()
    {
        return dims.length;
    }

    public int dim(final int i)
    {
        return dims[i];
    }

    public int[] dims()
    {
        return dims.clone();
    }

    /** Number of elements (1 for a scalar). */
    public int size()
    {
        return size;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(dims);
    }

    /** As NIR and numpy print it, e.g. {@code (2, 34, 34)}. */
    @Override
    public String toString()
    {
        final StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++)
        {
            b.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return b.append(dims.length == 1 ? ",)" : ")").toString();
    }
}
