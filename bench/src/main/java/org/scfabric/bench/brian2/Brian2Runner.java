package org.scfabric.bench.brian2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.bench.report.Brian2Row;
import org.scfabric.bench.report.Raster;
import org.scfabric.bench.report.SpikeMetrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs docs/spec/brunel.md §5's Brian2 model through the Python script shipped in the jar
 * ({@code brian2/brunel_brian2.py}, extracted to a temporary file), one process per mode. Any failure
 * — no interpreter, no Brian2, a compiler error, a timeout, unreadable output — becomes a
 * {@link Brian2Row#failed} row with a one-line reason, never an exception.
 */
public final class Brian2Runner
{
    /** The two modes compared, in report order. */
    public static final List<String> MODES = List.of("runtime", "cpp_standalone");

    static final String SCRIPT = "/brian2/brunel_brian2.py";
    static final String HINT = "install Debian's python3-brian (apt-get install python3-brian) and use /usr/bin/python3";

    private final String python;
    private final long timeoutSeconds;

    /** @param python the interpreter to run (a path or a name on PATH) */
    public Brian2Runner(final String python, final long timeoutSeconds)
    {
        this.python = python;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Debian's interpreter when present (python3-brian installs for it), else {@code python3} on PATH. */
    public static String defaultPython()
    {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** One mode's result and its spikes (null raster when it failed). */
    public record Outcome(Brian2Row row, Raster raster)
    {
    }

    public Outcome run(final String mode, final BrunelParams p)
    {
        Path script = null;
        try
        {
            script = extractScript();
            return runScript(script, mode, p);
        }
        catch (final IOException | UncheckedIOException e)
        {
            return new Outcome(Brian2Row.failed(mode, oneLine(e.getMessage())), null);
        }
        finally
        {
            if (script != null)
            {
                try
                {
                    Files.deleteIfExists(script);
                }
                catch (final IOException ignored)
                {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    static Path extractScript() throws IOException
    {
        final Path f = Files.createTempFile("scfabric-brunel-brian2-", ".py");
        try (InputStream in = Brian2Runner.class.getResourceAsStream(SCRIPT))
        {
            if (in == null)
            {
                throw new IOException("the Brian2 script " + SCRIPT + " is missing from the jar");
            }
            Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
        }
        return f;
    }

    private Outcome runScript(final Path script, final String mode, final BrunelParams p) throws IOException
    {
        final List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--mode", mode,
            "--neurons", Integer.toString(p.nTotal()), "--duration-ms", Double.toString(p.durationMs()),
            "--seed", Long.toString(p.seed())));
        final Process proc;
        try
        {
            proc = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        }
        catch (final IOException e)
        {
            return new Outcome(Brian2Row.failed(mode, "cannot start the Python interpreter '" + python + "' ("
                + oneLine(e.getMessage()) + "); " + HINT), null);
        }
        final CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(proc.getInputStream()));
        final CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(proc.getErrorStream()));
        final boolean done;
        try
        {
            done = proc.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        }
        catch (final InterruptedException e)
        {
            proc.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Outcome(Brian2Row.failed(mode, "interrupted"), null);
        }
        if (!done)
        {
            proc.destroyForcibly();
            return new Outcome(Brian2Row.failed(mode, "Brian2 did not finish within " + timeoutSeconds + " s"), null);
        }
        final String stdout = new String(out.join(), StandardCharsets.UTF_8).trim();
        final String stderr = new String(err.join(), StandardCharsets.UTF_8).trim();
        return parse(mode, stdout, stderr, proc.exitValue(), p);
    }

    /** Turns the script's output into an outcome (package-private for tests). */
    static Outcome parse(final String mode, final String stdout, final String stderr, final int exit, final BrunelParams p)
    {
        final String line = lastLine(stdout);
        JsonNode j = null;
        if (!line.isEmpty())
        {
            try
            {
                j = new ObjectMapper().readTree(line);
            }
            catch (final IOException e)
            {
                j = null;
            }
        }
        if (j == null || !j.isObject())
        {
            final String why = exit != 0 ? "Python exited with code " + exit : "no JSON result on stdout";
            final String tail = lastLine(stderr);
            return new Outcome(Brian2Row.failed(mode, why + (tail.isEmpty() ? "" : ": " + oneLine(tail))), null);
        }
        if (j.hasNonNull("error"))
        {
            String msg = oneLine(j.get("error").asText());
            if (msg.contains("No module named 'brian2'"))
            {
                msg += "; " + HINT;
            }
            return new Outcome(Brian2Row.failed(mode, msg), null);
        }
        final JsonNode s = j.get("spike_steps");
        final JsonNode i = j.get("spike_neurons");
        if (s == null || i == null || !s.isArray() || !i.isArray() || s.size() != i.size() || !j.has("wall_s"))
        {
            return new Outcome(Brian2Row.failed(mode, "the Brian2 script's JSON lacks spike_steps/spike_neurons/wall_s"),
                null);
        }
        final int[] steps = new int[s.size()];
        final int[] ids = new int[i.size()];
        for (int k = 0; k < steps.length; k++)
        {
            steps[k] = s.get(k).asInt();
            ids[k] = i.get(k).asInt();
        }
        final Raster r = new Raster(steps, ids, p.nExc(), p.nInh(), p.steps(), p.dt());
        final Brian2Row row = new Brian2Row(mode, j.path("brian2_version").asText(null), SpikeMetrics.of(r),
            j.path("build_s").asDouble(Double.NaN), j.path("wall_s").asDouble(Double.NaN),
            j.path("peak_mb").asDouble(Double.NaN), null);
        return new Outcome(row, r);
    }

    private static byte[] readAll(final InputStream in)
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

    private static String lastLine(final String s)
    {
        final String t = s.trim();
        final int nl = t.lastIndexOf('\n');
        return nl < 0 ? t : t.substring(nl + 1).trim();
    }

    static String oneLine(final String s)
    {
        final String t = s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').trim();
        return t.length() > 400 ? t.substring(0, 400) + "…" : t;
    }
}
