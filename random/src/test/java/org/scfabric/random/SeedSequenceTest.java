package org.scfabric.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SeedSequenceTest {

    @Test
    void poolAndStateWordsMatchNumpy() {
        int checked = 0;
        for (String[] l : NumpyVectors.lines("seedseq.txt", "seed")) {
            BigInteger seed = NumpyVectors.big(l[1]);
            SeedSequence ss = new SeedSequence(seed);
            int p = NumpyVectors.indexOf(l, "pool");
            int[] pool = new int[4];
            for (int i = 0; i < 4; i++) {
                pool[i] = (int) NumpyVectors.hex(l[p + 1 + i]);
            }
            assertArrayEquals(pool, ss.pool(), "pool of seed " + seed);
            int w = NumpyVectors.indexOf(l, "words");
            long[] words = new long[4];
            for (int i = 0; i < 4; i++) {
                words[i] = NumpyVectors.hex(l[w + 1 + i]);
            }
            assertArrayEquals(words, ss.generateState64(4), "generate_state(4, uint64) of seed " + seed);
            if (seed.bitLength() < 63) {
                assertArrayEquals(words, new SeedSequence(seed.longValueExact()).generateState64(4));
            }
            checked++;
        }
        assertEquals(10, checked);
    }

    @Test
    void uint32WordsAreTheHalvesOfUint64Words() {
        SeedSequence ss = new SeedSequence(42);
        int[] w32 = ss.generateState32(8);
        long[] w64 = ss.generateState64(4);
        for (int i = 0; i < 4; i++) {
            assertEquals(w64[i], (w32[2 * i] & 0xffffffffL) | ((long) w32[2 * i + 1] << 32));
        }
    }

    @Test
    void intToWordsSplitsLittleEndian() {
        assertArrayEquals(new int[] {0}, SeedSequence.toUint32Words(BigInteger.ZERO));
        assertArrayEquals(new int[] {7, 256}, SeedSequence.toUint32Words(BigInteger.valueOf((1L << 40) + 7)));
        assertArrayEquals(new int[] {-1}, SeedSequence.toUint32Words(BigInteger.valueOf(0xffffffffL)));
    }

    @Test
    void negativeSeedIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SeedSequence(-1));
        assertThrows(IllegalArgumentException.class, () -> new SeedSequence(BigInteger.valueOf(-5)));
    }
}
