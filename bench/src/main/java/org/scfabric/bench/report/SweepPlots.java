package org.scfabric.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.HeatMapChart;
import org.scfabric.bench.sweep.Axis;
import org.scfabric.bench.sweep.SweepTable;

/**
 * Heat maps of a two-parameter sweep: the first axis across, the second up, one cell per point, coloured
 * by one figure of one run (the value printed in the cell); blank where the figure is undefined (no spike:
 * no CV). Marks (such as Brunel's states A–D) are circled letters in the upper left corner of the cell of
 * their coordinates, shifted between cells in proportion where a coordinate lies between two swept values.
 */
public final class SweepPlots
{
    /** A labelled point of the plane, in the axes' units. */
    public record Mark(String label, double x, double y)
    {
    }

    private SweepPlots()
    {
    }

    /**
     * Draws one figure over the two axes; a point without the figure is a blank cell. Returns false, and draws
     * nothing, when no point has it (e.g. the CV of ISIs where no neuron spiked twice): a chart of blanks only.
     */
    public static boolean heatMap(final Path png, final SweepTable t, final String run, final String figure,
        final String title, final List<Mark> marks) throws IOException
    {
        final Axis ax = t.axes().get(0);
        final Axis ay = t.axes().get(1);
        final int nx = ax.values().size();
        final int ny = ay.values().size();
        final List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (final SweepTable.PointResult p : t.points())
        {
            final double v = SweepTable.figure(p, run, figure);
            if (!Double.isFinite(v))
            {
                continue;
            }
            final int i = ax.values().indexOf(p.point().values().get(ax.name()));
            final int j = ay.values().indexOf(p.point().values().get(ay.name()));
            cells.add(new Number[] {i, j, v});
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (cells.isEmpty())
        {
            return false;
        }
        final MarkedHeatMap c = new MarkedHeatMap(120 + 90 * nx, 140 + 60 * ny, nx, ny, ax, ay, marks);
        c.setTitle(title);
        c.setXAxisTitle(ax.name());
        c.setYAxisTitle(ay.name());
        PlotStyle.apply(c, 12);
        c.getStyler().setShowValue(true);
        c.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setHeatMapValueDecimalPattern("#,##0.###");
        c.getStyler().setRangeColors(new Color[] {new Color(0x31, 0x36, 0x95), new Color(0x74, 0xAD, 0xD1),
            new Color(0xFF, 0xFF, 0xBF), new Color(0xF4, 0x6D, 0x43), new Color(0xA5, 0x00, 0x26)});
        // the legend prints the range's ends as they are: three significant digits, widened outwards
        final double lo = round(min, java.math.RoundingMode.FLOOR);
        final double hi = round(max > min ? max : min + 1, java.math.RoundingMode.CEILING);
        c.getStyler().setMin(lo);
        c.getStyler().setMax(hi > lo ? hi : lo + 1);
        c.addSeries(run.isEmpty() ? figure : run + " " + figure, ax.values(), ay.values(), cells);
        PlotStyle.savePng(c, png);
        return true;
    }

    private static double round(final double v, final java.math.RoundingMode mode)
    {
        return v == 0 ? 0 : new java.math.BigDecimal(v).round(new java.math.MathContext(3, mode)).doubleValue();
    }

    /** A heat map that draws its marks over the cells once XChart has laid the plot out. */
    private static final class MarkedHeatMap extends HeatMapChart
    {
        private final int nx;
        private final int ny;
        private final Axis ax;
        private final Axis ay;
        private final List<Mark> marks;

        MarkedHeatMap(final int w, final int h, final int nx, final int ny, final Axis ax, final Axis ay,
            final List<Mark> marks)
        {
            // the theme's constructor: the plain one leaves the heat map's fonts and colours unset
            super(w, h, org.knowm.xchart.style.Styler.ChartTheme.XChart);
            this.nx = nx;
            this.ny = ny;
            this.ax = ax;
            this.ay = ay;
            this.marks = marks;
        }

        @Override
        public void paint(final Graphics2D g, final int width, final int height)
        {
            super.paint(g, width, height);
            if (marks.isEmpty())
            {
                return;
            }
            final Rectangle2D b = plot.getBounds();
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            final FontMetrics fm = g.getFontMetrics();
            for (final Mark m : marks)
            {
                final double fx = position(ax, m.x());
                final double fy = position(ay, m.y());
                if (Double.isNaN(fx) || Double.isNaN(fy))
                {
                    continue;
                }
                // the cells fill the plot's content size (a fraction of the plot), centred in it
                final double s = getStyler().getPlotContentSize();
                final double w = b.getWidth() * s;
                final double h = b.getHeight() * s;
                // in the cell's upper left corner, clear of the value printed in its centre
                final double cx = b.getX() + (b.getWidth() - w) / 2 + (fx + 0.2) * w / nx;
                final double cy = b.getY() + (b.getHeight() + h) / 2 - (fy + 0.75) * h / ny;
                final int r = 10;
                g.setColor(Color.WHITE);
                g.fillOval((int)cx - r, (int)cy - r, 2 * r, 2 * r);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1.5f));
                g.drawOval((int)cx - r, (int)cy - r, 2 * r, 2 * r);
                g.drawString(m.label(), (int)(cx - fm.stringWidth(m.label()) / 2.0), (int)(cy + fm.getAscent() / 2.0
                    - 2));
            }
        }
    }

    /**
     * Where {@code v} falls along a numeric axis, in cells (0 the first value's centre), interpolated between
     * neighbouring values; NaN outside the axis or on a non-numeric one.
     */
    static double position(final Axis a, final double v)
    {
        if (!a.numeric())
        {
            return Double.NaN;
        }
        final List<String> vs = a.values();
        for (int k = 0; k < vs.size(); k++)
        {
            final double x0 = Double.parseDouble(vs.get(k).trim());
            if (x0 == v)
            {
                return k;
            }
            if (k + 1 < vs.size())
            {
                final double x1 = Double.parseDouble(vs.get(k + 1).trim());
                if ((v - x0) * (v - x1) < 0)
                {
                    return k + (v - x0) / (x1 - x0);
                }
            }
        }
        return Double.NaN;
    }
}
