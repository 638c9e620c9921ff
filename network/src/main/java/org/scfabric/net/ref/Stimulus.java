package org.scfabric.net.ref;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.scfabric.net.NetworkException;

/**
 * What drives a network's Input nodes: per step, one value per input channel (the Input nodes' flattened
 * shapes, concatenated in name order). Steps are counted from 0; step t is input row t.
 */
public interface Stimulus
{
    /** Rows available (Integer.MAX_VALUE for a generator). */
    int rows();

    /** Writes step {@code t}'s values into {@code dest} (its length is the channel count). */
    void fill(int t, double[] dest);

    /**
     * Where step {@code t}'s value on channel {@code c} (both from 0) comes from, for a message: a file's line and
     * column (from 1, as an editor counts) or its numpy indices.
     */
    default String at(final int t, final int c)
    {
        return "step " + t + ", channel " + c;
    }

    /** Zeros on every channel, as many steps as asked (the input of a network that drives itself). */
    static Stimulus zeros()
    {
        return new Stimulus()
        {
            @Override
            public int rows()
            {
                return Integer.MAX_VALUE;
            }

            @Override
            public void fill(final int t, final double[] dest)
            {
                java.util.Arrays.fill(dest, 0.0);
            }
        };
    }

    /** A table of rows read from a file. */
    static Stimulus of(final double[][] rows)
    {
        return of(rows, null);
    }

    /** A table of rows; {@code where} (may be null) names a value's place in the file for {@link #at}. */
    private static Stimulus of(final double[][] rows, final java.util.function.BiFunction<Integer, Integer, String> where)
    {
        return new Stimulus()
        {
            @Override
            public String at(final int t, final int c)
            {
                return where == null ? Stimulus.super.at(t, c) : where.apply(t, c);
            }

            @Override
            public int rows()
            {
                return rows.length;
            }

            @Override
            public void fill(final int t, final double[] dest)
            {
                System.arraycopy(rows[t], 0, dest, 0, dest.length);
            }
        };
    }

    /**
     * Independent Poisson spikes on every channel: 1.0 with probability hz * dt each step, from a
     * {@link SplittableRandom} of {@code seed} (one uniform per channel per step, channels in order), so a
     * seed gives the same trains on every run.
     */
    static Stimulus poisson(final double hz, final double dt, final long seed)
    {
        final double p = hz * dt;
        if (!(hz >= 0) || p > 1)
        {
            throw new NetworkException("--poisson " + hz + " Hz: give a rate from 0 to 1/dt = " + (1 / dt) + " Hz");
        }
        final SplittableRandom rng = new SplittableRandom(seed);
        return new Stimulus()
        {
            private int next;

            @Override
            public int rows()
            {
                return Integer.MAX_VALUE;
            }

            @Override
            public void fill(final int t, final double[] dest)
            {
                if (t != next)
                {
                    throw new IllegalStateException("Poisson stimulus is drawn in step order");
                }
                next++;
                for (int i = 0; i < dest.length; i++)
                {
                    dest[i] = rng.nextDouble() < p ? 1.0 : 0.0;
                }
            }
        };
    }

    /**
     * Reads the stimulus of {@code net}'s Input nodes: {@code .csv} (one line per step, one value per channel) or
     * {@code .npy} ([T, *input shape], or [T, channels]).
     */
    static Stimulus read(final Path file, final org.scfabric.net.Network net)
    {
        final int[] in = net.inputs();
        return read(file, ReferenceRun.channels(net), in.length == 1 ? net.node(in[0]).outShape().dims() : null);
    }

    /** Reads {@code .csv} (one line per step, one value per channel) or {@code .npy} ([T, channels]). */
    static Stimulus read(final Path file, final int channels)
    {
        return read(file, channels, null);
    }

    /**
     * Reads {@code .csv} (one line per step, one value per channel; lines starting with {@code #}, such as numpy's
     * {@code savetxt} header, are comments) or {@code .npy} ([T, *shape] or [T, channels]; {@code shape} may be null).
     */
    static Stimulus read(final Path file, final int channels, final int[] shape)
    {
        final String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (Files.isDirectory(file))
        {
            throw new NetworkException("--input " + file + " is a folder, not a file (give a .csv or .npy file)");
        }
        if (!Files.isRegularFile(file))
        {
            throw new NetworkException("--input " + file + ": no such file");
        }
        try
        {
            if (name.endsWith(".csv"))
            {
                final List<Integer> lines = new ArrayList<>();
                final double[][] rows = csv(file, channels, lines);
                return of(rows, (t, c) -> "--input " + file + " line " + lines.get(t) + ", value " + (c + 1));
            }
            if (name.endsWith(".npy"))
            {
                return of(npy(file, channels, shape), (t, c) -> "--input " + file + " row " + t + ", column " + c
                    + " (of the [T, " + channels + "] table, numpy indices)");
            }
        }
        catch (final IOException e)
        {
            throw new NetworkException("--input " + file + ": cannot read (" + e.getMessage() + ")", e);
        }
        throw new NetworkException("--input " + file + ": give a .csv (one line per step) or .npy ([T, *input shape]) file");
    }

    private static double[][] csv(final Path file, final int channels, final List<Integer> lines) throws IOException
    {
        final List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            String line;
            int no = 0;
            int blank = 0;
            while ((line = r.readLine()) != null)
            {
                no++;
                final String t = line.trim();
                if (t.startsWith("#"))
                {
                    // numpy's savetxt writes its header and comments this way, and loadtxt skips them
                    continue;
                }
                if (t.isEmpty())
                {
                    blank = blank == 0 ? no : blank;
                    continue;
                }
                if (blank != 0)
                {
                    // skipping it would move every later row one step earlier; blank lines at the end are harmless
                    throw new NetworkException("--input " + file + " line " + blank + " is blank: every line is one "
                        + "step (write its values, e.g. 0, for a step without input)");
                }
                final String[] f = t.split("\\s*[,;\\s]\\s*");
                if (f.length != channels)
                {
                    throw new NetworkException("--input " + file + " line " + no + ": " + f.length
                        + " values, the network takes " + channels + " (one per input channel)");
                }
                final double[] row = new double[channels];
                for (int i = 0; i < channels; i++)
                {
                    try
                    {
                        row[i] = Double.parseDouble(f[i]);
                    }
                    catch (final NumberFormatException e)
                    {
                        throw new NetworkException("--input " + file + " line " + no + ": '" + f[i] + "' is not a number");
                    }
                    if (!Double.isFinite(row[i]))
                    {
                        throw new NetworkException("--input " + file + " line " + no + ": '" + f[i] + "' is not finite");
                    }
                }
                rows.add(row);
                lines.add(no);
            }
        }
        if (rows.isEmpty())
        {
            throw new NetworkException("--input " + file + ": no rows (one line per step is expected)");
        }
        return rows.toArray(new double[0][]);
    }

    private static List<Long> dims(final int[] shape)
    {
        final List<Long> l = new ArrayList<>();
        for (final int d : shape)
        {
            l.add((long) d);
        }
        return l;
    }

    /** numpy's .npy format, version 1-3, C order, bool/int/uint/float of 1 to 8 bytes. */
    private static double[][] npy(final Path file, final int channels, final int[] inputShape) throws IOException
    {
        final byte[] all;
        try (InputStream in = Files.newInputStream(file))
        {
            all = in.readAllBytes();
        }
        final String bad = "--input " + file + ": ";
        if (all.length < 10 || all[0] != (byte) 0x93 || all[1] != 'N' || all[2] != 'U' || all[3] != 'M'
            || all[4] != 'P' || all[5] != 'Y')
        {
            throw new NetworkException(bad + "not a .npy file (no \\x93NUMPY magic)");
        }
        final int major = all[6];
        final ByteBuffer bb = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        final int headerLen = major == 1 ? Short.toUnsignedInt(bb.getShort(8)) : bb.getInt(8);
        final int start = major == 1 ? 10 : 12;
        if (start + headerLen > all.length)
        {
            throw new NetworkException(bad + "truncated .npy header");
        }
        final String header = new String(all, start, headerLen, StandardCharsets.ISO_8859_1);
        final String descr = field(header, "descr", bad).replaceAll("['\"\\s]", "");
        if (field(header, "fortran_order", bad).trim().startsWith("True"))
        {
            throw new NetworkException(bad + "Fortran-ordered arrays are not accepted; save it in C order");
        }
        final String shapeText = field(header, "shape", bad).replaceAll("[()\\s]", "");
        final List<Long> shape = new ArrayList<>();
        for (final String s : shapeText.split(","))
        {
            if (!s.isEmpty())
            {
                shape.add(Long.parseLong(s));
            }
        }
        if (shape.isEmpty())
        {
            throw new NetworkException(bad + "a scalar; expected shape [T, *input shape]");
        }
        long per = 1;
        for (int i = 1; i < shape.size(); i++)
        {
            per *= shape.get(i);
        }
        final List<Long> rest = shape.subList(1, shape.size());
        final boolean flat = rest.size() == 1 && rest.get(0) == channels;
        if (per != channels || !(flat || inputShape == null || rest.equals(dims(inputShape))))
        {
            final String want = inputShape == null || inputShape.length < 2 ? "[T, " + channels + "]"
                : "[T, " + dims(inputShape).toString().replaceAll("[\\[\\]]", "") + "] or [T, " + channels + "]";
            throw new NetworkException(bad + "shape " + shape + " is not " + want + " (T steps of the network's input "
                + "of " + channels + " values)");
        }
        if (!descr.matches("[<>|=][biuf][0-9]{1,2}"))
        {
            throw new NetworkException(bad + "dtype " + descr + " is not accepted (bool, int8..int64, uint8..uint64, "
                + "float32 or float64)");
        }
        final char order = descr.charAt(0);
        final char type = descr.charAt(1);
        final int size = Integer.parseInt(descr.substring(2));
        if (order == '>' && size > 1)
        {
            bb.order(ByteOrder.BIG_ENDIAN);
        }
        if ("biuf".indexOf(type) < 0 || (type == 'f' && size != 4 && size != 8) || (type != 'f' && size != 1
            && size != 2 && size != 4 && size != 8))
        {
            throw new NetworkException(bad + "dtype " + descr + " is not accepted (bool, int8..int64, uint8..uint64, "
                + "float32 or float64)");
        }
        final long t = shape.get(0);
        if (t < 1)
        {
            throw new NetworkException(bad + "shape " + shape + " has no rows (one row per step is expected)");
        }
        final long count = t * per;
        final int data = start + headerLen;
        if (data + count * size > all.length)
        {
            throw new NetworkException(bad + "truncated: shape " + shape + " needs " + count * size + " bytes of data, "
                + (all.length - data) + " there");
        }
        if (t > Integer.MAX_VALUE)
        {
            throw new NetworkException(bad + "too many rows");
        }
        final double[][] rows = new double[(int) t][channels];
        int at = data;
        for (int r = 0; r < t; r++)
        {
            for (int c = 0; c < channels; c++, at += size)
            {
                rows[r][c] = switch (type)
                {
                    case 'f' -> size == 4 ? bb.getFloat(at) : bb.getDouble(at);
                    case 'b' -> all[at] != 0 ? 1 : 0;
                    case 'u' -> switch (size)
                    {
                        case 1 -> Byte.toUnsignedInt(all[at]);
                        case 2 -> Short.toUnsignedInt(bb.getShort(at));
                        case 4 -> Integer.toUnsignedLong(bb.getInt(at));
                        default -> unsigned(bb.getLong(at));
                    };
                    default -> switch (size)
                    {
                        case 1 -> all[at];
                        case 2 -> bb.getShort(at);
                        case 4 -> bb.getInt(at);
                        default -> bb.getLong(at);
                    };
                };
                if (!Double.isFinite(rows[r][c]))
                {
                    throw new NetworkException(bad + "row " + r + " holds a value that is not finite");
                }
            }
        }
        return rows;
    }

    /** An unsigned 64-bit value as the nearest double. */
    private static double unsigned(final long v)
    {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }

    private static String field(final String header, final String key, final String bad)
    {
        final int k = header.indexOf("'" + key + "'");
        if (k < 0)
        {
            throw new NetworkException(bad + ".npy header lacks '" + key + "'");
        }
        final int colon = header.indexOf(':', k);
        int end;
        if (key.equals("shape"))
        {
            end = header.indexOf(')', colon) + 1;
        }
        else
        {
            end = header.indexOf(',', colon);
        }
        if (colon < 0 || end <= colon)
        {
            throw new NetworkException(bad + "malformed .npy header");
        }
        return header.substring(colon + 1, end);
    }
}
