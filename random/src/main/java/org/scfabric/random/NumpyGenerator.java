package org.scfabric.random;

import java.util.Objects;

/**
 * numpy's {@code numpy.random.Generator} on a {@link Pcg64}, i.e. what
 * {@code numpy.random.default_rng(seed)} returns, for the distributions scfabric uses. Every method
 * consumes the bit stream exactly as the numpy method of the same name does and returns the same
 * bits:
 * <ul>
 *   <li>{@link #random()} — {@code Generator.random}: next_double</li>
 *   <li>{@link #uniform(double, double)} — {@code Generator.uniform}: low + (high-low)·U</li>
 *   <li>{@link #poisson(double)} — {@code Generator.poisson} ({@code random_poisson}: λ == 0 → 0,
 *       λ &lt; 10 multiplication method, λ ≥ 10 Hörmann's PTRS with numpy's
 *       {@code random_loggam})</li>
 *   <li>{@link #standardNormal()}, {@link #normal(double, double)} — {@code random_standard_normal}
 *       (256-layer ziggurat) and loc + scale·z</li>
 *   <li>{@link #integers(long, long)} — {@code Generator.integers} for int64 (Lemire's bounded
 *       method; 32-bit draws when the range fits 32 bits, 64-bit otherwise)</li>
 * </ul>
 * exp, log and log1p are {@link GlibcMath}'s bit-exact versions of glibc's. The bulk methods
 * ({@link #random(double[], int, int)}, {@link #poisson(double, int[], int, int)}) are bit-exact with
 * the scalar methods and leave the stream at the same position. Not thread-safe.
 */
public final class NumpyGenerator {

    /** numpy's {@code POISSON_LAM_MAX}: int64 max − 10·sqrt(int64 max), in double. */
    public static final double POISSON_LAM_MAX =
            (double) Long.MAX_VALUE - Math.sqrt((double) Long.MAX_VALUE) * 10;

    /** Largest λ accepted by the {@code int[]} Poisson fills (draws then fit an int). */
    public static final double POISSON_INT_LAM_MAX = 1.0e9;

    private final Pcg64 bits;

    /** Cache of exp(-λ) for the multiplication method. */
    private long enlamKey = Double.doubleToRawLongBits(Double.NaN);
    private double enlam;

    /**
     * {@code numpy.random.default_rng(seed)}.
     *
     * @param seed non-negative seed
     */
    public NumpyGenerator(long seed) {
        this(new Pcg64(seed));
    }

    /**
     * {@code numpy.random.Generator(bitGenerator)}; the generator draws from (and advances) the given
     * bit generator.
     *
     * @param bitGenerator the PCG64 stream
     */
    public NumpyGenerator(Pcg64 bitGenerator) {
        this.bits = Objects.requireNonNull(bitGenerator);
    }

    /**
     * The underlying bit generator (shared, not a copy).
     *
     * @return the PCG64 stream
     */
    public Pcg64 bitGenerator() {
        return bits;
    }

    // ---- uniform ---------------------------------------------------------------------------

    /**
     * {@code Generator.random()}.
     *
     * @return uniform double in [0, 1)
     */
    public double random() {
        return bits.nextDouble();
    }

    /**
     * {@code out[:] = Generator.random(len(out))}.
     *
     * @param out destination
     */
    public void random(double[] out) {
        bits.nextDoubles(out, 0, out.length);
    }

    /**
     * Fills out[from..to) as {@code Generator.random(to - from)} would.
     *
     * @param out destination
     * @param from first index (inclusive)
     * @param to last index (exclusive)
     */
    public void random(double[] out, int from, int to) {
        bits.nextDoubles(out, from, to);
    }

    /**
     * {@code Generator.uniform(low, high)}.
     *
     * @param low lower bound
     * @param high upper bound, high ≥ low
     * @return low + (high − low)·U
     */
    public double uniform(double low, double high) {
        double range = checkedRange(low, high);
        return bits.nextDouble() * range + low;
    }

    /**
     * Fills out[from..to) as {@code Generator.uniform(low, high, to - from)} would.
     *
     * @param low lower bound
     * @param high upper bound, high ≥ low
     * @param out destination
     * @param from first index (inclusive)
     * @param to last index (exclusive)
     */
    public void uniform(double low, double high, double[] out, int from, int to) {
        double range = checkedRange(low, high);
        bits.nextDoubles(out, from, to);
        for (int i = from; i < to; i++) {
            out[i] = out[i] * range + low;
        }
    }

    private static double checkedRange(double low, double high) {
        double range = high - low;
        if (!Double.isFinite(range)) {
            throw new ArithmeticException("high - low range exceeds valid bounds");
        }
        if (!(range >= 0)) {
            throw new IllegalArgumentException("high - low < 0");
        }
        return range;
    }

    // ---- Poisson ---------------------------------------------------------------------------

    /**
     * {@code Generator.poisson(lam)}.
     *
     * @param lam expectation, 0 ≤ lam ≤ {@link #POISSON_LAM_MAX}
     * @return a Poisson draw
     */
    public long poisson(double lam) {
        checkLam(lam, POISSON_LAM_MAX);
        if (lam >= 10) {
            return poissonPtrs(lam);
        }
        if (lam == 0) {
            return 0;
        }
        double e = expNeg(lam);
        Pcg64 g = bits;
        long x = 0;
        double prod = 1.0;
        for (;;) {
            prod *= g.nextDouble();
            if (prod > e) {
                x++;
            } else {
                return x;
            }
        }
    }

    /**
     * {@code out[:] = Generator.poisson(lam, len(out))}.
     *
     * @param lam expectation, 0 ≤ lam ≤ {@link #POISSON_INT_LAM_MAX}
     * @param out destination
     */
    public void poisson(double lam, int[] out) {
        poisson(lam, out, 0, out.length);
    }

    /**
     * Fills out[from..to) as {@code Generator.poisson(lam, to - from)} would. For λ &lt; 10 the
     * uniforms come from a lane-generated buffer; no allocation in steady state.
     *
     * @param lam expectation, 0 ≤ lam ≤ {@link #POISSON_INT_LAM_MAX}
     * @param out destination
     * @param from first index (inclusive)
     * @param to last index (exclusive)
     */
    public void poisson(double lam, int[] out, int from, int to) {
        Objects.checkFromToIndex(from, to, out.length);
        checkLam(lam, POISSON_INT_LAM_MAX);
        if (lam >= 10) {
            for (int i = from; i < to; i++) {
                out[i] = (int) poissonPtrs(lam);
            }
            return;
        }
        if (lam == 0) {
            java.util.Arrays.fill(out, from, to, 0);
            return;
        }
        final double e = expNeg(lam);
        if (lam <= LOOKAHEAD_LAM_MAX) {
            poissonSmall(e, out, from, to);
        } else {
            poissonMult(e, out, from, to);
        }
    }

    /** λ up to which the bulk Poisson uses the branch-free {@value #LOOKAHEAD}-uniform path. */
    static final double LOOKAHEAD_LAM_MAX = 2.5;
    /** Uniforms examined branch-free per draw (P(X ≥ 6) = 1.7% at λ = 2). */
    static final int LOOKAHEAD = 6;

    /**
     * 1 if p &gt; e else 0, for non-negative doubles without a branch: their bit patterns order like
     * their values, so the sign of bits(e) − bits(p) decides.
     */
    private static long above(long eBits, double p) {
        return (eBits - Double.doubleToRawLongBits(p)) >>> 63;
    }

    /**
     * The multiplication method for small λ without data-dependent branches: the products of the
     * next {@value #LOOKAHEAD} buffered uniforms are formed in numpy's order (1.0·U0·U1·…), and since
     * they never increase, the draw is the number of them above e^-λ; only X + 1 uniforms are
     * consumed. Draws of {@value #LOOKAHEAD} or more continue one uniform at a time.
     */
    private void poissonSmall(double e, int[] out, int from, int to) {
        final long eb = Double.doubleToRawLongBits(e);
        final Pcg64 g = bits;
        double[] u = g.dbuf;
        int pos = g.bufPos;
        int len = g.bufLen;
        for (int i = from; i < to; i++) {
            if (len - pos < LOOKAHEAD) {
                g.bufPos = pos;
                g.refill();
                u = g.dbuf;
                pos = 0;
                len = g.bufLen;
            }
            double p = u[pos];
            long c = above(eb, p);
            p *= u[pos + 1];
            c += above(eb, p);
            p *= u[pos + 2];
            c += above(eb, p);
            p *= u[pos + 3];
            c += above(eb, p);
            p *= u[pos + 4];
            c += above(eb, p);
            p *= u[pos + 5];
            c += above(eb, p);
            int x = (int) c;
            if (x < LOOKAHEAD) {
                pos += x + 1;
            } else {
                g.bufPos = pos + LOOKAHEAD;
                x = continueDraw(e, p, x);
                u = g.dbuf;
                pos = g.bufPos;
                len = g.bufLen;
            }
            out[i] = x;
        }
        g.bufPos = pos;
    }

    /** The multiplication method one uniform at a time, reading the lane-generated buffer. */
    private void poissonMult(double e, int[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = continueDraw(e, 1.0, 0);
        }
    }

    /**
     * Continues a draw with running product {@code prod} after {@code x} factors above e: multiplies
     * in the next buffered uniforms (refilling the buffer as needed) until the product falls to e or
     * below, and returns the draw.
     */
    private int continueDraw(double e, double prod, int x) {
        final Pcg64 g = bits;
        double[] u = g.dbuf;
        int pos = g.bufPos;
        int len = g.bufLen;
        for (;;) {
            if (pos == len) {
                g.bufPos = pos;
                g.refill();
                u = g.dbuf;
                pos = 0;
                len = g.bufLen;
            }
            prod *= u[pos++];
            if (prod > e) {
                x++;
            } else {
                g.bufPos = pos;
                return x;
            }
        }
    }

    private static void checkLam(double lam, double max) {
        if (!(lam >= 0)) {
            throw new IllegalArgumentException("lam < 0 or lam is NaN");
        }
        if (lam > max) {
            throw new IllegalArgumentException("lam value too large");
        }
    }

    private double expNeg(double lam) {
        long key = Double.doubleToRawLongBits(lam);
        if (key != enlamKey) {
            enlam = GlibcMath.exp(-lam);
            enlamKey = key;
        }
        return enlam;
    }

    /** numpy's {@code random_poisson_ptrs} (Hörmann 1993, transformed rejection with squeeze). */
    private long poissonPtrs(double lam) {
        Pcg64 g = bits;
        double slam = Math.sqrt(lam);
        double loglam = GlibcMath.log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        for (;;) {
            double u = g.nextDouble() - 0.5;
            double v = g.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = truncToLong(Math.floor((2 * a / us + b) * u + lam + 0.43));
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double lhs = GlibcMath.log(v) + GlibcMath.log(invalpha) - GlibcMath.log(a / (us * us) + b);
            double kd = k;
            double rhs = kd * loglam - lam - loggam(kd + 1.0);
            if (lhs <= rhs) {
                return k;
            }
        }
    }

    /** C's (int64_t) cast as x86-64 performs it: NaN and out-of-range give Long.MIN_VALUE. */
    private static long truncToLong(double d) {
        if (d >= -0x1p63 && d < 0x1p63) {
            return (long) d;
        }
        return Long.MIN_VALUE;
    }

    private static final double[] LOGGAM_A = {
        8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
        -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
        6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
        -1.39243221690590e+00,
    };
    /** 0.5·log(2π) as numpy computes it (constant-folded). */
    private static final double HALF_LOG_2PI = Double.longBitsToDouble(0x3fed67f1c864beb4L);

    /**
     * numpy's {@code random_loggam(x)}: log Γ(x) by the SPECFUN series (shifted up to x0 ≥ 7).
     *
     * @param x argument
     * @return log-gamma of x as numpy computes it
     */
    static double loggam(double x) {
        if (x == 1.0 || x == 2.0) {
            return 0.0;
        }
        long n = 0;
        if (x < 7.0) {
            n = truncToLong(7.0 - x);
        }
        double x0 = n + x;
        double inv = 1.0 / x0;
        double x2 = inv * inv;
        double gl0 = LOGGAM_A[9];
        for (int k = 8; k >= 0; k--) {
            gl0 *= x2;
            gl0 += LOGGAM_A[k];
        }
        double gl = gl0 / x0 + HALF_LOG_2PI + (x0 - 0.5) * GlibcMath.log(x0) - x0;
        if (x < 7.0) {
            for (long k = 1; k <= n; k++) {
                gl -= GlibcMath.log(x0 - 1.0);
                x0 -= 1.0;
            }
        }
        return gl;
    }

    // ---- normal ----------------------------------------------------------------------------

    /**
     * {@code Generator.standard_normal()} (numpy's ziggurat).
     *
     * @return a standard normal draw
     */
    public double standardNormal() {
        final Pcg64 g = bits;
        final long[] ki = ZigguratTables.KI;
        final double[] wi = ZigguratTables.WI;
        final double[] fi = ZigguratTables.FI;
        for (;;) {
            long r = g.nextLong();
            int idx = (int) r & 0xff;
            long rabs = (r >>> 9) & 0x000fffffffffffffL;
            double x = rabs * wi[idx];
            if ((r & 0x100) != 0) {
                x = -x;
            }
            if (rabs < ki[idx]) {
                return x;
            }
            if (idx == 0) {
                for (;;) {
                    double xx = ZigguratTables.NEG_NOR_INV_R * GlibcMath.log1p(-g.nextDouble());
                    double yy = -GlibcMath.log1p(-g.nextDouble());
                    if (yy + yy > xx * xx) {
                        return ((rabs >> 8) & 1) != 0 ? -(ZigguratTables.NOR_R + xx)
                                : ZigguratTables.NOR_R + xx;
                    }
                }
            }
            if ((fi[idx - 1] - fi[idx]) * g.nextDouble() + fi[idx] < GlibcMath.exp(-0.5 * x * x)) {
                return x;
            }
        }
    }

    /**
     * Fills out[from..to) as {@code Generator.standard_normal(to - from)} would.
     *
     * @param out destination
     * @param from first index (inclusive)
     * @param to last index (exclusive)
     */
    public void standardNormal(double[] out, int from, int to) {
        Objects.checkFromToIndex(from, to, out.length);
        for (int i = from; i < to; i++) {
            out[i] = standardNormal();
        }
    }

    /**
     * {@code Generator.normal(loc, scale)}.
     *
     * @param loc mean
     * @param scale standard deviation, ≥ 0
     * @return loc + scale·z
     */
    public double normal(double loc, double scale) {
        checkScale(scale);
        return standardNormal() * scale + loc;
    }

    /**
     * Fills out[from..to) as {@code Generator.normal(loc, scale, to - from)} would.
     *
     * @param loc mean
     * @param scale standard deviation, ≥ 0
     * @param out destination
     * @param from first index (inclusive)
     * @param to last index (exclusive)
     */
    public void normal(double loc, double scale, double[] out, int from, int to) {
        checkScale(scale);
        Objects.checkFromToIndex(from, to, out.length);
        for (int i = from; i < to; i++) {
            out[i] = standardNormal() * scale + loc;
        }
    }

    private static void checkScale(double scale) {
        if (!(scale >= 0)) {
            throw new IllegalArgumentException("scale < 0");
        }
    }

    // ---- integers --------------------------------------------------------------------------

    /**
     * {@code Generator.integers(low, high)} with the default dtype int64 (high exclusive).
     *
     * @param low lowest value (inclusive)
     * @param high one above the highest value
     * @return a uniform integer in [low, high)
     */
    public long integers(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("low >= high");
        }
        return low + boundedUint64(high - 1 - low);
    }

    /**
     * {@code Generator.integers(low, high, endpoint=True)} with dtype int64 (high inclusive); with
     * low = Long.MIN_VALUE and high = Long.MAX_VALUE this is the full 64-bit range.
     *
     * @param low lowest value (inclusive)
     * @param high highest value (inclusive)
     * @return a uniform integer in [low, high]
     */
    public long integersClosed(long low, long high) {
        if (low > high) {
            throw new IllegalArgumentException("low > high");
        }
        return low + boundedUint64(high - low);
    }

    /**
     * Fills out[from..to) as {@code Generator.integers(low, high, to - from)} would.
     *
     * @param low lowest value (inclusive)
     * @param high one above the highest value
     * @param out destination
     * @param from first index (inclusive)
     * @param to last index (exclusive)
     */
    public void integers(long low, long high, long[] out, int from, int to) {
        if (low >= high) {
            throw new IllegalArgumentException("low >= high");
        }
        Objects.checkFromToIndex(from, to, out.length);
        long rng = high - 1 - low;
        for (int i = from; i < to; i++) {
            out[i] = low + boundedUint64(rng);
        }
    }

    /** numpy's {@code random_bounded_uint64_fill} for one value in [0, rng] (unsigned). */
    private long boundedUint64(long rng) {
        Pcg64 g = bits;
        if (rng == 0) {
            return 0;
        }
        if (Long.compareUnsigned(rng, 0xffffffffL) <= 0) {
            if (rng == 0xffffffffL) {
                return g.nextInt() & 0xffffffffL;
            }
            // Lemire, 32-bit draws
            long rngExcl = rng + 1;
            long m = (g.nextInt() & 0xffffffffL) * rngExcl;
            long leftover = m & 0xffffffffL;
            if (leftover < rngExcl) {
                long threshold = (0xffffffffL - rng) % rngExcl;
                while (leftover < threshold) {
                    m = (g.nextInt() & 0xffffffffL) * rngExcl;
                    leftover = m & 0xffffffffL;
                }
            }
            return m >>> 32;
        }
        if (rng == -1L) {
            return g.nextLong();
        }
        // Lemire, 64-bit draws
        long rngExcl = rng + 1;
        long r = g.nextLong();
        long leftover = r * rngExcl;
        long hi = Pcg64.umulh(r, rngExcl);
        if (Long.compareUnsigned(leftover, rngExcl) < 0) {
            long threshold = Long.remainderUnsigned(-1L - rng, rngExcl);
            while (Long.compareUnsigned(leftover, threshold) < 0) {
                r = g.nextLong();
                leftover = r * rngExcl;
                hi = Pcg64.umulh(r, rngExcl);
            }
        }
        return hi;
    }
}
