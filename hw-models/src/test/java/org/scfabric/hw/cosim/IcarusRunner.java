package org.scfabric.hw.cosim;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Verilog test bench of {@code rtl/tb} under Icarus Verilog: compiles it once per parameter
 * set ({@code iverilog -g2005 -P...}), then runs {@code vvp} on a whole stimulus file and returns
 * its output lines. Benches read {@code +stim=FILE} and write {@code +out=FILE} (rtl/tb/README.md).
 * Reusable from other modules through the hw-models test-jar.
 */
public final class IcarusRunner
{
    private static final Map<String, IcarusRunner> COMPILED = new ConcurrentHashMap<>();
    private static volatile Boolean available;
    private static volatile Path workDir;

    private final String top;
    private final Path vvp;

    private IcarusRunner(final String top, final Path vvp)
    {
        this.top = top;
        this.vvp = vvp;
    }

    /**
     * Call first in a co-simulation test: if iverilog or vvp is missing the test is skipped, or
     * fails when the environment variable CI is "true" (CI must not pass by skipping).
     */
    public static void requireIcarus()
    {
        if (isAvailable())
        {
            return;
        }
        final String message = "Icarus Verilog (iverilog, vvp) is not on the PATH; co-simulation needs it: apt-get install -y iverilog";
        if ("true".equals(System.getenv("CI")))
        {
            fail(message + " (CI=true: failing instead of skipping)");
        }
        Assumptions.assumeTrue(false, message + " (skipped)");
    }

    public static boolean isAvailable()
    {
        Boolean a = available;
        if (a == null)
        {
            a = runs("iverilog", "-V") && runs("vvp", "-V");
            available = a;
        }
        return a;
    }

    private static boolean runs(final String... command)
    {
        try
        {
            final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        catch (final IOException e)
        {
            return false;
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The repository's {@code rtl/} folder: $SCFABRIC_ROOT/rtl, else the nearest one above the working directory. */
    public static Path rtlDir()
    {
        final String root = System.getenv("SCFABRIC_ROOT");
        if (root != null && Files.isDirectory(Paths.get(root, "rtl", "tb")))
        {
            return Paths.get(root, "rtl");
        }
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent())
        {
            if (Files.isDirectory(d.resolve("rtl").resolve("tb")))
            {
                return d.resolve("rtl");
            }
        }
        throw new IllegalStateException("cannot find the rtl/ folder (set SCFABRIC_ROOT)");
    }

    /**
     * Compiles {@code rtl/tb/<bench>.v} with the given sources (relative to rtl/) and parameters of
     * the bench (values as Verilog literals, e.g. "16'hB400" or "-300"), or returns the runner
     * compiled before for the same arguments.
     */
    public static IcarusRunner compile(final String bench, final Map<String, String> params, final String... sources)
    {
        final String key = bench + params + String.join(",", sources);
        return COMPILED.computeIfAbsent(key, k -> doCompile(bench, params, sources));
    }

    private static IcarusRunner doCompile(final String bench, final Map<String, String> params, final String... sources)
    {
        final Path rtl = rtlDir();
        final Path out = newFile(bench, ".vvp");
        final List<String> cmd = new ArrayList<>(List.of("iverilog", "-g2005", "-s", bench, "-o", out.toString()));
        for (final Map.Entry<String, String> e : params.entrySet())
        {
            cmd.add("-P" + bench + "." + e.getKey() + "=" + e.getValue());
        }
        cmd.add(rtl.resolve("tb").resolve(bench + ".v").toString());
        for (final String s : sources)
        {
            cmd.add(rtl.resolve(s).toString());
        }
        final String log = exec(cmd);
        if (!Files.isRegularFile(out))
        {
            throw new IllegalStateException("iverilog produced nothing: " + String.join(" ", cmd) + "\n" + log);
        }
        return new IcarusRunner(bench, out);
    }

    /** Runs the compiled bench over every stimulus line and returns one output line per stimulus line. */
    public List<String> run(final List<String> stimulus)
    {
        final Path stim = newFile(top, ".stim");
        final Path out = newFile(top, ".out");
        try
        {
            Files.write(stim, stimulus, StandardCharsets.US_ASCII);
            final List<String> cmd = List.of("vvp", "-n", vvp.toString(), "+stim=" + stim, "+out=" + out);
            final String log = exec(cmd);
            if (!Files.isRegularFile(out))
            {
                throw new IllegalStateException("vvp wrote no output: " + String.join(" ", cmd) + "\n" + log);
            }
            return Files.readAllLines(out, StandardCharsets.US_ASCII);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        finally
        {
            deleteQuietly(stim);
            deleteQuietly(out);
        }
    }

    private static String exec(final List<String> cmd)
    {
        try
        {
            final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            final String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES))
            {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0)
            {
                throw new IllegalStateException("exit " + p.exitValue() + ": " + String.join(" ", cmd) + "\n" + log);
            }
            return log;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Path newFile(final String prefix, final String suffix)
    {
        try
        {
            if (workDir == null)
            {
                final Path dir = Files.createTempDirectory("scfabric-cosim");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                workDir = dir;
            }
            return Files.createTempFile(workDir, prefix, suffix);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(final Path p)
    {
        try
        {
            Files.deleteIfExists(p);
        }
        catch (final IOException ignored)
        {
            // a temp file left behind is removed with the folder at exit
        }
    }

    private static void deleteTree(final Path dir)
    {
        try (Stream<Path> s = Files.walk(dir))
        {
            s.sorted(Comparator.reverseOrder()).forEach(IcarusRunner::deleteQuietly);
        }
        catch (final IOException ignored)
        {
            // best effort at exit
        }
    }

    /** An ordered parameter map: {@code params("WIDTH", "8", "TAPS", "8'hB8")}. */
    public static Map<String, String> params(final String... kv)
    {
        final Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2)
        {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
