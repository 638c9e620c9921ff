package org.scfabric.bench.slurm;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the Slurm commands are: looked up on a PATH (the process's own by default; tests give their
 * own), so that a missing {@code sbatch} is one clear error before anything is written.
 */
public record SlurmTools(String path)
{
    /** The tools on this process's PATH. */
    public static SlurmTools fromEnvironment()
    {
        final String p = System.getenv("PATH");
        return new SlurmTools(p == null ? "" : p);
    }

    /** The executable {@code name} on the PATH, if there is one. */
    public Optional<Path> find(final String name)
    {
        for (final String d : path.split(File.pathSeparator))
        {
            if (d.isEmpty())
            {
                continue;
            }
            final Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p))
            {
                return Optional.of(p.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** The executable {@code name}, or an IllegalArgumentException saying it is missing and why it is needed. */
    public Path require(final String name, final String why)
    {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no '" + name + "' on PATH: " + why
            + " needs Slurm's client commands (sbatch, squeue, scancel; Debian: apt-get install slurm-client), "
            + "or run it without --slurm"));
    }
}
