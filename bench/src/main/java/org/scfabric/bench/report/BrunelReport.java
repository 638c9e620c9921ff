package org.scfabric.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.bench.brunel.Variant;
import org.scfabric.hw.area.Area;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The result of {@code scfabric brunel}: parameters, one row per variant run, the Brian2 rows, and
 * the machine it ran on. Writes the JSON of the CLI contract (DESIGN.md "Command line") and the
 * Markdown report.
 */
public record BrunelReport(BrunelParams params, List<RunRow> runs, List<Brian2Row> brian2,
    Map<Variant, String> skipped, Map<String, String> env)
{
    public static final String CV_DEFINITION = "mean over neurons with >= " + SpikeMetrics.CV_MIN_SPIKES
        + " spikes of (population std / mean) of that neuron's inter-spike intervals";
    public static final String FANO_DEFINITION = "variance / mean (population variance) of the whole network's spike"
        + " count in consecutive " + (int)SpikeMetrics.FANO_BIN_MS + " ms bins from t = 0 (a last partial bin dropped)";
    public static final String SYNCHRONY_DEFINITION = "Golomb's chi^2: variance over time of the population's mean"
        + " spike count per " + (int)SpikeMetrics.SYNC_BIN_MS + " ms bin / mean over neurons of each neuron's own"
        + " variance over those bins (about 1/N independent, 1 all together)";
    public static final String RATE_DEFINITION = "spikes / simulated seconds / neurons (exc, inh: of that population;"
        + " a variant whose spiking layer is not the N-neuron network, with extras.neurons, counts that layer's"
        + " neurons as one population)";
    public static final String WALL_DEFINITION = "run phase alone (network built before the clock starts); build_s is"
        + " building the network (connectivity, components, for Brian2 also code generation and compiling)";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The JSON tree: {@code {"params", "runs", "brian2", "skipped" (only when a variant did not run),
     * "metrics", "env"}}.
     */
    public ObjectNode toJson()
    {
        final ObjectNode root = MAPPER.createObjectNode();
        final ObjectNode p = root.putObject("params");
        p.put("neurons", params.nTotal());
        p.put("n_exc", params.nExc());
        p.put("n_inh", params.nInh());
        p.put("duration_ms", params.durationMs());
        p.put("dt_ms", params.dt());
        p.put("steps", params.steps());
        p.put("seed", params.seed());
        p.put("conn_prob", params.connProb());
        p.put("weight_exc_mv", params.weightExc());
        p.put("g", params.g());
        p.put("weight_inh_mv", params.weightInh());
        p.put("v_threshold_mv", params.vThreshold());
        p.put("v_reset_mv", params.vReset());
        p.put("v_rest_mv", params.vRest());
        p.put("tau_mem_ms", params.tauMem());
        p.put("eta", params.eta());
        p.put("nu_ext_hz", params.nuExt());
        p.put("lambda", params.lambda());
        // the reference's network writes what it always wrote; a changed delay or refractory period is said
        if (params.delaySteps() != 1)
        {
            p.put("delay_ms", params.delayMs());
        }
        if (params.refractoryGiven())
        {
            p.put("refractory_ms", params.refractoryMs());
        }

        final ArrayNode rs = root.putArray("runs");
        for (final RunRow r : runs)
        {
            final ObjectNode o = rs.addObject();
            o.put("variant", r.variant().name());
            o.put("name", r.variant().title(params.nTotal()));
            o.put("reference", r.variant().reference());
            o.put("domain", r.variant().domain());
            o.put("hardware", r.variant().hardware());
            putMetrics(o, r.metrics());
            num(o, "build_s", r.buildS());
            num(o, "wall_s", r.wallS());
            num(o, "peak_mb", r.peakMb());
            o.put("cycles", r.cycles());
            if (r.area() != null)
            {
                final Area a = r.area();
                final ObjectNode ao = o.putObject("area");
                ao.put("lut", a.lut());
                ao.put("ff", a.ff());
                ao.put("bram_bits", a.bramBits());
                ao.put("dsp", a.dsp());
            }
            if (!r.extras().isEmpty())
            {
                final ObjectNode e = o.putObject("extras");
                r.extras().forEach((k, v) -> num(e, k, v == null ? Double.NaN : v));
            }
            final Map<String, Double> vs = wallVsBrian2(r);
            if (!vs.isEmpty())
            {
                final ObjectNode e = o.putObject("wall_vs_brian2");
                vs.forEach((k, v) -> num(e, k, v));
            }
        }
        final ArrayNode bs = root.putArray("brian2");
        for (final Brian2Row b : brian2)
        {
            final ObjectNode o = bs.addObject();
            o.put("mode", b.mode());
            if (!b.ok())
            {
                o.put("error", b.error());
                continue;
            }
            o.put("brian2_version", b.version());
            putMetrics(o, b.metrics());
            num(o, "build_s", b.buildS());
            num(o, "wall_s", b.wallS());
            num(o, "peak_mb", b.peakMb());
        }
        if (!skipped.isEmpty())
        {
            final ArrayNode sk = root.putArray("skipped");
            skipped.forEach((v, why) -> sk.addObject().put("variant", v.name()).put("name", v.title(params.nTotal()))
                .put("reference", v.reference()).put("reason", why));
        }
        final ObjectNode m = root.putObject("metrics");
        m.put("rate_hz", RATE_DEFINITION);
        m.put("cv_isi", CV_DEFINITION);
        m.put("fano", FANO_DEFINITION);
        m.put("synchrony", SYNCHRONY_DEFINITION);
        m.put("wall_s", WALL_DEFINITION);
        m.put("wall_vs_brian2", "wall_s of the variant / wall_s of the Brian2 mode (below 1: scfabric faster)");
        final ObjectNode e = root.putObject("env");
        env.forEach(e::put);
        return root;
    }

    /** Ratio of a variant's run phase to each Brian2 mode's run phase (modes that ran). */
    public Map<String, Double> wallVsBrian2(final RunRow r)
    {
        final Map<String, Double> out = new LinkedHashMap<>();
        for (final Brian2Row b : brian2)
        {
            if (b.ok() && b.wallS() > 0)
            {
                out.put(b.mode(), r.wallS() / b.wallS());
            }
        }
        return out;
    }

    private static void putMetrics(final ObjectNode o, final SpikeMetrics s)
    {
        o.put("spikes", s.spikes());
        num(o, "rate_hz", s.rateHz());
        num(o, "rate_exc_hz", s.rateExcHz());
        num(o, "rate_inh_hz", s.rateInhHz());
        num(o, "cv_isi", s.cvIsi());
        num(o, "fano", s.fano());
        num(o, "synchrony", s.synchrony());
    }

    /** NaN and infinities are not JSON: they become null. */
    private static void num(final ObjectNode o, final String k, final double v)
    {
        if (Double.isFinite(v))
        {
            o.put(k, v);
        }
        else
        {
            o.putNull(k);
        }
    }

    public void writeJson(final Path file) throws IOException
    {
        MAPPER.writeValue(file.toFile(), toJson());
    }

    public String jsonText() throws IOException
    {
        return MAPPER.writeValueAsString(toJson());
    }

    // ---------------------------------------------------------------- Markdown

    /** The Markdown report: the runs table, Brian2 beside it, and the definitions. */
    public String toMarkdown()
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("# Brunel network: scfabric variants\n\n");
        sb.append(String.format(Locale.ROOT,
            "N = %d (%d excitatory, %d inhibitory), %s ms simulated (%d step%s of %s ms), seed %d, λ = %s kicks/neuron/step.%n%n",
            params.nTotal(), params.nExc(), params.nInh(), fmtPlain(params.durationMs()), params.steps(),
            params.steps() == 1 ? "" : "s",
            fmtPlain(params.dt()), params.seed(), Double.toString(params.lambda())));
        sb.append(runsTable());
        if (runs.stream().anyMatch(r -> !r.extras().isEmpty()))
        {
            sb.append("\nVariant-specific figures (`extras` in results.json):\n\n");
            for (final RunRow r : runs)
            {
                if (!r.extras().isEmpty())
                {
                    final List<String> parts = new ArrayList<>();
                    r.extras().forEach((k, v) -> parts.add(k + " " + extra(v)));
                    sb.append("* ").append(r.variant().name()).append(": ").append(String.join(", ", parts)).append('\n');
                }
            }
        }
        if (!skipped.isEmpty())
        {
            sb.append('\n');
            skipped.forEach((v, why) -> sb.append("* **").append(v.name()).append(" ").append(v.title(params.nTotal()))
                .append(" did not run:** ").append(why).append('\n'));
        }
        if (!brian2.isEmpty())
        {
            sb.append("\n## Brian2, same N, duration and seed\n\n");
            sb.append(brian2Table());
            final boolean anyOk = brian2.stream().anyMatch(Brian2Row::ok);
            if (anyOk && !runs.isEmpty())
            {
                sb.append("\n## Run phase against Brian2\n\n");
                sb.append(ratioTable());
            }
        }
        sb.append("\n");
        sb.append(footer());
        return sb.toString();
    }

    /** The table printed to stdout and at the head of results.md. */
    public String runsTable()
    {
        final List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"variant", "name", "reference", "domain", "spikes", "rate Hz", "exc Hz", "inh Hz", "CV ISI", "Fano",
            "build s", "run s", "peak MB", "cycles", "LUT", "FF", "BRAM bits", "DSP"});
        for (final RunRow r : runs)
        {
            final SpikeMetrics m = r.metrics();
            final Area a = r.area();
            rows.add(new String[] {r.variant().name(), r.variant().title(params.nTotal()), r.variant().reference(),
                r.variant().domain(),
                Integer.toString(m.spikes()), f(m.rateHz(), 2), f(m.rateExcHz(), 2), f(m.rateInhHz(), 2),
                f(m.cvIsi(), 3), f(m.fano(), 2), f(r.buildS(), 3), f(r.wallS(), 3), f(r.peakMb(), 0),
                Long.toString(r.cycles()), a == null ? "–" : Long.toString(a.lut()), a == null ? "–" : Long.toString(a.ff()),
                a == null ? "–" : Long.toString(a.bramBits()), a == null ? "–" : Long.toString(a.dsp())});
        }
        return table(rows, 4);
    }

    private String brian2Table()
    {
        final List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Brian2 mode", "version", "spikes", "rate Hz", "exc Hz", "inh Hz", "CV ISI", "Fano",
            "build s", "run s", "peak MB"});
        final List<String> notes = new ArrayList<>();
        for (final Brian2Row b : brian2)
        {
            if (!b.ok())
            {
                rows.add(new String[] {b.mode(), "–", "–", "–", "–", "–", "–", "–", "–", "–", "–"});
                notes.add("* **" + b.mode() + " did not run:** " + b.error());
                continue;
            }
            final SpikeMetrics m = b.metrics();
            rows.add(new String[] {b.mode(), b.version(), Integer.toString(m.spikes()), f(m.rateHz(), 2),
                f(m.rateExcHz(), 2), f(m.rateInhHz(), 2), f(m.cvIsi(), 3), f(m.fano(), 2), f(b.buildS(), 3),
                f(b.wallS(), 3), f(b.peakMb(), 0)});
        }
        final StringBuilder sb = new StringBuilder(table(rows, 2));
        if (!notes.isEmpty())
        {
            sb.append('\n');
            notes.forEach(n -> sb.append(n).append('\n'));
        }
        sb.append("\nBrian2 draws from its own generator: the same seed gives a statistically equivalent network,"
            + " not scfabric's numpy-compatible one, so compare rates and statistics, not spike counts.\n");
        return sb.toString();
    }

    private String ratioTable()
    {
        final List<Brian2Row> ok = brian2.stream().filter(Brian2Row::ok).toList();
        final List<String[]> rows = new ArrayList<>();
        final String[] head = new String[2 + ok.size()];
        head[0] = "variant";
        head[1] = "run s";
        for (int k = 0; k < ok.size(); k++)
        {
            head[2 + k] = "÷ Brian2 " + ok.get(k).mode() + " (" + f(ok.get(k).wallS(), 3) + " s)";
        }
        rows.add(head);
        for (final RunRow r : runs)
        {
            final String[] row = new String[head.length];
            row[0] = r.variant().name();
            row[1] = f(r.wallS(), 3);
            for (int k = 0; k < ok.size(); k++)
            {
                row[2 + k] = f(r.wallS() / ok.get(k).wallS(), 2) + "×";
            }
            rows.add(row);
        }
        return table(rows, 1) + "\nBelow 1×: scfabric's run phase is faster than Brian2's.\n";
    }

    private String footer()
    {
        final StringBuilder sb = new StringBuilder("---\n\n");
        sb.append("* **rate**: ").append(RATE_DEFINITION).append(".\n");
        sb.append("* **CV ISI**: ").append(CV_DEFINITION).append("; – when no neuron has that many.\n");
        sb.append("* **Fano**: ").append(FANO_DEFINITION).append("; – when no spike.\n");
        sb.append("* **run s**: ").append(WALL_DEFINITION).append(".\n");
        sb.append("* **cycles**: clock cycles simulated (edges of the variant's fastest clock); **LUT/FF/BRAM bits/DSP**:"
            + " area estimate of the hardware variants from the component area models.\n");
        if (!env.isEmpty())
        {
            sb.append("* **machine**: ");
            final List<String> parts = new ArrayList<>();
            env.forEach((k, v) -> parts.add(k + " " + v));
            sb.append(String.join(", ", parts)).append(".\n");
        }
        return sb.toString();
    }

    /** A GitHub-style table; columns from {@code firstNumeric} on are right-aligned. */
    static String table(final List<String[]> rows, final int firstNumeric)
    {
        final int cols = rows.get(0).length;
        final int[] w = new int[cols];
        for (final String[] r : rows)
        {
            for (int c = 0; c < cols; c++)
            {
                w[c] = Math.max(w[c], Math.max(3, r[c].length()));
            }
        }
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++)
        {
            final String[] r = rows.get(i);
            sb.append('|');
            for (int c = 0; c < cols; c++)
            {
                final String pad = " ".repeat(w[c] - r[c].length());
                sb.append(' ').append(c >= firstNumeric && i > 0 ? pad + r[c] : r[c] + pad).append(" |");
            }
            sb.append('\n');
            if (i == 0)
            {
                sb.append('|');
                for (int c = 0; c < cols; c++)
                {
                    sb.append(c >= firstNumeric ? "-".repeat(w[c] + 1) + ":|" : ":" + "-".repeat(w[c] + 1) + "|");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static String f(final double v, final int decimals)
    {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "–";
    }

    private static String extra(final Double v)
    {
        if (v == null || !Double.isFinite(v))
        {
            return "–";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15)
        {
            return Long.toString(v.longValue());
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String fmtPlain(final double v)
    {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long)v) : Double.toString(v);
    }

    /** What the report says about the machine: Java, OS, cores, CPU model. */
    public static Map<String, String> currentEnv()
    {
        final Map<String, String> env = new LinkedHashMap<>();
        env.put("cpu", cpuModel());
        env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return env;
    }

    private static String cpuModel()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/cpuinfo")))
            {
                if (line.startsWith("model name"))
                {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        catch (final IOException | RuntimeException e)
        {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
