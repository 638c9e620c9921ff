package org.scfabric.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every value bit for bit against numpy 2.4 ({@code default_rng(seed)}), plus the stream position. */
class NumpyGeneratorTest {

    private static NumpyGenerator rng(String seed) {
        return new NumpyGenerator(new Pcg64(new BigInteger(seed)));
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(NumpyVectors.bits(expected), NumpyVectors.bits(actual), what);
    }

    private static void assertNext(String hex, NumpyGenerator g, String what) {
        assertEquals(NumpyVectors.hex(hex), g.bitGenerator().nextLong(), "stream position after " + what);
    }

    @Test
    void randomMatchesNumpy() {
        for (String[] l : NumpyVectors.lines("doubles.txt", "random")) {
            NumpyGenerator g = rng(l[1]);
            int next = NumpyVectors.indexOf(l, "next64");
            for (int i = 2; i < next; i++) {
                assertBits(NumpyVectors.dbl(l[i]), g.random(), "random() seed " + l[1] + " #" + (i - 2));
            }
            assertNext(l[next + 1], g, "random");
            NumpyGenerator b = rng(l[1]);
            double[] out = new double[next - 2];
            b.random(out);
            for (int i = 0; i < out.length; i++) {
                assertBits(NumpyVectors.dbl(l[i + 2]), out[i], "random(n) seed " + l[1] + " #" + i);
            }
            assertNext(l[next + 1], b, "random(n)");
        }
    }

    @Test
    void uniformMatchesNumpy() {
        for (String[] l : NumpyVectors.lines("doubles.txt", "uniform")) {
            NumpyGenerator g = rng(l[1]);
            double lo = NumpyVectors.dbl(l[2]);
            double hi = NumpyVectors.dbl(l[3]);
            int next = NumpyVectors.indexOf(l, "next64");
            for (int i = 4; i < next; i++) {
                assertBits(NumpyVectors.dbl(l[i]), g.uniform(lo, hi), "uniform(" + lo + ", " + hi + ")");
            }
            assertNext(l[next + 1], g, "uniform");
        }
        assertThrows(IllegalArgumentException.class, () -> new NumpyGenerator(1).uniform(2, 1));
        assertThrows(ArithmeticException.class, () -> new NumpyGenerator(1).uniform(-1e308, 1e308));
    }

    @Test
    void normalMatchesNumpy() {
        for (String[] l : NumpyVectors.lines("doubles.txt", "normal")) {
            NumpyGenerator g = rng(l[1]);
            double loc = NumpyVectors.dbl(l[2]);
            double scale = NumpyVectors.dbl(l[3]);
            int next = NumpyVectors.indexOf(l, "next64");
            for (int i = 4; i < next; i++) {
                assertBits(NumpyVectors.dbl(l[i]), g.normal(loc, scale), "normal(" + loc + ", " + scale + ")");
            }
            assertNext(l[next + 1], g, "normal");
        }
        assertThrows(IllegalArgumentException.class, () -> new NumpyGenerator(1).normal(0, -1));
    }

    @Test
    void standardNormalMatchesNumpy() {
        for (String[] l : NumpyVectors.lines("normal.txt", "normal")) {
            NumpyGenerator g = rng(l[1]);
            int n = Integer.parseInt(l[2]);
            for (int i = 0; i < n; i++) {
                assertBits(NumpyVectors.dbl(l[4 + i]), g.standardNormal(), "standard_normal seed " + l[1] + " #" + i);
            }
            assertNext(l[3], g, "standard_normal");
        }
    }

    @Test
    void standardNormalLongRunsMatchNumpy() {
        for (String[] l : NumpyVectors.lines("normal.txt", "normalsum")) {
            NumpyGenerator g = rng(l[1]);
            int n = Integer.parseInt(l[2]);
            double[] out = new double[n];
            g.standardNormal(out, 0, n);
            NumpyVectors.Checksum c = new NumpyVectors.Checksum();
            for (double d : out) {
                c.addDouble(d);
            }
            assertEquals(l[4] + " " + l[5], c.toString(), "checksum of " + n + " normals, seed " + l[1]);
            assertNext(l[3], g, "standard_normal(" + n + ")");
        }
    }

    @Test
    void poissonMatchesNumpy() {
        int lines = 0;
        for (String[] l : NumpyVectors.lines("poisson.txt", "poisson")) {
            double lam = NumpyVectors.dbl(l[2]);
            int n = Integer.parseInt(l[3]);
            String what = "poisson(" + lam + ") seed " + l[1];
            NumpyGenerator g = rng(l[1]);
            long[] want = new long[n];
            long[] got = new long[n];
            for (int i = 0; i < n; i++) {
                want[i] = Long.parseLong(l[5 + i]);
                got[i] = g.poisson(lam);
            }
            assertArrayEquals(want, got, what + " (scalar)");
            assertNext(l[4], g, what);
            lines++;
            if (lam > NumpyGenerator.POISSON_INT_LAM_MAX) {
                continue;
            }
            NumpyGenerator b = rng(l[1]);
            int[] bulk = new int[n];
            b.poisson(lam, bulk);
            for (int i = 0; i < n; i++) {
                assertEquals(want[i], bulk[i], what + " (bulk) #" + i);
            }
            assertNext(l[4], b, what + " (bulk)");
        }
        assertEquals(51, lines);
    }

    @Test
    void poissonLongRunsMatchNumpy() {
        for (String[] l : NumpyVectors.lines("poisson.txt", "poissonsum")) {
            double lam = NumpyVectors.dbl(l[2]);
            int n = Integer.parseInt(l[3]);
            NumpyGenerator g = rng(l[1]);
            NumpyVectors.Checksum c = new NumpyVectors.Checksum();
            if (lam <= NumpyGenerator.POISSON_INT_LAM_MAX) {
                int[] out = new int[n];
                g.poisson(lam, out);
                for (int v : out) {
                    c.add(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    c.add(g.poisson(lam));
                }
            }
            assertEquals(l[5] + " " + l[6], c.toString(), "checksum of " + n + " poisson(" + lam + ")");
            assertNext(l[4], g, "poisson(" + lam + ", " + n + ")");
        }
    }

    @Test
    void poissonRejectsBadLambda() {
        NumpyGenerator g = new NumpyGenerator(1);
        assertThrows(IllegalArgumentException.class, () -> g.poisson(-1));
        assertThrows(IllegalArgumentException.class, () -> g.poisson(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> g.poisson(1e19));
        assertThrows(IllegalArgumentException.class, () -> g.poisson(2e9, new int[3]));
    }

    @Test
    void integersMatchNumpy() {
        for (String[] l : NumpyVectors.lines("integers.txt", "integers")) {
            NumpyGenerator g = rng(l[1]);
            BigInteger lo = new BigInteger(l[2]);
            BigInteger hi = new BigInteger(l[3]);
            String what = "integers(" + lo + ", " + hi + ") seed " + l[1];
            long[] got = new long[l.length - 5];
            if (hi.bitLength() < 64) {
                for (int i = 0; i < got.length; i++) {
                    got[i] = g.integers(lo.longValueExact(), hi.longValueExact());
                }
            } else {
                // high = 2^63 is not a long: numpy's integers(-2^63, 2^63) is the full 64-bit range,
                // which integersClosed covers
                for (int i = 0; i < got.length; i++) {
                    got[i] = g.integersClosed(lo.longValueExact(), Long.MAX_VALUE);
                }
            }
            for (int i = 0; i < got.length; i++) {
                assertEquals(Long.parseLong(l[5 + i]), got[i], what + " #" + i);
            }
            assertNext(l[4], g, what);
            if (hi.bitLength() < 64) {
                NumpyGenerator b = rng(l[1]);
                long[] bulk = new long[got.length];
                b.integers(lo.longValueExact(), hi.longValueExact(), bulk, 0, bulk.length);
                assertArrayEquals(got, bulk, what + " (fill)");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new NumpyGenerator(1).integers(5, 5));
    }

    @Test
    void integersInterleavedWithRandomKeepTheBufferedHalf() {
        String[] l = NumpyVectors.lines("integers.txt", "mixed").get(0);
        NumpyGenerator g = rng(l[1]);
        int next = NumpyVectors.indexOf(l, "next64");
        for (int i = 2; i < next; i += 3) {
            assertEquals(Long.parseLong(l[i].substring(1)), g.integers(0, 10));
            assertBits(NumpyVectors.dbl(l[i + 1].substring(1)), g.random(), "random between integers");
            assertEquals(Long.parseLong(l[i + 2].substring(1)), g.integers(0, 1L << 40));
        }
        assertNext(l[next + 1], g, "mixed");
    }

    @Test
    void brunelStreamMatchesNumpy() {
        List<String[]> lines = NumpyVectors.lines("brunel.txt");
        int i = 0;
        int runs = 0;
        while (i < lines.size()) {
            String[] h = lines.get(i++);
            assertEquals("brunel", h[0]);
            NumpyGenerator g = rng(h[1]);
            int n = Integer.parseInt(h[2]);
            int steps = Integer.parseInt(h[3]);
            double lam = NumpyVectors.dbl(h[4]);
            double[] row = new double[n];
            NumpyVectors.Checksum c = new NumpyVectors.Checksum();
            int conn = 0;
            for (int r = 0; r < n; r++) {
                g.random(row, 0, n);
                for (double d : row) {
                    c.addDouble(d);
                    if (d < 0.1) {
                        conn++;
                    }
                }
            }
            int ci = NumpyVectors.indexOf(h, "conn");
            assertEquals(h[ci + 1] + " " + h[ci + 2], c.toString(), "random((n, n)) checksum");
            assertEquals(Integer.parseInt(h[ci + 3]), conn);
            int[] kicks = new int[n];
            for (int t = 0; t < steps; t++) {
                String[] s = lines.get(i++);
                assertEquals("step", s[0]);
                g.poisson(lam, kicks, 0, n);
                for (int j = 0; j < n; j++) {
                    assertEquals(Integer.parseInt(s[1 + j]), kicks[j], "step " + t + " neuron " + j);
                }
            }
            String[] nx = lines.get(i++);
            assertNext(nx[1], g, "brunel stream");
            runs++;
        }
        assertEquals(2, runs);
    }
}
