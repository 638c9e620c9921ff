package org.scfabric.bench.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** The one look of scfabric's plots (white, light grid, sans-serif), and PNG output. */
public final class PlotStyle
{
    private PlotStyle()
    {
    }

    /**
     * Style a chart; {@code basePt} is the tick-label size, the other fonts scale from it
     * (legend +1, axis titles +2, chart title +4).
     */
    public static void apply(final Chart<?, ?> c, final int basePt)
    {
        final Styler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x99, 0x99, 0x99));
        s.setLegendBorderColor(new Color(0xcc, 0xcc, 0xcc));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, basePt + 4));
        s.setChartTitleBoxVisible(false);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, basePt + 1));
        s.setAntiAlias(true);
        if (s instanceof AxesChartStyler a)
        {
            a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, basePt + 2));
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, basePt));
            a.setPlotGridLinesColor(new Color(0xe4, 0xe4, 0xe4));
        }
    }

    public static void savePng(final Chart<?, ?> c, final Path png) throws IOException
    {
        BitmapEncoder.saveBitmap(c, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
