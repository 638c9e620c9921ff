package org.scfabric.hw.area;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthesises one component of {@code rtl/} with Yosys and counts its cells:
 * {@code yosys -q -p "read_verilog …; chparam -set P v … top; synth_… -top top; tee -q -o stat.json stat -json"}.
 * Every parameter of the point is set with {@code chparam}, so a result depends on the point only.
 */
public final class YosysRunner
{
    private static final Pattern CELL = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\\d+)");

    private final Path rtlDir;
    private final String yosys;
    private final long timeoutSeconds;

    /**
     * @param rtlDir the folder holding the components' Verilog
     * @param yosys  the executable: a name looked up on PATH, or a path
     */
    public YosysRunner(final Path rtlDir, final String yosys, final long timeoutSeconds)
    {
        this.rtlDir = rtlDir;
        this.yosys = yosys;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Yosys (system property {@code scfabric.yosys}, default {@code yosys} from PATH) on the repository's
     * {@code rtl/} (see {@link #locateRtl()}), 10 minutes per run.
     */
    public static YosysRunner locate()
    {
        return new YosysRunner(locateRtl(), System.getProperty("scfabric.yosys", "yosys"), 600);
    }

    /**
     * The repository's {@code rtl/} folder: {@code $SCFABRIC_ROOT/rtl}; else the nearest {@code rtl/} above the
     * working directory; else the nearest above this class's jar or classes folder.
     */
    public static Path locateRtl()
    {
        final String root = System.getenv("SCFABRIC_ROOT");
        if (root != null && isRtl(Paths.get(root, "rtl")))
        {
            return Paths.get(root, "rtl").toAbsolutePath().normalize();
        }
        final Path fromCwd = above(Paths.get("").toAbsolutePath());
        if (fromCwd != null)
        {
            return fromCwd;
        }
        try
        {
            final CodeSource cs = YosysRunner.class.getProtectionDomain().getCodeSource();
            if (cs != null)
            {
                final Path fromJar = above(Paths.get(cs.getLocation().toURI()).toAbsolutePath());
                if (fromJar != null)
                {
                    return fromJar;
                }
            }
        }
        catch (final URISyntaxException | IllegalArgumentException e)
        {
            // fall through
        }
        throw new YosysException("cannot find the rtl/ folder with the components' Verilog (run inside the "
            + "scfabric repository or set SCFABRIC_ROOT)");
    }

    private static Path above(final Path start)
    {
        for (Path d = start; d != null; d = d.getParent())
        {
            if (isRtl(d.resolve("rtl")))
            {
                return d.resolve("rtl").normalize();
            }
        }
        return null;
    }

    private static boolean isRtl(final Path p)
    {
        return Files.isRegularFile(p.resolve("sc_lif_neuron.v"));
    }

    public Path rtlDir()
    {
        return rtlDir;
    }

    /** The Yosys script for a point and target, writing the JSON statistics to {@code json}. */
    public static String script(final AreaPoint p, final Target t, final String json)
    {
        final StringBuilder sb = new StringBuilder("read_verilog");
        for (final String s : p.component().sources())
        {
            sb.append(' ').append(s);
        }
        sb.append("; ");
        if (!p.params().isEmpty())
        {
            sb.append("chparam");
            p.params().forEach((k, v) -> sb.append(" -set ").append(k).append(' ').append(verilogValue(v)));
            sb.append(' ').append(p.component().top()).append("; ");
        }
        sb.append(t.synthCommand(p.component().top())).append("; ");
        sb.append("tee -q -o ").append(json).append(" stat -json");
        return sb.toString();
    }

    /** chparam takes a plain decimal, or a sized literal; a negative value goes as 32-bit two's complement. */
    static String verilogValue(final long v)
    {
        if (v >= 0)
        {
            return Long.toString(v);
        }
        if (v < Integer.MIN_VALUE)
        {
            throw new IllegalArgumentException("parameter value out of 32 bits: " + v);
        }
        return String.format(Locale.ROOT, "32'h%08x", (int) v);
    }

    /** Synthesises a point; throws {@link YosysException} with one clear line when that is impossible. */
    public SynthResult synthesize(final AreaPoint p, final Target t)
    {
        Path dir = null;
        try
        {
            dir = Files.createTempDirectory("scfabric-yosys");
            final Path json = dir.resolve("stat.json");
            final Path log = dir.resolve("yosys.log");
            final List<String> cmd = List.of(yosys, "-q", "-p", script(p, t, json.toString()));
            final long t0 = System.nanoTime();
            final Process proc;
            try
            {
                proc = new ProcessBuilder(cmd).directory(rtlDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            }
            catch (final IOException e)
            {
                throw new YosysException(yosys + " is not installed or not runnable (apt-get install yosys): "
                    + oneLine(e.getMessage()), e);
            }
            if (!proc.waitFor(timeoutSeconds, TimeUnit.SECONDS))
            {
                proc.destroyForcibly();
                throw new YosysException("yosys took more than " + timeoutSeconds + " s on " + p + " (" + t.id() + ")");
            }
            final double seconds = (System.nanoTime() - t0) / 1e9;
            if (proc.exitValue() != 0 || !Files.isRegularFile(json))
            {
                throw new YosysException("yosys failed on " + p + " (" + t.id() + "), exit " + proc.exitValue() + ": "
                    + lastLine(Files.readString(log, StandardCharsets.UTF_8)));
            }
            return SynthResult.of(p, t, parseStat(Files.readString(json, StandardCharsets.UTF_8)), seconds);
        }
        catch (final IOException e)
        {
            throw new YosysException("cannot run yosys: " + oneLine(e.getMessage()), e);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new YosysException("interrupted while yosys ran", e);
        }
        finally
        {
            deleteQuietly(dir);
        }
    }

    /** Yosys's version line, e.g. {@code Yosys 0.23 (git sha1 7ce5011c24b)}. */
    public String version()
    {
        try
        {
            final Process proc = new ProcessBuilder(yosys, "-V").redirectErrorStream(true).start();
            final String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            proc.waitFor(30, TimeUnit.SECONDS);
            return oneLine(out);
        }
        catch (final IOException e)
        {
            throw new YosysException(yosys + " is not installed or not runnable (apt-get install yosys): "
                + oneLine(e.getMessage()), e);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new YosysException("interrupted while yosys ran", e);
        }
    }

    /**
     * Cell counts of the whole design from {@code stat -json}: the {@code "design"} section (totals over the
     * hierarchy), or the only module when there is no such section.
     */
    static Map<String, Long> parseStat(final String json)
    {
        int from = json.indexOf("\"design\"");
        if (from < 0)
        {
            from = json.indexOf("\"modules\"");
            if (from < 0 || json.indexOf("num_cells_by_type", json.indexOf("num_cells_by_type", from) + 1) >= 0)
            {
                throw new YosysException("unexpected yosys statistics: no design totals");
            }
        }
        final int start = json.indexOf("\"num_cells_by_type\"", from);
        final int open = start < 0 ? -1 : json.indexOf('{', start);
        final int close = open < 0 ? -1 : json.indexOf('}', open);
        if (close < 0)
        {
            throw new YosysException("unexpected yosys statistics: no num_cells_by_type");
        }
        final Map<String, Long> cells = new LinkedHashMap<>();
        final Matcher m = CELL.matcher(json.substring(open + 1, close));
        while (m.find())
        {
            cells.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return cells;
    }

    private static String lastLine(final String log)
    {
        final String[] lines = log.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--)
        {
            if (lines[i].contains("ERROR"))
            {
                return lines[i].strip();
            }
        }
        return lines.length == 0 ? "(no output)" : lines[lines.length - 1].strip();
    }

    private static String oneLine(final String s)
    {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').trim();
    }

    private static void deleteQuietly(final Path dir)
    {
        if (dir == null)
        {
            return;
        }
        final File[] files = dir.toFile().listFiles();
        if (files != null)
        {
            for (final File f : files)
            {
                f.delete();
            }
        }
        dir.toFile().delete();
    }
}
