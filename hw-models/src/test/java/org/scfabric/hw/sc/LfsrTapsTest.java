package org.scfabric.hw.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.scfabric.hw.Bits;

/**
 * Maximality of the tap table, two ways: walking the period (widths up to 24; 32 on request) and
 * the algebraic test that the characteristic polynomial is primitive (every width, 3..32).
 */
class LfsrTapsTest
{
    static long walkPeriod(final int width, final int taps, final int seed)
    {
        final int mask = Bits.mask(width);
        final long limit = 1L << width;
        int r = seed;
        long n = 0;
        do
        {
            r = Lfsr.next(r, taps, mask);
            n++;
        }
        while (r != seed && n <= limit);
        return n;
    }

    @Test
    void maximalTapsWalkAFullPeriodForEveryWidthUpTo24()
    {
        for (int w = LfsrTaps.MIN_WIDTH; w <= 24; w++)
        {
            assertEquals((1L << w) - 1, walkPeriod(w, LfsrTaps.maximal(w), 1), "width " + w);
        }
    }

    @Test
    void periodIsTheSameFromAnyNonZeroSeed()
    {
        qt().withFixedSeed(0x5CFAB01L).withExamples(40)
            .forAll(integers().between(3, 20), integers().all())
            .checkAssert((w, seed) ->
            {
                final int s = (seed & Bits.mask(w)) == 0 ? 1 : seed & Bits.mask(w);
                assertEquals((1L << w) - 1, walkPeriod(w, LfsrTaps.maximal(w), s), "width " + w + " seed " + s);
            });
    }

    @Test
    void maximalTapsArePrimitivePolynomialsForEveryWidth()
    {
        for (int w = LfsrTaps.MIN_WIDTH; w <= LfsrTaps.MAX_WIDTH; w++)
        {
            assertTrue(Gf2.orderOfX(characteristic(w, LfsrTaps.maximal(w)), w) == (1L << w) - 1, "width " + w);
        }
    }

    @Test
    void primitivityTestAgreesWithWalkingOnTheReferenceTaps()
    {
        // the reference rule W-1, W-3, W-4, W-6 is maximal only for some widths; both methods must agree
        final TreeSet<Integer> walked = new TreeSet<>();
        final TreeSet<Integer> algebra = new TreeSet<>();
        for (int w = 6; w <= 20; w++)
        {
            final int taps = LfsrTaps.reference(w);
            final long period = walkPeriod(w, taps, 1);
            if (period == (1L << w) - 1)
            {
                walked.add(w);
            }
            if (Gf2.orderOfX(characteristic(w, taps), w) == (1L << w) - 1)
            {
                algebra.add(w);
            }
        }
        assertEquals(walked, algebra);
        // measured: the reference rule is maximal for these widths (6..20) only
        assertEquals(List.of(6, 8, 9, 10, 11, 15, 16, 17), new ArrayList<>(walked));
    }

    @Test
    void referenceTapsAt24AreNotMaximalButMaximalTableIs()
    {
        assertEquals(4599, walkPeriod(24, LfsrTaps.reference(24), 1));
        assertEquals(8_388_607, walkPeriod(23, LfsrTaps.reference(23), 1));
    }

    /** 2^32 - 1 steps, about 10 s: run with -Dscfabric.longTests=true. */
    @Test
    void width32WalksAFullPeriod()
    {
        Assumptions.assumeTrue(Boolean.getBoolean("scfabric.longTests"),
            "long walk of 2^32-1 steps skipped; width 32 is proved primitive algebraically above");
        assertEquals((1L << 32) - 1, walkPeriod(32, LfsrTaps.maximal(32), 1));
    }

    /**
     * The recurrence of a shift-left LFSR with taps on stages t is s(m) = XOR s(m - t), so its
     * characteristic polynomial is x^W + sum x^(W - t); the period from a non-zero state is the
     * order of x modulo it (when it is irreducible).
     */
    static long characteristic(final int width, final int taps)
    {
        long p = 1L << width;
        for (int t = 1; t <= width; t++)
        {
            if ((taps >>> (t - 1) & 1) != 0)
            {
                p |= 1L << (width - t);
            }
        }
        return p;
    }

    /** Polynomials over GF(2) as bit masks, degree <= 32. */
    static final class Gf2
    {
        static long mulMod(long a, long b, final long p, final int n)
        {
            long r = 0;
            while (b != 0)
            {
                if ((b & 1) != 0)
                {
                    r ^= a;
                }
                b >>>= 1;
                a <<= 1;
                if ((a >>> n & 1) != 0)
                {
                    a ^= p;
                }
            }
            return r;
        }

        static long powX(final long e, final long p, final int n)
        {
            long result = 1;
            long base = 2; // the polynomial x
            long k = e;
            while (k != 0)
            {
                if ((k & 1) != 0)
                {
                    result = mulMod(result, base, p, n);
                }
                base = mulMod(base, base, p, n);
                k >>>= 1;
            }
            return result;
        }

        /** Order of x modulo p if it divides 2^n - 1, else -1. */
        static long orderOfX(final long p, final int n)
        {
            long order = (1L << n) - 1;
            if (powX(order, p, n) != 1)
            {
                return -1;
            }
            for (final long q : primeFactors(order))
            {
                while (order % q == 0 && powX(order / q, p, n) == 1)
                {
                    order /= q;
                }
            }
            return order;
        }

        static List<Long> primeFactors(long m)
        {
            final List<Long> f = new ArrayList<>();
            for (long d = 2; d * d <= m; d++)
            {
                if (m % d == 0)
                {
                    f.add(d);
                    while (m % d == 0)
                    {
                        m /= d;
                    }
                }
            }
            if (m > 1)
            {
                f.add(m);
            }
            return f;
        }
    }
}
