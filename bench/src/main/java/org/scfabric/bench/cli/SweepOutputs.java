package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.scfabric.bench.report.SweepPlots;
import org.scfabric.bench.sweep.SweepTable;

/**
 * What a finished sweep writes beside its points — sweep.csv, sweep.md, heat maps, sweep.json (last) — the
 * same whether the points ran on local threads ({@code sweep}) or as a Slurm array ({@code sweep collect}).
 */
final class SweepOutputs
{
    private SweepOutputs()
    {
    }

    /** The Markdown for stdout (without plot links) and how many heat maps were drawn. */
    record Written(String markdown, int plots)
    {
    }

    /** Writes the table into {@code dir}. */
    static Written write(final Path dir, final SweepTable table, final String command, final List<String> chosen,
        final List<SweepPlots.Mark> marks, final boolean noPlots, final PrintWriter stderr) throws IOException
    {
        final List<String> shown = shownFigures(table, command, chosen, stderr);
        final List<String> plots = new ArrayList<>();
        if (!noPlots && table.axes().size() == 2)
        {
            Files.createDirectories(dir.resolve("plots"));
            for (final String label : table.labels())
            {
                for (final String f : shown)
                {
                    final String name = (label.isEmpty() ? "" : label + "-") + f.replaceAll("[^A-Za-z0-9._-]", "_")
                        + ".png";
                    if (SweepPlots.heatMap(dir.resolve("plots").resolve(name), table, label, f,
                        (label.isEmpty() ? "" : label + ": ") + f, marks))
                    {
                        plots.add(name);
                    }
                }
            }
        }
        table.writeCsv(dir.resolve("sweep.csv"));
        Files.writeString(dir.resolve("sweep.md"), table.toMarkdown(shown, plots));
        table.writeJson(dir.resolve("sweep.json"));
        return new Written(table.toMarkdown(shown, List.of()), plots.size());
    }

    /** The chosen figures that some run reported (a name none reported is said, not drawn). */
    static List<String> shownFigures(final SweepTable t, final String command, final List<String> chosen,
        final PrintWriter stderr)
    {
        final List<String> all = t.figureNames();
        final List<String> want = chosen.isEmpty() ? SweepCommand.DEFAULT_FIGURES.get(command) : chosen;
        final List<String> shown = want.stream().filter(all::contains).toList();
        for (final String f : want)
        {
            if (chosen.contains(f) && !all.contains(f))
            {
                stderr.println("sweep: no point reported a figure '" + f + "'; figures: " + String.join(", ", all));
            }
        }
        return shown.isEmpty() && chosen.isEmpty() ? all : shown;
    }
}
