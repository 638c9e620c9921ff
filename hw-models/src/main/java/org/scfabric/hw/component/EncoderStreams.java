package org.scfabric.hw.component;

import java.util.concurrent.atomic.AtomicReferenceArray;

import org.scfabric.hw.sc.Lfsr;
import org.scfabric.hw.sc.LfsrTaps;
import org.scfabric.hw.sc.SobolDirections;
import org.scfabric.hw.sc.SobolGenerator;

/**
 * Many cycles of a 16-bit comparator encoder at once, from tables, for components that compute a
 * whole bitstream window per kernel edge. Both number sources are permutation cycles of their
 * states: the reference LFSR (taps 16, 14, 13, 11; {@code LfsrTaps.reference(16)}) visits every
 * non-zero state in one cycle of 65 535, and a Sobol generator's point is a function of its 16-bit
 * counter (Gray-code order, period 65 536). So the state after c cycles is a table lookup, and the
 * comparator outputs {@code bit_c = (source_c < x)} of a window are a slice of one precomputed
 * bit sequence per x (cached; 8 KB each). Bit-exact with {@link org.scfabric.hw.sc.LfsrEncoderModel} and
 * {@link org.scfabric.hw.sc.SobolEncoderModel} clocked cycle by cycle (EncoderStreamsTest).
 *
 * <p>Bit c of a window, c = 0 .. cycles−1, is the comparator output of the c-th edge of the
 * window, i.e. the source value before that edge compared with x; the source ends {@code cycles}
 * states on.
 */
public final class EncoderStreams
{
    /** Longest window served from the tables in one piece (longer ones are served in pieces). */
    public static final int MAX_WINDOW = 4096;

    static final int LFSR_PERIOD = 65_535;
    private static final int TAPS = LfsrTaps.reference(16);
    private static final char[] LFSR_STATE = new char[LFSR_PERIOD];
    private static final int[] LFSR_POS = new int[65_536];

    static
    {
        int r = 1;
        LFSR_POS[0] = -1;
        for (int k = 0; k < LFSR_PERIOD; k++)
        {
            LFSR_STATE[k] = (char)r;
            LFSR_POS[r] = k;
            r = Lfsr.next(r, TAPS, 0xFFFF);
        }
        if (r != 1)
        {
            throw new IllegalStateException("the reference 16-bit LFSR is not maximal");
        }
    }

    /** Comparator bit sequences by x (filled on first use; a race only computes one twice). */
    private static final AtomicReferenceArray<long[]> LFSR_BITS = new AtomicReferenceArray<>(65_536);
    private static final AtomicReferenceArray<long[]> SOBOL_BITS =
        new AtomicReferenceArray<>((SobolDirections.MAX_DIMENSION + 1) << 16);
    /** Sobol points by dimension and counter (all dimensions: 2 MB). */
    private static final int[][] SOBOL_POINTS = new int[SobolDirections.MAX_DIMENSION + 1][];

    static
    {
        for (int d = 1; d <= SobolDirections.MAX_DIMENSION; d++)
        {
            final int[] dirs = SobolDirections.of(d);
            final int[] pts = new int[65_536];
            for (int n = 0; n < pts.length; n++)
            {
                pts[n] = SobolGenerator.pointAt(dirs, n);
            }
            SOBOL_POINTS[d] = pts;
        }
    }

    private EncoderStreams()
    {
    }

    /** The reference LFSR state {@code cycles} edges after {@code state} (0 stays 0: it is locked). */
    public static int lfsrAdvance(final int state, final int cycles)
    {
        final int p = LFSR_POS[state & 0xFFFF];
        if (p < 0)
        {
            return 0;
        }
        int q = p + (cycles < LFSR_PERIOD ? cycles : cycles % LFSR_PERIOD);
        if (q >= LFSR_PERIOD)
        {
            q -= LFSR_PERIOD;
        }
        return LFSR_STATE[q];
    }

    /**
     * The comparator outputs of {@code cycles} edges of an LFSR encoder whose state is {@code state}
     * before the first of them, with input {@code x}: bit c into bit (c mod 64) of {@code out[c / 64]}
     * (bits past {@code cycles} cleared).
     */
    public static void lfsrWindow(final int state, final int x, final int cycles, final long[] out)
    {
        final int xs = x & 0xFFFF;
        final int p = LFSR_POS[state & 0xFFFF];
        if (p < 0)
        {
            fill(out, cycles, xs > 0); // locked at 0: 0 < x on every edge
            return;
        }
        if (xs == 0)
        {
            fill(out, cycles, false);
            return;
        }
        long[] bits = LFSR_BITS.get(xs);
        if (bits == null)
        {
            bits = lfsrBits(xs);
            LFSR_BITS.set(xs, bits);
        }
        slice(bits, p, LFSR_PERIOD, cycles, out);
    }

    /**
     * How many of the edges {@code offsets[0..m)} (ascending offsets into a window) of an LFSR
     * encoder with state {@code state} before the window's first edge output a one for input x:
     * the popcount of its window ANDed with a sparse stream whose ones are at those offsets.
     */
    public static int lfsrOnesAt(final int state, final int x, final int[] offsets, final int m)
    {
        final int xs = x & 0xFFFF;
        final int p = LFSR_POS[state & 0xFFFF];
        if (p < 0)
        {
            return xs > 0 ? m : 0;
        }
        int count = 0;
        for (int k = 0; k < m; k++)
        {
            int q = p + offsets[k];
            while (q >= LFSR_PERIOD)
            {
                q -= LFSR_PERIOD;
            }
            count += LFSR_STATE[q] < xs ? 1 : 0;
        }
        return count;
    }

    /** Like {@link #lfsrOnesAt} for a Sobol encoder whose counter is {@code counter} before the window. */
    public static int sobolOnesAt(final int dimension, final int counter, final int x, final int[] offsets,
        final int m)
    {
        final int[] pts = points(dimension);
        final int xs = x & 0xFFFF;
        int count = 0;
        for (int k = 0; k < m; k++)
        {
            count += pts[(counter + offsets[k]) & 0xFFFF] < xs ? 1 : 0;
        }
        return count;
    }

    /** The Sobol point of a dimension at counter value n (its generator's point register). */
    public static int sobolPoint(final int dimension, final int counter)
    {
        return points(dimension)[counter & 0xFFFF];
    }

    /** Like {@link #lfsrWindow} for a Sobol encoder whose counter is {@code counter} before the first edge. */
    public static void sobolWindow(final int dimension, final int counter, final int x, final int cycles,
        final long[] out)
    {
        final int xs = x & 0xFFFF;
        if (xs == 0)
        {
            fill(out, cycles, false);
            return;
        }
        final int key = checkDimension(dimension) << 16 | xs;
        long[] bits = SOBOL_BITS.get(key);
        if (bits == null)
        {
            bits = sobolBits(dimension, xs);
            SOBOL_BITS.set(key, bits);
        }
        slice(bits, counter & 0xFFFF, 65_536, cycles, out);
    }

    private static int[] points(final int dimension)
    {
        return SOBOL_POINTS[checkDimension(dimension)];
    }

    private static int checkDimension(final int dimension)
    {
        if (dimension < 1 || dimension > SobolDirections.MAX_DIMENSION)
        {
            throw new IllegalArgumentException("Sobol dimension must be 1.." + SobolDirections.MAX_DIMENSION + ", got "
                + dimension);
        }
        return dimension;
    }

    private static long[] lfsrBits(final int x)
    {
        final long[] b = new long[(LFSR_PERIOD + MAX_WINDOW + 63) / 64 + 1];
        for (int k = 0; k < LFSR_PERIOD + MAX_WINDOW; k++)
        {
            if (LFSR_STATE[k % LFSR_PERIOD] < x)
            {
                b[k >>> 6] |= 1L << k;
            }
        }
        return b;
    }

    private static long[] sobolBits(final int dimension, final int x)
    {
        final int[] pts = points(dimension);
        final long[] b = new long[(65_536 + MAX_WINDOW + 63) / 64 + 1];
        for (int k = 0; k < 65_536 + MAX_WINDOW; k++)
        {
            if (pts[k & 0xFFFF] < x)
            {
                b[k >>> 6] |= 1L << k;
            }
        }
        return b;
    }

    /** Bits [p, p + cycles) of a periodic sequence stored with MAX_WINDOW bits of overhang. */
    private static void slice(final long[] bits, final int p, final int period, final int cycles, final long[] out)
    {
        if (cycles <= MAX_WINDOW)
        {
            final int w0 = p >>> 6;
            final int o = p & 63;
            final int words = (cycles + 63) >>> 6;
            if (o == 0)
            {
                System.arraycopy(bits, w0, out, 0, words);
            }
            else
            {
                for (int w = 0; w < words; w++)
                {
                    out[w] = (bits[w0 + w] >>> o) | (bits[w0 + w + 1] << (64 - o));
                }
            }
            if ((cycles & 63) != 0)
            {
                out[words - 1] &= (1L << (cycles & 63)) - 1;
            }
            return;
        }
        int done = 0;
        int pos = p;
        while (done < cycles)
        {
            final int len = Math.min(cycles - done, MAX_WINDOW);
            copyBits(bits, pos, len, out, done);
            done += len;
            pos = (pos + len) % period;
        }
        final int words = (cycles + 63) >>> 6;
        if ((cycles & 63) != 0)
        {
            out[words - 1] &= (1L << (cycles & 63)) - 1;
        }
    }

    /** Copies len bits from src at bit offset from into dst at bit offset at (a multiple of 64 or not). */
    private static void copyBits(final long[] src, final int from, final int len, final long[] dst, final int at)
    {
        for (int k = 0; k < len; k += 64)
        {
            final int s = from + k;
            final int w = s >>> 6;
            final int o = s & 63;
            long word = o == 0 ? src[w] : (src[w] >>> o) | (src[w + 1] << (64 - o));
            final int n = Math.min(64, len - k);
            if (n < 64)
            {
                word &= (1L << n) - 1;
            }
            final int d = at + k;
            final int dw = d >>> 6;
            final int dOff = d & 63;
            if (dOff == 0)
            {
                dst[dw] = n < 64 ? (dst[dw] & ~((1L << n) - 1)) | word : word;
            }
            else
            {
                final long lowMask = n + dOff >= 64 ? -1L << dOff : ((1L << n) - 1) << dOff;
                dst[dw] = (dst[dw] & ~lowMask) | (word << dOff);
                if (n + dOff > 64)
                {
                    final long hiMask = (1L << (n + dOff - 64)) - 1;
                    dst[dw + 1] = (dst[dw + 1] & ~hiMask) | (word >>> (64 - dOff));
                }
            }
        }
    }

    private static void fill(final long[] out, final int cycles, final boolean ones)
    {
        final int words = (cycles + 63) >>> 6;
        for (int w = 0; w < words; w++)
        {
            out[w] = ones ? -1L : 0L;
        }
        if (ones && (cycles & 63) != 0)
        {
            out[words - 1] = (1L << (cycles & 63)) - 1;
        }
    }
}
