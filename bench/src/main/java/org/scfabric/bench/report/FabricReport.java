package org.scfabric.bench.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.scfabric.hw.area.Area;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.FabricSynth;
import org.scfabric.hw.fabric.FabricResult;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The figures of a fabric run as a designer reads them: cycles per timestep, total cycles and real
 * time at the clock, utilisation, FIFO occupancy, overflows, per-spike latency percentiles; as text,
 * as JSON, and the latency histograms as HdrHistogram {@code .hgrm} files.
 */
public final class FabricReport
{
    /** Percentiles printed and written to the JSON. */
    public static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private final FabricResult r;
    private final String workload;
    private final double dtMs;
    private final double clockMhz;
    private final Boolean matchesUnrolled;
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private int[] coreSizes;
    private final List<String[]> extraLines = new ArrayList<>();
    private String routed = "spikes";

    /**
     * @param workload        one line naming the network ("Brunel V3, N 1000, seed 42")
     * @param clockMhz        the clock the real time is computed at (the architecture's, or a synthesis Fmax)
     * @param matchesUnrolled whether the spikes equal the unrolled network's (null: not checked)
     */
    public FabricReport(final FabricResult r, final String workload, final double dtMs, final double clockMhz,
        final Boolean matchesUnrolled)
    {
        this.r = r;
        this.workload = workload;
        this.dtMs = dtMs;
        this.clockMhz = clockMhz;
        this.matchesUnrolled = matchesUnrolled;
    }

    /** Adds a top-level JSON section (e.g. the synthesis figures). */
    public FabricReport with(final String key, final Object value)
    {
        extra.put(key, value);
        return this;
    }

    /** Neurons per core when the placement is not the contiguous one of {@link FabricParams#coreSize}. */
    public FabricReport withCoreSizes(final int[] sizes)
    {
        this.coreSizes = sizes.clone();
        return this;
    }

    /**
     * What the latency histograms count, for the text ("spikes" by default): a mapped network's input events are
     * routed through the same ports and counted with its spikes.
     */
    public FabricReport withRouted(final String what)
    {
        this.routed = what;
        return this;
    }

    /** A further line of the text report, after the figures (e.g. a mapped network's input and area lines). */
    public FabricReport withLine(final String key, final String value)
    {
        extraLines.add(new String[] {key, value});
        return this;
    }

    public FabricResult result()
    {
        return r;
    }

    public long budget()
    {
        return Math.round(clockMhz * 1000.0 * dtMs);
    }

    public String text()
    {
        final FabricParams p = r.params();
        final StringBuilder sb = new StringBuilder();
        final long budget = budget();
        final double simMs = r.steps() * dtMs;
        line(sb, "architecture", String.format(Locale.ROOT,
            "N %d, K %d cores (%d..%d neurons each), FIFO depth %d per core, %d fan-out port%s, core latency %d,"
                + " memory latency %d, %s, %s MHz",
            p.neurons(), p.cores(), minCore(p, coreSizes), maxCore(p, coreSizes), p.fifoDepth(), p.ports(), p.ports() == 1 ? "" : "s",
            p.coreLatency(), p.csrLatency(), p.overflow(), fmt(clockMhz)));
        line(sb, "workload", workload + String.format(Locale.ROOT, ", %s ms = %d steps of %s ms", fmt(simMs),
            r.steps(), fmt(dtMs)));
        line(sb, "spikes", String.format(Locale.ROOT, "%d (%.2f Hz per neuron)%s", r.totalSpikes(),
            r.totalSpikes() / (simMs / 1000.0) / p.neurons(), matchesUnrolled == null ? ""
                : matchesUnrolled ? "; identical to the unrolled network" : "; DIFFERENT from the unrolled network"));
        line(sb, "cycles per step", String.format(Locale.ROOT, "min %d, median %d, max %d (budget %d at %s MHz)",
            r.minStepCycles(), r.medianStepCycles(), r.maxStepCycles(), budget, fmt(clockMhz)));
        final double hwMs = r.hardwareSeconds(clockMhz) * 1000;
        final double rtf = r.realTimeFactor(clockMhz, dtMs);
        line(sb, "total cycles", String.format(Locale.ROOT, "%d = %.3f ms at %s MHz", r.totalCycles(), hwMs,
            fmt(clockMhz)));
        line(sb, "real-time factor", String.format(Locale.ROOT, "%.4f (hardware time / simulated time: %s)", rtf,
            rtf <= 1 ? String.format(Locale.ROOT, "%.1fx faster than real time", 1 / rtf)
                : String.format(Locale.ROOT, "%.1fx slower than real time", rtf)));
        final long late = r.lateSteps(budget);
        line(sb, "late steps", late == 0 ? "none: every step finished within its budget of " + budget + " cycles"
            : String.format(Locale.ROOT, "LATE: %d of %d steps exceeded the budget of %d cycles, the first step %d"
                + " (starting at cycle %d, %d cycles)", late, r.steps(), budget, r.firstLateStep(budget),
                r.stepStartCycle(r.firstLateStep(budget)), r.stepCycles()[r.firstLateStep(budget)]));
        final StringBuilder cores = new StringBuilder();
        for (int c = 0; c < p.cores(); c++)
        {
            cores.append(c == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", 100 * r.coreUtilisation(c)));
        }
        line(sb, "utilisation", String.format(Locale.ROOT, "cores %.1f %% (per core %% : %s), fan-out ports %.1f %%",
            100 * r.meanCoreUtilisation(), cores, 100 * r.portUtilisation()));
        line(sb, "FIFO occupancy", String.format(Locale.ROOT, "max %d of %d; mean %.2f; %.2f %% of FIFO-cycles empty",
            r.maxFifoOccupancy(), p.fifoDepth(), meanOccupancy(), 100.0 * r.fifoOccupancy()[0] / occupancySamples()));
        line(sb, "overflow", overflowText());
        line(sb, "latency (first)", latencyText(r.latencyFirst(), routed));
        line(sb, "latency (last)", latencyText(r.latencyLast(), routed));
        for (final String[] l : extraLines)
        {
            line(sb, l[0], l[1]);
        }
        line(sb, "simulator", String.format(Locale.ROOT, "%.2f s wall, %.2f M cycles/s", r.wallSeconds(),
            r.totalCycles() / Math.max(1e-9, r.wallSeconds()) / 1e6));
        return sb.toString();
    }

    /** The loud part: what overflowed, how often, from when. */
    public String overflowText()
    {
        final List<String> parts = new ArrayList<>();
        if (r.dropped() > 0)
        {
            parts.add(String.format(Locale.ROOT, "DROPPED %d spikes at full FIFOs, the first at cycle %d (step %d)",
                r.dropped(), r.firstDropCycle(), stepAt(r.firstDropCycle())));
        }
        if (r.stallCycles() > 0)
        {
            parts.add(String.format(Locale.ROOT, "cores waited %d core-cycles for FIFO space, the first at cycle %d"
                + " (step %d); no spike lost", r.stallCycles(), r.firstStallCycle(), stepAt(r.firstStallCycle())));
        }
        if (parts.isEmpty())
        {
            return r.firstFullCycle() < 0 ? "none: no FIFO was ever full"
                : "none lost, no core waited; a FIFO was full first at cycle " + r.firstFullCycle();
        }
        return String.join("; ", parts);
    }

    private int stepAt(final long cycle)
    {
        long c = 0;
        for (int t = 0; t < r.steps(); t++)
        {
            c += r.stepCycles()[t];
            if (cycle < c)
            {
                return t;
            }
        }
        return r.steps() - 1;
    }

    static String latencyText(final Histogram h, final String routed)
    {
        if (h.getTotalCount() == 0)
        {
            return "no samples (no spike had a fan-out)";
        }
        final StringBuilder sb = new StringBuilder();
        for (final double q : PERCENTILES)
        {
            sb.append(String.format(Locale.ROOT, "p%s %d, ", fmt(q), h.getValueAtPercentile(q)));
        }
        sb.append(String.format(Locale.ROOT, "max %d, mean %.1f cycles over %d %s", h.getMaxValue(), h.getMean(),
            h.getTotalCount(), routed));
        return sb.toString();
    }

    private long occupancySamples()
    {
        long s = 0;
        for (final long v : r.fifoOccupancy())
        {
            s += v;
        }
        return Math.max(1, s);
    }

    private double meanOccupancy()
    {
        double s = 0;
        for (int n = 0; n < r.fifoOccupancy().length; n++)
        {
            s += (double)n * r.fifoOccupancy()[n];
        }
        return s / occupancySamples();
    }

    private static int minCore(final FabricParams p, final int[] sizes)
    {
        int m = Integer.MAX_VALUE;
        for (int c = 0; c < p.cores(); c++)
        {
            m = Math.min(m, sizes != null ? sizes[c] : p.coreSize(c));
        }
        return m;
    }

    private static int maxCore(final FabricParams p, final int[] sizes)
    {
        int m = 0;
        for (int c = 0; c < p.cores(); c++)
        {
            m = Math.max(m, sizes != null ? sizes[c] : p.coreSize(c));
        }
        return m;
    }

    private static void line(final StringBuilder sb, final String key, final String value)
    {
        sb.append(String.format(Locale.ROOT, "%-17s %s%n", key, value));
    }

    static String fmt(final double v)
    {
        // 12 significant digits: 3 steps of 0.1 ms read 0.3 ms, not 0.30000000000000004
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long)v) : !Double.isFinite(v)
            ? String.valueOf(v) : new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros()
            .toPlainString();
    }

    /**
     * Step starts, spikes (pairs edge, neuron) and the finish as the Verilog bench prints them, sorted by
     * edge, then T before S before F, spikes by neuron.
     */
    public static List<String> events(final FabricResult r, final List<long[]> spikeTimes)
    {
        final List<long[]> ev = new ArrayList<>();
        long start = 0;
        for (int t = 0; t < r.steps(); t++)
        {
            ev.add(new long[] {start, 0, 0});
            start += r.stepCycles()[t];
        }
        for (final long[] s : spikeTimes)
        {
            ev.add(new long[] {s[0], 1, s[1]});
        }
        ev.add(new long[] {start, 2, 0});
        ev.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : a[1] != b[1] ? Long.compare(a[1], b[1])
            : Long.compare(a[2], b[2]));
        final List<String> out = new ArrayList<>(ev.size());
        for (final long[] e : ev)
        {
            out.add(e[1] == 0 ? "T " + e[0] : e[1] == 1 ? "S " + e[0] + " " + e[2] : "F " + e[0]);
        }
        return out;
    }

    /** The synthesis figures beside the estimate, and the real time at Fmax. */
    public static String synthText(final FabricSynth.Report s, final Area est, final long estBlocks,
        final FabricResult r, final double dtMs)
    {
        final StringBuilder sb = new StringBuilder();
        final String blockName = s.target() == FabricSynth.Target.ICE40 ? "SB_RAM40_4K" : "RAMB18";
        if (s.synthesized())
        {
            final Area a = s.area();
            line(sb, "synthesis", String.format(Locale.ROOT, "%s, %s: %d LUT, %d FF, %d block RAMs (%s, %d bits), %d DSP",
                s.target().title(), s.yosysVersion(), a.lut(), a.ff(), s.bramBlocks(), blockName, a.bramBits(), a.dsp()));
            line(sb, "estimate", String.format(Locale.ROOT, "%d LUT (%s), %d FF (%s), %d block RAMs (%s), %d DSP",
                est.lut(), err(est.lut(), a.lut()), est.ff(), err(est.ff(), a.ff()), estBlocks,
                err(estBlocks, s.bramBlocks()), est.dsp()));
            if (s.placement() != null)
            {
                line(sb, "placed", s.placement() + (s.nextpnrVersion() == null ? "" : " (" + s.nextpnrVersion() + ")"));
            }
            if (s.fmaxMhz() != null)
            {
                line(sb, "Fmax", String.format(Locale.ROOT, "%.2f MHz after place and route", s.fmaxMhz()));
                line(sb, "at Fmax", String.format(Locale.ROOT,
                    "%d cycles = %.3f ms; real-time factor %.4f (%s); budget %d cycles per step, %d late steps",
                    r.totalCycles(), r.hardwareSeconds(s.fmaxMhz()) * 1000, r.realTimeFactor(s.fmaxMhz(), dtMs),
                    r.realTimeFactor(s.fmaxMhz(), dtMs) <= 1 ? "faster than real time" : "SLOWER than real time",
                    Math.round(s.fmaxMhz() * 1000.0 * dtMs), r.lateSteps(Math.round(s.fmaxMhz() * 1000.0 * dtMs))));
            }
        }
        else
        {
            line(sb, "estimate", String.format(Locale.ROOT, "%d LUT, %d FF, %d block RAMs (%s), %d DSP (%s)",
                est.lut(), est.ff(), estBlocks, blockName, est.dsp(), s.target().title()));
        }
        for (final String note : s.notes())
        {
            line(sb, "synthesis note", note);
        }
        return sb.toString();
    }

    private static String err(final long est, final long actual)
    {
        return actual == 0 ? (est == 0 ? "exact" : "n/a") : String.format(Locale.ROOT, "%+.1f %%",
            100.0 * (est - actual) / actual);
    }

    public static Map<String, Object> synthJson(final FabricSynth.Report s, final Area est, final long estBlocks,
        final FabricResult r, final double dtMs)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", s.target().id());
        m.put("yosys", s.yosysVersion());
        m.put("nextpnr", s.nextpnrVersion());
        if (s.synthesized())
        {
            m.put("lut", s.area().lut());
            m.put("ff", s.area().ff());
            m.put("bram_blocks", s.bramBlocks());
            m.put("bram_bits", s.area().bramBits());
            m.put("dsp", s.area().dsp());
            m.put("cells", s.cells());
        }
        m.put("placement", s.placement());
        m.put("fmax_mhz", s.fmaxMhz());
        if (s.fmaxMhz() != null)
        {
            m.put("real_time_factor_at_fmax", r.realTimeFactor(s.fmaxMhz(), dtMs));
            m.put("hardware_ms_at_fmax", r.hardwareSeconds(s.fmaxMhz()) * 1000);
        }
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("lut", est.lut());
        e.put("ff", est.ff());
        e.put("bram_blocks", estBlocks);
        e.put("dsp", est.dsp());
        m.put("estimate", e);
        if (s.synthesized())
        {
            final Map<String, Object> er = new LinkedHashMap<>();
            er.put("lut_pct", pct(est.lut(), s.area().lut()));
            er.put("ff_pct", pct(est.ff(), s.area().ff()));
            er.put("bram_blocks_pct", pct(estBlocks, s.bramBlocks()));
            m.put("estimate_error", er);
        }
        m.put("notes", s.notes());
        m.put("seconds", s.seconds());
        return m;
    }

    private static Double pct(final long est, final long actual)
    {
        return actual == 0 ? null : 100.0 * (est - actual) / actual;
    }

    /** The JSON document (field names are part of the contract: scripts read them). */
    public Map<String, Object> json()
    {
        final FabricParams p = r.params();
        final Map<String, Object> m = new LinkedHashMap<>();
        final Map<String, Object> arch = new LinkedHashMap<>();
        arch.put("neurons", p.neurons());
        arch.put("cores", p.cores());
        arch.put("fifo_depth", p.fifoDepth());
        arch.put("ports", p.ports());
        arch.put("core_latency", p.coreLatency());
        arch.put("memory_latency", p.csrLatency());
        arch.put("overflow", p.overflow().name().toLowerCase(Locale.ROOT));
        arch.put("clock_mhz", p.clockMhz());
        m.put("architecture", arch);
        m.put("workload", workload);
        m.put("steps", r.steps());
        m.put("dt_ms", dtMs);
        m.put("spikes", r.totalSpikes());
        m.put("matches_unrolled", matchesUnrolled);
        final Map<String, Object> cyc = new LinkedHashMap<>();
        cyc.put("total", r.totalCycles());
        cyc.put("per_step_min", r.minStepCycles());
        cyc.put("per_step_median", r.medianStepCycles());
        cyc.put("per_step_max", r.maxStepCycles());
        cyc.put("per_step_mean", (double)r.totalCycles() / r.steps());
        cyc.put("budget_per_step", budget());
        cyc.put("late_steps", r.lateSteps(budget()));
        final int firstLate = r.firstLateStep(budget());
        cyc.put("first_late_step", firstLate);
        cyc.put("first_late_cycle", firstLate < 0 ? -1 : r.stepStartCycle(firstLate));
        m.put("cycles", cyc);
        m.put("clock_mhz", clockMhz);
        m.put("hardware_ms", r.hardwareSeconds(clockMhz) * 1000);
        m.put("real_time_factor", r.realTimeFactor(clockMhz, dtMs));
        final Map<String, Object> util = new LinkedHashMap<>();
        final double[] cores = new double[p.cores()];
        for (int c = 0; c < p.cores(); c++)
        {
            cores[c] = r.coreUtilisation(c);
        }
        util.put("cores", cores);
        util.put("cores_mean", r.meanCoreUtilisation());
        util.put("ports", r.portUtilisation());
        m.put("utilisation", util);
        final Map<String, Object> fifo = new LinkedHashMap<>();
        fifo.put("max", r.maxFifoOccupancy());
        fifo.put("mean", meanOccupancy());
        fifo.put("histogram", trimmed(r.fifoOccupancy()));
        m.put("fifo_occupancy", fifo);
        final Map<String, Object> ov = new LinkedHashMap<>();
        ov.put("dropped", r.dropped());
        ov.put("first_drop_cycle", r.firstDropCycle());
        ov.put("stall_cycles", r.stallCycles());
        ov.put("first_stall_cycle", r.firstStallCycle());
        ov.put("first_full_cycle", r.firstFullCycle());
        m.put("overflow", ov);
        final Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("first", latencyJson(r.latencyFirst()));
        lat.put("last", latencyJson(r.latencyLast()));
        m.put("latency_cycles", lat);
        m.put("wall_s", r.wallSeconds());
        m.put("cycles_per_s", r.totalCycles() / Math.max(1e-9, r.wallSeconds()));
        m.put("step_cycles", r.stepCycles());
        m.putAll(extra);
        return m;
    }

    private static long[] trimmed(final long[] h)
    {
        int n = h.length;
        while (n > 1 && h[n - 1] == 0)
        {
            n--;
        }
        return java.util.Arrays.copyOf(h, n);
    }

    static Map<String, Object> latencyJson(final Histogram h)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        if (h.getTotalCount() > 0)
        {
            m.put("min", h.getMinValue());
            for (final double q : PERCENTILES)
            {
                m.put("p" + fmt(q).replace('.', '_'), h.getValueAtPercentile(q));
            }
            m.put("max", h.getMaxValue());
            m.put("mean", h.getMean());
        }
        return m;
    }

    public void writeJson(final Path file) throws IOException
    {
        final ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        atomically(file, os -> om.writeValue(os, json()));
    }

    /** The latency histograms as .hgrm: {@code file} spike→last delivery, {@code <file>-first.hgrm} spike→first. */
    public void writeHgrm(final Path file) throws IOException
    {
        atomically(file, os -> hgrm(os, r.latencyLast()));
        atomically(firstHgrm(file), os -> hgrm(os, r.latencyFirst()));
    }

    /** One histogram as .hgrm. */
    public static void writeHgrm(final Path file, final Histogram h) throws IOException
    {
        atomically(file, os -> hgrm(os, h));
    }

    public static Path firstHgrm(final Path file)
    {
        final String name = file.getFileName().toString();
        final String base = name.endsWith(".hgrm") ? name.substring(0, name.length() - 5) : name;
        return file.resolveSibling(base + "-first.hgrm");
    }

    private static void hgrm(final OutputStream os, final Histogram h)
    {
        final PrintStream ps = new PrintStream(os, false, StandardCharsets.US_ASCII);
        h.outputPercentileDistribution(ps, 1.0);
        ps.flush();
    }

    interface Writer
    {
        void write(OutputStream os) throws IOException;
    }

    static void atomically(final Path file, final Writer w) throws IOException
    {
        final Path abs = file.toAbsolutePath();
        final Path tmp = abs.resolveSibling("." + abs.getFileName() + ".partial");
        try (OutputStream os = Files.newOutputStream(tmp))
        {
            w.write(os);
        }
        catch (final IOException | RuntimeException e)
        {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
