package org.scfabric.bench.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
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
            throw new UncheckedIOException(e);
        }
    }

    public static void writeString(final Path target, final String text)
    {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
