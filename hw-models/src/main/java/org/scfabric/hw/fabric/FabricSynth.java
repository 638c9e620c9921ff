package org.scfabric.hw.fabric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scfabric.hw.area.Area;
import org.scfabric.sim.ToolPath;

/**
 * Synthesis of a fabric: the Verilog of one architecture and network ({@link FabricRtl}), Yosys
 * ({@code synth_ice40} or {@code synth_xilinx}, flattened, top {@code sc_fabric_top}) for the cells,
 * and for iCE40 {@code nextpnr-ice40} (UP5K, SG48, constraints/ice40-up5k.pcf) for placement, routing
 * and Fmax. Missing tools are reported, not thrown: the report names what is missing and the Debian
 * package that brings it. Callable from {@code scfabric fabric --synth} and from {@code scfabric area}.
 */
public final class FabricSynth
{
    /** FPGA families. */
    public enum Target
    {
        ICE40("ice40", "iCE40 UP5K (SG48)", "synth_ice40"),
        XC7("xc7", "Artix-7 35T (Yosys synth_xilinx; no open place-and-route)", "synth_xilinx");

        private final String id;
        private final String title;
        private final String pass;

        Target(final String id, final String title, final String pass)
        {
            this.id = id;
            this.title = title;
            this.pass = pass;
        }

        public String id()
        {
            return id;
        }

        public String title()
        {
            return title;
        }

        public static Target parse(final String s)
        {
            for (final Target t : values())
            {
                if (t.id.equalsIgnoreCase(s.trim()))
                {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown target '" + s + "' (accepted: ice40, xc7)");
        }
    }

    /** iCE40 UP5K capacity: logic cells, block RAMs (4 kbit), DSPs. */
    public static final int UP5K_LC = 5280;
    public static final int UP5K_BRAM = 30;
    public static final int UP5K_DSP = 8;

    /**
     * What synthesis said.
     *
     * @param area      LUTs (LUT RAM included on Xilinx), flip-flops, block-RAM bits, DSPs
     * @param bramBlocks block RAMs (SB_RAM40_4K, or RAMB18 equivalents)
     * @param fmaxMhz   the routed Fmax (iCE40 with nextpnr), or null
     * @param notes     what is missing or failed, one line each (empty when everything ran)
     */
    public record Report(Target target, Map<String, Long> cells, Area area, long bramBlocks, Double fmaxMhz,
        String placement, List<String> notes, String yosysVersion, String nextpnrVersion, double seconds)
    {
        public boolean synthesized()
        {
            return area != null;
        }
    }

    private FabricSynth()
    {
    }

    /** Synthesises the fabric in {@code work} (created; files kept for inspection), with place and route on iCE40. */
    public static Report run(final FabricParams fp, final FabricNetwork net, final int steps, final Target t,
        final Path work) throws IOException
    {
        return run(fp, net, steps, t, work, true, ToolPath::onPath);
    }

    /**
     * @param placeAndRoute run nextpnr-ice40 (iCE40) after Yosys
     * @param available     whether a tool is installed (tests pass a stand-in)
     */
    public static Report run(final FabricParams fp, final FabricNetwork net, final int steps, final Target t,
        final Path work, final boolean placeAndRoute, final java.util.function.Predicate<String> available)
        throws IOException
    {
        final long t0 = System.nanoTime();
        final List<String> notes = new ArrayList<>();
        if (!available.test("yosys"))
        {
            notes.add("yosys is not installed (apt-get install yosys): no synthesis figures");
            if (t == Target.ICE40 && placeAndRoute && !available.test("nextpnr-ice40"))
            {
                notes.add("nextpnr-ice40 is not installed (apt-get install nextpnr-ice40): no Fmax");
            }
            return new Report(t, Map.of(), null, 0, null, null, notes, null, null, 0);
        }
        return synth(t, work, placeAndRoute, available, () -> FabricRtl.write(work, fp, net, steps),
            FabricRtl.source(), FabricRtl.BOARD_TOP, t0, notes);
    }

    /**
     * Synthesises a mapped network on the general fabric ({@link MappedRtl}: {@code sc_mapped_fabric.v}, top
     * {@code sc_mapped_top}, its memory images for these input events) in {@code work}, with place and route
     * on iCE40.
     */
    public static Report run(final FabricParams fp, final MappedNetwork net, final boolean[] observed,
        final int[] stepStart, final int[] channel, final int steps, final Target t, final Path work,
        final java.util.function.Predicate<String> available) throws IOException
    {
        final long t0 = System.nanoTime();
        final List<String> notes = new ArrayList<>();
        if (!available.test("yosys"))
        {
            notes.add("yosys is not installed (apt-get install yosys): no synthesis figures");
            if (t == Target.ICE40 && !available.test("nextpnr-ice40"))
            {
                notes.add("nextpnr-ice40 is not installed (apt-get install nextpnr-ice40): no Fmax");
            }
            return new Report(t, Map.of(), null, 0, null, null, notes, null, null, 0);
        }
        return synth(t, work, true, available,
            () -> MappedRtl.write(work, fp, net, observed, stepStart, channel, steps), MappedRtl.source(),
            MappedRtl.BOARD_TOP, t0, notes);
    }

    /** Writes a design's top and memory images; returns the top's file. */
    private interface Design
    {
        Path write() throws IOException;
    }

    private static Report synth(final Target t, final Path work, final boolean placeAndRoute,
        final java.util.function.Predicate<String> available, final Design design, final Path source,
        final String boardTop, final long t0, final List<String> notes) throws IOException
    {
        final Path wrapper = design.write();
        final Path json = work.resolve("synth.json");
        final Path stat = work.resolve("stat.txt");
        final String script = "read_verilog -defer " + source + " " + wrapper + "; "
            + t.pass + " -flatten -top " + boardTop + (t == Target.ICE40 ? " -json " + json : "")
            + "; tee -q -o " + stat + " stat";
        final Exec y = exec(work, 3600, "yosys", "-q", "-l", work.resolve("yosys.log").toString(), "-p", script);
        if (y.code != 0 || !Files.exists(stat))
        {
            notes.add("yosys failed (exit " + y.code + "): " + lastLines(y.output, 3) + " (log in "
                + work.resolve("yosys.log") + ")");
            return new Report(t, Map.of(), null, 0, null, null, notes, version("yosys", "-V"), null, secs(t0));
        }
        final Map<String, Long> cells = cells(Files.readString(stat, StandardCharsets.UTF_8));
        final long lut;
        final long ff;
        final long blocks;
        final long bramBits;
        final long dsp;
        if (t == Target.ICE40)
        {
            lut = sum(cells, "SB_LUT4");
            ff = sumPrefix(cells, "SB_DFF");
            blocks = sum(cells, "SB_RAM40_4K");
            bramBits = blocks * 4096;
            dsp = sum(cells, "SB_MAC16");
        }
        else
        {
            lut = sumPrefix(cells, "LUT") + 4 * sum(cells, "RAM32M") + 4 * sum(cells, "RAM64M")
                + 2 * sum(cells, "RAM32X1D") + 2 * sum(cells, "RAM64X1D") + sum(cells, "RAM32X1S")
                + sum(cells, "RAM64X1S") + 2 * sum(cells, "RAM128X1D") + sum(cells, "SRL16E") + sum(cells, "SRLC32E");
            ff = sumPrefix(cells, "FD");
            blocks = sum(cells, "RAMB18E1") + 2 * sum(cells, "RAMB36E1");
            bramBits = blocks * 18432;
            dsp = sum(cells, "DSP48E1");
        }
        final Area area = new Area(lut, ff, bramBits, dsp);
        Double fmax = null;
        String placement = null;
        String nextpnrVersion = null;
        if (t == Target.ICE40 && placeAndRoute)
        {
            if (!available.test("nextpnr-ice40"))
            {
                notes.add("nextpnr-ice40 is not installed (apt-get install nextpnr-ice40): no placement, no Fmax");
            }
            else
            {
                nextpnrVersion = version("nextpnr-ice40", "--version");
                final Path pcf = FabricRtl.rtlDir().getParent().resolve("constraints").resolve("ice40-up5k.pcf");
                final Exec p = exec(work, 3600, "nextpnr-ice40", "--up5k", "--package", "sg48", "--pcf",
                    pcf.toString(), "--json", json.toString(), "--asc", work.resolve("fabric.asc").toString(),
                    "--freq", "12", "--seed", "1", "--log", work.resolve("nextpnr.log").toString());
                final String log = Files.exists(work.resolve("nextpnr.log"))
                    ? Files.readString(work.resolve("nextpnr.log"), StandardCharsets.UTF_8) : p.output;
                final Matcher m = Pattern.compile("Max frequency for clock '[^']*': ([0-9.]+) MHz").matcher(log);
                while (m.find())
                {
                    fmax = Double.parseDouble(m.group(1)); // the last report is the routed one
                }
                final Matcher lc = Pattern.compile("ICESTORM_LC:\\s+(\\d+)/\\s*(\\d+)").matcher(log);
                final Matcher ram = Pattern.compile("ICESTORM_RAM:\\s+(\\d+)/\\s*(\\d+)").matcher(log);
                if (lc.find() && ram.find())
                {
                    placement = String.format(Locale.ROOT, "%s/%s logic cells, %s/%s block RAMs", lc.group(1),
                        lc.group(2), ram.group(1), ram.group(2));
                }
                if (fmax == null)
                {
                    notes.add("nextpnr-ice40 did not place and route the design (exit " + p.code + "): "
                        + lastLines(log, 2));
                }
            }
        }
        return new Report(t, cells, area, blocks, fmax, placement, notes, version("yosys", "-V"), nextpnrVersion,
            secs(t0));
    }

    /** Cell counts of a flattened Yosys {@code stat}. */
    static Map<String, Long> cells(final String stat)
    {
        final Map<String, Long> out = new LinkedHashMap<>();
        final Matcher m = Pattern.compile("^\\s+(\\$?[A-Za-z_][A-Za-z0-9_$]*)\\s+(\\d+)\\s*$", Pattern.MULTILINE)
            .matcher(stat);
        while (m.find())
        {
            out.merge(m.group(1), Long.parseLong(m.group(2)), Long::sum);
        }
        return out;
    }

    private static long sum(final Map<String, Long> cells, final String name)
    {
        return cells.getOrDefault(name, 0L);
    }

    private static long sumPrefix(final Map<String, Long> cells, final String prefix)
    {
        long s = 0;
        for (final Map.Entry<String, Long> e : cells.entrySet())
        {
            if (e.getKey().startsWith(prefix))
            {
                s += e.getValue();
            }
        }
        return s;
    }

    private record Exec(int code, String output)
    {
    }

    private static Exec exec(final Path dir, final long timeoutS, final String... cmd) throws IOException
    {
        final Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try
        {
            if (!p.waitFor(timeoutS, TimeUnit.SECONDS))
            {
                p.destroyForcibly();
                return new Exec(-1, out + "\n(timed out after " + timeoutS + " s)");
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Exec(-1, "interrupted");
        }
        return new Exec(p.exitValue(), out);
    }

    private static String version(final String tool, final String flag)
    {
        try
        {
            final String v = exec(Path.of("."), 30, tool, flag).output.strip();
            return v.lines().findFirst().orElse(v);
        }
        catch (final IOException e)
        {
            return null;
        }
    }

    private static String lastLines(final String s, final int n)
    {
        final List<String> l = s.strip().lines().filter(x -> !x.isBlank()).toList();
        return String.join(" | ", l.subList(Math.max(0, l.size() - n), l.size()));
    }

    private static double secs(final long t0)
    {
        return (System.nanoTime() - t0) / 1e9;
    }
}
