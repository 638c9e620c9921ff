package org.scfabric.hw.sc;

/**
 * Tap masks for {@link Lfsr}. A tap on stage n (1-based, as in the tables) is bit n-1 of the
 * state; the feedback is the XOR of the tapped bits and enters at bit 0.
 */
public final class LfsrTaps
{
    public static final int MIN_WIDTH = 3;
    public static final int MAX_WIDTH = 32;

    /**
     * Maximal-length taps for widths 3..32, Xilinx XAPP052 (Alfke 1996), table 3. The same taps
     * are maximal with XOR feedback (they name a primitive polynomial; XNOR only moves the
     * lock-up state from all-zeros to all-ones). Maximality is proved in LfsrTapsTest.
     */
    private static final int[][] XAPP052 =
    {
        null, null, null,
        {3, 2}, {4, 3}, {5, 3}, {6, 5}, {7, 6}, {8, 6, 5, 4}, {9, 5}, {10, 7}, {11, 9},
        {12, 6, 4, 1}, {13, 4, 3, 1}, {14, 5, 3, 1}, {15, 14}, {16, 15, 13, 4}, {17, 14},
        {18, 11}, {19, 6, 2, 1}, {20, 17}, {21, 19}, {22, 21}, {23, 18}, {24, 23, 22, 17},
        {25, 22}, {26, 6, 2, 1}, {27, 5, 2, 1}, {28, 25}, {29, 27}, {30, 6, 4, 1}, {31, 28},
        {32, 22, 2, 1},
    };

    private LfsrTaps()
    {
    }

    /** Tap mask from 1-based stage numbers. */
    public static int ofStages(final int... stages)
    {
        int taps = 0;
        for (final int s : stages)
        {
            if (s < 1 || s > MAX_WIDTH)
            {
                throw new IllegalArgumentException("tap stage out of 1..32: " + s);
            }
            taps |= 1 << (s - 1);
        }
        return taps;
    }

    /** Maximal-length taps (XAPP052) for {@code width} in 3..32. */
    public static int maximal(final int width)
    {
        checkWidth(width);
        return ofStages(XAPP052[width]);
    }

    /**
     * Taps of the reference RTL for a width W: bits W-1, W-3, W-4, W-6 (docs/spec/hardware.md §2). For W = 16
     * this is x^16 + x^14 + x^13 + x^11 + 1, maximal; for other widths it need not be maximal
     * (LfsrTapsTest measures which are). Defined for W >= 6.
     */
    public static int reference(final int width)
    {
        if (width < 6 || width > MAX_WIDTH)
        {
            throw new IllegalArgumentException("reference taps need width 6..32, got " + width);
        }
        return (1 << (width - 1)) | (1 << (width - 3)) | (1 << (width - 4)) | (1 << (width - 6));
    }

    static void checkWidth(final int width)
    {
        if (width < MIN_WIDTH || width > MAX_WIDTH)
        {
            throw new IllegalArgumentException("LFSR width must be 3..32, got " + width);
        }
    }
}
