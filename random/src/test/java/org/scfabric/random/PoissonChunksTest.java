package org.scfabric.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The fused chunked parse gives numpy's poisson draws: stretches drawn by separate instances from
 * generators advanced to them, stitched in order, are {@code Generator.poisson(λ, n)}.
 */
class PoissonChunksTest {

    /** The completed draws of some stretches and the draw left open after them. */
    private record Stitched(int[] draws, double openP, int openX) {
    }

    private static int[] stitched(long seed, double lam, int chunk, int stretches, boolean vector) {
        return stitch(seed, lam, chunk, stretches, vector).draws();
    }

    /** Both paths; the vector one must be there under CI (the build passes --add-modules jdk.incubator.vector). */
    private static boolean[] paths() {
        if (PoissonChunks.vectorLanes() == 0) {
            assertFalse("true".equals(System.getenv("CI")),
                    "the vector drive is not available: the tests must run with --add-modules jdk.incubator.vector");
            return new boolean[] {false};
        }
        return new boolean[] {false, true};
    }

    /** Draws {@code stretches} stretches (each by a fresh instance, as another thread would) and stitches them. */
    private static Stitched stitch(long seed, double lam, int chunk, int stretches, boolean vector) {
        final Pcg64 origin = new Pcg64(seed);
        final double enlam = GlibcMath.exp(-lam);
        final PoissonChunks stitcher = new PoissonChunks(origin, enlam, chunk, vector);
        final int len = stitcher.stretch();
        final int[] out = new int[stretches * len + 1];
        int n = 0;
        double p = 1.0;
        int x = 0;
        for (int k = 0; k < stretches; k++) {
            final Pcg64 g = origin.copy().advance((long) k * len);
            final PoissonChunks s = new PoissonChunks(origin, enlam, chunk, vector);
            s.draw(g.stateHi(), g.stateLo());
            n = stitcher.stitch(s, p, x, out, n);
            p = stitcher.openP();
            x = stitcher.openX();
        }
        return new Stitched(Arrays.copyOf(out, n), p, x);
    }

    @Test
    void stitchedStretchesAreNumpysDrawsForAnyLambdaAndChunk() {
        qt().withFixedSeed(0x5CFAB42L).withExamples(150)
                .forAll(longs().between(0, 1L << 40), doubles().between(1e-3, Math.nextDown(10.0)),
                        integers().between(1, 200), integers().between(1, 5))
                .checkAssert((seed, lam, chunk, stretches) -> {
                    for (final boolean vector : paths()) {
                        final int[] got = stitched(seed, lam, chunk, stretches, vector);
                        final int[] want = new int[got.length];
                        new NumpyGenerator(seed).poisson(lam, want, 0, want.length);
                        assertArrayEquals(want, got, "seed " + seed + " lambda " + lam + " chunk " + chunk
                                + (vector ? " vector" : " scalar"));
                    }
                });
    }

    /** Every uniform of the stretches belongs to a completed draw or to the one left open. */
    @Test
    void theDrawsAndTheOpenOneAccountForEveryUniform() {
        final int chunk = 1024;
        final int stretches = 3;
        for (final boolean vector : paths()) {
            theDrawsAndTheOpenOneAccountForEveryUniform(chunk, stretches, vector);
        }
    }

    private static void theDrawsAndTheOpenOneAccountForEveryUniform(int chunk, int stretches, boolean vector) {
        final Stitched got = stitch(42, 2.0, chunk, stretches, vector);
        final int chains = new PoissonChunks(new Pcg64(42), 0.5, chunk, vector).chains();
        final double enlam = GlibcMath.exp(-2.0);
        long used = 0;
        for (final int v : got.draws()) {
            used += v + 1;
        }
        // replay the open draw by hand: its uniforms are the ones after the last completed draw
        final Pcg64 r = new Pcg64(42).advance(used);
        double p = 1.0;
        final long end = (long) stretches * chains * chunk;
        for (long u = used; u < end; u++) {
            p *= r.nextDouble();
            assertTrue(p > enlam, "the open draw cannot have ended at uniform " + u);
        }
        assertEquals(end - used, got.openX());
        assertEquals(p, got.openP());
    }

    @Test
    void theBrunelDriveOfSeed42IsNumpys() {
        for (final boolean vector : paths()) {
            final int[] got = stitched(42, 2.0, 1024, 40, vector);
            final int[] want = new int[got.length];
            new NumpyGenerator(42).poisson(2.0, want, 0, want.length);
            assertArrayEquals(want, got);
        }
    }

    @Test
    void aLambdaSoSmallThatExpIsOneGivesZeros() {
        for (final boolean vector : paths()) {
            final int[] got = stitched(7, 1e-300, 16, 2, vector);
            final int chains = new PoissonChunks(new Pcg64(7), 1.0, 16, vector).chains();
            assertEquals(2 * chains * 16, got.length);
            assertArrayEquals(new int[got.length], got);
        }
    }
}
