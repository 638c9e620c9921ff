package org.scfabric.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * exp, log, log1p and numpy's random_loggam against glibc/numpy: 300 000 arguments per line of
 * libm.txt (50 000 for loggam), compared through a checksum of the result bits.
 */
class GlibcMathTest {

    /** The argument transforms of make_vectors.py, applied to u = next_double of PCG64(seed). */
    private static double input(String kind, long raw) {
        double u = (raw >>> 11) * 0x1.0p-53;
        switch (kind) {
            case "bits":
                return Double.longBitsToDouble(raw);
            case "exp":
                return u * 1500.0 - 750.0;
            case "expsmall": {
                double t = u * 4.0;
                return -0.5 * (t * t);
            }
            case "log":
                return u * 2.0;
            case "logwide":
                return Math.scalb(u, (int) (raw & 0xff) - 128);
            case "log1p":
                return -u;
            case "log1pwide":
                return u * 4.0 - 1.0;
            case "loggam":
                return Math.floor(u * 2000.0) + 1.0;
            case "loggamreal":
                return u * 100.0;
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    private static DoubleUnaryOperator fn(String name) {
        switch (name) {
            case "exp":
                return GlibcMath::exp;
            case "log":
                return GlibcMath::log;
            case "log1p":
                return GlibcMath::log1p;
            case "loggam":
                return NumpyGenerator::loggam;
            default:
                throw new IllegalArgumentException(name);
        }
    }

    @Test
    void checksumsOverManyArgumentsMatchGlibc() {
        int lines = 0;
        for (String[] l : NumpyVectors.lines("libm.txt", "libm")) {
            DoubleUnaryOperator f = fn(l[1]);
            String kind = l[2];
            Pcg64 g = new Pcg64(Long.parseLong(l[3]));
            long n = Long.parseLong(l[4]);
            NumpyVectors.Checksum c = new NumpyVectors.Checksum();
            for (long i = 0; i < n; i++) {
                c.addDouble(f.applyAsDouble(input(kind, g.nextLong())));
            }
            assertEquals(l[4] + " " + l[5], c.toString(), l[1] + " over " + kind + " arguments");
            lines++;
        }
        assertEquals(11, lines);
    }

    @Test
    void loggamMatchesNumpyAtSelectedPoints() {
        for (String[] l : NumpyVectors.lines("libm.txt", "loggam")) {
            double x = NumpyVectors.dbl(l[1]);
            assertEquals(NumpyVectors.hex(l[2]), Double.doubleToRawLongBits(NumpyGenerator.loggam(x)),
                    "random_loggam(" + x + ")");
        }
    }

    @Test
    void specialValues() {
        assertEquals(1.0, GlibcMath.exp(0.0));
        assertEquals(0.0, GlibcMath.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, GlibcMath.exp(710.0));
        assertEquals(0.0, GlibcMath.exp(-746.0));
        assertEquals(Double.NEGATIVE_INFINITY, GlibcMath.log(0.0));
        assertEquals(0.0, GlibcMath.log(1.0));
        assertEquals(Double.NaN, GlibcMath.log(-1.0));
        assertEquals(Double.NEGATIVE_INFINITY, GlibcMath.log1p(-1.0));
        assertEquals(Double.NaN, GlibcMath.log1p(-2.0));
        assertEquals(-0.0, GlibcMath.log1p(-0.0));
        // docs/spec/brunel.md §2: exp(-2) of glibc equals Java's Math.exp(-2)
        assertEquals(Double.doubleToRawLongBits(Math.exp(-2.0)), Double.doubleToRawLongBits(GlibcMath.exp(-2.0)));
    }
}
