package org.scfabric.random;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the numpy test vectors written by {@code numpy/make_vectors.py}. */
final class NumpyVectors {

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    private NumpyVectors() {
    }

    /** Non-comment lines of a resource file, split on blanks. */
    static List<String[]> lines(String file) {
        String path = "/numpy/" + file;
        List<String[]> out = new ArrayList<>();
        try (InputStream in = NumpyVectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.trim().split("\\s+"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<String[]> lines(String file, String tag) {
        List<String[]> out = new ArrayList<>();
        for (String[] l : lines(file)) {
            if (l[0].equals(tag)) {
                out.add(l);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no '" + tag + "' lines in " + file);
        }
        return out;
    }

    static long hex(String s) {
        return Long.parseUnsignedLong(s, 16);
    }

    static double dbl(String s) {
        return Double.longBitsToDouble(hex(s));
    }

    static BigInteger big(String s) {
        return new BigInteger(s);
    }

    /** Index of the token equal to key; fails if absent. */
    static int indexOf(String[] l, String key) {
        for (int i = 0; i < l.length; i++) {
            if (l[i].equals(key)) {
                return i;
            }
        }
        throw new IllegalStateException("no '" + key + "' in line " + String.join(" ", l));
    }

    /** The FNV-1a-style checksum of make_vectors.py. */
    static final class Checksum {
        long h = FNV_OFFSET;
        long n;

        void add(long v) {
            h = (h ^ v) * FNV_PRIME;
            n++;
        }

        void addDouble(double d) {
            add(Double.isNaN(d) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(d));
        }

        @Override
        public String toString() {
            return n + " " + String.format("%016x", h);
        }
    }

    static String bits(double d) {
        return String.format("%016x (%s)", Double.doubleToRawLongBits(d), d);
    }
}
