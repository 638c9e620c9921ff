package org.scfabric.random;

/**
 * numpy's multiplication-method Poisson draws (λ &lt; 10) over a stretch of a {@link Pcg64} stream,
 * with the generator and the parse fused in one loop and the stretch cut into chunks that are worked
 * on side by side: on SIMD lanes when {@code jdk.incubator.vector} is available
 * ({@link VectorChunkDraw}, 8 chunks with AVX-512), else {@value #SCALAR_CHAINS} chunks in a scalar
 * loop.
 *
 * <p>A draw multiplies uniforms into a running product (from 1.0, in order, in double) until it
 * falls to ≤ exp(−λ); the draw is the number of factors before that. Drawn one at a time this is a
 * serial chain of dependent multiplies through the generator's 128-bit LCG and the product, with an
 * unpredictable branch at every draw's end. Here {@link #draw} steps one copy of the LCG per chunk,
 * each positioned at the start of its chunk by jump-ahead, and parses each chunk, without branches,
 * as if a draw began at its first uniform: the chains are independent, so the processor overlaps
 * them, and no uniform is ever stored. Only the true parse knows where a chunk's first
 * draw really begins: {@link #stitch} continues it into a chunk — regenerating the chunk's first
 * uniforms from its saved start state — only until it ends a draw where the speculative parse ended
 * one too. From there on both parse the same uniforms from the same fresh start, so the speculative
 * draws are the true ones. (A draw of value x took x + 1 uniforms, so where each speculative draw
 * ended follows from the values; products never increase, so the two parses meet after a few
 * draws.)
 *
 * <p>Chunks are stitched in order, also across calls to {@link #draw}, so a stretch drawn on another
 * thread (its own instance, started from a generator {@link Pcg64#advance advanced} to the stretch)
 * joins the true parse of the stretch before. An instance is used by one thread at a time; no
 * allocation after construction.
 */
public final class PoissonChunks {

    /**
     * Chunks parsed side by side by the scalar loop, which is unrolled for two (four measured 15 %
     * slower: eight more live values than x86-64 has registers for).
     */
    public static final int SCALAR_CHAINS = 2;

    /** Lanes of the vector path, 0 when it is not available (or turned off, see {@link #vectorLanes()}). */
    private static final int VECTOR_LANES = detectVectorLanes();

    private static final long MUL_HI = Pcg64.MUL_HI;
    private static final long MUL_LO = Pcg64.MUL_LO;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    private final int chains;
    private final int chunk;
    private final VectorChunkDraw vector;
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
    private final long[] startHi;
    private final long[] startLo;
    /** The speculative draws of each chunk, their number, and the draw left open at its end. */
    private final int[][] vals;
    private final int[] count;
    private final double[] tailP;
    private final int[] tailX;

    /** The true parse's open draw after the last {@link #stitch}. */
    private double openP = 1.0;
    private int openX;

    /**
     * On the vector path when it is available.
     *
     * @param increment the generator whose stream is drawn (only its increment is used)
     * @param enlam exp(−λ), as numpy computes it
     * @param chunk uniforms per chunk; a stretch is {@link #chains()} · chunk uniforms
     */
    public PoissonChunks(final Pcg64 increment, final double enlam, final int chunk) {
        this(increment, enlam, chunk, VECTOR_LANES > 0);
    }

    /**
     * Instances that stitch each other's stretches must agree on {@code vector} and {@code chunk}.
     *
     * @param vector the vector path (must be available) or the scalar loop
     */
    public PoissonChunks(final Pcg64 increment, final double enlam, final int chunk, final boolean vector) {
        if (vector && VECTOR_LANES == 0) {
            throw new IllegalStateException("the vector path needs --add-modules jdk.incubator.vector");
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
        }
        if (!(enlam > 0 && enlam <= 1)) {
            throw new IllegalArgumentException("exp(-lambda) must be in (0, 1], got " + enlam);
        }
        this.chains = vector ? VECTOR_LANES : SCALAR_CHAINS;
        this.chunk = chunk;
        this.vector = vector ? new VectorChunkDraw(chunk) : null;
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
        startHi = new long[chains];
        startLo = new long[chains];
        vals = new int[chains][chunk + 1];
        count = new int[chains];
        tailP = new double[chains];
        tailX = new int[chains];
    }

    /**
     * Lanes of the vector path (8 with AVX-512), or 0 when it is not available: the JVM was started
     * without {@code --add-modules jdk.incubator.vector} (the {@code scfabric} launcher adds it), the
     * vectors are narrower than 4 longs, or {@code -Dscfabric.vectorDrive=false}.
     */
    public static int vectorLanes() {
        return VECTOR_LANES;
    }

    private static int detectVectorLanes() {
        if (!Boolean.parseBoolean(System.getProperty("scfabric.vectorDrive", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return 0;
        }
        try {
            final int lanes = VectorChunkDraw.lanes();
            return lanes >= 4 ? lanes : 0;
        } catch (final LinkageError e) {
            return 0;
        }
    }

    /**
     * Draws below which the scalar path finishes first. The vector path is the faster one only once
     * C2 has compiled it: until then every vector operation is an object, and getting there costs
     * about 0.6 s of CPU in a fresh JVM, while the scalar path is compiled within a few thousand draws.
     * Measured from a cold JVM (Java 17, 2 cores, one stream recorded): 10^6 draws 0.13 s scalar vs
     * 1.4 s vector, 10^7 0.4 vs 1.8 s, 10^8 about even; so the vector path is taken from 2^27 draws on.
     */
    public static final long VECTOR_MIN_DRAWS = 1L << 27;

    /** Whether a stream of {@code draws} Poisson draws should take the vector path (it must be available). */
    public static boolean vectorPays(final long draws) {
        return VECTOR_LANES > 0 && draws >= VECTOR_MIN_DRAWS;
    }

    private static boolean warm;

    /**
     * Compiles the draw loop before it is timed: draws {@value #WARM_UP_STRETCHES} throwaway
     * stretches of another stream on the path instances take by default. Until the JIT has compiled
     * it, the vector path runs interpreted, every vector operation an object (the first stretch takes
     * some 60 ms instead of 13 µs); the warm-up is that compile step, done once per JVM, ≈ 0.2 s of
     * one core.
     */
    public static synchronized void warmUp() {
        if (warm) {
            return;
        }
        final Pcg64 throwaway = new Pcg64(0x5CFAB);
        final PoissonChunks c = new PoissonChunks(throwaway, GlibcMath.exp(-2.0), 1024);
        final int[] out = new int[c.stretch() + 1];
        for (int k = 0; k < WARM_UP_STRETCHES; k++) {
            c.draw(throwaway.stateHi() + k, throwaway.stateLo());
            c.stitch(c, 1.0, 0, out, 0);
        }
        warm = true;
    }

    static final int WARM_UP_STRETCHES = 200;

    /** Chunks per stretch: the vector lanes, or {@value #SCALAR_CHAINS}. */
    public int chains() {
        return chains;
    }

    /** Whether this instance draws on the vector path. */
    public boolean vector() {
        return vector != null;
    }

    /** Uniforms per stretch: {@link #chains()} · chunk. */
    public int stretch() {
        return chains * chunk;
    }

    /**
     * Draws the stretch that follows the LCG state (stHi:stLo) — the state {@link Pcg64#stateHi()},
     * {@link Pcg64#stateLo()} report, whose next output is the stretch's first uniform — parsing each
     * chunk from a fresh start. {@link #stitch} then joins it to the true parse.
     */
    public void draw(final long stHi, final long stLo) {
        long h = stHi;
        long l = stLo;
        for (int c = 0; c < chains; c++) {
            startHi[c] = h;
            startLo[c] = l;
            final long lo = l * jumpMulLo;
            h = Pcg64.mulHi(h, l, jumpMulHi, jumpMulLo) + jumpAddHi + Pcg64.carry(lo, jumpAddLo);
            l = lo + jumpAddLo;
        }
        if (vector != null) {
            vector.draw(startHi, startLo, incHi, incLo, enlam, vals, count, tailP, tailX);
            return;
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
        for (int c = 0; c < chains; c++) {
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
