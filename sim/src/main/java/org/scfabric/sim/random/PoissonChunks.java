package org.scfabric.sim.random;

/**
 * numpy's multiplication-method Poisson draws (λ &lt; 10) over a stretch of a {@link Pcg64} stream,
 * with the generator and the parse fused in one loop and the stretch cut into {@value #CHAINS}
 * chunks that are worked on side by side.
 *
 * <p>A draw multiplies uniforms into a running product (from 1.0, in order, in double) until it
 * falls to ≤ exp(−λ); the draw is the number of factors before that. Drawn one at a time this is a
 * serial chain of dependent multiplies through the generator's 128-bit LCG and the product, with an
 * unpredictable branch at every draw's end. Here {@link #draw} steps {@value #CHAINS} copies of the
 * LCG, each positioned at the start of its own chunk by jump-ahead, and parses each chunk, without
 * branches, as if a draw began at its first uniform: the chains are independent, so the processor
 * overlaps them, and no uniform is ever stored. Only the true parse knows where a chunk's first
 * draw really begins: {@link #stitch} continues it into a chunk — regenerating the chunk's first
 * uniforms from its saved start state — only until it ends a draw where the speculative parse ended
 * one too. From there on both parse the same uniforms from the same fresh start, so the speculative
 * draws are the true ones. (A draw of value x took x + 1 uniforms, so where each speculative draw
 * ended follows from the values; products never increase, so the two parses meet after a few
 * draws.)
 *
 * <p>Chunks are stitched in order, also across calls to {@link #draw}, so a stretch drawn on another
 * thread (its own instance, started from a generator {@link Pcg64#advance advanced} to the stretch)
 * joins the true parse of the stretch before. One instance per thread; no allocation after
 * construction.
 */
public final class PoissonChunks {

    /**
     * Chunks parsed side by side; the loop of {@link #draw} is unrolled for two (four measured 15 %
     * slower: eight more live values than x86-64 has registers for).
     */
    public static final int CHAINS = 2;

    private static final long MUL_HI = Pcg64.MUL_HI;
    private static final long MUL_LO = Pcg64.MUL_LO;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    private final int chunk;
    private final double enlam;
    private final long enlamBits;
    private final long incHi;
    private final long incLo;
    /** One chunk's jump: state' = A·state + C over {@code chunk} LCG steps. */
    private final long jumpMulHi;
    private final long jumpMulLo;
    private final long jumpAddHi;
    private final long jumpAddLo;

    /** LCG state before each chunk's first uniform, as of the last {@link #draw}. */
    private final long[] startHi = new long[CHAINS];
    private final long[] startLo = new long[CHAINS];
    /** The speculative draws of each chunk, their number, and the draw left open at its end. */
    private final int[][] vals = new int[CHAINS][];
    private final int[] count = new int[CHAINS];
    private final double[] tailP = new double[CHAINS];
    private final int[] tailX = new int[CHAINS];

    /** The true parse's open draw after the last {@link #stitch}. */
    private double openP = 1.0;
    private int openX;

    /**
     * @param increment the generator whose stream is drawn (only its increment is used)
     * @param enlam exp(−λ), as numpy computes it
     * @param chunk uniforms per chunk; a stretch is {@code CHAINS · chunk} uniforms
     */
    public PoissonChunks(final Pcg64 increment, final double enlam, final int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
        }
        if (!(enlam > 0 && enlam <= 1)) {
            throw new IllegalArgumentException("exp(-lambda) must be in (0, 1], got " + enlam);
        }
        this.chunk = chunk;
        this.enlam = enlam;
        this.enlamBits = Double.doubleToRawLongBits(enlam);
        this.incHi = increment.incHi();
        this.incLo = increment.incLo();
        // A = M^chunk, C = inc·(1 + M + … + M^(chunk−1)), by doubling as pcg_advance does
        final Pcg64 probe = Pcg64.fromState(0, 1, incHi, incLo, false, 0);
        // state 1 → A + C, state 0 → C (two probes of the affine map)
        final Pcg64 zero = Pcg64.fromState(0, 0, incHi, incLo, false, 0);
        probe.advance(chunk);
        zero.advance(chunk);
        jumpAddHi = zero.stateHi();
        jumpAddLo = zero.stateLo();
        final long aLo = probe.stateLo() - jumpAddLo;
        jumpMulHi = probe.stateHi() - jumpAddHi - (Long.compareUnsigned(probe.stateLo(), jumpAddLo) < 0 ? 1 : 0);
        jumpMulLo = aLo;
        for (int c = 0; c < CHAINS; c++) {
            vals[c] = new int[chunk + 1];
        }
    }

    /** Uniforms per stretch: {@code CHAINS · chunk}. */
    public int stretch() {
        return CHAINS * chunk;
    }

    /**
     * Draws the stretch that follows the LCG state (stHi:stLo) — the state {@link Pcg64#stateHi()},
     * {@link Pcg64#stateLo()} report, whose next output is the stretch's first uniform — parsing each
     * chunk from a fresh start. {@link #stitch} then joins it to the true parse.
     */
    public void draw(final long stHi, final long stLo) {
        long h = stHi;
        long l = stLo;
        for (int c = 0; c < CHAINS; c++) {
            startHi[c] = h;
            startLo[c] = l;
            final long lo = l * jumpMulLo;
            h = Pcg64.mulHi(h, l, jumpMulHi, jumpMulLo) + jumpAddHi + Pcg64.carry(lo, jumpAddLo);
            l = lo + jumpAddLo;
        }
        final long iH = incHi;
        final long iL = incLo;
        final long eb = enlamBits;
        final int[] v0 = vals[0];
        final int[] v1 = vals[1];
        long h0 = startHi[0];
        long l0 = startLo[0];
        long h1 = startHi[1];
        long l1 = startLo[1];
        double p0 = 1.0;
        double p1 = 1.0;
        int x0 = 0;
        int x1 = 0;
        int n0 = 0;
        int n1 = 0;
        for (int k = chunk; k > 0; k--) {
            // the LCG step of each chain (state' = M·state + inc), then XSL-RR and next_double
            long lo = l0 * MUL_LO;
            h0 = Pcg64.mulHi(h0, l0, MUL_HI, MUL_LO) + iH + Pcg64.carry(lo, iL);
            l0 = lo + iL;
            lo = l1 * MUL_LO;
            h1 = Pcg64.mulHi(h1, l1, MUL_HI, MUL_LO) + iH + Pcg64.carry(lo, iL);
            l1 = lo + iL;
            // prod *= U; the draw ends when prod <= exp(-lam) (for doubles >= 0 the bit patterns
            // order like the values); then the count restarts at 0 and the product at 1.0
            long b0 = Double.doubleToRawLongBits(p0 * ((Pcg64.output(h0, l0) >>> 11) * 0x1.0p-53));
            long b1 = Double.doubleToRawLongBits(p1 * ((Pcg64.output(h1, l1) >>> 11) * 0x1.0p-53));
            final long m0 = (b0 - eb - 1) >> 63;
            final long m1 = (b1 - eb - 1) >> 63;
            v0[n0] = x0;
            v1[n1] = x1;
            n0 -= (int) m0;
            n1 -= (int) m1;
            x0 = (x0 + 1) & ~(int) m0;
            x1 = (x1 + 1) & ~(int) m1;
            b0 = (b0 & ~m0) | (ONE_BITS & m0);
            b1 = (b1 & ~m1) | (ONE_BITS & m1);
            p0 = Double.longBitsToDouble(b0);
            p1 = Double.longBitsToDouble(b1);
        }
        count[0] = n0;
        count[1] = n1;
        tailP[0] = p0;
        tailP[1] = p1;
        tailX[0] = x0;
        tailX[1] = x1;
    }

    /**
     * Continues the true parse — open with {@code (carryP, carryX)} at the start of the stretch last
     * drawn by {@code from} (this instance or another one, same stream and chunk size) — through that
     * stretch: its completed draws go to {@code out[n..)} (room for {@link #stretch()} + 1 more);
     * returns the new n. The draw left open at the stretch's end is {@link #openP()}, {@link #openX()}.
     */
    public int stitch(final PoissonChunks from, final double carryP, final int carryX, final int[] out,
                      final int n) {
        int m = n;
        double p = carryP;
        int x = carryX;
        for (int c = 0; c < CHAINS; c++) {
            m = meet(from, c, p, x, out, m);
            p = openP;
            x = openX;
        }
        return m;
    }

    /** The open draw's running product after the last {@link #stitch}. */
    public double openP() {
        return openP;
    }

    /** The open draw's count so far after the last {@link #stitch}. */
    public int openX() {
        return openX;
    }

    /** The true parse through chunk c of {@code from}'s stretch, until it meets the speculative one. */
    private int meet(final PoissonChunks from, final int c, final double carryP, final int carryX,
                     final int[] out, final int n0) {
        final int[] sv = from.vals[c];
        final int cnt = from.count[c];
        final double e = enlam;
        final long iH = incHi;
        final long iL = incLo;
        long h = from.startHi[c];
        long l = from.startLo[c];
        int n = n0;
        double p = carryP;
        int x = carryX;
        int sp = 0;
        // the speculative draw sv[sp] ended at uniform specEnd (a draw of value x took x + 1 uniforms)
        int specEnd = cnt > 0 ? sv[0] : Integer.MAX_VALUE;
        for (int k = 0; k < chunk; k++) {
            final long lo = l * MUL_LO;
            h = Pcg64.mulHi(h, l, MUL_HI, MUL_LO) + iH + Pcg64.carry(lo, iL);
            l = lo + iL;
            p *= (Pcg64.output(h, l) >>> 11) * 0x1.0p-53;
            if (p <= e) {
                out[n++] = x;
                x = 0;
                p = 1.0;
                while (specEnd < k) {
                    sp++;
                    specEnd = sp < cnt ? specEnd + sv[sp] + 1 : Integer.MAX_VALUE;
                }
                if (specEnd == k) {
                    sp++;
                    System.arraycopy(sv, sp, out, n, cnt - sp);
                    openP = from.tailP[c];
                    openX = from.tailX[c];
                    return n + cnt - sp;
                }
            } else {
                x++;
            }
        }
        openP = p;
        openX = x;
        return n;
    }
}
