package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.scfabric.bench.sweep.Axis;
import org.scfabric.bench.sweep.PointFigures;
import org.scfabric.bench.sweep.SweepPoint;
import org.scfabric.bench.sweep.SweepTable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code scfabric sweep collect DIR}: the table of a sweep whose points ran elsewhere (a Slurm array). */
@Command(name = "collect", mixinStandardHelpOptions = true,
    description = {"Build the table of a sweep submitted with 'sweep ... --slurm' from its points' results.json: "
        + "sweep.json, sweep.csv, sweep.md and heat maps in DIR, as a local sweep writes them. Its Slurm job runs it "
        + "once every point succeeded; run it again by hand at any time."},
    footer = {"", "Example: scfabric sweep collect out/sweep",
        "Exit codes: 0 done, 2 DIR is not a submitted sweep, 1 a point has no results.json (its task failed)."})
final class SweepCollect implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "the --out folder of the sweep")
    String dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter stderr = spec.commandLine().getErr();
        final Path d = OptionValues.path(dir, "DIR");
        final Path planFile = d.resolve("slurm").resolve(SweepSlurm.PLAN);
        if (!Files.isRegularFile(planFile))
        {
            throw new BadInputException(dir + " is not a sweep submitted with --slurm (no slurm/" + SweepSlurm.PLAN
                + " in it)");
        }
        final JsonNode plan;
        try
        {
            plan = new ObjectMapper().readTree(planFile.toFile());
        }
        catch (final IOException e)
        {
            throw new BadInputException(planFile + " is not a sweep plan: " + Main.oneLine(e.getMessage()));
        }
        final String command = plan.path("command").asText();
        final List<String> common = strings(plan.path("common_args"));
        final List<Axis> axes = new ArrayList<>();
        for (final JsonNode a : plan.path("params"))
        {
            axes.add(new Axis(a.path("name").asText(), strings(a.path("values"))));
        }
        final List<SweepPoint> points = SweepPoint.crossProduct(axes);
        final List<SweepTable.PointResult> results = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        for (final SweepPoint p : points)
        {
            final Path json = d.resolve(p.folder()).resolve("results.json");
            if (!Files.isRegularFile(json))
            {
                missing.add(p.label());
                continue;
            }
            results.add(new SweepTable.PointResult(p, Double.NaN, PointFigures.read(json)));
        }
        if (!missing.isEmpty())
        {
            throw new RunFailedException(missing.size() + " of " + points.size() + " points have no results.json ("
                + String.join("; ", missing.subList(0, Math.min(3, missing.size()))) + (missing.size() > 3 ? "; ..." : "")
                + "): see " + d.resolve("slurm").resolve("logs"), null);
        }
        final SweepTable table = new SweepTable(command, common, axes, results);
        final SweepOutputs.Written w = SweepOutputs.write(d, table, command, strings(plan.path("figures")),
            SweepCommand.parseMarks(strings(plan.path("marks")), axes), plan.path("no_plots").asBoolean(), stderr);
        spec.commandLine().getOut().print(w.markdown());
        spec.commandLine().getOut().flush();
        stderr.println("sweep collect: wrote " + dir + "/sweep.json, sweep.csv, sweep.md" + (w.plots() == 0 ? ""
            : " and " + w.plots() + " heat maps in plots/"));
        stderr.flush();
        return 0;
    }

    private static List<String> strings(final JsonNode array)
    {
        final List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
