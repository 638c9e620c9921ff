package org.scfabric.bench.brunel;

/**
 * Parses a block of uniforms into numpy's multiplication-method Poisson draws (λ &lt; 10): a draw is
 * the number of uniforms multiplied into the running product (from 1.0, in order, in double) before
 * it falls to ≤ exp(−λ). The block is cut into {@value #CHAINS} chunks parsed in one loop, without
 * branches, each as if a draw began at its first uniform; the true parse, continued from the chunk
 * before, is then replayed into each chunk only until it ends a draw where the speculative parse
 * ended one too ({@link #meet}). From there on both parse the same uniforms from the same fresh start,
 * so the speculative draws are the true ones (a draw of value x took x + 1 uniforms, so where each
 * speculative draw ended follows from the values; products never increase, so the two parses meet
 * after a few draws).
 *
 * <p>{@link #meet} also stitches whole blocks: a block parsed from a fresh start (possibly on another
 * thread, from a generator {@link org.scfabric.sim.random.Pcg64#advance advanced} to the block) is
 * joined to the true parse that ended the block before. One instance per thread; no allocation after
 * construction.
 */
final class PoissonParser
{
    static final int CHAINS = 4;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    private final long eb;
    private final double e;
    private final int chunk;
    private final int[][] specVals = new int[CHAINS][];
    private final int[] specCount = new int[CHAINS];
    private final double[] specP = new double[CHAINS];
    private final int[] specX = new int[CHAINS];

    /** Running product and count of the draw left open at the end of the last parse or meet. */
    double p;
    int x;

    /** Parses blocks of {@code CHAINS × chunk} uniforms against the threshold {@code enlam} = exp(−λ). */
    PoissonParser(final double enlam, final int chunk)
    {
        this.e = enlam;
        this.eb = Double.doubleToRawLongBits(enlam);
        this.chunk = chunk;
        for (int c = 1; c < CHAINS; c++)
        {
            specVals[c] = new int[chunk + 1];
        }
    }

    int blockSize()
    {
        return CHAINS * chunk;
    }

    /**
     * The draws completed in {@code u[0 .. CHAINS·chunk)} by the parse that enters the block with the
     * open draw (carryP, carryX), into {@code out[0..n)} (out holds at least CHAINS·chunk + 1); returns n
     * and leaves the draw open at the block's end in {@link #p}, {@link #x}.
     */
    int parse(final double[] u, final int[] out, final double carryP, final int carryX)
    {
        final int s = chunk;
        final double[] uu = u;
        final long eb = this.eb;
        final int[] v0 = out;
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
        int n = n0;
        p = p0;
        x = x0;
        for (int c = 1; c < CHAINS; c++)
        {
            n = meet(uu, c * s, (c + 1) * s, p, x, specVals[c], specCount[c], specP[c], specX[c], v0, n);
        }
        return n;
    }

    /**
     * Continues the true parse, open with (carryP, carryX), through {@code u[from..to)}, which a
     * speculative parse from a fresh start at {@code from} cut into the draws {@code sv[0..count)}
     * leaving (tailP, tailX) open: the true draws completed in the range go to {@code out[n..)};
     * returns the new n and leaves the open draw in {@link #p}, {@link #x}.
     */
    int meet(final double[] u, final int from, final int to, final double carryP, final int carryX,
        final int[] sv, final int count, final double tailP, final int tailX, final int[] out, final int n0)
    {
        final double e = this.e;
        int n = n0;
        double p = carryP;
        int x = carryX;
        int sp = 0;
        // the speculative draw sv[sp] ended at uniform specEnd (a draw of value x took x + 1 uniforms)
        int specEnd = from - 1 + (count > 0 ? sv[0] + 1 : 0);
        for (int k = from; k < to; k++)
        {
            p *= u[k];
            if (p <= e)
            {
                out[n++] = x;
                x = 0;
                p = 1.0;
                while (sp < count && specEnd < k)
                {
                    sp++;
                    specEnd += sp < count ? sv[sp] + 1 : 0;
                }
                if (sp < count && specEnd == k)
                {
                    sp++;
                    System.arraycopy(sv, sp, out, n, count - sp);
                    this.p = tailP;
                    this.x = tailX;
                    return n + count - sp;
                }
            }
            else
            {
                x++;
            }
        }
        this.p = p;
        this.x = x;
        return n;
    }
}
