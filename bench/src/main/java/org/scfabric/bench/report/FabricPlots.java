package org.scfabric.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.scfabric.hw.fabric.FabricResult;

/** PNG plots of a fabric run: latency histograms, FIFO occupancy, cycles per timestep over time. */
public final class FabricPlots
{
    static
    {
        if (System.getProperty("java.awt.headless") == null)
        {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private FabricPlots()
    {
    }

    /** Writes latency.png, fifo-occupancy.png and cycles-per-step.png into {@code dir}; returns how many. */
    public static int write(final Path dir, final FabricReport report, final String title) throws IOException
    {
        Files.createDirectories(dir);
        final FabricResult r = report.result();
        latency(dir.resolve("latency.png"), r, title);
        fifo(dir.resolve("fifo-occupancy.png"), r, title);
        steps(dir.resolve("cycles-per-step.png"), r, report.budget(), title);
        return 3;
    }

    static void latency(final Path png, final FabricResult r, final String title) throws IOException
    {
        final XYChart c = new XYChartBuilder().width(900).height(520)
            .title("Latency to first / last delivery (" + title + ")")
            .xAxisTitle("cycles from a spike (or input event) to its first / last delivery").yAxisTitle("spikes").build();
        style(c);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        addHistogram(c, "to first delivery", r.latencyFirst(), new Color(0x1f, 0x77, 0xb4));
        addHistogram(c, "to last delivery", r.latencyLast(), new Color(0xd6, 0x27, 0x28));
        save(c, png);
    }

    private static void addHistogram(final XYChart c, final String name, final Histogram h, final Color color)
    {
        final List<Double> x = new ArrayList<>();
        final List<Double> y = new ArrayList<>();
        if (h.getTotalCount() > 0)
        {
            final long width = Math.max(1, (h.getMaxValue() - h.getMinValue()) / 120);
            for (final HistogramIterationValue v : h.linearBucketValues(width))
            {
                x.add((double)v.getValueIteratedTo());
                y.add((double)v.getCountAddedInThisIterationStep());
            }
        }
        if (x.isEmpty())
        {
            x.add(0.0);
            y.add(0.0);
        }
        final XYSeries s = c.addSeries(name + String.format(Locale.ROOT, " (p50 %d, p99 %d)",
            h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(50), h.getTotalCount() == 0 ? 0
                : h.getValueAtPercentile(99)), x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
    }

    static void fifo(final Path png, final FabricResult r, final String title) throws IOException
    {
        final long[] h = r.fifoOccupancy();
        final int top = r.maxFifoOccupancy();
        long total = 0;
        for (final long v : h)
        {
            total += v;
        }
        final List<String> x = new ArrayList<>();
        final List<Double> y = new ArrayList<>();
        for (int n = 0; n <= top; n++)
        {
            x.add(Integer.toString(n));
            y.add(100.0 * h[n] / Math.max(1, total));
        }
        final CategoryChart c = new CategoryChartBuilder().width(900).height(520)
            .title("FIFO occupancy: share of FIFO-cycles at each fill level (depth " + r.params().fifoDepth() + ", "
                + title + ")")
            .xAxisTitle("entries in the FIFO").yAxisTitle("% of FIFO-cycles").build();
        style(c);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisMaxLabelCount(30);
        c.addSeries("occupancy", x, y).setFillColor(new Color(0x2b, 0x6c, 0xb0));
        save(c, png);
    }

    static void steps(final Path png, final FabricResult r, final long budget, final String title) throws IOException
    {
        final long[] s = r.stepCycles();
        final int stride = Math.max(1, s.length / 4000);
        final List<Double> x = new ArrayList<>();
        final List<Double> y = new ArrayList<>();
        for (int t = 0; t < s.length; t += stride)
        {
            long m = 0;
            for (int i = t; i < Math.min(s.length, t + stride); i++)
            {
                m = Math.max(m, s[i]);
            }
            x.add((double)t);
            y.add((double)m);
        }
        final XYChart c = new XYChartBuilder().width(1000).height(520)
            .title("Cycles per timestep (" + title + ")" + (stride > 1 ? ", max of every " + stride + " steps" : ""))
            .xAxisTitle("timestep").yAxisTitle("cycles").build();
        style(c);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        final XYSeries ser = c.addSeries("cycles", x, y);
        ser.setMarker(SeriesMarkers.NONE);
        ser.setLineColor(new Color(0x1f, 0x77, 0xb4));
        if (budget <= 4L * r.maxStepCycles())
        {
            final XYSeries b = c.addSeries("budget " + budget + " cycles", List.of(0.0, (double)s.length),
                List.of((double)budget, (double)budget));
            b.setMarker(SeriesMarkers.NONE);
            b.setLineColor(new Color(0xd6, 0x27, 0x28));
        }
        save(c, png);
    }

    private static void style(final Chart<?, ?> c)
    {
        PlotStyle.apply(c, 11);
    }

    private static void save(final Chart<?, ?> c, final Path png) throws IOException
    {
        PlotStyle.savePng(c, png);
    }
}
