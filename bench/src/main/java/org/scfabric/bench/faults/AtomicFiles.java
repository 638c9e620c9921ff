package org.scfabric.bench.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files that appear complete or not at all: written beside their final name, then moved into place. */
public final class AtomicFiles
{
    private AtomicFiles()
    {
    }

    public interface Writer
    {
        void write(OutputStream out) throws IOException;
    }

    public static void write(final Path target, final Writer writer)
    {
        final Path abs = target.toAbsolutePath();
        try
        {
            Files.createDirectories(abs.getParent());
            // not createTempFile: its files are private (0600); this one gets the umask's permissions
            final Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime())
                + Thread.currentThread().getId() + ".tmp");
            try
            {
                try (OutputStream out = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE))
                {
                    writer.write(out);
                }
                try
                {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                catch (final AtomicMoveNotSupportedException e)
                {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            finally
            {
                Files.deleteIfExists(tmp);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(named(e, target));
        }
    }

    /**
     * The error with the user's file name in it: the temporary file's name means nothing to the user
     * (a folder where the file should go, a full disk, a folder that cannot be written).
     */
    static IOException named(final IOException e, final Path target)
    {
        return named(e, target, "");
    }

    /** The same, the reason prefixed with {@code what} (e.g. which helper file of the target failed). */
    static IOException named(final IOException e, final Path target, final String what)
    {
        if (!(e instanceof FileSystemException f) || f.getFile() == null || f.getFile().equals(target.toString()))
        {
            return e;
        }
        final String reason = f.getReason() != null ? f.getReason()
            : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
            : e instanceof java.nio.file.NoSuchFileException ? "no such folder" : e.getClass().getSimpleName();
        final FileSystemException out = new FileSystemException(target.toString(), null, what + reason);
        out.initCause(e);
        return out;
    }

    public static void writeString(final Path target, final String text)
    {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
