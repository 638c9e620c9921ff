package org.scfabric.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Output files and folders of a command that writes to several places (fabric's --json, --hgrm,
 * --events, --plots): each destination folder gets a hidden staging folder in its nearest existing
 * ancestor, made before any work (so an unusable path is reported before a simulation, with nothing
 * left behind); {@link #commit()} moves the files into place, replacing files of the same name and
 * keeping every other file; {@link #close()} without a commit deletes the staging folders.
 */
final class StagedFiles implements AutoCloseable
{
    private final Map<Path, Path> stages = new LinkedHashMap<>();
    private final Thread cleanup = new Thread(this::deleteStages, "scfabric-cleanup");
    private boolean committed;

    StagedFiles()
    {
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Where to write a file that belongs at {@code dest} (a path checked by {@link OptionValues#outputFile}). */
    Path file(final Path dest, final String option, final String value)
    {
        return folder(dest.getParent(), option, value).resolve(dest.getFileName().toString());
    }

    /** Where to write the files that belong in the folder {@code dest}. */
    Path folder(final Path dest, final String option, final String value)
    {
        final Path known = stages.get(dest);
        if (known != null)
        {
            return known;
        }
        Path existing = dest;
        while (existing != null && !Files.exists(existing))
        {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing))
        {
            throw new BadInputException(option + " " + value + ": " + existing + " is a file, not a folder");
        }
        StagedOutput.cleanStale(existing);
        final Path staging;
        try
        {
            staging = Files.createTempDirectory(existing, StagedOutput.partialPrefix(String.valueOf(dest.getFileName())));
        }
        catch (final IOException | UnsupportedOperationException e)
        {
            throw cannotWrite(option, value, existing, e);
        }
        stages.put(dest, staging);
        return staging;
    }

    /** The one message of an output path whose folder refuses files: what failed, and what is accepted. */
    static BadInputException cannotWrite(final String option, final String value, final Path where, final Exception e)
    {
        return new BadInputException(option + " " + value + ": cannot write in " + where + " ("
            + Main.oneLine(StagedOutput.reason(e)) + "); give a path you can write in");
    }

    /**
     * Proves, before any work, that files can be made where the folder {@code dest} is or will be: a
     * folder is made and removed in its nearest existing ancestor (a permission bit says nothing about
     * e.g. /proc, where root may "write" and still nothing can be created).
     */
    static void probe(final Path dest, final String option, final String value)
    {
        Path existing = dest;
        while (existing != null && !Files.exists(existing))
        {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing))
        {
            throw new BadInputException(option + " " + value + ": " + existing + " is a file, not a folder");
        }
        try
        {
            Files.delete(Files.createTempDirectory(existing, StagedOutput.partialPrefix(String.valueOf(dest.getFileName()))));
        }
        catch (final IOException | UnsupportedOperationException e)
        {
            throw cannotWrite(option, value, existing, e);
        }
    }

    /** Moves every staged file into place. */
    void commit() throws IOException
    {
        for (final Map.Entry<Path, Path> e : stages.entrySet())
        {
            final Path dest = e.getKey();
            final Path staging = e.getValue();
            final List<Path> files;
            try (Stream<Path> s = Files.walk(staging))
            {
                files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
            }
            for (final Path f : files)
            {
                final Path to = dest.resolve(staging.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.move(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            StagedOutput.deleteTree(staging);
        }
        committed = true;
    }

    private void deleteStages()
    {
        stages.values().forEach(StagedOutput::deleteTree);
    }

    @Override
    public void close()
    {
        if (!committed)
        {
            deleteStages();
        }
        try
        {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        catch (final IllegalStateException ignored)
        {
            // already shutting down: the hook runs
        }
    }
}
