package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
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
 * <p>An existing target folder is updated, never emptied: each file this run writes replaces the
 * file of that name; a file an earlier run wrote (listed in the folder's {@link #MANIFEST}) that this
 * run does not write is deleted, so no stale plot stays beside new ones; every other file (the
 * user's) is kept, in sub-folders too. {@code results.json} is moved last.
 */
public final class StagedOutput implements AutoCloseable
{
    /** The files scfabric wrote into an output folder, one relative path a line: all it may delete there. */
    public static final String MANIFEST = ".scfabric-files";

    private final Path target;
    private final Path staging;
    private final List<Path[]> extraFiles = new ArrayList<>();
    private final Thread cleanup;
    /** The outermost folder {@link #prepare} created above the target (null: none); removed again when empty. */
    private final Path createdParents;
    private boolean committed;

    /** The option and the folder as the user typed them, for messages. */
    private final String option;
    private final String typed;

    private StagedOutput(final Path target, final Path staging, final Path createdParents, final String option,
        final String typed)
    {
        this.target = target;
        this.staging = staging;
        this.createdParents = createdParents;
        this.option = option;
        this.typed = typed;
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
        final Path target = OptionValues.path(dir, option);
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
        Path created = null;
        for (Path p = parent.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent())
        {
            created = p;
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
        cleanStale(parent);
        try
        {
            staging = Files.createTempDirectory(parent, partialPrefix(target.getFileName().toString()));
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
        return new StagedOutput(target, staging, created, option, dir);
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
            cleanStale(parent);
            tmp = Files.createTempFile(parent, partialPrefix(dest.getFileName().toString()), "");
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
        // the up-front check saw the names known then; this one sees every name written (a Brian2 raster too),
        // before anything moves
        refuseForeign(relativeFiles(staging));
        for (final Path[] f : extraFiles)
        {
            move(f[0], f[1]);
        }
        final List<String> written = relativeFiles(staging);
        if (!Files.exists(target))
        {
            Files.write(staging.resolve(MANIFEST), written);
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
        final Path manifest = target.resolve(MANIFEST);
        final List<String> before = ourFiles(manifest);
        // listed before they move, so that files moved by a run that dies midway stay known as ours
        final java.util.LinkedHashSet<String> both = new java.util.LinkedHashSet<>(before);
        both.addAll(written);
        writeManifest(manifest, new ArrayList<>(both));
        // results.json last: a reader that sees it sees everything else too
        final List<String> order = new ArrayList<>(written);
        order.sort(Comparator.comparing((String f) -> f.equals("results.json")).thenComparing(f -> f));
        for (final String f : order)
        {
            final Path dest = target.resolve(f);
            if (Files.isDirectory(dest))
            {
                throw new IOException("cannot write " + dest + ": a folder of that name is in the way");
            }
            Files.createDirectories(dest.getParent());
            move(staging.resolve(f), dest);
        }
        for (final String f : before)
        {
            if (!written.contains(f))
            {
                final Path stale = target.resolve(f);
                if (Files.isRegularFile(stale, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                {
                    Files.delete(stale);
                    deleteEmptyParents(stale.getParent());
                }
            }
        }
        writeManifest(manifest, written);
        committed = true;
        deleteTree(staging);
    }

    /**
     * Refuses, before any work, to replace a file scfabric did not write: each of {@code names} (relative paths
     * this run will write) that exists in the target must be on its manifest. A folder without a manifest
     * that holds a scfabric results.json is the output of a version before the manifest: there the names are
     * taken as ours; in any other folder without one, an existing file of such a name is the user's.
     */
    public void refuseForeign(final java.util.Collection<String> names)
    {
        if (!Files.isDirectory(target))
        {
            return;
        }
        final List<String> ours;
        try
        {
            final Path manifest = target.resolve(MANIFEST);
            if (!Files.isRegularFile(manifest) && olderOutputFolder())
            {
                return;
            }
            ours = ourFiles(manifest);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        for (final String name : names)
        {
            final Path f = target.resolve(name);
            if (Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(f) && !ours.contains(name))
            {
                throw new BadInputException(Path.of(typed).resolve(name) + " exists and was not written by scfabric; "
                    + "move it or choose another " + option);
            }
        }
    }

    /** A results.json of scfabric's shape ("runs" at the top) and no manifest: an output folder of an older version. */
    private boolean olderOutputFolder()
    {
        final Path results = target.resolve("results.json");
        if (!Files.isRegularFile(results))
        {
            return false;
        }
        try
        {
            final com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                results.toFile());
            return n != null && n.isObject() && n.has("runs");
        }
        catch (final IOException e)
        {
            return false;
        }
    }

    /** Files under {@code root} as relative paths with '/', sorted. */
    private static List<String> relativeFiles(final Path root) throws IOException
    {
        try (Stream<Path> s = Files.walk(root))
        {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                .filter(f -> !f.equals(MANIFEST)).sorted().toList();
        }
    }

    /** The manifest's entries that name a file inside the folder; nothing if there is none (an old folder). */
    private List<String> ourFiles(final Path manifest) throws IOException
    {
        if (!Files.isRegularFile(manifest))
        {
            return List.of();
        }
        final List<String> out = new ArrayList<>();
        for (final String line : Files.readAllLines(manifest, java.nio.charset.StandardCharsets.UTF_8))
        {
            final String f = line.strip();
            if (f.isEmpty() || f.equals(MANIFEST))
            {
                continue;
            }
            final Path p = target.resolve(f).normalize();
            if (p.startsWith(target) && !p.equals(target))
            {
                out.add(target.relativize(p).toString().replace('\\', '/'));
            }
        }
        return out;
    }

    private static void writeManifest(final Path manifest, final List<String> files) throws IOException
    {
        final Path tmp = manifest.resolveSibling(MANIFEST + ".tmp");
        Files.write(tmp, files);
        move(tmp, manifest);
    }

    private void deleteEmptyParents(final Path dir) throws IOException
    {
        Path d = dir;
        while (d != null && d.startsWith(target) && !d.equals(target))
        {
            try (Stream<Path> s = Files.list(d))
            {
                if (s.findAny().isPresent())
                {
                    return;
                }
            }
            Files.delete(d);
            d = d.getParent();
        }
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
            removeCreatedParents();
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

    /** A failed run leaves no folder it made: the parents prepare created, innermost first, while empty. */
    private void removeCreatedParents()
    {
        if (createdParents == null)
        {
            return;
        }
        for (Path p = target.toAbsolutePath().getParent(); p != null && p.startsWith(createdParents); p = p.getParent())
        {
            try
            {
                Files.delete(p);
            }
            catch (final IOException e)
            {
                return; // not empty (something else wrote there meanwhile) or gone: leave it
            }
        }
    }

    /**
     * The name of a staging file or folder beside {@code name} starts with this: host and process id
     * say whose it is, so that a later run can delete those of runs that were killed (kill -9 runs no
     * shutdown hook).
     */
    static String partialPrefix(final String name)
    {
        return "." + name + ".partial-" + HOST + "-" + ProcessHandle.current().pid() + "-";
    }

    private static final String HOST = host();

    private static final java.util.regex.Pattern PARTIAL =
        java.util.regex.Pattern.compile("\\..*\\.partial-(.+)-(\\d+)-\\d+");

    private static String host()
    {
        String h = null;
        try
        {
            h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        }
        catch (final IOException | RuntimeException e)
        {
            h = System.getenv("HOSTNAME");
        }
        return h == null || h.isBlank() ? "localhost" : h.replaceAll("[^A-Za-z0-9.]", "_");
    }

    /** Deletes the staging files and folders in {@code dir} left by killed runs of this host. */
    static void cleanStale(final Path dir)
    {
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.partial-*"))
        {
            for (final Path p : ds)
            {
                final java.util.regex.Matcher m = PARTIAL.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(HOST))
                {
                    final long pid = Long.parseLong(m.group(2));
                    if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty())
                    {
                        deleteTree(p);
                    }
                }
            }
        }
        catch (final IOException | RuntimeException ignored)
        {
            // best effort: a leftover is untidy, not wrong
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

    /** Why a file could not be made, without the name of the temporary file that was tried. */
    static String reason(final Exception e)
    {
        if (e instanceof java.nio.file.AccessDeniedException)
        {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException)
        {
            return "no such file or folder, or files cannot be created there";
        }
        if (e instanceof java.nio.file.FileSystemException f)
        {
            return f.getReason() != null ? f.getReason() : "cannot create files there";
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }
}
