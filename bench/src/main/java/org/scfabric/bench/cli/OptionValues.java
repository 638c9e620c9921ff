package org.scfabric.bench.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Parsing and checking of option values shared by the commands: each bad value becomes one
 * {@link BadInputException} naming the option, the value and what is accepted.
 */
final class OptionValues
{
    private OptionValues()
    {
    }

    /** An int ({@code _} separators allowed); range checks are the caller's. */
    static int integer(final String s, final String option, final String accepted)
    {
        try
        {
            return Integer.parseInt(s.trim().replace("_", ""));
        }
        catch (final NumberFormatException e)
        {
            throw new BadInputException(option + " '" + s + "' is not " + accepted);
        }
    }

    /** A finite number > 0. */
    static double positive(final String s, final String option, final String accepted)
    {
        final double v;
        try
        {
            v = Double.parseDouble(s.trim());
        }
        catch (final NumberFormatException e)
        {
            throw new BadInputException(option + " '" + s + "' is not " + accepted);
        }
        if (!(v > 0) || Double.isInfinite(v))
        {
            throw new BadInputException(option + " " + s + ": give " + accepted);
        }
        return v;
    }

    /**
     * The most network steps one run simulates: 10^7 steps of 0.1 ms, 1000 s of network time. A Brunel
     * run of N = 1000 takes hours beyond it and its rasters outgrow the heap, and step counts stay far
     * from int overflow (a duration whose step count wrapped once ran 100 steps and exited 0).
     */
    static final long MAX_STEPS = 10_000_000;

    /**
     * The one duration rule of every command that simulates the Brunel network (brunel, fabric,
     * faults, area --design fabric): a number of milliseconds from one step of {@code dtMs} up to
     * {@link #MAX_STEPS} steps, and a whole number of steps: a duration between two steps was once run
     * rounded while reports named the duration typed (0.15 ms said "0.15 ms simulated" after one step).
     */
    static double durationMs(final String s, final String option, final double dtMs)
    {
        final double minMs = dtMs;
        final double maxMs = MAX_STEPS * dtMs;
        final String accepted = "a number of milliseconds " + plain(minMs) + ".." + plain(maxMs) + " (whole steps of dt = "
            + plain(dtMs) + " ms, at most " + MAX_STEPS + " steps)";
        final double v;
        try
        {
            v = Double.parseDouble(s.trim());
        }
        catch (final NumberFormatException e)
        {
            throw new BadInputException(option + " '" + s + "' is not " + accepted);
        }
        if (!(v > 0))
        {
            throw new BadInputException(option + " " + s + " is not > 0; give " + accepted);
        }
        if (v < minMs)
        {
            throw new BadInputException(option + " " + s + " is shorter than one step (dt = " + plain(dtMs) + " ms); give "
                + accepted);
        }
        if (v > maxMs)
        {
            throw new BadInputException(option + " " + s + " is longer than the limit of " + plain(maxMs) + " ms; give "
                + accepted);
        }
        final double ratio = v / dtMs;
        final long steps = Math.round(ratio);
        // a tolerance for binary rounding only (a few parts in 10^16, with room): 50.1 / 0.1 is
        // 500.99999999999994, while 50.09 is 500.9 and 2874.2000010784573 is 28742.00001
        if (Math.abs(ratio - steps) > 1e-13 * steps)
        {
            final String nearest = java.math.BigDecimal.valueOf(Math.max(1, steps)).multiply(java.math.BigDecimal.valueOf(dtMs))
                .stripTrailingZeros().toPlainString();
            throw new BadInputException(option + " " + s + " is not a whole number of " + plain(dtMs) + " ms steps; give e.g. "
                + nearest + " (a multiple of " + plain(dtMs) + " in " + plain(minMs) + ".." + plain(maxMs) + ")");
        }
        return v;
    }

    /** {@link #durationMs(String, String, double)} with the Brunel network's dt. */
    static double durationMs(final String s, final String option)
    {
        return durationMs(s, option, org.scfabric.bench.brunel.BrunelParams.DEFAULT.dt());
    }

    private static String plain(final double v)
    {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * The fraction bits of a W-bit signed LIF value, one rule for vectors and area: at most W - 1. Beyond,
     * every product is shifted below one step and the neuron never moves (the circuit accepts it, the
     * numbers are nonsense, and an area estimate of it is an estimate of nothing).
     */
    static int lifFraction(final int f, final int width)
    {
        if (f < 0 || f > width - 1)
        {
            throw new BadInputException("--fraction must be 0.." + (width - 1) + " for width " + width
                + " (a signed " + width + "-bit value has at most " + (width - 1) + " fraction bits), got " + f);
        }
        return f;
    }

    /** A seed: numpy's SeedSequence takes integers >= 0. */
    static long seed(final String s)
    {
        try
        {
            final long v = Long.parseLong(s.trim());
            if (v < 0)
            {
                throw new NumberFormatException();
            }
            return v;
        }
        catch (final NumberFormatException e)
        {
            throw new BadInputException("--seed '" + s + "' is not accepted (give an integer 0..9223372036854775807)");
        }
    }

    /** The absolute, normalised path of an option's value, or one line saying why it is not a path. */
    static Path path(final String value, final String option)
    {
        if (value == null || value.isBlank())
        {
            // an empty path would mean the current folder: outputs would land, and replace, there
            throw new BadInputException(option + " is empty; give a path");
        }
        try
        {
            return Path.of(value).toAbsolutePath().normalize();
        }
        catch (final InvalidPathException e)
        {
            throw new BadInputException(option + " '" + value + "' is not a valid path (" + e.getReason() + ")");
        }
    }

    /** An input file that must exist: one line when it is missing or a folder ({@code give}: what is accepted). */
    static Path inputFile(final String value, final String option, final String give)
    {
        final Path p = path(value, option);
        if (java.nio.file.Files.isDirectory(p))
        {
            throw new BadInputException(option + " " + value + " is a folder, not a file (give " + give + ")");
        }
        if (!java.nio.file.Files.isRegularFile(p))
        {
            throw new BadInputException(option + " " + value + ": no such file (give " + give + ")");
        }
        return p;
    }

    /** Checks an output file before any work: a valid path, not a folder, in a folder that exists (or may be made). */
    static Path outputFile(final String file, final String option, final boolean mayCreateParent)
    {
        final Path dest = filePath(file, option);
        if (Files.isDirectory(dest))
        {
            throw new BadInputException(option + " " + file + " is a folder (give a file name)");
        }
        final Path parent = dest.getParent();
        if (parent == null || (!mayCreateParent && !Files.isDirectory(parent)))
        {
            throw new BadInputException(option + " " + file + ": the folder " + parent + " does not exist");
        }
        if (Files.isDirectory(parent) && !Files.isWritable(parent))
        {
            throw new BadInputException(option + " " + file + ": cannot write in " + parent);
        }
        return dest;
    }

    /**
     * Where a file option really writes: the file a symbolic link names (results are written whole
     * beside it and moved into place, which would otherwise replace the link by a plain file), and
     * never a device, pipe or socket (moving a file onto /dev/null, as root, replaces the device).
     */
    static Path filePath(final String file, final String option)
    {
        Path p = path(file, option);
        for (int hops = 0; Files.isSymbolicLink(p); hops++)
        {
            if (hops == 40)
            {
                throw new BadInputException(option + " " + file + " is a loop of symbolic links; give a file path");
            }
            try
            {
                p = p.resolveSibling(Files.readSymbolicLink(p)).toAbsolutePath().normalize();
            }
            catch (final java.io.IOException | UnsupportedOperationException e)
            {
                throw new BadInputException(option + " " + file + ": cannot read the symbolic link (" + e.getMessage()
                    + "); give a file path");
            }
        }
        if (Files.exists(p) && !Files.isRegularFile(p) && !Files.isDirectory(p))
        {
            throw new BadInputException(option + " " + file + " is not a regular file (a device, pipe or socket);"
                + " give a file path: scfabric writes a result whole and then moves it into place");
        }
        return p;
    }

    /** A folder to write in: a valid path that is not an existing file. */
    static Path outputDir(final String dir, final String option)
    {
        final Path dest = path(dir, option);
        if (Files.exists(dest) && !Files.isDirectory(dest))
        {
            throw new BadInputException(option + " " + dir + " exists and is not a folder");
        }
        return dest;
    }
}
