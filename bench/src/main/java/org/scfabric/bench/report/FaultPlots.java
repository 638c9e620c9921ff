package org.scfabric.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.scfabric.bench.faults.AtomicFiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PNG plots of campaign reports (XChart), each written atomically. For one report: rate error per
 * bit position (one series per kind), fault classes per component kind and per site group, and for
 * a rate campaign, rate error and masked fraction against the fault rate. For several reports
 * ({@code faults compare}): the same figures with one series per report.
 */
public final class FaultPlots
{
    static final Color MASKED = new Color(0x4C, 0xAF, 0x50);
    static final Color DEGRADED = new Color(0xFF, 0xB3, 0x00);
    static final Color FAILED = new Color(0xD3, 0x2F, 0x2F);

    private FaultPlots()
    {
    }

    /** The plots of one report; returns the files written. */
    public static List<Path> write(final JsonNode report, final Path dir)
    {
        System.setProperty("java.awt.headless", "true");
        final List<Path> out = new ArrayList<>();
        final String title = title(report);
        if (report.has("by_rate"))
        {
            out.add(save(rateChart(List.of(report), "rate_error", "mean rate error", title), dir.resolve(
                "rate-error-vs-fault-rate.png")));
            out.add(save(rateChart(List.of(report), "masked_fraction", "masked fraction", title), dir.resolve(
                "masked-vs-fault-rate.png")));
            return dropStale(dir, out);
        }
        final XYChart bits = xy("Mean rate error per bit position — " + title, "bit position", "mean rate error");
        final List<String> kinds = new ArrayList<>();
        report.path("campaign").path("kinds").forEach(k -> kinds.add(k.asText()));
        for (final String kind : kinds)
        {
            final List<Double> x = new ArrayList<>();
            final List<Double> y = new ArrayList<>();
            final java.util.TreeMap<Integer, double[]> acc = new java.util.TreeMap<>();
            report.path("outcomes").forEach(o ->
            {
                if (o.path("kind").asText().equals(kind) && !o.path("rate_error").isNull())
                {
                    final double[] a = acc.computeIfAbsent(o.path("bit").asInt(), b -> new double[2]);
                    a[0] += o.path("rate_error").asDouble();
                    a[1]++;
                }
            });
            acc.forEach((b, a) ->
            {
                x.add((double)b);
                y.add(a[0] / a[1]);
            });
            if (!x.isEmpty())
            {
                bits.addSeries(kind, x, y).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        out.add(save(bits, dir.resolve("error-by-bit.png")));
        out.add(save(classes(report.path("by_component"), "Fault classes per component kind — " + title),
            dir.resolve("classes-by-component.png")));
        out.add(save(classes(report.path("by_group"), "Fault classes per site group — " + title),
            dir.resolve("classes-by-group.png")));
        if (report.path("summary").has("argmax_changed"))
        {
            out.add(save(argmax(report.path("by_group"), "Faults that changed the output's argmax, per site group — "
                + title), dir.resolve("argmax-by-group.png")));
            final XYChart byBit = xy("Faults that changed the argmax, per bit position — " + title, "bit position",
                "fraction of faults");
            series(byBit, "argmax changed", report.path("by_bit"), "argmax_changed_fraction");
            out.add(save(byBit, dir.resolve("argmax-by-bit.png")));
        }
        return dropStale(dir, out);
    }

    /** Every plot {@link #write} makes, of one kind of report or another. */
    private static final List<String> ONE_REPORT = List.of("rate-error-vs-fault-rate.png", "masked-vs-fault-rate.png",
        "error-by-bit.png", "classes-by-component.png", "classes-by-group.png", "argmax-by-group.png",
        "argmax-by-bit.png");

    /**
     * Removes the plots of an earlier report that this one does not make (an argmax plot of a readout network beside
     * a Brunel campaign's plots would be read as this campaign's).
     */
    private static List<Path> dropStale(final Path dir, final List<Path> written)
    {
        for (final String name : ONE_REPORT)
        {
            final Path p = dir.resolve(name);
            if (!written.contains(p))
            {
                try
                {
                    java.nio.file.Files.deleteIfExists(p);
                }
                catch (final java.io.IOException e)
                {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return written;
    }

    /** Comparison plots of several reports (one series per report); returns the files written. */
    public static List<Path> compare(final List<JsonNode> reports, final Path dir)
    {
        return compare(reports, null, dir);
    }

    /**
     * The same, {@code sources} naming each report (its file) for the legend when two reports would
     * otherwise get the same series name (null: numbered instead).
     */
    public static List<Path> compare(final List<JsonNode> reports, final List<String> sources, final Path dir)
    {
        System.setProperty("java.awt.headless", "true");
        final java.util.Map<JsonNode, String> names = new java.util.IdentityHashMap<>();
        final List<String> unique = seriesNames(reports, sources);
        for (int i = 0; i < reports.size(); i++)
        {
            names.put(reports.get(i), unique.get(i));
        }
        final List<Path> out = new ArrayList<>();
        final List<JsonNode> single = reports.stream().filter(r -> r.has("by_bit")).toList();
        final List<JsonNode> rates = reports.stream().filter(r -> r.has("by_rate")).toList();
        if (!single.isEmpty())
        {
            final XYChart bits = xy("Single stuck-at faults: mean rate error per bit position", "bit position",
                "mean rate error");
            final XYChart masked = xy("Single stuck-at faults: masked fraction per bit position", "bit position",
                "masked fraction");
            for (final JsonNode r : single)
            {
                series(bits, names.get(r), r.path("by_bit"), "mean_rate_error");
                series(masked, names.get(r), r.path("by_bit"), "masked_fraction");
            }
            out.add(save(bits, dir.resolve("compare-error-by-bit.png")));
            out.add(save(masked, dir.resolve("compare-masked-by-bit.png")));
            final CategoryChart comp = new CategoryChartBuilder().width(1000).height(560)
                .title("Masked fraction per component kind").xAxisTitle("component").yAxisTitle("masked fraction")
                .build();
            style(comp);
            comp.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
            // one group of bars per component kind, one bar per report (0 where a report has no such component)
            final java.util.TreeSet<String> kinds = new java.util.TreeSet<>();
            single.forEach(r -> r.path("by_component").fieldNames().forEachRemaining(kinds::add));
            final List<String> cats = new ArrayList<>(kinds);
            for (final JsonNode r : single)
            {
                final List<Double> vals = new ArrayList<>();
                for (final String k : cats)
                {
                    final JsonNode v = r.path("by_component").path(k).path("masked_fraction");
                    vals.add(v.isMissingNode() || v.isNull() ? 0.0 : v.asDouble());
                }
                comp.addSeries(names.get(r), cats, vals);
            }
            comp.getStyler().setXAxisLabelRotation(cats.size() > 5 ? 20 : 0);
            out.add(save(comp, dir.resolve("compare-masked-by-component.png")));
        }
        if (!rates.isEmpty())
        {
            out.add(save(rateChart(rates, names, "mean_rate_error", "mean rate error", null),
                dir.resolve("compare-rate-error-vs-fault-rate.png")));
            out.add(save(rateChart(rates, names, "masked_fraction", "masked fraction", null),
                dir.resolve("compare-masked-vs-fault-rate.png")));
        }
        return out;
    }

    private static XYChart rateChart(final List<JsonNode> reports, final String field, final String yTitle,
        final String title)
    {
        final java.util.Map<JsonNode, String> names = new java.util.IdentityHashMap<>();
        reports.forEach(r -> names.put(r, label(r)));
        return rateChart(reports, names, field, yTitle, title);
    }

    private static XYChart rateChart(final List<JsonNode> reports, final java.util.Map<JsonNode, String> names,
        final String field, final String yTitle, final String title)
    {
        final XYChart c = xy((title == null ? "" : title + ": ") + yTitle + " against the fault rate",
            "fault rate (fraction of the selected bits, each a random stuck-at)", yTitle);
        c.getStyler().setXAxisLogarithmic(true);
        final String key = field.equals("rate_error") ? "mean_rate_error" : field;
        final boolean logY = key.equals("mean_rate_error");
        if (logY)
        {
            // errors span decades; a rate with no error at all has no point on a log axis
            c.getStyler().setYAxisLogarithmic(true);
            c.setYAxisTitle(yTitle + " (log; rates without error not drawn)");
        }
        for (final JsonNode r : reports)
        {
            series(c, names.get(r), r.path("by_rate"), key, logY);
        }
        return c;
    }

    private static void series(final XYChart c, final String name, final JsonNode byKey, final String field)
    {
        series(c, name, byKey, field, false);
    }

    private static void series(final XYChart c, final String name, final JsonNode byKey, final String field,
        final boolean positiveOnly)
    {
        final List<Double> x = new ArrayList<>();
        final List<Double> y = new ArrayList<>();
        for (final Iterator<Map.Entry<String, JsonNode>> it = byKey.fields(); it.hasNext();)
        {
            final Map.Entry<String, JsonNode> e = it.next();
            final JsonNode v = e.getValue().path(field);
            if (!v.isNull() && !v.isMissingNode() && (!positiveOnly || v.asDouble() > 0))
            {
                x.add(Double.parseDouble(e.getKey()));
                y.add(v.asDouble());
            }
        }
        if (!x.isEmpty())
        {
            final XYSeries s = c.addSeries(name, x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
    }

    private static CategoryChart classes(final JsonNode by, final String title)
    {
        final CategoryChart c = new CategoryChartBuilder().width(1000).height(560).title(title)
            .xAxisTitle("").yAxisTitle("fraction of faults").build();
        style(c);
        c.getStyler().setStacked(true);
        c.getStyler().setYAxisMax(1.0).setYAxisMin(0.0);
        c.getStyler().setXAxisLabelRotation(by.size() > 4 ? 35 : 0);
        final List<String> names = new ArrayList<>();
        final List<Double> m = new ArrayList<>();
        final List<Double> d = new ArrayList<>();
        final List<Double> f = new ArrayList<>();
        int shown = 0;
        for (final Iterator<Map.Entry<String, JsonNode>> it = by.fields(); it.hasNext() && shown < 40; shown++)
        {
            final Map.Entry<String, JsonNode> e = it.next();
            final double n = Math.max(1, e.getValue().path("items").asDouble());
            names.add(e.getKey() + " (" + e.getValue().path("items").asLong() + ")");
            m.add(e.getValue().path("masked").asDouble() / n);
            d.add(e.getValue().path("degraded").asDouble() / n);
            f.add(e.getValue().path("failed").asDouble() / n);
        }
        if (names.isEmpty())
        {
            names.add("(none)");
            m.add(0.0);
            d.add(0.0);
            f.add(0.0);
        }
        c.addSeries("masked", names, m).setFillColor(MASKED);
        c.addSeries("degraded", names, d).setFillColor(DEGRADED);
        c.addSeries("failed", names, f).setFillColor(FAILED);
        return c;
    }

    /** Per group, the fraction of its faults that changed the network's decision (a NIR network's argmax). */
    private static CategoryChart argmax(final JsonNode by, final String title)
    {
        final CategoryChart c = new CategoryChartBuilder().width(1000).height(560).title(title)
            .xAxisTitle("").yAxisTitle("fraction of faults").build();
        style(c);
        c.getStyler().setYAxisMin(0.0).setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(by.size() > 4 ? 35 : 0);
        final List<String> names = new ArrayList<>();
        final List<Double> a = new ArrayList<>();
        int shown = 0;
        for (final Iterator<Map.Entry<String, JsonNode>> it = by.fields(); it.hasNext() && shown < 40; shown++)
        {
            final Map.Entry<String, JsonNode> e = it.next();
            names.add(e.getKey() + " (" + e.getValue().path("items").asLong() + ")");
            a.add(e.getValue().path("argmax_changed_fraction").asDouble(0.0));
        }
        if (names.isEmpty())
        {
            names.add("(none)");
            a.add(0.0);
        }
        c.addSeries("argmax changed", names, a).setFillColor(FAILED);
        return c;
    }

    private static XYChart xy(final String title, final String x, final String y)
    {
        final XYChart c = new XYChartBuilder().width(1000).height(560).title(title).xAxisTitle(x).yAxisTitle(y).build();
        style(c);
        return c;
    }

    private static void style(final Chart<?, ?> c)
    {
        final Styler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setAntiAlias(true);
    }

    /**
     * One legend name per report, all different (a chart takes a series name once): the variant; for a
     * variant given twice its sites and mode too; for reports still alike their source, then a number.
     */
    static List<String> seriesNames(final List<JsonNode> reports, final List<String> sources)
    {
        final List<String> names = new ArrayList<>();
        for (final JsonNode r : reports)
        {
            names.add(label(r));
        }
        rename(names, i -> names.get(i) + " (" + reports.get(i).path("campaign").path("sites").asText() + ", "
            + reports.get(i).path("campaign").path("mode").asText() + ")");
        if (sources != null)
        {
            rename(names, i -> names.get(i) + " — " + sources.get(i));
        }
        rename(names, i -> names.get(i) + " #" + (i + 1));
        return names;
    }

    /** Replaces every name that occurs more than once by {@code more.apply(index)}. */
    private static void rename(final List<String> names, final java.util.function.IntFunction<String> more)
    {
        final Map<String, Integer> count = new java.util.HashMap<>();
        names.forEach(n -> count.merge(n, 1, Integer::sum));
        final List<String> out = new ArrayList<>(names);
        for (int i = 0; i < names.size(); i++)
        {
            if (count.get(names.get(i)) > 1)
            {
                out.set(i, more.apply(i));
            }
        }
        for (int i = 0; i < names.size(); i++)
        {
            names.set(i, out.get(i));
        }
    }

    static String title(final JsonNode report)
    {
        final JsonNode c = report.path("campaign");
        return c.path("workload").asText() + ", " + c.path("sites").asText() + ", " + c.path("mode").asText();
    }

    static String label(final JsonNode report)
    {
        final JsonNode c = report.path("campaign");
        final JsonNode v = c.path("params").path("variant");
        return v.isMissingNode() ? c.path("workload").asText() : v.asText();
    }

    private static Path save(final Chart<?, ?> chart, final Path file)
    {
        AtomicFiles.write(file, out ->
        {
            try
            {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
            catch (final IOException e)
            {
                throw e;
            }
        });
        return file;
    }
}
