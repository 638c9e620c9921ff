package org.scfabric.random;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PoissonChunks#draw}'s speculative parse on SIMD lanes: lane j is chunk j's LCG and parse,
 * all lanes stepped by the same instructions ({@code jdk.incubator.vector}; 8 lanes with AVX-512).
 *
 * <p>Java 17 has no vector multiply-high, so the LCG's 64 × 64 → 128-bit product is built from four
 * 32 × 32-bit partial products; the XSL-RR rotation is a pair of variable shifts (the vector
 * rotate of Java 17 is not compiled to an instruction). Each round writes, per lane, the draw that
 * ended at that uniform or −1 into a lane-interleaved buffer; a scalar pass then gathers each
 * lane's draws. Every value is computed exactly as the scalar path computes it (integer arithmetic
 * mod 2^64, the same IEEE products and comparison), so the draws are the same bits.
 *
 * <p>The round is written out in one method on purpose: with the LCG step and the output function
 * factored into helpers, a fresh JVM's N = 1000 Brunel run took 50 % longer (the JIT compiles them
 * apart, and the vectors are real objects until they are inlined).
 *
 * <p>Loaded only when the module is in the boot layer ({@code --add-modules jdk.incubator.vector});
 * see {@link PoissonChunks#vectorLanes()}.
 */
final class VectorChunkDraw {

    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final long LOW32 = 0xFFFFFFFFL;

    private final int lanes;
    private final int chunk;
    /** marks[k·lanes + j]: the draw lane j completed at its k-th uniform, or −1. */
    private final double[] marks;
    private final double[] laneP;
    private final double[] laneX;

    VectorChunkDraw(final int chunk) {
        this.lanes = lanes();
        this.chunk = chunk;
        this.marks = new double[chunk * lanes];
        this.laneP = new double[lanes];
        this.laneX = new double[lanes];
    }

    /** Lanes of the preferred vector shape for longs (doubles have as many), a multiple of 4; else 0. */
    static int lanes() {
        final int n = LONGS.length();
        return n == DOUBLES.length() && n % 4 == 0 ? n : 0;
    }

    /**
     * Parses each of the {@code lanes} chunks that begin at the states (startHi[j]:startLo[j]) from a
     * fresh start: draws into vals[j][0..count[j]), open draw left in tailP[j], tailX[j].
     */
    void draw(final long[] startHi, final long[] startLo, final long incHi, final long incLo, final double enlam,
              final int[][] vals, final int[] count, final double[] tailP, final int[] tailX) {
        final int n = lanes;
        final LongVector a0 = LongVector.broadcast(LONGS, Pcg64.MUL_LO & LOW32);
        final LongVector a1 = LongVector.broadcast(LONGS, Pcg64.MUL_LO >>> 32);
        final LongVector aLo = LongVector.broadcast(LONGS, Pcg64.MUL_LO);
        final LongVector aHi = LongVector.broadcast(LONGS, Pcg64.MUL_HI);
        final LongVector cLo = LongVector.broadcast(LONGS, incLo);
        final LongVector cHi = LongVector.broadcast(LONGS, incHi);
        final LongVector cLoHalf = LongVector.broadcast(LONGS, incLo >>> 1);
        final LongVector cLoBit = LongVector.broadcast(LONGS, incLo & 1);
        final LongVector low32 = LongVector.broadcast(LONGS, LOW32);
        final LongVector sixtyFour = LongVector.broadcast(LONGS, 64);
        final DoubleVector one = DoubleVector.broadcast(DOUBLES, 1.0);
        final DoubleVector zero = DoubleVector.broadcast(DOUBLES, 0.0);
        final DoubleVector none = DoubleVector.broadcast(DOUBLES, -1.0);
        final double[] mk = marks;
        LongVector h = LongVector.fromArray(LONGS, startHi, 0);
        LongVector l = LongVector.fromArray(LONGS, startLo, 0);
        DoubleVector p = one;
        DoubleVector x = zero;
        for (int k = 0, o = 0; k < chunk; k++, o += n) {
            // state' = M·state + inc mod 2^128: hi' = umulh(lo, Mlo) + lo·Mhi + hi·Mlo + incHi + carry
            final LongVector l0 = l.and(low32);
            final LongVector l1 = l.lanewise(VectorOperators.LSHR, 32);
            final LongVector p00 = l0.mul(a0);
            final LongVector p01 = l0.mul(a1);
            final LongVector p10 = l1.mul(a0);
            final LongVector p11 = l1.mul(a1);
            final LongVector mid = p00.lanewise(VectorOperators.LSHR, 32).add(p01.and(low32)).add(p10.and(low32));
            final LongVector umulh = p11.add(p01.lanewise(VectorOperators.LSHR, 32))
                    .add(p10.lanewise(VectorOperators.LSHR, 32)).add(mid.lanewise(VectorOperators.LSHR, 32));
            final LongVector lo = l.mul(aLo);
            final LongVector carry = lo.lanewise(VectorOperators.LSHR, 1).add(cLoHalf).add(lo.and(cLoBit))
                    .lanewise(VectorOperators.LSHR, 63);
            h = umulh.add(l.mul(aHi)).add(h.mul(aLo)).add(cHi).add(carry);
            l = lo.add(cLo);
            // XSL-RR: (hi ^ lo) rotated right by hi >>> 58; then next_double
            final LongVector xored = h.lanewise(VectorOperators.XOR, l);
            final LongVector rot = h.lanewise(VectorOperators.LSHR, 58);
            final LongVector out = xored.lanewise(VectorOperators.LSHR, rot)
                    .or(xored.lanewise(VectorOperators.LSHL, sixtyFour.sub(rot)));
            final DoubleVector u = ((DoubleVector) out.lanewise(VectorOperators.LSHR, 11)
                    .convert(VectorOperators.L2D, 0)).mul(0x1.0p-53);
            // prod *= U; a draw ends when prod <= exp(-lam): mark it, restart count and product
            final DoubleVector pu = p.mul(u);
            final VectorMask<Double> ended = pu.compare(VectorOperators.LE, enlam);
            none.blend(x, ended).intoArray(mk, o);
            x = x.add(one).blend(zero, ended);
            p = pu.blend(one, ended);
        }
        p.intoArray(laneP, 0);
        x.intoArray(laneX, 0);
        // gather each lane's draws, four lanes per pass so that four appends run side by side
        // (branch-free: the slot is written either way, the count moves on a draw)
        for (int j = 0; j < n; j += 4) {
            final int[] v0 = vals[j];
            final int[] v1 = vals[j + 1];
            final int[] v2 = vals[j + 2];
            final int[] v3 = vals[j + 3];
            int c0 = 0;
            int c1 = 0;
            int c2 = 0;
            int c3 = 0;
            for (int o = j; o < mk.length; o += n) {
                final double m0 = mk[o];
                final double m1 = mk[o + 1];
                final double m2 = mk[o + 2];
                final double m3 = mk[o + 3];
                v0[c0] = (int) m0;
                v1[c1] = (int) m1;
                v2[c2] = (int) m2;
                v3[c3] = (int) m3;
                c0 += 1 + (int) (Double.doubleToRawLongBits(m0) >> 63);
                c1 += 1 + (int) (Double.doubleToRawLongBits(m1) >> 63);
                c2 += 1 + (int) (Double.doubleToRawLongBits(m2) >> 63);
                c3 += 1 + (int) (Double.doubleToRawLongBits(m3) >> 63);
            }
            count[j] = c0;
            count[j + 1] = c1;
            count[j + 2] = c2;
            count[j + 3] = c3;
        }
        for (int j = 0; j < n; j++) {
            tailP[j] = laneP[j];
            tailX[j] = (int) laneX[j];
        }
    }
}
