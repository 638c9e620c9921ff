package org.scfabric.hw.sc;

/**
 * 16-bit Sobol direction numbers for dimensions 1..8 from Joe and Kuo's new-joe-kuo-6.21201
 * (dimension 1 is the van der Corput sequence, all m_k = 1).
 */
public final class SobolDirections
{
    public static final int BITS = 16;
    public static final int MAX_DIMENSION = 8;

    /** Rows d = 2..8 of new-joe-kuo-6.21201: s (degree), a (inner coefficients), m_1..m_s. */
    private static final int[][] JOE_KUO =
    {
        {1, 0, 1},
        {2, 1, 1, 3},
        {3, 1, 1, 3, 1},
        {3, 2, 1, 1, 1},
        {4, 1, 1, 1, 3, 3},
        {4, 4, 1, 3, 5, 13},
        {5, 2, 1, 1, 5, 5, 17},
    };

    private SobolDirections()
    {
    }

    /**
     * Direction numbers V[0..15] of a dimension, scaled to 16 bits: V[k] = m_(k+1) << (15 - k).
     * V[k] is XORed in when bit k is the lowest zero bit of the counter.
     */
    public static int[] of(final int dimension)
    {
        if (dimension < 1 || dimension > MAX_DIMENSION)
        {
            throw new IllegalArgumentException("Sobol dimension must be 1.." + MAX_DIMENSION + ", got " + dimension);
        }
        final int[] v = new int[BITS + 1]; // 1-based as in Joe and Kuo's code
        if (dimension == 1)
        {
            for (int i = 1; i <= BITS; i++)
            {
                v[i] = 1 << (BITS - i);
            }
        }
        else
        {
            final int[] row = JOE_KUO[dimension - 2];
            final int s = row[0];
            final int a = row[1];
            for (int i = 1; i <= s; i++)
            {
                v[i] = row[1 + i] << (BITS - i);
            }
            for (int i = s + 1; i <= BITS; i++)
            {
                v[i] = v[i - s] ^ (v[i - s] >> s);
                for (int k = 1; k <= s - 1; k++)
                {
                    v[i] ^= ((a >> (s - 1 - k)) & 1) * v[i - k];
                }
            }
        }
        final int[] out = new int[BITS];
        System.arraycopy(v, 1, out, 0, BITS);
        return out;
    }
}
