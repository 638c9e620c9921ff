package org.scfabric.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.scfabric.net.ref.ArithmeticRun;

/**
 * PNG plots of a {@code scfabric nir} run (XChart, {@link PlotStyle}): the output raster of one arithmetic, a
 * probed neuron's membrane in every arithmetic against float64, and the spike-count agreement of every spiking
 * node per arithmetic.
 */
public final class NirPlots
{
    /** Rasters and traces show at most this many steps (a plot of 10^6 points says nothing more). */
    public static final int MAX_STEPS = 5_000;
    /** A raster draws at most this many spikes. */
    static final int MAX_SPIKES = 200_000;

    /** One colour per arithmetic, in the order float64, q8.8, q16.12, sc. */
    private static final Color[] ARITH = {new Color(0x22, 0x22, 0x22), new Color(0xd6, 0x27, 0x28),
        new Color(0x1f, 0x77, 0xb4), new Color(0x2c, 0xa0, 0x2c), new Color(0x94, 0x67, 0xbd)};

    static
    {
        if (System.getProperty("java.awt.headless") == null)
        {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private NirPlots()
    {
    }

    /** The colour of an arithmetic (stable across plots). */
    static Color colour(final String arith)
    {
        return switch (arith)
        {
            case "float64" -> ARITH[0];
            case "q8.8" -> ARITH[1];
            case "q16.12" -> ARITH[2];
            case "sc" -> ARITH[3];
            default -> ARITH[4];
        };
    }

    /**
     * The spikes of every Output node of one run over its first {@link #MAX_STEPS} steps; outputs stacked in name
     * order (neuron axis = offset of the output + flat index).
     */
    public static void raster(final Path png, final String title, final ArithmeticRun run) throws IOException
    {
        final int last = Math.min(run.steps(), MAX_STEPS);
        final XYChart c = new XYChartBuilder().width(1000).height(520)
            .title(title + (run.steps() > last ? " (first " + last + " steps)" : ""))
            .xAxisTitle("step").yAxisTitle("output neuron").build();
        style(c);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(4);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax((double)last);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        unevenX(c, last);
        int offset = 0;
        int k = 0;
        for (final Map.Entry<String, ArithmeticRun.OutputTrain> o : run.outputs().entrySet())
        {
            final ArithmeticRun.OutputTrain t = o.getValue();
            final List<Double> x = new ArrayList<>();
            final List<Double> y = new ArrayList<>();
            for (int i = 0; i < t.size() && x.size() < MAX_SPIKES; i++)
            {
                if (t.steps()[i] >= last)
                {
                    break;
                }
                x.add((double)t.steps()[i]);
                y.add((double)(offset + t.indices()[i]));
            }
            final XYSeries s = x.isEmpty() ? c.addSeries(o.getKey() + " (no spikes)", new double[] {0},
                new double[] {Double.NaN}) : c.addSeries(o.getKey() + " (" + x.size() + " spikes)", x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(k++ == 0 ? colour(run.arith()) : ARITH[4]);
            int size = 1;
            for (final int d : t.shape())
            {
                size *= d;
            }
            offset += size;
        }
        c.getStyler().setYAxisMin(-0.5);
        c.getStyler().setYAxisMax(Math.max(1, offset) - 0.5);
        PlotStyle.savePng(c, png);
    }

    /**
     * The probed neuron's membrane after each step, every arithmetic in {@code traces} (float64 first, drawn
     * thickest), over the first {@link #MAX_STEPS} steps.
     */
    public static void membrane(final Path png, final String title, final Map<String, double[]> traces)
        throws IOException
    {
        int steps = 0;
        for (final double[] t : traces.values())
        {
            steps = Math.max(steps, t.length);
        }
        final int last = Math.min(steps, MAX_STEPS);
        final XYChart c = new XYChartBuilder().width(1000).height(520)
            .title(title + (steps > last ? " (first " + last + " steps)" : ""))
            .xAxisTitle("step").yAxisTitle("membrane v (after reset)").build();
        style(c);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax((double)Math.max(1, last));
        unevenX(c, last);
        for (final Map.Entry<String, double[]> e : traces.entrySet())
        {
            final int n = Math.min(last, e.getValue().length);
            final double[] x = new double[Math.max(1, n)];
            final double[] y = new double[Math.max(1, n)];
            for (int i = 0; i < n; i++)
            {
                x[i] = i;
                y[i] = e.getValue()[i];
            }
            if (n == 0)
            {
                y[0] = Double.NaN;
            }
            final XYSeries s = c.addSeries(e.getKey(), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colour(e.getKey()));
            // sc lies on q8.8 wherever its currents are exact (spike inputs, |w| = max|W|): dashed, both stay visible
            s.setLineStyle(e.getKey().equals("sc") ? new BasicStroke(1.3f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f)
                : new BasicStroke(e.getKey().equals("float64") ? 2.4f : 1.3f));
        }
        PlotStyle.savePng(c, png);
    }

    /**
     * Per spiking node (the categories, in node order) and arithmetic (the series): the fraction of its neurons
     * whose spike count equals float64's.
     */
    public static void agreement(final Path png, final String title, final List<String> nodes,
        final Map<String, Map<String, Double>> byArith) throws IOException
    {
        final CategoryChart c = new CategoryChartBuilder().width(1000).height(520).title(title)
            .xAxisTitle("spiking node").yAxisTitle("neurons with float64's spike count").build();
        style(c);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setYAxisDecimalPattern("0%");
        final int longest = nodes.stream().mapToInt(String::length).max().orElse(0);
        c.getStyler().setXAxisLabelRotation(longest * 8 > 900 / Math.max(1, nodes.size()) ? 30 : 0);
        final List<String> cats = nodes.isEmpty() ? List.of("(no spiking node)") : nodes;
        for (final Map.Entry<String, Map<String, Double>> a : byArith.entrySet())
        {
            final List<Double> y = new ArrayList<>();
            for (final String n : cats)
            {
                y.add(a.getValue().getOrDefault(n, 0.0));
            }
            c.addSeries(a.getKey(), cats, y).setFillColor(colour(a.getKey()));
        }
        if (byArith.isEmpty())
        {
            c.addSeries("(only float64 ran)", cats, java.util.Collections.nCopies(cats.size(), 0.0));
        }
        PlotStyle.savePng(c, png);
    }

    /**
     * XChart labels every x value when all series share evenly spaced ones; a hidden series at uneven x makes it
     * choose round ticks (as BrunelPlots does).
     */
    private static void unevenX(final XYChart c, final double range)
    {
        final XYSeries s = c.addSeries(" ", new double[] {0, range * 0.3719}, new double[] {Double.NaN, Double.NaN});
        s.setShowInLegend(false);
        s.setMarker(SeriesMarkers.NONE);
    }

    private static void style(final Chart<?, ?> c)
    {
        PlotStyle.apply(c, 12);
        if (c.getStyler() instanceof org.knowm.xchart.style.AxesChartStyler a)
        {
            a.setXAxisTickMarkSpacingHint(90);
        }
    }
}
