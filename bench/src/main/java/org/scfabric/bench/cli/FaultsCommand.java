package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.scfabric.bench.faults.Campaign;
import org.scfabric.bench.faults.CampaignReport;
import org.scfabric.bench.faults.CampaignSpec;
import org.scfabric.bench.faults.FaultCampaigns;
import org.scfabric.bench.faults.Shard;
import org.scfabric.bench.faults.Workload;
import org.scfabric.bench.faults.Workloads;
import org.scfabric.bench.report.FaultPlots;
import org.scfabric.bench.slurm.JavaLauncher;
import org.scfabric.bench.slurm.SlurmOptions;
import org.scfabric.bench.slurm.SlurmTools;

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
        "  scfabric faults ... --json out/v3.json --slurm --shards 16 --wait   (on Slurm)",
        "  scfabric faults status out/v3.slurm",
        "  scfabric faults --network braille.nir --poisson 400 --steps 200 --cores 2 \\",
        "      --sites 'core*.vmem*' --sample 500 --json out/faults/braille.json",
        "Exit codes: 0 done, 2 bad input (nothing written), 1 a failure while running (the journal FILE.partial "
            + "stays; --resume continues it)."},
    subcommands = {FaultsCommand.Merge.class, FaultsCommand.Compare.class, FaultsCommand.Status.class})
public final class FaultsCommand implements Callable<Integer>, CheckOnly
{
    private final Supplier<JavaLauncher> launcher;
    private final SlurmTools slurmTools;
    private final long pollMillis;

    public FaultsCommand()
    {
        this(JavaLauncher::current, SlurmTools.fromEnvironment(), 2000);
    }

    /** A command whose --slurm starts {@code launcher} and finds Slurm's commands with {@code tools} (tests give theirs). */
    FaultsCommand(final Supplier<JavaLauncher> launcher, final SlurmTools tools, final long pollMillis)
    {
        this.launcher = launcher;
        this.slurmTools = tools;
        this.pollMillis = pollMillis;
    }

    @Option(names = "--network", paramLabel = "FILE.nir",
        description = "instead of a Brunel design: this NIR graph mapped onto the general fabric (its kernel "
            + "components: every register and memory bit of cores, router, controller and input port), driven by "
            + "--input or --poisson (a 'scfabric brian2' capture by its own sources); outcomes also say whether the argmax of its first Output changed")
    String network;

    @Option(names = "--input", paramLabel = "FILE", description = "with --network: input spikes, one row per step "
        + "(.csv or .npy, 0/1 per channel)")
    String input;

    @Option(names = "--poisson", paramLabel = "HZ", description = "with --network: Poisson input spike trains of this "
        + "rate per channel (seed --net-seed)")
    String poisson;

    @Option(names = "--steps", paramLabel = "T", description = "with --network: steps per run (default: the input's "
        + "rows; 1000 with --poisson or a file that drives itself)")
    String steps;

    @Option(names = "--arith", defaultValue = "q8.8", paramLabel = "FORMAT",
        description = "with --network: q8.8 or q16.12, or sc (stochastic-computing synapses into Q8.8 cores, seeded "
            + "by --net-seed) (default: ${DEFAULT-VALUE})")
    String arith;

    @Option(names = "--bitstream", paramLabel = "L",
        description = "with --arith sc: bitstream length per step, a multiple of 64 in 64..65536 (default: 256)")
    String bitstream;

    @Option(names = "--variant", defaultValue = "fabric-v3", paramLabel = "NAME",
        description = "design: V3, V4, V11, V14, dense-core, fabric-v3 or fabric-v11 (default: ${DEFAULT-VALUE})")
    String variant;

    /** Defaults that run in well under a minute on a laptop for every design (the fabric's golden run is the slow part). */
    static final String DEFAULT_NEURONS = "200";
    static final String DEFAULT_DURATION_MS = "50";
    /** The sample a campaign with neither --sites nor --sample nor --rates runs: ±5 % at 95 % confidence. */
    static final int DEFAULT_SAMPLE = 385;

    @Option(names = "--neurons", paramLabel = "N", description = "network size (default: " + DEFAULT_NEURONS
        + "; dense-core: 64, its largest)")
    String neurons;

    @Option(names = "--duration-ms", defaultValue = DEFAULT_DURATION_MS, paramLabel = "T",
        description = "simulated time per run in ms (default: ${DEFAULT-VALUE})")
    String durationMs;

    @Option(names = "--net-seed", defaultValue = "42", paramLabel = "S",
        description = "seed of the network (connectivity, drive; default: ${DEFAULT-VALUE})")
    String netSeed;

    @Option(names = "--cores", defaultValue = "4", paramLabel = "K",
        description = "neuron cores of the fabric designs (default: ${DEFAULT-VALUE})")
    String cores;

    @Option(names = "--sites", paramLabel = "GLOB",
        description = "fault sites: a glob (* any run, ? one character, the rest literal), or several separated "
            + "by commas, e.g. 'core0.vmem[*][15]' or 'router.*,ctrl.*' (default: every site, and without --sample or "
            + "--rates a sample of " + DEFAULT_SAMPLE + " of them)")
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
        description = "worker threads, at most " + THREADS_PER_CORE + " per core (default: every core)")
    String threads;

    /** Workers beyond this many per core only add golden runs and checkpoint memory, no speed. */
    static final int THREADS_PER_CORE = 4;

    @Option(names = "--json", defaultValue = "out/faults/faults.json", paramLabel = "FILE",
        description = "the report (or shard file), written in one piece at the end (default: ${DEFAULT-VALUE})")
    String json;

    @Option(names = "--plots", paramLabel = "DIR", description = "write PNG plots into DIR")
    String plots;

    @Option(names = "--resume", description = "continue an interrupted campaign from its journal FILE.partial")
    boolean resume;

    @Option(names = "--slurm", description = "run on Slurm: an array job of --shards tasks (each --shard i/N --resume) "
        + "and a merge job after them (--dependency=afterok); the report appears at --json, the job scripts, shard "
        + "files and logs in the folder beside it (FILE without .json, plus .slurm)")
    boolean slurm;

    @Option(names = "--shards", paramLabel = "N", description = "with --slurm: array tasks, one shard each (default: "
        + "${DEFAULT-VALUE})", defaultValue = "4")
    String shards;

    @Option(names = "--partition", paramLabel = "P", description = "with --slurm: the partition (default: the cluster's)")
    String partition;

    @Option(names = "--time", paramLabel = "HH:MM:SS", description = "with --slurm: time limit per task (default: the "
        + "partition's)")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "C", description = "with --slurm: CPUs per shard task, its worker "
        + "threads (default: --threads, else 1)")
    String cpusPerTask;

    @Option(names = "--sbatch-arg", paramLabel = "ARG", parameterConsumer = SbatchArg.class,
        description = "with --slurm: one more sbatch option for the "
        + "jobs, repeatable, e.g. --sbatch-arg=--mem=4G --sbatch-arg=--account=proj")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--wait", description = "with --slurm: wait for the merge job and exit with its status")
    boolean await;

    @Option(names = "--dry-run", description = "with --slurm: print the job scripts, submit nothing")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Set by a sweep's check of its points (see {@link CheckOnly}). */
    private boolean checkOnly;

    @Override
    public void checkOnly()
    {
        checkOnly = true;
    }

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (!slurm)
        {
            final var pr = spec.commandLine().getParseResult();
            for (final String o : List.of("--shards", "--partition", "--time", "--cpus-per-task", "--sbatch-arg",
                "--wait", "--dry-run"))
            {
                if (pr.hasMatchedOption(o))
                {
                    throw new BadInputException(o + " needs --slurm (a campaign as a Slurm job array)"
                        + (o.equals("--shards") ? "; without Slurm, run one shard of n with --shard i/n" : ""));
                }
            }
        }
        else if (shard != null)
        {
            throw new BadInputException("--shard and --slurm do not go together: --slurm runs every shard of --shards N "
                + "as an array task");
        }
        final int n = intOption("--neurons", neurons != null ? neurons : variant.trim().equalsIgnoreCase("dense-core")
            ? "64" : DEFAULT_NEURONS, 2);
        final double ms = OptionValues.durationMs(durationMs, "--duration-ms");
        final long ns = longOption("--net-seed", netSeed);
        final boolean coresGiven = spec.commandLine().getParseResult().hasMatchedOption("--cores");
        final boolean fabricDesign = network != null || variant.trim().toLowerCase(Locale.ROOT).startsWith("fabric-");
        if (coresGiven && !fabricDesign)
        {
            throw new BadInputException("--cores is for the fabric designs (--variant fabric-v3 or fabric-v11, or "
                + "--network FILE.nir); " + variant.trim() + " has no time-multiplexed cores");
        }
        // a network's default is four cores, fewer for a network of fewer neurons (0 says: not given)
        final int k = network != null && !coresGiven ? 0 : intOption("--cores", cores, 1);
        checkNetworkOptions();
        final int nThreads = slurm ? 1 : threads(threads);
        final Shard sh;
        final CampaignSpec cs;
        final Path jsonPath = OptionValues.filePath(json, "--json");
        final Path plotDir = plots == null ? null : OptionValues.path(plots, "--plots");
        final int limit = intOption("--max-items", maxItems, 1);
        // a default campaign is a sample: every site of a design exhaustively is millions of runs
        final boolean defaultScope = sites == null && sample == null && rates == null;
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
            cs = new CampaignSpec(sites == null ? "*" : sites, CampaignSpec.parseKinds(kinds), at,
                sample == null ? 0 : intOption("--sample", sample, 1), longOption("--seed", seed), rateList,
                rates == null ? 0 : intOption("--trials", trials, 1), number("--tolerance", tolerance),
                number("--tau-ms", tauMs));
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
        checkWritable(jsonPath, "--json");
        checkJournal(jsonPath);
        // before the banner and any work: the report's folder (and the journal beside it) and the plots' folder
        StagedFiles.probe(jsonPath.getParent(), "--json", json);
        if (plotDir != null)
        {
            checkDir(plotDir, "--plots");
            StagedFiles.probe(plotDir, "--plots", plots);
        }
        if (!slurm && network == null)
        {
            checkMemory(variant, n, ms, nThreads, cs.sites().trim().equals("*"), cs.sample() > 0 || defaultScope);
        }
        final int nShards = slurm ? intOption("--shards", shards, 1) : 0;
        final SlurmOptions so = slurm ? slurmOptions() : null;
        Campaign c;
        try
        {
            final Workload w = network != null ? nirWorkload(ns, k) : Workloads.of(variant, n, ms, ns, k);
            c = Campaign.prepare(w, cs);
            if (defaultScope && c.population() > DEFAULT_SAMPLE)
            {
                c = c.with(new CampaignSpec(cs.sites(), cs.kinds(), cs.at(), DEFAULT_SAMPLE, cs.seed(), cs.rates(),
                    cs.trials(), cs.tolerance(), cs.tauMs()));
                err.println(String.format(Locale.ROOT, "faults: no --sites, --sample or --rates given: a sample of %d "
                    + "of the %d faults (every site × %s; ±5 %% at 95 %% confidence); choose with --sites GLOB and "
                    + "--sample K", DEFAULT_SAMPLE, c.population(), kinds));
            }
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
        final int shardCount = slurm ? nShards : sh.count();
        final long perShard = (c.items() + shardCount - 1) / shardCount;
        if (perShard > limit)
        {
            throw new BadInputException(String.format(Locale.ROOT, "%s over '%s' is %d items%s, more than --max-items %d: "
                + "give --sample K (e.g. 9604 for 95 %% ± 1 %%), a narrower --sites glob, --shard i/n, or a larger "
                + "--max-items", cs.mode(), cs.sites(), c.items(), shardCount == 1 ? "" : " (" + perShard + " per shard)", limit));
        }
        if (checkOnly)
        {
            return 0;
        }
        if (slurm)
        {
            if (nShards > c.items())
            {
                throw new BadInputException("--shards " + nShards + " is more than the campaign's " + c.items()
                    + " items: give at most " + c.items());
            }
            if (resume && !dryRun && FaultCampaigns.finished(c, Shard.ALL, jsonPath))
            {
                // the merge has written this campaign's report: resubmitting would only merge it again
                err.println("faults: " + jsonPath + " is already this campaign's finished report: nothing to resume "
                    + "(run without --resume to run it again)");
                return 0;
            }
            final FaultsSlurm.Request req = new FaultsSlurm.Request(campaignArgs(n), CampaignReport.identity(
                c.describe()), nShards, so, jsonPath, plotDir, resume, dryRun, await,
                "scfabric-faults-" + c.workload().name());
            return new FaultsSlurm(launcher, slurmTools, out, err, pollMillis).run(req);
        }
        if (resume && FaultCampaigns.finished(c, sh, jsonPath))
        {
            // a finished campaign has no journal left: without this, --resume would say "nothing to resume" and run
            // every item again
            err.println("faults: " + jsonPath + " is already this campaign's finished " + (sh.whole() ? "report"
                : "shard file") + ": nothing to resume (run without --resume to run it again)");
            return 0;
        }
        if (resume)
        {
            try
            {
                FaultCampaigns.checkJournal(c, sh, jsonPath);
            }
            catch (final IllegalArgumentException e)
            {
                throw new BadInputException(e.getMessage());
            }
        }
        if (plotDir != null)
        {
            makeDir(plotDir, "--plots");
        }
        err.println(String.format(Locale.ROOT, "faults: %s, %d neurons, %.1f ms (%d cycles): %d sites selected of %d, "
            + "%d items (%s)%s, %d threads", c.workload().name(), c.neurons(), c.durationMs(), c.cycles(),
            c.space().siteCount(), c.totalSites(), c.items(), c.spec().mode(), sh.whole() ? "" : ", shard " + sh,
            nThreads));
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

    /** The options of a --network campaign: a Brunel design's are refused, --input or --poisson (unless it drives itself). */
    private void checkNetworkOptions()
    {
        final var pr = spec.commandLine().getParseResult();
        if (network == null)
        {
            for (final String o : List.of("--input", "--poisson", "--steps", "--arith", "--bitstream"))
            {
                if (pr.hasMatchedOption(o))
                {
                    throw new BadInputException(o + " is used only with --network FILE.nir (a NIR graph on the general "
                        + "fabric)");
                }
            }
            return;
        }
        for (final String o : List.of("--variant", "--neurons", "--duration-ms"))
        {
            if (pr.hasMatchedOption(o))
            {
                throw new BadInputException(o + " is for the Brunel designs, not with --network (the graph fixes the "
                    + "neurons; --steps the duration)");
            }
        }
        // neither: the file must drive itself (a Brian2 capture), which the workload checks once it has read it
        if (input != null && poisson != null)
        {
            throw new BadInputException("give --input FILE or --poisson HZ, not both");
        }
        OptionValues.inputFile(network, "--network", "a .nir file");
    }

    /** A file option as an absolute path: the Slurm tasks may start in another folder. */
    private static String abs(final String file, final String option)
    {
        return OptionValues.path(file, option).toAbsolutePath().toString();
    }

    /** The --network workload: the graph, mapped, with its input (bad input: one line). */
    private Workload nirWorkload(final long inputSeed, final int k)
    {
        final org.scfabric.bench.nir.FixedFormat fmt = switch (arith.trim().toLowerCase(Locale.ROOT))
        {
            case "q8.8", "sc" -> org.scfabric.bench.nir.FixedFormat.Q8_8;
            case "q16.12" -> org.scfabric.bench.nir.FixedFormat.Q16_12;
            default -> throw new BadInputException("--arith '" + arith + "' is not accepted (q8.8, q16.12 or sc)");
        };
        final boolean scArith = arith.trim().equalsIgnoreCase("sc");
        if (!scArith && bitstream != null)
        {
            throw new BadInputException("--bitstream is used only with --arith sc");
        }
        final org.scfabric.bench.nir.ScConfig sc = scArith
            ? NirCommand.bitstream(bitstream == null ? "256" : bitstream, inputSeed) : null;
        Double hz = null;
        if (poisson != null)
        {
            hz = number("--poisson", poisson);
            if (!(hz >= 0) || hz.isInfinite())
            {
                throw new BadInputException("--poisson '" + poisson + "' is not a rate in Hz (a number >= 0)");
            }
        }
        final Path in = input == null ? null : OptionValues.inputFile(input, "--input", "a .csv or .npy of spikes");
        final Integer t = steps == null ? null : NirCommand.steps(steps);
        return org.scfabric.bench.faults.NirFabricWorkload.of(OptionValues.path(network, "--network"), in, hz,
            inputSeed, t, k, fmt, sc);
    }

    /** The campaign's own options for the shard tasks, as given (N resolved): the same campaign on every node. */
    private List<String> campaignArgs(final int n)
    {
        final List<String> a = new ArrayList<>(network != null
            ? List.of("faults", "--network", abs(network, "--network"), "--arith", arith.trim(), "--net-seed", netSeed.trim())
            : List.of("faults", "--variant", variant.trim(), "--neurons", String.valueOf(n), "--duration-ms",
                durationMs.trim(), "--net-seed", netSeed.trim()));
        if (spec.commandLine().getParseResult().hasMatchedOption("--cores"))
        {
            a.addAll(List.of("--cores", cores.trim()));
        }
        if (network != null)
        {
            if (input != null)
            {
                a.addAll(List.of("--input", abs(input, "--input")));
            }
            else if (poisson != null)
            {
                a.addAll(List.of("--poisson", poisson.trim()));
            } // else a Brian2 capture that drives itself
            if (bitstream != null)
            {
                a.addAll(List.of("--bitstream", bitstream.trim()));
            }
            if (steps != null)
            {
                a.addAll(List.of("--steps", steps.trim()));
            }
        }
        if (sites != null)
        {
            a.addAll(List.of("--sites", sites));
        }
        a.addAll(List.of("--kinds", kinds.trim(), "--at", at.trim()));
        if (sample != null)
        {
            a.addAll(List.of("--sample", sample.trim()));
        }
        if (rates != null)
        {
            a.addAll(List.of("--rates", rates.trim(), "--trials", trials.trim()));
        }
        a.addAll(List.of("--seed", seed.trim(), "--tolerance", tolerance.trim(), "--tau-ms", tauMs.trim(),
            "--max-items", maxItems.trim()));
        return a;
    }

    /** --partition, --time, --cpus-per-task (default --threads, else 1) and --sbatch-arg, checked. */
    private SlurmOptions slurmOptions()
    {
        final int cpus = cpusPerTask != null ? intOption("--cpus-per-task", cpusPerTask, 1)
            : threads != null ? intOption("--threads", threads, 1) : 1;
        if (cpusPerTask != null && threads != null && intOption("--threads", threads, 1) != cpus)
        {
            throw new BadInputException("--threads " + threads.trim() + " and --cpus-per-task " + cpusPerTask.trim()
                + " differ: on Slurm each shard task runs one worker thread per CPU it gets; give one of them");
        }
        try
        {
            return new SlurmOptions(partition == null ? null : partition.trim(), time == null ? null : time.trim(),
                cpus, sbatchArgs);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
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
            if (v.trim().matches("[+-]?[0-9]+"))
            {
                throw new BadInputException(name + " " + v.trim() + " is too " + (v.trim().startsWith("-") ? "small"
                    : "large") + ": give a whole number from " + min + " to " + Integer.MAX_VALUE);
            }
            throw new BadInputException(name + " must be a whole number >= " + min + ", got '" + v + "'");
        }
    }

    /** Refuses, before anything is built, a campaign whose network and workers cannot fit the heap. */
    static void checkMemory(final String variant, final int n, final double ms, final int threads,
        final boolean allSites, final boolean sampled)
    {
        if (!Workloads.NAMES.stream().anyMatch(v -> v.equalsIgnoreCase(variant.trim()))
            || variant.trim().equalsIgnoreCase("dense-core"))
        {
            return; // an unknown name is refused by Workloads; dense-core has at most 64 neurons
        }
        final org.scfabric.bench.brunel.BrunelParams bp;
        try
        {
            bp = org.scfabric.bench.brunel.BrunelParams.ofSize(n).withDuration(ms);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
        final boolean fabric = variant.trim().toLowerCase(Locale.ROOT).startsWith("fabric");
        MemoryEstimate.require(MemoryEstimate.faults(variant, n, bp.connProb(), Math.max(1, bp.steps()), threads,
            allSites, sampled), n,
            bp.connProb(), fabric ? MemoryEstimate.FABRIC_HEADROOM : MemoryEstimate.CSR_HEADROOM, "a campaign on "
            + variant.trim() + " with N = " + n + " and " + threads + " thread" + (threads == 1 ? "" : "s"),
            "--neurons or --threads");
    }

    /** Worker threads: every core by default; more than a few per core is refused (each has its own golden run). */
    static int threads(final String v)
    {
        final int cpus = Runtime.getRuntime().availableProcessors();
        if (v == null)
        {
            return cpus;
        }
        final int t = intOption("--threads", v, 1);
        if (t > THREADS_PER_CORE * cpus)
        {
            throw new BadInputException("--threads " + t + " is more than " + THREADS_PER_CORE + " per core (this "
                + "machine has " + cpus + " core" + (cpus == 1 ? "" : "s") + ": give at most " + THREADS_PER_CORE * cpus
                + "; each thread keeps its own golden run and checkpoints)");
        }
        return t;
    }

    /** The journal name beside the report must be free for a file (checked before anything runs). */
    static void checkJournal(final Path report)
    {
        final Path j = report.resolveSibling(report.getFileName() + ".partial");
        if (Files.exists(j) && !Files.isRegularFile(j))
        {
            throw new BadInputException("--json " + report + ": the campaign's journal goes to " + j.getFileName()
                + " beside it, and a folder of that name is in the way");
        }
    }

    /** A folder to write in, checked without creating it: not a file, and its nearest existing folder writable. */
    static void checkDir(final Path dir, final String option)
    {
        if (Files.exists(dir) && !Files.isDirectory(dir))
        {
            throw new BadInputException(option + " " + dir + " is a file; give a folder");
        }
        Path p = dir;
        while (p != null && !Files.exists(p))
        {
            p = p.getParent();
        }
        if (p == null || !Files.isDirectory(p) || !Files.isWritable(p))
        {
            throw new BadInputException(option + " " + dir + ": cannot create it (" + (p == null ? "no folder"
                : p + (Files.isDirectory(p) ? " is not writable" : " is not a folder")) + ")");
        }
    }

    /** Creates a folder to write in before the work starts, so a bad one costs no simulation. */
    static void makeDir(final Path dir, final String option)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException e)
        {
            throw StagedFiles.cannotWrite(option, dir.toString(), dir, e);
        }
        if (!Files.isWritable(dir))
        {
            throw new BadInputException(option + " " + dir + ": the folder is not writable");
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
            final Path out = OptionValues.filePath(json, "--json");
            checkWritable(out, "--json");
            StagedFiles.probe(out.getParent(), "--json", json);
            final Path plotDir = plots == null ? null : OptionValues.path(plots, "--plots");
            if (plotDir != null)
            {
                checkDir(plotDir, "--plots");
                StagedFiles.probe(plotDir, "--plots", plots);
            }
            for (final Path p : shards)
            {
                if (Files.isDirectory(p))
                {
                    throw new BadInputException(p + " is a folder, not a shard file (give the files, e.g. DIR/shard-*.json)");
                }
                if (!Files.isRegularFile(p))
                {
                    throw new BadInputException("no such shard file: " + p);
                }
            }
            try
            {
                FaultCampaigns.checkMergeOutput(shards, out);
                if (plotDir != null)
                {
                    makeDir(plotDir, "--plots");
                }
                FaultCampaigns.merge(shards, out, plotDir, FaultPlots::write);
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
            final List<String> sources = new ArrayList<>();
            final ObjectMapper m = new ObjectMapper();
            final Path plotDir = OptionValues.path(plots, "--plots");
            checkDir(plotDir, "--plots");
            StagedFiles.probe(plotDir, "--plots", plots);
            for (final Path p : reports)
            {
                final JsonNode n;
                try
                {
                    n = m.readTree(FaultCampaigns.readText(p, "campaign report"));
                }
                catch (final IllegalArgumentException e)
                {
                    throw new BadInputException(e.getMessage());
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
                sources.add(String.valueOf(p.getFileName()));
            }
            makeDir(plotDir, "--plots");
            final List<Path> written = FaultPlots.compare(nodes, sources, plotDir);
            spec.commandLine().getOut().println("faults compare: " + written.size() + " plots in " + plots);
            return 0;
        }
    }

    /** {@code scfabric faults status DIR}: the shards of a campaign submitted with --slurm. */
    @Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Say how far a campaign submitted with 'faults --slurm' is: how many shards are done (their "
            + "shard files), running, pending or failed (from squeue, and sacct where the cluster keeps accounting), "
            + "the merge job's state and whether the report is written."},
        footer = {"", "Example: scfabric faults status out/faults/v3.slurm"})
    static final class Status implements Callable<Integer>
    {
        @Parameters(arity = "1", paramLabel = "DIR", description = "the campaign's folder (its report's name without "
            + ".json, plus .slurm), or the report's path")
        Path dir;

        @CommandLine.ParentCommand
        FaultsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call()
        {
            return FaultsSlurm.status(dir, parent.slurmTools, spec.commandLine().getOut());
        }
    }
}
