package org.scfabric.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots of a Brunel run (XChart): a spike raster per run, the mean rate of every variant beside
 * Brian2's, the inter-spike-interval distribution of a few runs, and the distribution of per-neuron
 * rates.
 */
public final class BrunelPlots
{
    /** Raster window: the first this many neurons ... */
    public static final int RASTER_NEURONS = 200;
    /** ... over the first this many milliseconds. */
    public static final double RASTER_MS = 200.0;
    /** ISI histogram: the range adapts to the data, within 10 ms .. 10 × this. */
    static final double ISI_MAX_MS = 150.0;

    private static final Color EXC = new Color(0x1f, 0x5f, 0xb4);
    private static final Color INH = new Color(0xc8, 0x32, 0x32);
    private static final Color SC = new Color(0x2b, 0x6c, 0xb0);
    private static final Color BRIAN = new Color(0xe0, 0x8a, 0x1e);
    private static final Color[] LINES = {new Color(0x1f, 0x77, 0xb4), new Color(0x2c, 0xa0, 0x2c),
        new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
        new Color(0x17, 0xbe, 0xcf), new Color(0x7f, 0x7f, 0x7f), new Color(0xbc, 0xbd, 0x22)};

    static
    {
        if (System.getProperty("java.awt.headless") == null)
        {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private BrunelPlots()
    {
    }

    /** A labelled raster for the plots. */
    public record Labelled(String label, Raster raster)
    {
    }

    /** Spike raster of the first {@link #RASTER_NEURONS} neurons over the first {@link #RASTER_MS} ms. */
    public static void raster(final Path png, final String title, final Raster r) throws IOException
    {
        final XYChart c = new XYChartBuilder().width(1000).height(560).title(title)
            .xAxisTitle("time (ms)").yAxisTitle("neuron").build();
        style(c);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(3);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(RASTER_MS);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax((double)Math.min(RASTER_NEURONS, r.neuronCount()));
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        final List<Double> ex = new ArrayList<>();
        final List<Double> ey = new ArrayList<>();
        final List<Double> ix = new ArrayList<>();
        final List<Double> iy = new ArrayList<>();
        final int lastStep = (int)Math.floor(RASTER_MS / r.dtMs());
        for (int k = 0; k < r.spikes(); k++)
        {
            final int s = r.steps()[k];
            if (s >= lastStep)
            {
                break;
            }
            final int n = r.neurons()[k];
            if (n >= RASTER_NEURONS)
            {
                continue;
            }
            (n < r.nExc() ? ex : ix).add(s * r.dtMs());
            (n < r.nExc() ? ey : iy).add((double)n);
        }
        final boolean inhShown = Math.min(RASTER_NEURONS, r.neuronCount()) > r.nExc();
        if (!ex.isEmpty() || ix.isEmpty())
        {
            // a layer of its own (no inhibitory population) is one population of "neurons"
            addScatter(c, (r.nInh() == 0 ? "neurons (" : "excitatory (") + ex.size() + " spikes)", ex, ey, EXC);
        }
        if (!ix.isEmpty())
        {
            addScatter(c, "inhibitory (" + ix.size() + " spikes)", ix, iy, INH);
        }
        else if (!inhShown)
        {
            c.getStyler().setLegendVisible(!ex.isEmpty());
        }
        save(c, png);
    }

    private static void addScatter(final XYChart c, final String name, final List<Double> x, final List<Double> y,
        final Color color)
    {
        // XChart needs a point per series: an empty window gets one NaN point (not drawn)
        final XYSeries s = x.isEmpty() ? c.addSeries(name, new double[] {0}, new double[] {Double.NaN})
            : c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
    }

    /** Mean rate per variant, with the Brian2 modes as differently coloured bars at the end. */
    public static void rates(final Path png, final Map<String, Double> variantRates, final Map<String, Double> brianRates,
        final String subtitle) throws IOException
    {
        final CategoryChart c = new CategoryChartBuilder().width(1100).height(560)
            .title("Mean firing rate per variant" + (subtitle.isEmpty() ? "" : " (" + subtitle + ")"))
            .xAxisTitle("").yAxisTitle("rate (Hz)").build();
        style(c);
        c.getStyler().setOverlapped(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        c.getStyler().setLabelsFontColorAutomaticEnabled(false);
        c.getStyler().setLabelsFontColor(Color.DARK_GRAY);
        c.getStyler().setLabelsPosition(0.93);
        c.getStyler().setDecimalPattern("#0.0");
        final int cats0 = brianRates.size() + variantRates.size();
        final int longest = java.util.stream.Stream.concat(variantRates.keySet().stream(), brianRates.keySet().stream())
            .mapToInt(String::length).max().orElse(0);
        // labels get about 1000/cats px each: rotate when they would touch (about 8 px a character)
        c.getStyler().setXAxisLabelRotation(longest * 8 > 1000 / Math.max(1, cats0) ? 30 : 0);
        c.getStyler().setYAxisMin(0.0);
        final List<String> cats = new ArrayList<>(variantRates.keySet());
        cats.addAll(brianRates.keySet());
        final List<Double> sc = new ArrayList<>();
        final List<Double> br = new ArrayList<>();
        for (final String k : cats)
        {
            sc.add(variantRates.containsKey(k) ? finite(variantRates.get(k)) : null);
            br.add(brianRates.containsKey(k) ? finite(brianRates.get(k)) : null);
        }
        c.addSeries("scfabric", cats, sc).setFillColor(SC);
        if (!brianRates.isEmpty())
        {
            c.addSeries("Brian2", cats, br).setFillColor(BRIAN);
        }
        save(c, png);
    }

    private static double finite(final Double d)
    {
        return d == null || !Double.isFinite(d) ? 0.0 : d;
    }

    /** ISI distribution (fraction of intervals per ms) of a few runs, as overlaid step lines. */
    public static void isi(final Path png, final List<Labelled> runs) throws IOException
    {
        final XYChart c = new XYChartBuilder().width(1000).height(560)
            .title("Inter-spike-interval distribution").xAxisTitle("ISI (ms)")
            .yAxisTitle("fraction of intervals per ms").build();
        style(c);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setYAxisDecimalPattern("0.000");
        final List<double[]> all = new ArrayList<>();
        double p99 = 0;
        for (final Labelled l : runs)
        {
            final double[] isis = SpikeMetrics.isisMs(l.raster());
            all.add(isis);
            if (isis.length > 0)
            {
                final double[] sorted = isis.clone();
                java.util.Arrays.sort(sorted);
                p99 = Math.max(p99, sorted[(int)Math.floor(0.99 * (sorted.length - 1))]);
            }
        }
        // range: up to the largest 99th percentile, on a 1-2-5 step; bins of 1/100 of it (0.1 ms at least)
        final double range = niceCeil(Math.max(10.0, Math.min(ISI_MAX_MS * 10, p99 * 1.1)));
        final double binMs = Math.max(0.1, range / 100.0);
        final int bins = (int)Math.round(range / binMs);
        c.getStyler().setXAxisMax(range);
        unevenX(c, range);
        c.setYAxisTitle("fraction of intervals per ms (bins of " + trimNum(binMs) + " ms)");
        int k = 0;
        for (final Labelled l : runs)
        {
            final double[] isis = all.get(k);
            final double[] x = new double[bins];
            final double[] y = new double[bins];
            for (int b = 0; b < bins; b++)
            {
                x[b] = b * binMs;
            }
            for (final double v : isis)
            {
                final int b = (int)(v / binMs);
                if (b < bins)
                {
                    y[b]++;
                }
            }
            if (isis.length > 0)
            {
                for (int b = 0; b < bins; b++)
                {
                    y[b] /= isis.length * binMs;
                }
            }
            final XYSeries s = c.addSeries(String.format(Locale.ROOT, "%s (%d ISIs)", l.label(), isis.length), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(LINES[k % LINES.length]);
            s.setLineStyle(new BasicStroke(k == 0 || l.label().startsWith("Brian2") ? 2.2f : 1.4f));
            k++;
        }
        if (runs.isEmpty())
        {
            c.addSeries("no runs", new double[] {0}, new double[] {0});
        }
        save(c, png);
    }

    /** Distribution of per-neuron firing rates (fraction of neurons per 2 Hz bin) of a few runs. */
    public static void rateDistribution(final Path png, final List<Labelled> runs) throws IOException
    {
        double max = 10;
        final List<double[]> perRun = new ArrayList<>();
        for (final Labelled l : runs)
        {
            final Raster r = l.raster();
            final double[] rates = new double[r.neuronCount()];
            for (final int n : r.neurons())
            {
                if (n < rates.length)
                {
                    rates[n] += 1.0 / r.seconds();
                }
            }
            for (final double v : rates)
            {
                max = Math.max(max, v);
            }
            perRun.add(rates);
        }
        final double bin = max > 400 ? 10.0 : 2.0;
        final int bins = (int)Math.ceil(max / bin) + 1;
        final XYChart c = new XYChartBuilder().width(1000).height(560)
            .title("Per-neuron firing rate distribution").xAxisTitle("rate (Hz)")
            .yAxisTitle("fraction of neurons per " + (int)bin + " Hz bin").build();
        style(c);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setYAxisDecimalPattern("0.00");
        unevenX(c, bins * bin);
        for (int k = 0; k < runs.size(); k++)
        {
            final double[] rates = perRun.get(k);
            final double[] x = new double[bins];
            final double[] y = new double[bins];
            for (int b = 0; b < bins; b++)
            {
                x[b] = b * bin;
            }
            for (final double v : rates)
            {
                y[Math.min(bins - 1, (int)(v / bin))] += 1.0 / Math.max(1, rates.length);
            }
            final XYSeries s = c.addSeries(runs.get(k).label(), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(LINES[k % LINES.length]);
            s.setLineStyle(new BasicStroke(k == 0 || runs.get(k).label().startsWith("Brian2") ? 2.2f : 1.4f));
        }
        if (runs.isEmpty())
        {
            c.addSeries("no runs", new double[] {0}, new double[] {0});
        }
        save(c, png);
    }

    /**
     * Picks at most {@code max} runs for the overlaid plots. Runs with identical spikes are drawn once,
     * labelled "V1 = V18 = V20" (otherwise the last one hides the others); groups holding one of the
     * favourites come first, the rest in order. Runs without a spike are left out.
     */
    public static List<Labelled> choose(final Map<String, Raster> runs, final List<String> favourites, final int max)
    {
        final Map<Raster, List<String>> groups = new LinkedHashMap<>();
        runs.forEach((k, v) ->
        {
            if (v.spikes() > 0) // runs without spikes (probability outputs) have nothing to show here
            {
                groups.computeIfAbsent(v, x -> new ArrayList<>()).add(k);
            }
        });
        final List<Map.Entry<Raster, List<String>>> order = new ArrayList<>();
        for (final String f : favourites)
        {
            for (final Map.Entry<Raster, List<String>> e : groups.entrySet())
            {
                if (e.getValue().contains(f) && !order.contains(e))
                {
                    order.add(e);
                }
            }
        }
        for (final Map.Entry<Raster, List<String>> e : groups.entrySet())
        {
            if (!order.contains(e))
            {
                order.add(e);
            }
        }
        final List<Labelled> out = new ArrayList<>();
        for (final Map.Entry<Raster, List<String>> e : order.subList(0, Math.min(max, order.size())))
        {
            out.add(new Labelled(String.join(" = ", e.getValue()), e.getKey()));
        }
        return out;
    }

    /**
     * XChart puts a tick on every x value when all series share equally spaced x values (a
     * histogram's bins): a hidden series with one off-grid x value makes it choose round ticks.
     */
    private static void unevenX(final XYChart c, final double range)
    {
        final XYSeries s = c.addSeries(" ", new double[] {0, range * 0.3719}, new double[] {Double.NaN, Double.NaN});
        s.setShowInLegend(false);
        s.setMarker(SeriesMarkers.NONE);
    }

    static double niceCeil(final double v)
    {
        final double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (final double m : new double[] {1, 2, 5, 10})
        {
            if (m * mag >= v)
            {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    private static String trimNum(final double v)
    {
        return v == Math.rint(v) ? Long.toString((long)v) : String.format(Locale.ROOT, "%.2g", v);
    }

    private static void style(final Chart<?, ?> c)
    {
        PlotStyle.apply(c, 12);
        if (c.getStyler() instanceof org.knowm.xchart.style.AxesChartStyler a)
        {
            a.setXAxisTickMarkSpacingHint(90);
        }
    }

    private static void save(final Chart<?, ?> c, final Path png) throws IOException
    {
        PlotStyle.savePng(c, png);
    }
}
