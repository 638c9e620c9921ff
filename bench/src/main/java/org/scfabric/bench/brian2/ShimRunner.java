package org.scfabric.bench.brian2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs a user's Brian2 script under the capture shim ({@code brian2/capture_shim.py}, shipped in the jar and
 * written to a temporary folder) with the interpreter rules of {@code brunel --brian2}: Debian's
 * /usr/bin/python3 when present.
 */
public final class ShimRunner
{
    static final String SHIM = "/brian2/capture_shim.py";

    /** The script could not be translated: {@code kind} is refused, script or internal; one-line message. */
    public static final class Failure extends Exception
    {
        private static final long serialVersionUID = 1L;
        private final String kind;

        Failure(final String kind, final String message)
        {
            super(message);
            this.kind = kind;
        }

        public String kind()
        {
            return kind;
        }
    }

    private final String python;

    public ShimRunner(final String python)
    {
        this.python = python;
    }

    /**
     * Runs the script; the capture lands in {@code folder} (or {@code folder/run-K} with capture "all").
     * @param mode "capture" or "simulate" (Brian2 then simulates the captured run, runtime mode)
     */
    public void run(final Path script, final List<String> args, final String capture, final String mode,
        final Path folder) throws IOException, Failure
    {
        final Path shim = folder.resolve("capture_shim.py");
        try (InputStream in = ShimRunner.class.getResourceAsStream(SHIM))
        {
            if (in == null)
            {
                throw new IOException("the capture shim " + SHIM + " is missing from the jar");
            }
            Files.copy(in, shim, StandardCopyOption.REPLACE_EXISTING);
        }
        final List<String> cmd = new ArrayList<>(List.of(python, shim.toString(), folder.toString(), capture, mode,
            script.toAbsolutePath().toString()));
        cmd.addAll(args);
        final Process p;
        try
        {
            p = new ProcessBuilder(cmd).directory(script.toAbsolutePath().getParent().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        }
        catch (final IOException e)
        {
            throw new Failure("internal", "cannot start the Python interpreter '" + python + "' (" + e.getMessage()
                + "); install Debian's python3-brian (apt-get install python3-brian)");
        }
        // the script's own prints are not ours to show; drain them so the pipe never fills
        final CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        final CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        final int exit;
        try
        {
            exit = p.waitFor();
        }
        catch (final InterruptedException e)
        {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Failure("internal", "interrupted");
        }
        out.join();
        final String stderr = new String(err.join(), StandardCharsets.UTF_8).trim();
        final Path error = folder.resolve("error.json");
        if (Files.exists(error))
        {
            final JsonNode j = new ObjectMapper().readTree(error.toFile());
            throw new Failure(j.path("kind").asText("internal"), j.path("message").asText());
        }
        if (exit != 0)
        {
            final String[] lines = stderr.split("\n");
            throw new Failure("script", "Python exited with code " + exit + (stderr.isEmpty() ? ""
                : ": " + lines[lines.length - 1].trim()));
        }
    }

    private static byte[] drain(final InputStream in)
    {
        try (in)
        {
            return in.readAllBytes();
        }
        catch (final IOException e)
        {
            return new byte[0];
        }
    }
}
