package org.scfabric.random;

import java.math.BigInteger;

/**
 * numpy's {@code numpy.random.PCG64} bit generator: a 128-bit LCG (multiplier
 * 0x2360ED051FC65DA44385DF649FCCF645, odd increment) with the XSL-RR output function, seeded from
 * {@link SeedSequence#generateState64(int) SeedSequence.generate_state(4, uint64)} the way
 * {@code PCG64(seed)} is. {@link #nextLong()}, {@link #nextInt()} and {@link #nextDouble()} mirror
 * the C functions behind numpy's {@code next_uint64}, {@code next_uint32} (one 64-bit draw serves
 * two calls: low half first, then high half) and {@code next_double}; {@link #advance(long)} mirrors
 * {@code PCG64.advance}.
 *
 * <p>Bulk methods ({@link #nextLongs}, {@link #nextDoubles}) compute the stream in {@value #LANES}
 * interleaved lanes (lane j steps by M^{@value #LANES} with the matching increment, so outputs come
 * out in stream order); they produce exactly the values of repeated scalar calls and leave the
 * generator at the same position. The bulk Poisson path of {@link NumpyGenerator} reads outputs
 * from an internal buffer filled the same way; outputs buffered but not yet consumed are handed out
 * by the next scalar call, and state queries step the LCG back over them, so the logical stream
 * position is always exact.
 *
 * <p>Not thread-safe.
 */
public final class Pcg64 {

    static final long MUL_HI = 0x2360ED051FC65DA4L;
    static final long MUL_LO = 0x4385DF649FCCF645L;

    /** Number of interleaved LCG lanes used by the bulk paths (the kernels are unrolled for 2). */
    public static final int LANES = 2;

    /** Size of the internal output buffer used by bulk consumers. */
    static final int BUFFER_SIZE = 512;

    /** M^LANES. */
    private static final long MK_HI;
    private static final long MK_LO;
    /** 1 + M + ... + M^(LANES-1); the LANES-step increment is inc times this. */
    private static final long SK_HI;
    private static final long SK_LO;

    static {
        long mHi = 0;
        long mLo = 1;
        long sHi = 0;
        long sLo = 0;
        for (int i = 0; i < LANES; i++) {
            // s += m; m *= M
            long lo = sLo + mLo;
            sHi = sHi + mHi + (Long.compareUnsigned(lo, sLo) < 0 ? 1 : 0);
            sLo = lo;
            long nHi = mulHi(mHi, mLo, MUL_HI, MUL_LO);
            mLo = mLo * MUL_LO;
            mHi = nHi;
        }
        MK_HI = mHi;
        MK_LO = mLo;
        SK_HI = sHi;
        SK_LO = sLo;
    }

    /** LCG state after the last output generated (buffered outputs included). */
    private long stHi;
    private long stLo;
    private long incHi;
    private long incLo;
    /** Increment of the LANES-step recurrence: inc * (1 + M + ... + M^(LANES-1)). */
    private long ckHi;
    private long ckLo;

    private boolean hasUint32;
    private int uinteger;

    /**
     * Buffered outputs: buf[bufPos..bufLen) are the next outputs of the logical stream, already
     * generated (the LCG state st is past them).
     */
    long[] buf;
    /** dbuf[j] = (buf[j] >>> 11) * 2^-53 for j in [bufPos, bufLen): the same outputs as doubles. */
    double[] dbuf;
    int bufPos;
    int bufLen;

    /**
     * {@code PCG64(seed)}, i.e. the bit generator of {@code numpy.random.default_rng(seed)}.
     *
     * @param seed non-negative seed
     */
    public Pcg64(long seed) {
        this(new SeedSequence(seed));
    }

    /**
     * {@code PCG64(seed)} for an arbitrary non-negative integer seed.
     *
     * @param seed non-negative seed
     */
    public Pcg64(BigInteger seed) {
        this(new SeedSequence(seed));
    }

    /**
     * {@code PCG64(seedSequence)}: seeds from {@code generate_state(4, uint64)} = w0..w3 with
     * initstate = w0:w1 and initseq = w2:w3.
     *
     * @param seq the seed sequence
     */
    public Pcg64(SeedSequence seq) {
        long[] w = seq.generateState64(4);
        seed(w[0], w[1], w[2], w[3]);
    }

    /**
     * Copy constructor: an independent generator at the same stream position.
     *
     * @param other generator to copy
     */
    public Pcg64(Pcg64 other) {
        this.stHi = other.stHi;
        this.stLo = other.stLo;
        this.incHi = other.incHi;
        this.incLo = other.incLo;
        this.ckHi = other.ckHi;
        this.ckLo = other.ckLo;
        this.hasUint32 = other.hasUint32;
        this.uinteger = other.uinteger;
        this.buf = other.buf == null ? null : other.buf.clone();
        this.dbuf = other.dbuf == null ? null : other.dbuf.clone();
        this.bufPos = other.bufPos;
        this.bufLen = other.bufLen;
    }

    private Pcg64() {
    }

    /**
     * A generator in the given raw state, as numpy's {@code bit_generator.state} describes it
     * ({@code state}, {@code inc}, {@code has_uint32}, {@code uinteger}).
     *
     * @param stateHi high 64 bits of the LCG state
     * @param stateLo low 64 bits of the LCG state
     * @param incHi high 64 bits of the increment (the increment must be odd)
     * @param incLo low 64 bits of the increment
     * @param hasUint32 whether a buffered 32-bit half is pending
     * @param uinteger the buffered 32-bit half
     * @return the generator
     */
    public static Pcg64 fromState(long stateHi, long stateLo, long incHi, long incLo,
                                  boolean hasUint32, int uinteger) {
        if ((incLo & 1) == 0) {
            throw new IllegalArgumentException("PCG64 increment must be odd");
        }
        Pcg64 g = new Pcg64();
        g.stHi = stateHi;
        g.stLo = stateLo;
        g.setInc(incHi, incLo);
        g.hasUint32 = hasUint32;
        g.uinteger = uinteger;
        return g;
    }

    /**
     * An independent copy at the same stream position.
     *
     * @return the copy
     */
    public Pcg64 copy() {
        return new Pcg64(this);
    }

    private void setInc(long hi, long lo) {
        incHi = hi;
        incLo = lo;
        ckHi = mulHi(hi, lo, SK_HI, SK_LO);
        ckLo = lo * SK_LO;
    }

    private void seed(long initStateHi, long initStateLo, long initSeqHi, long initSeqLo) {
        setInc((initSeqHi << 1) | (initSeqLo >>> 63), (initSeqLo << 1) | 1);
        stHi = 0;
        stLo = 0;
        step();
        long lo = stLo + initStateLo;
        stHi = stHi + initStateHi + (Long.compareUnsigned(lo, stLo) < 0 ? 1 : 0);
        stLo = lo;
        step();
        hasUint32 = false;
        uinteger = 0;
    }

    // ---- 128-bit helpers -------------------------------------------------------------------

    /** Unsigned high 64 bits of a * b (Math.unsignedMultiplyHigh is Java 18+). */
    static long umulh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** High 64 bits of the 128-bit product (aHi:aLo) * (bHi:bLo) mod 2^128. */
    static long mulHi(long aHi, long aLo, long bHi, long bLo) {
        return umulh(aLo, bLo) + aLo * bHi + aHi * bLo;
    }

    /**
     * Carry out of the 64-bit addition a + b, computed without a compare: C2 turns
     * {@code Long.compareUnsigned(..) < 0 ? 1 : 0} into a branch, which mispredicts half the time
     * here and costs about 3 ns per draw.
     */
    static long carry(long a, long b) {
        return ((a >>> 1) + (b >>> 1) + (a & b & 1)) >>> 63;
    }

    static long output(long hi, long lo) {
        return Long.rotateRight(hi ^ lo, (int) (hi >>> 58));
    }

    private void step() {
        long lo = stLo * MUL_LO;
        long hi = mulHi(stHi, stLo, MUL_HI, MUL_LO);
        long nlo = lo + incLo;
        stHi = hi + incHi + carry(lo, incLo);
        stLo = nlo;
    }

    // ---- scalar draws ----------------------------------------------------------------------

    /**
     * Next raw 64-bit output ({@code next_uint64}).
     *
     * @return 64 random bits
     */
    public long nextLong() {
        if (bufPos < bufLen) {
            return buf[bufPos++];
        }
        return stepOutput();
    }

    /** One LCG step and its output, bypassing the buffer. */
    private long stepOutput() {
        long lo = stLo * MUL_LO;
        long hi = mulHi(stHi, stLo, MUL_HI, MUL_LO);
        long nlo = lo + incLo;
        long nhi = hi + incHi + carry(lo, incLo);
        stHi = nhi;
        stLo = nlo;
        return output(nhi, nlo);
    }

    /**
     * Next 32-bit output ({@code next_uint32}): the low half of a fresh 64-bit draw, and on the
     * following call the high half of that same draw.
     *
     * @return 32 random bits
     */
    public int nextInt() {
        if (hasUint32) {
            hasUint32 = false;
            return uinteger;
        }
        long v = nextLong();
        hasUint32 = true;
        uinteger = (int) (v >>> 32);
        return (int) v;
    }

    /**
     * Next double in [0, 1) ({@code next_double}): (next64 >>> 11) * 2^-53.
     *
     * @return uniform double
     */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    // ---- bulk draws ------------------------------------------------------------------------

    /**
     * Fills out[from..to) with the next raw outputs; identical to calling {@link #nextLong()} for
     * each element in order.
     *
     * @param out destination
     * @param from first index (inclusive)
     * @param to last index (exclusive)
     */
    public void nextLongs(long[] out, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, out.length);
        int i = from;
        while (i < to && bufPos < bufLen) {
            out[i++] = buf[bufPos++];
        }
        if (i < to) {
            generate(out, null, i, to - i);
        }
    }

    /**
     * Fills out[from..to) with uniform doubles; identical to calling {@link #nextDouble()} for each
     * element in order.
     *
     * @param out destination
     * @param from first index (inclusive)
     * @param to last index (exclusive)
     */
    public void nextDoubles(double[] out, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, out.length);
        int i = from;
        while (i < to && bufPos < bufLen) {
            out[i++] = dbuf[bufPos++];
        }
        if (i < to) {
            generate(null, out, i, to - i);
        }
    }

    /**
     * Generates the next n >= 0 outputs after the LCG state st into out[off..off+n), as raw longs
     * into {@code longs} or, when that is null, as doubles (next_double) into {@code doubles}. One
     * loop serves both: the null test is loop-invariant, so C2 can hoist it out of the loop
     * (RandomStreamBench randomBulk and poissonBulk: no difference from the two copies this replaced,
     * within the error bars, docs/benchmarks.md).
     */
    private void generate(long[] longs, double[] doubles, int off, int n) {
        int i = off;
        int to = off + n;
        int pairs = n / LANES;
        if (pairs > 1) {
            // lane 0 holds the state of output i + 2r, lane 1 that of output i + 2r + 1
            long h0 = stHi;
            long l0 = stLo;
            long lo = l0 * MUL_LO;
            h0 = mulHi(h0, l0, MUL_HI, MUL_LO) + incHi + carry(lo, incLo);
            l0 = lo + incLo;
            lo = l0 * MUL_LO;
            long h1 = mulHi(h0, l0, MUL_HI, MUL_LO) + incHi + carry(lo, incLo);
            long l1 = lo + incLo;
            final long mkH = MK_HI;
            final long mkL = MK_LO;
            final long ckH = ckHi;
            final long ckL = ckLo;
            int last = i + (pairs - 1) * LANES;
            for (; i < last; i += LANES) {
                put(longs, doubles, i, output(h0, l0));
                put(longs, doubles, i + 1, output(h1, l1));
                lo = l0 * mkL;
                h0 = mulHi(h0, l0, mkH, mkL) + ckH + carry(lo, ckL);
                l0 = lo + ckL;
                lo = l1 * mkL;
                h1 = mulHi(h1, l1, mkH, mkL) + ckH + carry(lo, ckL);
                l1 = lo + ckL;
            }
            put(longs, doubles, i, output(h0, l0));
            put(longs, doubles, i + 1, output(h1, l1));
            i += LANES;
            stHi = h1;
            stLo = l1;
        }
        for (; i < to; i++) {
            put(longs, doubles, i, stepOutput());
        }
    }

    /** Stores output x at index i: raw into longs, or as next_double's double when longs is null. */
    private static void put(long[] longs, double[] doubles, int i, long x) {
        if (longs != null) {
            longs[i] = x;
        } else {
            doubles[i] = (x >>> 11) * 0x1.0p-53;
        }
    }

    /**
     * Tops the internal buffer up to {@link #BUFFER_SIZE} outputs: the pending outputs
     * buf[bufPos..bufLen) move to the front and fresh outputs follow them. Afterwards bufPos = 0 and
     * bufLen = BUFFER_SIZE; the logical stream is unchanged.
     */
    void refill() {
        if (buf == null) {
            buf = new long[BUFFER_SIZE];
            dbuf = new double[BUFFER_SIZE];
        }
        int pending = bufLen - bufPos;
        if (pending > 0) {
            System.arraycopy(buf, bufPos, buf, 0, pending);
            System.arraycopy(dbuf, bufPos, dbuf, 0, pending);
        }
        bufPos = 0;
        bufLen = 0;
        generate(buf, null, pending, BUFFER_SIZE - pending);
        final long[] b = buf;
        final double[] d = dbuf;
        for (int j = pending; j < BUFFER_SIZE; j++) {
            d[j] = (b[j] >>> 11) * 0x1.0p-53;
        }
        bufLen = BUFFER_SIZE;
    }

    /** Drops the buffer, stepping the LCG state back over the pending outputs (position unchanged). */
    private void sync() {
        int pending = bufLen - bufPos;
        if (pending > 0) {
            jumpFrom(stHi, stLo, -1L, -pending); // delta = -pending mod 2^128
        }
        bufPos = 0;
        bufLen = 0;
    }

    // ---- jump-ahead ------------------------------------------------------------------------

    /**
     * {@code PCG64.advance(delta)}: moves the stream delta steps (64-bit draws) ahead; a negative
     * delta moves back (numpy wraps delta modulo 2^128). Like numpy, clears the buffered 32-bit half.
     *
     * @param delta number of steps, sign-extended to 128 bits
     * @return this
     */
    public Pcg64 advance(long delta) {
        return advance(delta >> 63, delta);
    }

    /**
     * {@code PCG64.advance(delta)} with a 128-bit delta (taken modulo 2^128).
     *
     * @param deltaHi high 64 bits of delta
     * @param deltaLo low 64 bits of delta
     * @return this
     */
    public Pcg64 advance(long deltaHi, long deltaLo) {
        sync();
        jumpFrom(stHi, stLo, deltaHi, deltaLo);
        hasUint32 = false;
        uinteger = 0;
        return this;
    }

    /** Sets the state to the one reached from (sHi:sLo) after delta LCG steps (Brown's algorithm, as pcg_advance). */
    private void jumpFrom(long sHi, long sLo, long dHi, long dLo) {
        long accMulHi = 0;
        long accMulLo = 1;
        long accPlusHi = 0;
        long accPlusLo = 0;
        long curMulHi = MUL_HI;
        long curMulLo = MUL_LO;
        long curPlusHi = incHi;
        long curPlusLo = incLo;
        while ((dHi | dLo) != 0) {
            if ((dLo & 1) != 0) {
                long h = mulHi(accMulHi, accMulLo, curMulHi, curMulLo);
                accMulLo = accMulLo * curMulLo;
                accMulHi = h;
                // accPlus = accPlus * curMul + curPlus
                long ph = mulHi(accPlusHi, accPlusLo, curMulHi, curMulLo);
                long pl = accPlusLo * curMulLo;
                long nl = pl + curPlusLo;
                accPlusHi = ph + curPlusHi + (Long.compareUnsigned(nl, pl) < 0 ? 1 : 0);
                accPlusLo = nl;
            }
            // curPlus = (curMul + 1) * curPlus
            long m1Lo = curMulLo + 1;
            long m1Hi = curMulHi + (m1Lo == 0 ? 1 : 0);
            long nph = mulHi(m1Hi, m1Lo, curPlusHi, curPlusLo);
            curPlusLo = m1Lo * curPlusLo;
            curPlusHi = nph;
            // curMul = curMul^2
            long nmh = mulHi(curMulHi, curMulLo, curMulHi, curMulLo);
            curMulLo = curMulLo * curMulLo;
            curMulHi = nmh;
            dLo = (dLo >>> 1) | (dHi << 63);
            dHi = dHi >>> 1;
        }
        long rh = mulHi(accMulHi, accMulLo, sHi, sLo);
        long rl = accMulLo * sLo;
        long nl = rl + accPlusLo;
        // into the state directly: advance() is called per drive segment, and allocates nothing
        stHi = rh + accPlusHi + (Long.compareUnsigned(nl, rl) < 0 ? 1 : 0);
        stLo = nl;
    }

    // ---- state access ----------------------------------------------------------------------

    /** @return high 64 bits of numpy's {@code state['state']['state']} */
    public long stateHi() {
        sync();
        return stHi;
    }

    /** @return low 64 bits of numpy's {@code state['state']['state']} */
    public long stateLo() {
        sync();
        return stLo;
    }

    /** @return high 64 bits of numpy's {@code state['state']['inc']} */
    public long incHi() {
        return incHi;
    }

    /** @return low 64 bits of numpy's {@code state['state']['inc']} */
    public long incLo() {
        return incLo;
    }

    /** @return numpy's {@code state['has_uint32']} */
    public boolean hasUint32() {
        return hasUint32;
    }

    /** @return numpy's {@code state['uinteger']} (as a signed int holding 32 bits) */
    public int uinteger() {
        return uinteger;
    }
}
