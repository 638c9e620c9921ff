package org.scfabric.net;

import java.util.Arrays;

/**
 * A parameter: a shape and its values widened exactly to float64, row-major. {@link #dtype()} remembers how
 * the source stored it (float32, float64, int64), so a writer can give it back as it came (every float32 and
 * every int64 a NIR file holds in practice is a double exactly, so nothing is lost on the way in). Immutable: {@link #data()} hands out a copy; the engine
 * reads {@link #get(int)} or {@link #broadcast(int, String)} once at build time.
 */
public final class Tensor
{
    private final Shape shape;
    private final double[] data;
    private final DType dtype;

    /** How a source stored the values. */
    public enum DType
    {
        FLOAT32, FLOAT64, INT64,
        /** 32-bit integers: the indices of a sparse weight matrix (half the bytes of INT64). */
        INT32
    }

    public Tensor(final Shape shape, final double[] data, final DType dtype)
    {
        this(shape, data, dtype, true);
    }

    /**
     * A tensor that takes {@code data} as it is, without a copy: for front ends that have just made the array
     * (a reader's 10^7 weights need not be copied twice). The caller must not touch the array afterwards.
     */
    public static Tensor adopt(final Shape shape, final double[] data, final DType dtype)
    {
        return new Tensor(shape, data, dtype, false);
    }

    private Tensor(final Shape shape, final double[] data, final DType dtype, final boolean copy)
    {
        if (data.length != shape.size())
        {
            throw new NetworkException("tensor of shape " + shape + " needs " + shape.size() + " values, got "
                + data.length);
        }
        this.shape = shape;
        this.data = copy ? data.clone() : data;
        this.dtype = dtype;
    }

    public static Tensor scalar(final double v)
    {
        return new Tensor(Shape.SCALAR, new double[] {v}, DType.FLOAT64);
    }

    public static Tensor of(final Shape shape, final double... data)
    {
        return new Tensor(shape, data, DType.FLOAT64);
    }

    /** A 1-d tensor of the given values. */
    public static Tensor vector(final double... data)
    {
        return new Tensor(Shape.of(data.length), data, DType.FLOAT64);
    }

    public Shape shape()
    {
        return shape;
    }

    public int size()
    {
        return data.length;
    }

    public double get(final int flatIndex)
    {
        return data[flatIndex];
    }

    public double[] data()
    {
        return data.clone();
    }

    public DType dtype()
    {
        return dtype;
    }

    /** The values as ints (strides, kernel sizes, ...); each must be a whole number. */
    public int[] ints(final String what)
    {
        final int[] r = new int[data.length];
        for (int i = 0; i < r.length; i++)
        {
            final double v = data[i];
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE)
            {
                throw new NetworkException(what + " must be whole numbers, got " + v);
            }
            r[i] = (int) v;
        }
        return r;
    }

    /**
     * The values for {@code n} elements: a tensor of one value is repeated (NIR's scalars broadcast), one of n
     * values is taken as it is (whatever its shape), anything else is an error naming {@code what}.
     */
    public double[] broadcast(final int n, final String what)
    {
        if (data.length == n)
        {
            return data.clone();
        }
        if (data.length == 1)
        {
            final double[] r = new double[n];
            Arrays.fill(r, data[0]);
            return r;
        }
        throw new NetworkException(what + " has " + data.length + " values " + shape + ", expected 1 or " + n);
    }

    @Override
    public boolean equals(final Object o)
    {
        // bit equality: -0.0 != 0.0 and NaN == NaN, so a round trip is checked to the bit
        if (!(o instanceof Tensor t) || !shape.equals(t.shape) || dtype != t.dtype)
        {
            return false;
        }
        for (int i = 0; i < data.length; i++)
        {
            if (Double.doubleToRawLongBits(data[i]) != Double.doubleToRawLongBits(t.data[i]))
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode()
    {
        return shape.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString()
    {
        return dtype.name().toLowerCase(java.util.Locale.ROOT) + shape
            + (data.length <= 4 ? Arrays.toString(data) : "[" + data[0] + ", ...]");
    }
}
