package org.scfabric.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property: the bulk paths (lane-generated buffers) give the same values as the one-at-a-time paths
 * and leave the stream at the same position, whatever is drawn before and after them.
 */
class BulkEquivalenceTest {

    private static final long QT_SEED = 0x5CFAB41CL;

    private static Gen<Double> lambdas() {
        return doubles().between(0.0, 12.0)
                .mix(Generate.pick(Arrays.asList(0.0, 0.5, 2.0, 1.9999999999999998, 9.99, 10.0, 25.0)), 40);
    }

    /** A scalar draw chosen by op; returns its value's bits so sequences can be compared. */
    private static long scalarOp(NumpyGenerator g, int op) {
        switch (op) {
            case 0:
                return g.bitGenerator().nextLong();
            case 1:
                return g.bitGenerator().nextInt();
            case 2:
                return Double.doubleToRawLongBits(g.random());
            case 3:
                return g.poisson(2.0);
            case 4:
                return g.integers(0, 10);
            case 5:
                return Double.doubleToRawLongBits(g.standardNormal());
            default:
                return g.poisson(13.5);
        }
    }

    private static void assertSameTail(NumpyGenerator a, NumpyGenerator b, long tailSeed, int tail) {
        java.util.Random ops = new java.util.Random(tailSeed);
        for (int i = 0; i < tail; i++) {
            int op = ops.nextInt(7);
            assertEquals(scalarOp(a, op), scalarOp(b, op), "scalar op " + op + " #" + i + " after the bulk call");
        }
        Pcg64 x = a.bitGenerator();
        Pcg64 y = b.bitGenerator();
        assertEquals(x.stateHi(), y.stateHi());
        assertEquals(x.stateLo(), y.stateLo());
        assertEquals(x.hasUint32(), y.hasUint32());
        assertEquals(x.nextLong(), y.nextLong());
    }

    @Test
    void bulkPoissonEqualsScalarPoisson() {
        qt().withFixedSeed(QT_SEED).withExamples(300)
                .forAll(longs().between(0, 1L << 45), lambdas(), integers().between(0, 2500),
                        integers().between(0, 60))
                .checkAssert((seed, lam, n, tail) -> {
                    NumpyGenerator s = new NumpyGenerator(seed);
                    NumpyGenerator b = new NumpyGenerator(seed);
                    // a few scalar draws first, so the bulk call starts mid-stream (and maybe with a
                    // buffered 32-bit half)
                    int pre = (int) (seed % 5);
                    for (int i = 0; i < pre; i++) {
                        assertEquals(scalarOp(s, i), scalarOp(b, i));
                    }
                    int[] want = new int[n];
                    for (int i = 0; i < n; i++) {
                        want[i] = (int) s.poisson(lam);
                    }
                    int[] got = new int[n + 2];
                    int split = n / 3;
                    b.poisson(lam, got, 1, 1 + split);
                    b.poisson(lam, got, 1 + split, 1 + n);
                    for (int i = 0; i < n; i++) {
                        assertEquals(want[i], got[1 + i], "poisson(" + lam + ") #" + i);
                    }
                    assertSameTail(s, b, seed ^ n, tail);
                });
    }

    @Test
    void bulkRandomEqualsScalarRandom() {
        qt().withFixedSeed(QT_SEED + 1).withExamples(300)
                .forAll(longs().between(0, 1L << 45), integers().between(0, 9), integers().between(0, 3000),
                        integers().between(0, 60))
                .checkAssert((seed, pre, n, tail) -> {
                    NumpyGenerator s = new NumpyGenerator(seed);
                    NumpyGenerator b = new NumpyGenerator(seed);
                    for (int i = 0; i < pre; i++) {
                        assertEquals(scalarOp(s, i % 7), scalarOp(b, i % 7));
                    }
                    double[] got = new double[n];
                    // interleave a bulk Poisson so that buffered outputs are pending before random()
                    int[] k = new int[7];
                    int[] kw = new int[7];
                    for (int i = 0; i < k.length; i++) {
                        kw[i] = (int) s.poisson(2.0);
                    }
                    b.poisson(2.0, k, 0, k.length);
                    assertEquals(Arrays.toString(kw), Arrays.toString(k));
                    b.random(got, 0, n);
                    for (int i = 0; i < n; i++) {
                        assertEquals(Double.doubleToRawLongBits(s.random()), Double.doubleToRawLongBits(got[i]),
                                "random #" + i);
                    }
                    assertSameTail(s, b, seed + n, tail);
                });
    }

    @Test
    void bulkRawLongsEqualScalarLongs() {
        qt().withFixedSeed(QT_SEED + 2).withExamples(200)
                .forAll(longs().between(0, 1L << 45), integers().between(0, 2000), integers().between(0, 600))
                .checkAssert((seed, skip, n) -> {
                    Pcg64 s = new Pcg64(seed);
                    Pcg64 b = new Pcg64(seed);
                    b.refill(); // start with pending buffered outputs
                    for (int i = 0; i < skip; i++) {
                        assertEquals(s.nextLong(), b.nextLong());
                    }
                    long[] got = new long[n];
                    b.nextLongs(got, 0, n);
                    for (int i = 0; i < n; i++) {
                        assertEquals(s.nextLong(), got[i], "raw #" + i);
                    }
                    assertEquals(s.stateLo(), b.stateLo());
                    assertEquals(s.stateHi(), b.stateHi());
                    assertEquals(s.nextLong(), b.nextLong());
                });
    }
}
