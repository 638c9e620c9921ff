package org.scfabric.hw.sc;

/**
 * {@code sc_dotproduct_to_current}, combinational: N input bits and a signed 16-bit range give
 * {@code I = y_min + (y_max - y_min) * popcount / N}, the difference exact (17 bits), the division
 * truncating toward zero, the sum wrapped to 16 bits (docs/spec/hardware.md §4, intended arithmetic); twin of
 * {@code rtl/sc_dotproduct_to_current.v}. {@link #reference} models the reference RTL, which
 * zero-extends the 16-bit range; the two differ exactly when y_max < y_min and 0 < popcount < N.
 */
public final class PopcountToCurrent
{
    private PopcountToCurrent()
    {
    }

    /** Intended arithmetic. {@code yMin}/{@code yMax} are read as signed 16-bit. */
    public static int current(final int popcount, final int n, final int yMin, final int yMax)
    {
        final long range = (long)(short)yMax - (short)yMin;
        final long quotient = range * popcount / n; // Java division truncates toward zero, as Verilog's signed '/'
        return (short)((short)yMin + quotient);
    }

    /** Intended arithmetic on a vector of N input bits (bit i = AND output of input i). */
    public static int currentOfBits(final long bits, final int n, final int yMin, final int yMax)
    {
        return current(Long.bitCount(bits), n, yMin, yMax);
    }

    /**
     * The reference RTL as docs/spec/hardware.md §4 describes it: {@code low16(y_max - y_min)} zero-extended,
     * times popcount, divided by N unsigned, added to y_min, low 16 bits as signed.
     */
    public static int reference(final int popcount, final int n, final int yMin, final int yMax)
    {
        final long range = (yMax - yMin) & 0xFFFFL;
        return (short)(yMin + range * popcount / n);
    }
}
