package org.scfabric.bench.slurm;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting for bash: job scripts pass every argument through unchanged, whatever characters it holds. */
public final class Shell
{
    private Shell()
    {
    }

    /** {@code s} as one bash word: bare when it holds only safe characters, otherwise single-quoted. */
    public static String quote(final String s)
    {
        if (!s.isEmpty() && s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0)))
        {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The words joined by spaces, each quoted. */
    public static String join(final List<String> words)
    {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }
}
