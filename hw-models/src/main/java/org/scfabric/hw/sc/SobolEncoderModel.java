package org.scfabric.hw.sc;

/**
 * {@link SobolGenerator} + the same registered comparator as {@link LfsrEncoderModel}:
 * {@code bit_out <= (sobol < x)} on the point before it advances; twin of
 * {@code rtl/sc_sobol_encoder.v}. Over a full period of 2^16 edges it emits exactly x ones.
 * Reset: counter = t_index[15:0], point = its Sobol point, bit_out = 0.
 */
public final class SobolEncoderModel implements BitstreamEncoder
{
    private final SobolGenerator sobol;
    private int bitOut;
    private int bitNext;
    private int bitAnd = 1;
    private int bitOr;

    public SobolEncoderModel(final int dimension)
    {
        sobol = new SobolGenerator(dimension);
        reset(0);
    }

    @Override
    public void reset(final int tIndex)
    {
        sobol.reset(tIndex);
        bitOut = bitOr;
    }

    @Override
    public void eval(final int x)
    {
        bitNext = sobol.point() < (x & 0xFFFF) ? 1 : 0;
        sobol.eval();
    }

    @Override
    public void commit()
    {
        sobol.commit();
        bitOut = (bitNext & bitAnd) | bitOr;
    }

    @Override
    public long clock64(final int x)
    {
        if (bitAnd != 1 || bitOr != 0)
        {
            long word = 0;
            for (int i = 0; i < 64; i++)
            {
                word |= (long)clock(x) << i;
            }
            return word;
        }
        final long word = sobol.compare64(x);
        bitOut = (int)(word >>> 63);
        return word;
    }

    @Override
    public void bitFault(final int and, final int or)
    {
        bitAnd = and & 1;
        bitOr = or & 1;
    }

    @Override
    public int bitOut()
    {
        return bitOut;
    }

    @Override
    public int source()
    {
        return sobol.point();
    }

    public int counter()
    {
        return sobol.counter();
    }

    @Override
    public int width()
    {
        return SobolDirections.BITS;
    }

    public int dimension()
    {
        return sobol.dimension();
    }
}
