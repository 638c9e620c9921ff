package org.scfabric.bench.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A finished sweep: every point with the figures of its own results.json, in the order of the cross
 * product (never the order the points finished in), written as sweep.json, sweep.csv and sweep.md.
 */
public final class SweepTable
{
    /** One point and what its run reported. */
    public record PointResult(SweepPoint point, double wallS, List<PointFigures.Row> rows)
    {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String command;
    private final List<String> common;
    private final List<Axis> axes;
    private final List<PointResult> points;

    public SweepTable(final String command, final List<String> common, final List<Axis> axes,
        final List<PointResult> points)
    {
        this.command = command;
        this.common = List.copyOf(common);
        this.axes = List.copyOf(axes);
        this.points = List.copyOf(points);
    }

    public List<Axis> axes()
    {
        return axes;
    }

    public List<PointResult> points()
    {
        return points;
    }

    /** Every figure name of every row, in the order first seen. */
    public List<String> figureNames()
    {
        final Set<String> s = new LinkedHashSet<>();
        points.forEach(p -> p.rows().forEach(r -> s.addAll(r.figures().keySet())));
        return List.copyOf(s);
    }

    /** The row labels (variants, arithmetics), in the order first seen. */
    public List<String> labels()
    {
        final Set<String> s = new LinkedHashSet<>();
        points.forEach(p -> p.rows().forEach(r -> s.add(r.label())));
        return List.copyOf(s);
    }

    /** The figure of the row {@code label} of a point; NaN if it has none. */
    public static double figure(final PointResult p, final String label, final String name)
    {
        for (final PointFigures.Row r : p.rows())
        {
            if (r.label().equals(label))
            {
                final Double v = r.figures().get(name);
                return v == null ? Double.NaN : v;
            }
        }
        return Double.NaN;
    }

    public void writeJson(final Path file) throws IOException
    {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("command", command);
        final ArrayNode c = root.putArray("common_args");
        common.forEach(c::add);
        final ArrayNode ax = root.putArray("params");
        for (final Axis a : axes)
        {
            final ObjectNode o = ax.addObject();
            o.put("name", a.name());
            final ArrayNode vs = o.putArray("values");
            a.values().forEach(vs::add);
        }
        final ArrayNode ps = root.putArray("points");
        for (final PointResult p : points)
        {
            final ObjectNode o = ps.addObject();
            o.put("index", p.point().index());
            final ObjectNode pv = o.putObject("params");
            p.point().values().forEach(pv::put);
            o.put("folder", p.point().folder());
            num(o, "wall_s", p.wallS());
            final ArrayNode rs = o.putArray("runs");
            for (final PointFigures.Row r : p.rows())
            {
                final ObjectNode ro = rs.addObject();
                ro.put("label", r.label());
                final ObjectNode f = ro.putObject("figures");
                r.figures().forEach((k, v) -> num(f, k, v));
            }
        }
        MAPPER.writeValue(file.toFile(), root);
    }

    /** One line per point and run: the axes, the run's label, then every figure (empty where a row has none). */
    public void writeCsv(final Path file) throws IOException
    {
        final List<String> figs = figureNames();
        final StringBuilder sb = new StringBuilder();
        final List<String> head = new ArrayList<>();
        axes.forEach(a -> head.add(a.name()));
        head.add("run");
        head.addAll(figs);
        sb.append(String.join(",", head.stream().map(SweepTable::csv).toList())).append('\n');
        for (final PointResult p : points)
        {
            for (final PointFigures.Row r : p.rows())
            {
                final List<String> cells = new ArrayList<>();
                axes.forEach(a -> cells.add(csv(p.point().values().get(a.name()))));
                cells.add(csv(r.label()));
                for (final String f : figs)
                {
                    final Double v = r.figures().get(f);
                    cells.add(v == null || !Double.isFinite(v) ? "" : plain(v));
                }
                sb.append(String.join(",", cells)).append('\n');
            }
        }
        Files.writeString(file, sb.toString());
    }

    /** The Markdown table of the chosen figures (all when {@code figures} is empty). */
    public String toMarkdown(final List<String> figures, final List<String> plots)
    {
        final List<String> figs = figures.isEmpty() ? figureNames() : figures;
        final StringBuilder sb = new StringBuilder();
        sb.append("# Sweep: scfabric ").append(command).append("\n\n");
        sb.append(String.format(Locale.ROOT, "%d points (%s)%s.%n%n", points.size(),
            String.join(" × ", axes.stream().map(a -> a.name() + " " + String.join(",", a.values())).toList()),
            common.isEmpty() ? "" : ", each with `" + String.join(" ", common) + "`"));
        final List<String> head = new ArrayList<>();
        axes.forEach(a -> head.add(a.name()));
        head.add("run");
        head.addAll(figs);
        sb.append("| ").append(String.join(" | ", head)).append(" |\n");
        sb.append("|").append("---|".repeat(head.size())).append('\n');
        for (final PointResult p : points)
        {
            for (final PointFigures.Row r : p.rows())
            {
                final List<String> cells = new ArrayList<>();
                axes.forEach(a -> cells.add(p.point().values().get(a.name())));
                cells.add(r.label().isEmpty() ? "–" : "[" + r.label() + "](" + p.point().folder() + "/)");
                for (final String f : figs)
                {
                    final Double v = r.figures().get(f);
                    cells.add(v == null || !Double.isFinite(v) ? "–" : v == Math.rint(v) && Math.abs(v) < 1e12
                        ? Long.toString((long)(double)v) : String.format(Locale.ROOT, "%.4g", v));
                }
                sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
            }
        }
        if (!plots.isEmpty())
        {
            sb.append("\n## Heat maps\n\n");
            plots.forEach(f -> sb.append("![").append(f).append("](plots/").append(f).append(")\n\n"));
        }
        sb.append("\nEvery point's own report is in its folder; sweep.csv and sweep.json have every figure.\n");
        return sb.toString();
    }

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

    private static String plain(final double v)
    {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long)v) : Double.toString(v);
    }

    private static String csv(final String s)
    {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
