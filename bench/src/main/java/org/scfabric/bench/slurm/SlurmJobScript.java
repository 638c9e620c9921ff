package org.scfabric.bench.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An sbatch job script: {@code #SBATCH} directives, comments that say what the job is for, and a bash
 * body. The text is a pure function of what was added, so a dry run shows exactly what is submitted.
 */
public final class SlurmJobScript
{
    private final String text;

    private SlurmJobScript(final String text)
    {
        this.text = text;
    }

    public static Builder builder(final String jobName)
    {
        return new Builder(jobName);
    }

    public String text()
    {
        return text;
    }

    @Override
    public String toString()
    {
        return text;
    }

    /**
     * Array indices as sbatch's {@code --array} spec: runs of consecutive indices become ranges
     * ({@code 0-3}, {@code 1,3,5-7}).
     */
    public static String arraySpec(final SortedSet<Integer> indices)
    {
        if (indices.isEmpty())
        {
            throw new IllegalArgumentException("an array job needs at least one task");
        }
        final StringBuilder s = new StringBuilder();
        final List<Integer> list = new ArrayList<>(indices);
        for (int i = 0; i < list.size();)
        {
            int j = i;
            while (j + 1 < list.size() && list.get(j + 1) == list.get(j) + 1)
            {
                j++;
            }
            if (s.length() > 0)
            {
                s.append(',');
            }
            s.append(list.get(i));
            if (j > i)
            {
                s.append('-').append(list.get(j));
            }
            i = j + 1;
        }
        return s.toString();
    }

    /** Indices 0..n-1. */
    public static SortedSet<Integer> range(final int n)
    {
        final SortedSet<Integer> s = new TreeSet<>();
        for (int i = 0; i < n; i++)
        {
            s.add(i);
        }
        return s;
    }

    public static final class Builder
    {
        private final List<String> directives = new ArrayList<>();
        private final List<String> comments = new ArrayList<>();
        private final List<String> body = new ArrayList<>();

        private Builder(final String jobName)
        {
            directive("--job-name=" + jobName);
        }

        /** One {@code #SBATCH} line, e.g. {@code --array=0-3}. */
        public Builder directive(final String option)
        {
            if (option.contains("\n") || option.contains("\r"))
            {
                throw new IllegalArgumentException("an sbatch option cannot span lines: " + option);
            }
            directives.add(option);
            return this;
        }

        /**
         * One {@code #SBATCH} option whose value is a path, double-quoted when it holds a space, a {@code '} or a
         * {@code #} (sbatch would split the line at the space, fail on the quote, end it at the #); a path with a
         * {@code "} cannot be written and is refused.
         */
        public Builder directive(final String option, final Path path)
        {
            final String p = path.toString();
            if (p.contains("\""))
            {
                throw new IllegalArgumentException("an sbatch directive cannot hold a path with a double quote: " + p);
            }
            return directive(option + "=" + (p.matches("(?s).*[\\s'#].*") ? "\"" + p + "\"" : p));
        }

        /** A comment above the body (after the directives: sbatch stops reading them at the first command). */
        public Builder comment(final String line)
        {
            comments.add(line);
            return this;
        }

        /** A line of bash. */
        public Builder line(final String bash)
        {
            body.add(bash);
            return this;
        }

        /**
         * A command of quoted words, then bash words (not quoted: they may expand variables); for
         * reading, a line break before every option ({@code --name}) from word {@code head} on.
         */
        public Builder command(final List<String> words, final int head, final List<String> tailBash)
        {
            final StringBuilder s = new StringBuilder();
            for (int i = 0; i < words.size(); i++)
            {
                if (i > 0)
                {
                    s.append(i >= head && words.get(i).startsWith("--") ? " \\\n    " : " ");
                }
                s.append(Shell.quote(words.get(i)));
            }
            for (final String t : tailBash)
            {
                s.append(t.startsWith("--") ? " \\\n    " : " ").append(t);
            }
            body.add(s.toString());
            return this;
        }

        public SlurmJobScript build()
        {
            final StringBuilder s = new StringBuilder("#!/bin/bash\n");
            directives.forEach(d -> s.append("#SBATCH ").append(d).append('\n'));
            comments.forEach(c -> s.append("# ").append(c).append('\n'));
            body.forEach(b -> s.append(b).append('\n'));
            return new SlurmJobScript(s.toString());
        }
    }
}
