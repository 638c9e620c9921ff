package org.scfabric.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Pcg64Test {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MASK_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    @Test
    void seededStateMatchesNumpy() {
        for (String[] l : NumpyVectors.lines("seedseq.txt", "seed")) {
            Pcg64 g = new Pcg64(NumpyVectors.big(l[1]));
            int s = NumpyVectors.indexOf(l, "state");
            String what = "PCG64(" + l[1] + ")";
            assertEquals(NumpyVectors.hex(l[s + 1]), g.stateHi(), what);
            assertEquals(NumpyVectors.hex(l[s + 2]), g.stateLo(), what);
            assertEquals(NumpyVectors.hex(l[s + 3]), g.incHi(), what);
            assertEquals(NumpyVectors.hex(l[s + 4]), g.incLo(), what);
            assertFalse(g.hasUint32());
        }
    }

    @Test
    void rawOutputsMatchNumpy() {
        for (String[] l : NumpyVectors.lines("pcg64.txt", "raw")) {
            Pcg64 g = new Pcg64(NumpyVectors.big(l[1]));
            for (int i = 2; i < l.length; i++) {
                assertEquals(NumpyVectors.hex(l[i]), g.nextLong(), "seed " + l[1] + " draw " + (i - 2));
            }
        }
    }

    @Test
    void uint32DrawsAreLowHalfThenHighHalf() {
        for (String[] l : NumpyVectors.lines("pcg64.txt", "u32")) {
            Pcg64 g = new Pcg64(Long.parseLong(l[1]));
            int next = NumpyVectors.indexOf(l, "next64");
            for (int i = 2; i < next; i++) {
                assertEquals((int) NumpyVectors.hex(l[i]), g.nextInt(), "seed " + l[1] + " u32 " + (i - 2));
            }
            assertEquals(NumpyVectors.hex(l[next + 1]), g.nextLong());
        }
        Pcg64 a = new Pcg64(5);
        long v = new Pcg64(5).nextLong();
        assertEquals((int) v, a.nextInt());
        assertEquals((int) (v >>> 32), a.nextInt());
    }

    @Test
    void advanceMatchesNumpy() {
        for (String[] l : NumpyVectors.lines("pcg64.txt", "advance")) {
            Pcg64 g = new Pcg64(Long.parseLong(l[1]));
            for (int i = 0; i < 5; i++) {
                g.nextLong();
            }
            g.nextInt();
            BigInteger delta = NumpyVectors.big(l[2]).and(MASK_128);
            if (NumpyVectors.big(l[2]).bitLength() < 64) {
                g.advance(NumpyVectors.big(l[2]).longValueExact());
            } else {
                g.advance(delta.shiftRight(64).longValue(), delta.mod(TWO_64).longValue());
            }
            int s = NumpyVectors.indexOf(l, "state");
            String what = "advance(" + l[2] + ") seed " + l[1];
            assertEquals(NumpyVectors.hex(l[s + 1]), g.stateHi(), what);
            assertEquals(NumpyVectors.hex(l[s + 2]), g.stateLo(), what);
            assertEquals(!l[NumpyVectors.indexOf(l, "has") + 1].equals("0"), g.hasUint32(), what);
            int a = NumpyVectors.indexOf(l, "after");
            for (int i = 0; i < 3; i++) {
                assertEquals(NumpyVectors.hex(l[a + 1 + i]), g.nextLong(), what);
            }
            assertEquals((int) NumpyVectors.hex(l[NumpyVectors.indexOf(l, "u32") + 1]), g.nextInt(), what);
        }
    }

    @Test
    void advanceThereAndBackIsIdentity() {
        Pcg64 g = new Pcg64(99);
        Pcg64 ref = g.copy();
        g.advance(1_000_003L);
        g.advance(-1_000_003L);
        assertEquals(ref.stateHi(), g.stateHi());
        assertEquals(ref.stateLo(), g.stateLo());
        Pcg64 h = new Pcg64(99);
        for (int i = 0; i < 1000; i++) {
            h.nextLong();
        }
        Pcg64 j = new Pcg64(99).advance(1000);
        assertEquals(h.nextLong(), j.nextLong());
    }

    @Test
    void copyIsIndependentAndAtTheSamePosition() {
        Pcg64 g = new Pcg64(42);
        g.nextLong();
        g.nextInt(); // leaves a buffered half
        long[] bulk = new long[10];
        g.nextLongs(bulk, 0, 3);
        Pcg64 c = g.copy();
        assertEquals(g.nextInt(), c.nextInt());
        for (int i = 0; i < 2000; i++) {
            assertEquals(g.nextLong(), c.nextLong());
        }
        c.nextLong();
        Pcg64 d = new Pcg64(c);
        assertEquals(c.nextLong(), d.nextLong());
    }

    @Test
    void fromStateReproducesTheStream() {
        Pcg64 g = new Pcg64(12345);
        g.nextLong();
        g.nextInt();
        Pcg64 r = Pcg64.fromState(g.stateHi(), g.stateLo(), g.incHi(), g.incLo(), g.hasUint32(), g.uinteger());
        assertEquals(g.nextInt(), r.nextInt());
        assertEquals(g.nextLong(), r.nextLong());
        assertThrows(IllegalArgumentException.class, () -> Pcg64.fromState(0, 0, 0, 2, false, 0));
    }

    @Test
    void bulkLongsEqualScalarLongsAndKeepPosition() {
        for (int n : new int[] {0, 1, 7, 8, 9, 31, 512, 513, 1000}) {
            Pcg64 a = new Pcg64(7);
            Pcg64 b = new Pcg64(7);
            long[] out = new long[n + 4];
            a.nextLongs(out, 2, 2 + n);
            for (int i = 0; i < n; i++) {
                assertEquals(b.nextLong(), out[2 + i], "n=" + n + " i=" + i);
            }
            assertEquals(b.nextLong(), a.nextLong());
            assertEquals(b.stateLo(), a.stateLo());
        }
    }

    @Test
    void bufferedOutputsFoldBackIntoTheState() {
        Pcg64 a = new Pcg64(3);
        Pcg64 b = new Pcg64(3);
        a.refill();
        for (int i = 0; i < 17; i++) {
            assertEquals(b.nextLong(), a.nextLong());
        }
        assertEquals(b.stateHi(), a.stateHi());
        assertEquals(b.stateLo(), a.stateLo());
        assertEquals(b.nextLong(), a.nextLong());
    }
}
