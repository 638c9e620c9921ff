package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.scfabric.bench.faults.Campaign;
import org.scfabric.bench.faults.CampaignSpec;
import org.scfabric.bench.faults.FaultCampaigns;
import org.scfabric.bench.faults.Shard;
import org.scfabric.bench.faults.Workload;
import org.scfabric.bench.faults.Workloads;
import org.scfabric.bench.report.FaultPlots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scfabric faults}: a stuck-at / bit-flip campaign over a design's fault sites. */
@Command(name = "faults", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Inject faults into a design, one per run (or random sets at given rates), compare every run "
            + "with the golden (fault-free) run of the same seed, and write a JSON report and PNG plots.",
        "Every outcome: spike-count change, rate error, van Rossum distance, first diverging time and a "
            + "class: masked (identical spikes), degraded (rate error <= --tolerance) or failed.",
        "Uses every core; a faulty run starts from the golden run's checkpoint before the fault, stuck-ats "
            + "on bits that never take the other value are masked without a run, and a run stops once its state "
            + "has rejoined the golden run (all exact)."},
    footer = {"", "Examples:",
        "  scfabric faults --variant fabric-v3 --neurons 1000 --duration-ms 100 \\",
        "      --sites 'core0.vmem[*][*]' --kinds sa0,sa1 --sample 385 --seed 1 \\",
        "      --json out/faults/v3.json --plots out/faults/v3",
        "  scfabric faults ... --shard 3/16 --json shard-3.json   (one of 16 machines)",
        "  scfabric faults merge --json all.json --plots plots shard-*.json   (then)",
        "Exit codes: 0 done, 2 bad input (nothing written), 1 a failure while running (the journal FILE.partial "
            + "stays; --resume continues it)."},
    subcommands = {FaultsCommand.Merge.class, FaultsCommand.Compare.class})
public final class FaultsCommand implements Callable<Integer>
{
    @Option(names = "--variant", defaultValue = "fabric-v3", paramLabel = "NAME",
        description = "design: V3, V4, V11, V14, dense-core, fabric-v3 or fabric-v11 (default: ${DEFAULT-VALUE})")
    String variant;

    @Option(names = "--neurons", defaultValue = "1000", paramLabel = "N", description = "network size (default: "
        + "${DEFAULT-VALUE})")
    String neurons;

    @Option(names = "--duration-ms", defaultValue = "100", paramLabel = "T",
        description = "simulated time per run in ms (default: ${DEFAULT-VALUE})")
    String durationMs;

    @Option(names = "--net-seed", defaultValue = "42", paramLabel = "S",
        description = "seed of the network (connectivity, drive; default: ${DEFAULT-VALUE})")
    String netSeed;

    @Option(names = "--cores", defaultValue = "4", paramLabel = "K",
        description = "neuron cores of the fabric designs (default: ${DEFAULT-VALUE})")
    String cores;

    @Option(names = "--sites", defaultValue = "*", paramLabel = "GLOB",
        description = "fault sites: a glob (* any run, ? one character, the rest literal), or several separated "
            + "by commas, e.g. 'core0.vmem[*][15]' or 'router.*,ctrl.*' (default: ${DEFAULT-VALUE})")
    String sites;

    @Option(names = "--max-items", defaultValue = "200000", paramLabel = "N",
        description = "refuse an unsampled campaign of more items than this per shard (an exhaustive run over "
            + "every bit of a large design takes hours and writes gigabytes; default: ${DEFAULT-VALUE})")
    String maxItems;

    @Option(names = "--kinds", defaultValue = "sa0,sa1,flip", paramLabel = "LIST",
        description = "fault kinds: sa0, sa1, flip (default: ${DEFAULT-VALUE})")
    String kinds;

    @Option(names = "--at", defaultValue = "auto", paramLabel = "WHEN",
        description = "when faults strike: auto (stuck-ats from cycle 0, flips at a random cycle), random, or a "
            + "cycle number (default: ${DEFAULT-VALUE})")
    String at;

    @Option(names = "--sample", paramLabel = "K",
        description = "run K faults drawn uniformly from sites × kinds instead of all; the report gives the "
            + "margin of error (385 faults: ±5 %%, 9604: ±1 %% at 95 %%)")
    String sample;

    @Option(names = "--rates", paramLabel = "LIST",
        description = "instead of single faults: trials of random faults, each selected bit faulty with this "
            + "probability, e.g. 1e-6,1e-5,1e-4,1e-3,1e-2")
    String rates;

    @Option(names = "--trials", defaultValue = "10", paramLabel = "T",
        description = "trials per rate with --rates (default: ${DEFAULT-VALUE})")
    String trials;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
        description = "seed of the campaign's draws: sample, fault cycles, rate trials (default: ${DEFAULT-VALUE})")
    String seed;

    @Option(names = "--tolerance", defaultValue = "0.05", paramLabel = "X",
        description = "rate error (Σ|Δ spikes per neuron| / golden spikes) up to which a changed run is degraded, "
            + "not failed (default: ${DEFAULT-VALUE})")
    String tolerance;

    @Option(names = "--tau-ms", defaultValue = "10", paramLabel = "MS",
        description = "time constant of the van Rossum distance (default: ${DEFAULT-VALUE})")
    String tauMs;

    @Option(names = "--shard", paramLabel = "i/n",
        description = "run only shard i of n (0 <= i < n) and write a shard file for 'faults merge'")
    String shard;

    @Option(names = "--threads", paramLabel = "N",
        description = "worker threads (default: every core)")
    String threads;

    @Option(names = "--json", defaultValue = "out/faults/faults.json", paramLabel = "FILE",
        description = "the report (or shard file), written in one piece at the end (default: ${DEFAULT-VALUE})")
    String json;

    @Option(names = "--plots", paramLabel = "DIR", description = "write PNG plots into DIR")
    String plots;

    @Option(names = "--resume", description = "continue an interrupted campaign from its journal FILE.partial")
    boolean resume;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final int n = intOption("--neurons", neurons, 2);
        final double ms = positive("--duration-ms", durationMs);
        final long ns = longOption("--net-seed", netSeed);
        final int k = intOption("--cores", cores, 1);
        final int nThreads = threads == null ? Runtime.getRuntime().availableProcessors()
            : intOption("--threads", threads, 1);
        final Shard sh;
        final CampaignSpec cs;
        final Path jsonPath = OptionValues.path(json, "--json");
        final Path plotDir = plots == null ? null : OptionValues.path(plots, "--plots");
        final int limit = intOption("--max-items", maxItems, 1);
        try
        {
            sh = shard == null ? Shard.ALL : Shard.parse(shard);
            final List<Double> rateList = new ArrayList<>();
            if (rates != null)
            {
                for (final String r : rates.split(","))
                {
                    rateList.add(number("--rates", r));
                }
            }
            cs = new CampaignSpec(sites, CampaignSpec.parseKinds(kinds), at,
                sample == null ? 0 : intOption("--sample", sample, 1), longOption("--seed", seed), rateList,
                rates == null ? 0 : intOption("--trials", trials, 1), number("--tolerance", tolerance),
                number("--tau-ms", tauMs));
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
        checkWritable(jsonPath, "--json");
        final Campaign c;
        try
        {
            final Workload w = Workloads.of(variant, n, ms, ns, k);
            c = Campaign.prepare(w, cs);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
        final long perShard = (c.items() + sh.count() - 1) / sh.count();
        if (perShard > limit)
        {
            throw new BadInputException(String.format(Locale.ROOT, "%s over '%s' is %d items%s, more than --max-items %d: "
                + "give --sample K (e.g. 9604 for 95 %% ± 1 %%), a narrower --sites glob, --shard i/n, or a larger "
                + "--max-items", cs.mode(), sites, c.items(), sh.whole() ? "" : " (" + perShard + " per shard)", limit));
        }
        err.println(String.format(Locale.ROOT, "faults: %s, %d neurons, %.1f ms (%d cycles): %d sites selected of %d, "
            + "%d items (%s)%s, %d threads", c.workload().name(), c.neurons(), c.durationMs(), c.cycles(),
            c.space().siteCount(), c.totalSites(), c.items(), cs.mode(), sh.whole() ? "" : ", shard " + sh, nThreads));
        final ProgressBar bar = new ProgressBar(err, System.console() != null);
        bar.start("faults " + c.workload().name());
        final FaultCampaigns.Done done;
        try
        {
            done = FaultCampaigns.execute(c, sh, nThreads, jsonPath, plotDir, FaultPlots::write, resume, err, bar::update);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
        bar.done(String.format(Locale.ROOT, "%.1f items/s", done.result().stats().faultsPerSecond()));
        final JsonNode s = readSummary(done.text());
        out.println("faults: " + done.result().stats());
        if (s != null)
        {
            out.println(String.format(Locale.ROOT, "faults: %d items: %d masked, %d degraded, %d failed; mean rate "
                + "error %s", s.path("items").asLong(), s.path("masked").asLong(), s.path("degraded").asLong(),
                s.path("failed").asLong(), s.path("mean_rate_error").asText()));
        }
        out.println("faults: wrote " + jsonPath + (done.plots().isEmpty() ? "" : " and " + done.plots().size()
            + " plots in " + plotDir));
        return 0;
    }

    private static JsonNode readSummary(final String text)
    {
        try
        {
            return new ObjectMapper().readTree(text).get("summary");
        }
        catch (final IOException e)
        {
            return null;
        }
    }

    static void checkWritable(final Path file, final String option)
    {
        final Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs))
        {
            throw new BadInputException(option + " " + file + " is a folder; give a file name");
        }
        Path p = abs.getParent();
        while (p != null && !Files.exists(p))
        {
            p = p.getParent();
        }
        if (p == null || !Files.isDirectory(p) || !Files.isWritable(p))
        {
            throw new BadInputException(option + " " + file + ": cannot create it (" + (p == null ? "no folder"
                : p + (Files.isDirectory(p) ? " is not writable" : " is not a folder")) + ")");
        }
    }

    static int intOption(final String name, final String v, final int min)
    {
        try
        {
            final int x = Integer.parseInt(v.trim());
            if (x < min)
            {
                throw new BadInputException(name + " must be >= " + min + ", got " + v);
            }
            return x;
        }
        catch (final NumberFormatException e)
        {
            throw new BadInputException(name + " must be a whole number >= " + min + ", got '" + v + "'");
        }
    }

    static long longOption(final String name, final String v)
    {
        try
        {
            final long x = Long.parseLong(v.trim());
            if (x < 0)
            {
                throw new BadInputException(name + " must be >= 0, got " + v);
            }
            return x;
        }
        catch (final NumberFormatException e)
        {
            throw new BadInputException(name + " must be a whole number >= 0, got '" + v + "'");
        }
    }

    static double number(final String name, final String v)
    {
        try
        {
            return Double.parseDouble(v.trim());
        }
        catch (final NumberFormatException e)
        {
            throw new BadInputException(name + " must be a number, got '" + v + "'");
        }
    }

    static double positive(final String name, final String v)
    {
        final double x = number(name, v);
        if (!(x > 0) || Double.isInfinite(x))
        {
            throw new BadInputException(name + " must be > 0, got " + v);
        }
        return x;
    }

    /** {@code scfabric faults merge}: shard files to the report one run would have written. */
    @Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Join the shard files of a campaign run with --shard i/n into the report an unsharded run "
            + "writes (the same bytes).", "Every shard 0..n-1 must be given exactly once."},
        footer = {"", "Example: scfabric faults merge --json out/faults/all.json --plots out/faults \\",
            "             shard-*.json"})
    static final class Merge implements Callable<Integer>
    {
        @Option(names = "--json", required = true, paramLabel = "FILE", description = "the merged report")
        String json;

        @Option(names = "--plots", paramLabel = "DIR", description = "write PNG plots into DIR")
        String plots;

        @Parameters(arity = "1..*", paramLabel = "SHARD", description = "shard files")
        List<Path> shards;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call()
        {
            checkWritable(OptionValues.path(json, "--json"), "--json");
            for (final Path p : shards)
            {
                if (!Files.isRegularFile(p))
                {
                    throw new BadInputException("no such shard file: " + p);
                }
            }
            try
            {
                FaultCampaigns.merge(shards, Path.of(json), plots == null ? null : Path.of(plots), FaultPlots::write);
            }
            catch (final IllegalArgumentException e)
            {
                throw new BadInputException(e.getMessage());
            }
            spec.commandLine().getOut().println("faults merge: " + shards.size() + " shards -> " + json);
            return 0;
        }
    }

    /** {@code scfabric faults compare}: plots of several reports side by side. */
    @Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plot several campaign reports side by side (one series per report).",
            "The plots: rate error and masked fraction per bit position, masked fraction per component kind, and "
                + "for rate campaigns rate error and masked fraction against the fault rate."},
        footer = {"", "Example: scfabric faults compare --plots docs/faults v3.json v11.json v4.json \\",
            "             v14.json"})
    static final class Compare implements Callable<Integer>
    {
        @Option(names = "--plots", required = true, paramLabel = "DIR", description = "write PNG plots into DIR")
        String plots;

        @Parameters(arity = "1..*", paramLabel = "REPORT", description = "campaign reports (JSON)")
        List<Path> reports;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException
        {
            final List<JsonNode> nodes = new ArrayList<>();
            final ObjectMapper m = new ObjectMapper();
            for (final Path p : reports)
            {
                if (!Files.isRegularFile(p))
                {
                    throw new BadInputException("no such report: " + p);
                }
                final JsonNode n;
                try
                {
                    n = m.readTree(Files.readString(p, StandardCharsets.UTF_8));
                }
                catch (final com.fasterxml.jackson.core.JsonProcessingException e)
                {
                    throw new BadInputException(p + " is not a campaign report (not JSON)");
                }
                if (n == null || !n.has("summary") || !n.has("campaign"))
                {
                    throw new BadInputException(p + " is not a complete campaign report" + (n != null && n.has("shard")
                        ? " (it is a shard: merge the shards first)" : ""));
                }
                nodes.add(n);
            }
            final List<Path> written = FaultPlots.compare(nodes, Path.of(plots));
            spec.commandLine().getOut().println("faults compare: " + written.size() + " plots in " + plots);
            return 0;
        }
    }
}
