package org.scfabric.random;

import java.math.BigInteger;

/**
 * numpy's {@code numpy.random.SeedSequence} for a non-negative integer seed (no spawn key, pool
 * size 4): the entropy is split into little-endian 32-bit words, hashed into a four-word pool, and
 * {@link #generateState32(int)} / {@link #generateState64(int)} mirror
 * {@code SeedSequence.generate_state(n, uint32 / uint64)}. {@code Pcg64} is seeded from
 * {@code generateState64(4)} as numpy's {@code PCG64} is.
 */
public final class SeedSequence {

    /** Pool size used by numpy's default SeedSequence. */
    public static final int POOL_SIZE = 4;

    private static final int INIT_A = 0x43b0d7e5;
    private static final int MULT_A = 0x931e8875;
    private static final int INIT_B = 0x8b51f9dd;
    private static final int MULT_B = 0x58f38ded;
    private static final int MIX_MULT_L = 0xca01f9dd;
    private static final int MIX_MULT_R = 0x4973f715;
    private static final int XSHIFT = 16;

    private final int[] pool = new int[POOL_SIZE];

    /**
     * SeedSequence(seed) for a seed in [0, 2^63).
     *
     * @param seed non-negative seed
     * @throws IllegalArgumentException if seed is negative
     */
    public SeedSequence(long seed) {
        this(BigInteger.valueOf(seed));
    }

    /**
     * SeedSequence(seed) for any non-negative integer, as numpy accepts arbitrary Python ints.
     *
     * @param seed non-negative seed
     * @throws IllegalArgumentException if seed is negative
     */
    public SeedSequence(BigInteger seed) {
        if (seed.signum() < 0) {
            throw new IllegalArgumentException("seed must be non-negative: " + seed);
        }
        mixEntropy(toUint32Words(seed));
    }

    /** numpy's {@code _int_to_uint32_array}: 0 gives [0], otherwise little-endian 32-bit words. */
    static int[] toUint32Words(BigInteger n) {
        if (n.signum() == 0) {
            return new int[] {0};
        }
        int words = (n.bitLength() + 31) / 32;
        int[] out = new int[words];
        for (int i = 0; i < words; i++) {
            out[i] = n.shiftRight(32 * i).intValue();
        }
        return out;
    }

    private static final class HashConst {
        int value;

        HashConst(int value) {
            this.value = value;
        }

        int hashmix(int v) {
            v ^= value;
            value *= MULT_A;
            v *= value;
            v ^= v >>> XSHIFT;
            return v;
        }
    }

    private static int mix(int x, int y) {
        int r = MIX_MULT_L * x - MIX_MULT_R * y;
        r ^= r >>> XSHIFT;
        return r;
    }

    private void mixEntropy(int[] entropy) {
        HashConst h = new HashConst(INIT_A);
        for (int i = 0; i < POOL_SIZE; i++) {
            pool[i] = h.hashmix(i < entropy.length ? entropy[i] : 0);
        }
        for (int src = 0; src < POOL_SIZE; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                if (src != dst) {
                    pool[dst] = mix(pool[dst], h.hashmix(pool[src]));
                }
            }
        }
        for (int src = POOL_SIZE; src < entropy.length; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                pool[dst] = mix(pool[dst], h.hashmix(entropy[src]));
            }
        }
    }

    /**
     * The mixed entropy pool (numpy's {@code SeedSequence.pool}).
     *
     * @return a copy of the four pool words
     */
    public int[] pool() {
        return pool.clone();
    }

    /**
     * {@code generate_state(nWords, np.uint32)}.
     *
     * @param nWords number of 32-bit words
     * @return the words
     */
    public int[] generateState32(int nWords) {
        int[] out = new int[nWords];
        int hashConst = INIT_B;
        for (int i = 0; i < nWords; i++) {
            int v = pool[i % POOL_SIZE];
            v ^= hashConst;
            hashConst *= MULT_B;
            v *= hashConst;
            v ^= v >>> XSHIFT;
            out[i] = v;
        }
        return out;
    }

    /**
     * {@code generate_state(nWords, np.uint64)}: 2·nWords 32-bit words paired little-endian.
     *
     * @param nWords number of 64-bit words
     * @return the words
     */
    public long[] generateState64(int nWords) {
        int[] w = generateState32(2 * nWords);
        long[] out = new long[nWords];
        for (int i = 0; i < nWords; i++) {
            out[i] = (w[2 * i] & 0xffffffffL) | ((long) w[2 * i + 1] << 32);
        }
        return out;
    }
}
