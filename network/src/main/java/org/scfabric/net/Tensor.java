package org.scfabric.net;

import java.util.Arrays;

/**
 * A parameter: a shape and its values widened exactly to float64, row-major. {@code float32} remembers that
 * the source stored it in single precision, so a writer can give it back as it came (every float32 is a
 * double exactly, so nothing is lost either way). Immutable: {@link #data()} hands out a copy; the engine
 * reads {@link #get(int)} or {@link #broadcast(int, String)} once at build time.
 */
public final class Tensor
{
    private final Shape shape;
    private final double[] data;
    private final boolean float32;

    public Tensor(final Shape shape, final double[] data, final boolean float32)
    {
        if (data.length != shape.size())
        {
            throw new NetworkException("tensor of shape " + shape + " needs " + shape.size() + " values, got "
                + data.length);
        }
        this.shape = shape;
        this.data = data.clone();
        this.float32 = float32;
    }

    public static Tensor scalar(final double v)
    {
        return new Tensor(Shape.SCALAR, new double[] {v}, false);
    }

    public static Tensor of(final Shape shape, final double... data)
    {
        return new Tensor(shape, data, false);
    }

    /** A 1-d tensor of the given values. */
    public static Tensor vector(final double... data)
    {
        return new Tensor(Shape.of(data.length), data, false);
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

    public boolean float32()
    {
        return float32;
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
        if (!(o instanceof Tensor t) || !shape.equals(t.shape) || float32 != t.float32)
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
        return (float32 ? "float32" : "float64") + shape
            + (data.length <= 4 ? Arrays.toString(data) : "[" + data[0] + ", ...]");
    }
}
