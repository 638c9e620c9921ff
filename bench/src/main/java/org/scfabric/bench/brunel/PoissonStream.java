package org.scfabric.bench.brunel;

import org.scfabric.sim.random.GlibcMath;
import org.scfabric.sim.random.NumpyGenerator;
import org.scfabric.sim.random.Pcg64;

/**
 * A sequence of {@code Generator.poisson(λ)} draws, bit-exact with numpy and with
 * {@link NumpyGenerator#poisson(double, int[], int, int)}, about three times faster for λ &lt; 10.
 *
 * <p>numpy's multiplication method multiplies uniforms until the product is ≤ exp(−λ); the count
 * of factors before that is the draw. One draw is a serial chain of dependent multiplies, and the
 * number of uniforms it takes is random, so a straightforward loop stalls on the chain and on
 * mispredicted branches. Here a block of uniforms is generated in bulk, cut into {@value #CHAINS}
 * chunks, and every chunk is parsed into draws in the same loop — four independent chains, without
 * branches — as if a draw began at its first uniform. Only chunk 0 really begins where the last
 * block ended; for the others the true parse, continued from the chunk before, is replayed until it
 * ends a draw at a position where the speculative parse ended one too. From there on both parse the
 * same uniforms from the same fresh start, so the speculative draws are the true ones (a draw of
 * value x took x + 1 uniforms, so where each speculative draw ended follows from the values). (Products
 * are monotone in the number of factors, so the two parses meet after a few draws.) The stream is
 * consumed strictly in order: the draws are numpy's draws, in numpy's order.
 *
 * <p>λ = 0 and λ ≥ 10 (numpy's PTRS) are handed to {@link NumpyGenerator}. Not thread-safe; the
 * generator must not be used by anyone else while this stream draws from it (uniforms are
 * generated ahead).
 */
public final class PoissonStream
{
    static final int CHAINS = 4;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    private final NumpyGenerator gen;
    private final Pcg64 bits;
    private final double lam;
    private final boolean fast;
    private final long enlamBits;
    private final int chunk;

    private final double[] u;
    private final int[] vals;
    private final int[][] specVals = new int[CHAINS][];
    private final int[] specCount = new int[CHAINS];
    private final double[] specP = new double[CHAINS];
    private final int[] specX = new int[CHAINS];

    private int outPos;
    private int outLen;
    private double carryP = 1.0;
    private int carryX;

    /** Draws from {@code bits} (advancing it), {@code chunk} uniforms per chain and block. */
    public PoissonStream(final Pcg64 bits, final double lam, final int chunk)
    {
        if (!(lam >= 0) || lam > NumpyGenerator.POISSON_INT_LAM_MAX)
        {
            throw new IllegalArgumentException("lambda must be in [0, " + NumpyGenerator.POISSON_INT_LAM_MAX
                + "], got " + lam);
        }
        if (chunk < 1)
        {
            throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
        }
        this.bits = bits;
        this.gen = new NumpyGenerator(bits);
        this.lam = lam;
        this.fast = lam > 0 && lam < 10;
        this.enlamBits = Double.doubleToRawLongBits(GlibcMath.exp(-lam));
        this.chunk = chunk;
        if (fast)
        {
            u = new double[CHAINS * chunk];
            vals = new int[CHAINS * chunk + 1];
            for (int c = 1; c < CHAINS; c++)
            {
                specVals[c] = new int[chunk + 1];
            }
        }
        else
        {
            u = null;
            vals = null;
        }
    }

    public PoissonStream(final Pcg64 bits, final double lam)
    {
        this(bits, lam, 8192);
    }

    public double lambda()
    {
        return lam;
    }

    /** The next {@code to − from} draws into {@code dst[from..to)}: numpy's {@code poisson(λ, to − from)}. */
    public void next(final int[] dst, final int from, final int to)
    {
        java.util.Objects.checkFromToIndex(from, to, dst.length);
        if (!fast)
        {
            gen.poisson(lam, dst, from, to);
            return;
        }
        int i = from;
        while (i < to)
        {
            if (outPos == outLen)
            {
                refill();
            }
            final int k = Math.min(to - i, outLen - outPos);
            System.arraycopy(vals, outPos, dst, i, k);
            i += k;
            outPos += k;
        }
    }

    /** Generates one block of uniforms and parses it into complete draws (a partial last draw carries over). */
    private void refill()
    {
        final int s = chunk;
        bits.nextDoubles(u, 0, CHAINS * s);
        final double[] uu = u;
        final long eb = enlamBits;
        final int[] v0 = vals;
        final int[] v1 = specVals[1];
        final int[] v2 = specVals[2];
        final int[] v3 = specVals[3];
        double p0 = carryP;
        double p1 = 1.0;
        double p2 = 1.0;
        double p3 = 1.0;
        int x0 = carryX;
        int x1 = 0;
        int x2 = 0;
        int x3 = 0;
        int n0 = 0;
        int n1 = 0;
        int n2 = 0;
        int n3 = 0;
        for (int k = 0; k < s; k++)
        {
            // per chain: prod *= U; a draw ends when prod <= exp(-lam) (for doubles >= 0 the bit
            // patterns order like the values), then the count resets to 0 and the product to 1.0
            long b0 = Double.doubleToRawLongBits(p0 * uu[k]);
            long b1 = Double.doubleToRawLongBits(p1 * uu[k + s]);
            long b2 = Double.doubleToRawLongBits(p2 * uu[k + 2 * s]);
            long b3 = Double.doubleToRawLongBits(p3 * uu[k + 3 * s]);
            final long m0 = (b0 - eb - 1) >> 63;
            final long m1 = (b1 - eb - 1) >> 63;
            final long m2 = (b2 - eb - 1) >> 63;
            final long m3 = (b3 - eb - 1) >> 63;
            v0[n0] = x0;
            v1[n1] = x1;
            v2[n2] = x2;
            v3[n3] = x3;
            n0 -= (int)m0;
            n1 -= (int)m1;
            n2 -= (int)m2;
            n3 -= (int)m3;
            x0 = (x0 + 1) & ~(int)m0;
            x1 = (x1 + 1) & ~(int)m1;
            x2 = (x2 + 1) & ~(int)m2;
            x3 = (x3 + 1) & ~(int)m3;
            b0 = (b0 & ~m0) | (ONE_BITS & m0);
            b1 = (b1 & ~m1) | (ONE_BITS & m1);
            b2 = (b2 & ~m2) | (ONE_BITS & m2);
            b3 = (b3 & ~m3) | (ONE_BITS & m3);
            p0 = Double.longBitsToDouble(b0);
            p1 = Double.longBitsToDouble(b1);
            p2 = Double.longBitsToDouble(b2);
            p3 = Double.longBitsToDouble(b3);
        }
        specCount[1] = n1;
        specCount[2] = n2;
        specCount[3] = n3;
        specP[1] = p1;
        specP[2] = p2;
        specP[3] = p3;
        specX[1] = x1;
        specX[2] = x2;
        specX[3] = x3;

        // chunk 0 was the true parse; continue it through the others until it meets their parse
        final double e = Double.longBitsToDouble(eb);
        int n = n0;
        double p = p0;
        int x = x0;
        for (int c = 1; c < CHAINS; c++)
        {
            // a draw of value x took x + 1 uniforms, so the speculative draws' last uniforms follow
            // from their values: specEnd = chunk start - 1 + the running sum of (x + 1)
            final int[] sv = specVals[c];
            final int count = specCount[c];
            int sp = 0;
            int specEnd = c * s - 1 + (count > 0 ? sv[0] + 1 : 0);
            boolean met = false;
            for (int k = c * s, end = (c + 1) * s; k < end; k++)
            {
                p *= uu[k];
                if (p <= e)
                {
                    v0[n++] = x;
                    x = 0;
                    p = 1.0;
                    while (sp < count && specEnd < k)
                    {
                        sp++;
                        specEnd += sp < count ? sv[sp] + 1 : 0;
                    }
                    if (sp < count && specEnd == k)
                    {
                        met = true;
                        sp++;
                        break;
                    }
                }
                else
                {
                    x++;
                }
            }
            if (met)
            {
                System.arraycopy(specVals[c], sp, v0, n, count - sp);
                n += count - sp;
                p = specP[c];
                x = specX[c];
            }
        }
        carryP = p;
        carryX = x;
        outPos = 0;
        outLen = n;
    }
}
