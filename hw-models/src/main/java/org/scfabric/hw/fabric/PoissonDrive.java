package org.scfabric.hw.fabric;

import org.scfabric.hw.sc.Lfsr;
import org.scfabric.hw.sc.LfsrTaps;

/**
 * The on-chip external drive: one 32-bit Fibonacci LFSR per neuron (taps 32, 22, 2, 1 of XAPP052,
 * maximal), kept in the neuron's state memory. Each timestep the neuron's LFSR leaps 16 shifts, so
 * its 16 low bits are 16 fresh bits {@code u}; the number of Poisson kicks is found by inversion
 * against a table of 15 thresholds: {@code k = #{m in 1..15 : u >= CDF[m-1]}}, with
 * {@code CDF[m-1] = min(65536, round(65536 · P(X ≤ m-1)))}, X ~ Poisson(λ). So P(k ≥ m) is
 * P(X ≥ m) to within 2^-16 (u is never 0 when the state's low half is 0 only with a tiny bias),
 * truncated at 15 kicks. The kicks add {@code k · J_ext} to the neuron's input current.
 *
 * <p>This is the drive of both the fabric (every architecture) and the unrolled reference, so the
 * same seed gives the same drive whatever N is split into. Twin of {@code rtl/fabric/sc_fabric.v}.
 */
public final class PoissonDrive
{
    public static final int TAPS = LfsrTaps.maximal(32);
    public static final int KMAX = 15;
    public static final int LEAP = 16;

    /** The leap's four byte tables, one after the other (flat: one array to index in the hot loops). */
    private static final int[] JUMP = buildJump();

    private final double lambda;
    private final int seed;
    private final int[] cdf;
    private final byte[] kickTable;

    public PoissonDrive(final double lambda, final int seed)
    {
        if (!(lambda >= 0) || lambda > 12)
        {
            throw new IllegalArgumentException("drive λ must be 0..12 kicks per step, got " + lambda);
        }
        this.lambda = lambda;
        this.seed = seed;
        this.cdf = cdf(lambda);
        this.kickTable = kickTable(cdf);
    }

    public double lambda()
    {
        return lambda;
    }

    public int seed()
    {
        return seed;
    }

    /** The 15 thresholds (17-bit values, 65536 = never). */
    public int[] cdf()
    {
        return cdf.clone();
    }

    /** Thresholds of the inversion table for Poisson(λ). */
    public static int[] cdf(final double lambda)
    {
        final int[] c = new int[KMAX];
        double p = Math.exp(-lambda);
        double acc = 0;
        for (int m = 0; m < KMAX; m++)
        {
            acc += p; // P(X <= m)
            c[m] = (int)Math.min(65536, Math.round(65536.0 * acc));
            p = p * lambda / (m + 1);
        }
        return c;
    }

    /** Initial LFSR state of neuron j (never 0). */
    public int initialState(final int j)
    {
        long z = (seed & 0xFFFFFFFFL) * 0x9E3779B97F4A7C15L + (j + 1L) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        final int s = (int)z;
        return s == 0 ? 1 : s;
    }

    /** The LFSR state after {@value #LEAP} shifts (table form of 16 x {@link Lfsr#next}). */
    public static int leap(final int s)
    {
        return JUMP[s & 0xFF] ^ JUMP[256 | (s >>> 8) & 0xFF] ^ JUMP[512 | (s >>> 16) & 0xFF] ^ JUMP[768 | s >>> 24];
    }

    /** The same by iterating the one-shift function; the definition {@link #leap} is tested against. */
    public static int leapSlow(final int s)
    {
        int r = s;
        for (int i = 0; i < LEAP; i++)
        {
            r = Lfsr.next(r, TAPS, -1);
        }
        return r;
    }

    /** Kicks for the leapt state {@code s} (its 16 low bits). */
    public int kicks(final int s)
    {
        return kicks(s, cdf);
    }

    public static int kicks(final int s, final int[] cdf)
    {
        final int u = s & 0xFFFF;
        int k = 0;
        for (int m = 0; m < KMAX; m++)
        {
            if (u >= cdf[m])
            {
                k++;
            }
        }
        return k;
    }

    /** This drive's {@link #kickTable(int[])}, shared by the datapaths of its network (read only). */
    byte[] kickTable()
    {
        return kickTable;
    }

    /**
     * {@link #kicks(int, int[])} for every 16-bit {@code u}, one byte each: the hot loops read the kicks
     * of a step from this table (one load) instead of comparing against the 15 thresholds.
     */
    public static byte[] kickTable(final int[] cdf)
    {
        final byte[] t = new byte[1 << 16];
        for (int u = 0; u < t.length; u++)
        {
            t[u] = (byte)kicks(u, cdf);
        }
        return t;
    }

    private static int[] buildJump()
    {
        // the 16-shift map is linear over GF(2): the image of s is the XOR of the images of its bits
        final int[] basis = new int[32];
        for (int b = 0; b < 32; b++)
        {
            basis[b] = leapSlow(1 << b);
        }
        final int[] t = new int[4 * 256];
        for (int byteIdx = 0; byteIdx < 4; byteIdx++)
        {
            for (int v = 0; v < 256; v++)
            {
                int x = 0;
                for (int b = 0; b < 8; b++)
                {
                    if ((v >>> b & 1) != 0)
                    {
                        x ^= basis[byteIdx * 8 + b];
                    }
                }
                t[byteIdx * 256 + v] = x;
            }
        }
        return t;
    }
}
