package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output folder written in one piece: everything goes into a hidden staging folder beside the
 * target ({@code .NAME.partial-XXXX}) and is moved into place by {@link #commit()}; {@link #close()}
 * without a commit deletes the staging folder, so a failed or interrupted run leaves nothing that
 * looks like a result. The checks in {@link #prepare} run before any work, so an unusable path is
 * reported at once, not after a minute of simulation.
 *
 * <p>An existing target folder keeps files it has that this run does not write; files and
 * sub-folders this run writes replace the old ones (a sub-folder as a whole, so no stale plot stays
 * beside new ones). {@code results.json} is moved last.
 */
public final class StagedOutput implements AutoCloseable
{
    private final Path target;
    private final Path staging;
    private final List<Path[]> extraFiles = new ArrayList<>();
    private final Thread cleanup;
    private boolean committed;

    private StagedOutput(final Path target, final Path staging)
    {
        this.target = target;
        this.staging = staging;
        this.cleanup = new Thread(() -> deleteTree(staging), "scfabric-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Checks that {@code dir} can become the output folder and creates the staging folder beside it.
     *
     * @param option the option's name, for messages ("--out")
     */
    public static StagedOutput prepare(final String dir, final String option)
    {
        final Path target;
        try
        {
            target = Path.of(dir).toAbsolutePath().normalize();
        }
        catch (final InvalidPathException e)
        {
            throw new BadInputException(option + " '" + dir + "' is not a valid path (" + e.getReason() + ")");
        }
        if (Files.exists(target) && !Files.isDirectory(target))
        {
            throw new BadInputException(option + " " + dir + " exists and is not a folder (give a new or existing folder)");
        }
        if (Files.isDirectory(target) && !Files.isWritable(target))
        {
            throw new BadInputException(option + " " + dir + " is not writable (give a folder you can write in)");
        }
        final Path parent = target.getParent();
        if (parent == null)
        {
            throw new BadInputException(option + " " + dir + " is the file-system root (give a folder below it)");
        }
        try
        {
            Files.createDirectories(parent);
        }
        catch (final FileAlreadyExistsException e)
        {
            throw new BadInputException(option + " " + dir + ": " + e.getFile() + " is a file, not a folder");
        }
        catch (final IOException e)
        {
            throw new BadInputException(option + " " + dir + ": cannot create the folder " + parent + " ("
                + reason(e) + ")");
        }
        final Path staging;
        try
        {
            staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
            // prove a file can be written, not only a folder made
            Files.delete(Files.createFile(staging.resolve(".probe")));
            if (staging.getFileSystem().supportedFileAttributeViews().contains("posix"))
            {
                // a temporary folder is private (rwx------); the result is an ordinary folder
                Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        catch (final IOException | UnsupportedOperationException e)
        {
            throw new BadInputException(option + " " + dir + ": cannot write in " + parent + " (" + reason(e)
                + "); give a folder you can write in");
        }
        return new StagedOutput(target, staging);
    }

    /**
     * Also writes a copy of one file elsewhere (e.g. {@code --json FILE}), checked now and moved into
     * place at commit. Returns where to write it now.
     */
    public Path extraFile(final String file, final String option)
    {
        final Path dest = OptionValues.outputFile(file, option, false);
        final Path parent = dest.getParent();
        final Path tmp;
        try
        {
            tmp = Files.createTempFile(parent, "." + dest.getFileName() + ".partial-", "");
        }
        catch (final IOException | UnsupportedOperationException e)
        {
            throw new BadInputException(option + " " + file + ": cannot write in " + parent + " (" + reason(e) + ")");
        }
        extraFiles.add(new Path[] {tmp, dest});
        return tmp;
    }

    /** Where to write now. */
    public Path staging()
    {
        return staging;
    }

    public Path target()
    {
        return target;
    }

    /** Moves everything into place. */
    public void commit() throws IOException
    {
        for (final Path[] f : extraFiles)
        {
            move(f[0], f[1]);
        }
        if (!Files.exists(target))
        {
            try
            {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
                return;
            }
            catch (final IOException e)
            {
                Files.createDirectories(target); // e.g. a race, or another file system: move piece by piece
            }
        }
        final List<Path> entries;
        try (Stream<Path> s = Files.list(staging))
        {
            entries = new ArrayList<>(s.toList());
        }
        // results.json last: a reader that sees it sees everything else too
        entries.sort(Comparator.comparing((Path p) -> p.getFileName().toString().equals("results.json"))
            .thenComparing(p -> p.getFileName().toString()));
        for (final Path e : entries)
        {
            final Path dest = target.resolve(e.getFileName().toString());
            if (Files.isDirectory(e) && Files.exists(dest))
            {
                final Path old = Files.createTempDirectory(target, "." + e.getFileName() + ".old-");
                Files.delete(old);
                Files.move(dest, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(e, dest, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            }
            else
            {
                move(e, dest);
            }
        }
        committed = true;
        deleteTree(staging);
    }

    private static void move(final Path from, final Path to) throws IOException
    {
        try
        {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final AtomicMoveNotSupportedException e)
        {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close()
    {
        if (!committed)
        {
            deleteTree(staging);
            for (final Path[] f : extraFiles)
            {
                try
                {
                    Files.deleteIfExists(f[0]);
                }
                catch (final IOException ignored)
                {
                    // best effort
                }
            }
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

    static void deleteTree(final Path root)
    {
        if (!Files.exists(root))
        {
            return;
        }
        try (Stream<Path> s = Files.walk(root))
        {
            for (final Path p : s.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
        catch (final IOException | UncheckedIOException ignored)
        {
            // best effort
        }
    }

    private static String reason(final Exception e)
    {
        if (e instanceof java.nio.file.AccessDeniedException)
        {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException)
        {
            return "no such file or folder, or files cannot be created there";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null)
        {
            return f.getReason();
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }
}
