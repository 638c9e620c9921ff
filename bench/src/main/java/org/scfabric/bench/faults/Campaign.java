package org.scfabric.bench.faults;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.scfabric.sim.Design;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;
import org.scfabric.sim.fault.FaultSites;
import org.scfabric.sim.fault.FaultSpace;

/**
 * A fault campaign over one workload: the list of items (single faults, or random fault sets in a
 * rate campaign) derived from the spec, and a parallel runner. Each worker thread has its own bench
 * and golden run; items are handed out one at a time; each result is independent of the worker that
 * computed it, so a campaign gives the same outcomes on 1 thread or 64, whole or in shards.
 */
public final class Campaign
{
    private final Workload workload;
    private final CampaignSpec spec;
    private final FaultBench firstBench;
    private final Design design;
    private final FaultSites sites;
    private final FaultSpace space;
    private final long cycles;
    private final long fixedCycle;
    private final long population;
    private final long[] samplePairs;
    private final long items;

    private Campaign(final Workload workload, final CampaignSpec spec)
    {
        this(workload, spec, workload.newBench());
    }

    private Campaign(final Workload workload, final CampaignSpec spec, final FaultBench bench)
    {
        this.workload = workload;
        this.spec = spec;
        this.firstBench = bench;
        this.design = firstBench.kernel().design();
        this.sites = design.faultSites();
        this.space = FaultSpace.of(design, spec.sites()).withKinds(spec.kinds().toArray(new FaultKind[0]));
        this.cycles = firstBench.cycles();
        long fixed = -1;
        if (!spec.at().equals("auto") && !spec.at().equals("random"))
        {
            fixed = Long.parseLong(spec.at());
            if (fixed >= cycles)
            {
                throw new IllegalArgumentException("--at " + fixed + " is after the run's last cycle " + (cycles - 1)
                    + " (the run has " + cycles + " cycles)");
            }
        }
        this.fixedCycle = fixed;
        this.population = space.size();
        if (spec.mode().equals("sample"))
        {
            if (spec.sample() > population)
            {
                throw new IllegalArgumentException("--sample " + spec.sample() + " is larger than the " + population
                    + " faults of the selected sites × kinds (run it exhaustively: leave --sample out)");
            }
            samplePairs = FaultSpace.sampleIndices(new SplittableRandom(spec.seed()), population, spec.sample());
            items = samplePairs.length;
        }
        else if (spec.mode().equals("rates"))
        {
            samplePairs = null;
            items = (long)spec.rates().size() * spec.trials();
        }
        else
        {
            samplePairs = null;
            items = population;
        }
    }

    /** Builds the first bench and checks the spec against the design (globs, cycles, sample size). */
    public static Campaign prepare(final Workload workload, final CampaignSpec spec)
    {
        return new Campaign(workload, spec);
    }

    /** The same workload with another spec, reusing the bench built for this one (it has not run yet). */
    public Campaign with(final CampaignSpec other)
    {
        return new Campaign(workload, other, firstBench);
    }

    public Workload workload()
    {
        return workload;
    }

    public CampaignSpec spec()
    {
        return spec;
    }

    public FaultSpace space()
    {
        return space;
    }

    public long cycles()
    {
        return cycles;
    }

    public int neurons()
    {
        return firstBench.neurons();
    }

    public double durationMs()
    {
        return firstBench.durationMs();
    }

    /** Faults of the whole population (sites × kinds). */
    public long population()
    {
        return population;
    }

    /** Items of the campaign (before sharding). */
    public long items()
    {
        return items;
    }

    /** All fault sites of the design (for fault rates "of all bits"). */
    public long totalSites()
    {
        return sites.size();
    }

    /** The campaign's identity for reports and journals: spec, workload and what it derived. */
    public Map<String, Object> describe()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", workload.name());
        m.put("params", workload.params());
        m.put("sites", spec.sites());
        m.put("kinds", spec.kinds().stream().map(FaultKind::shortName).toList());
        m.put("at", spec.at());
        m.put("mode", spec.mode());
        if (spec.mode().equals("sample"))
        {
            m.put("sample", spec.sample());
        }
        if (spec.mode().equals("rates"))
        {
            m.put("rates", spec.rates());
            m.put("trials", spec.trials());
        }
        m.put("seed", spec.seed());
        m.put("tolerance", spec.tolerance());
        m.put("tau_ms", spec.tauMs());
        m.put("cycles", cycles);
        m.put("neurons", firstBench.neurons());
        m.put("duration_ms", firstBench.durationMs());
        m.put("time_unit", firstBench.timeUnit());
        m.put("ms_per_time_unit", firstBench.msPerTimeUnit());
        m.put("design_sites", sites.size());
        m.put("selected_sites", space.siteCount());
        m.put("population", population);
        m.put("items", items);
        return m;
    }

    /** The faults of item {@code position} (one fault, or a rate trial's set). */
    public List<Fault> faults(final long position)
    {
        if (position < 0 || position >= items)
        {
            throw new IndexOutOfBoundsException("item " + position + " of " + items);
        }
        if (spec.mode().equals("rates"))
        {
            return rateTrial(position);
        }
        final long pair = samplePairs != null ? samplePairs[(int)position] : position;
        final Fault f = space.get(pair);
        return List.of(new Fault(f.site(), f.kind(), cycleOf(f.kind(), new SplittableRandom(mix(spec.seed(), pair)))));
    }

    private long cycleOf(final FaultKind kind, final SplittableRandom r)
    {
        if (fixedCycle >= 0)
        {
            return fixedCycle;
        }
        if (spec.at().equals("auto") && kind != FaultKind.FLIP)
        {
            return 0;
        }
        return r.nextLong(cycles);
    }

    private List<Fault> rateTrial(final long position)
    {
        final int ri = (int)(position / spec.trials());
        final int trial = (int)(position % spec.trials());
        final double rate = spec.rates().get(ri);
        final SplittableRandom r = new SplittableRandom(mix(mix(spec.seed() ^ 0x5DEECE66DL, ri), trial));
        final int n = space.siteCount();
        final List<FaultKind> kinds = spec.kinds();
        final List<Fault> out = new ArrayList<>();
        final double logKeep = StrictMath.log1p(-rate);
        long pos = -1;
        while (true)
        {
            // the gap to the next faulty bit is geometric: every bit is faulty with probability rate
            final long skip = rate >= 1 ? 0 : (long)Math.floor(StrictMath.log1p(-r.nextDouble()) / logKeep);
            pos += skip + 1;
            if (pos >= n || pos < 0)
            {
                break;
            }
            final FaultKind kind = kinds.get(kinds.size() == 1 ? 0 : r.nextInt(kinds.size()));
            out.add(new Fault(space.site((int)pos), kind, cycleOf(kind, r)));
        }
        return out;
    }

    static long mix(final long a, final long b)
    {
        long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Progress and cost of a run: what the report's reader never needs, and the throughput figure. */
    public static final class Stats
    {
        public int threads;
        public int interval;
        public int checkpoints;
        public long goldenSpikes;
        public double goldenSeconds;
        public double faultSeconds;
        public long ran;
        public long pruned;
        public long converged;
        public long simulated;
        public long replayed;
        public long errors;
        public long simulatedCycles;

        public double faultsPerSecond()
        {
            return faultSeconds > 0 ? ran / faultSeconds : 0;
        }

        @Override
        public String toString()
        {
            return String.format(java.util.Locale.ROOT, "%d items in %.2f s on %d threads (%.1f items/s; golden run "
                + "%.2f s): %d masked without a run, %d stopped early when the state rejoined the golden run, %d run to "
                + "the end, %d replayed differentially on the flat model, %d stopped by a simulation error; %.0f cycles "
                + "simulated per item on average (checkpoint every %d cycles)", ran, faultSeconds, threads,
                faultsPerSecond(), goldenSeconds, pruned, converged, simulated, replayed, errors, ran == 0 ? 0.0 : (double)simulatedCycles / ran, interval);
        }
    }

    /** The golden run's figures, for the report. */
    public record Golden(long spikes, double rateHz, long hash)
    {
    }

    /** What {@link #run} returns: the golden figures, the outcomes of the items it ran, and the costs. */
    public record Result(Golden golden, List<Outcome> outcomes, Stats stats)
    {
    }

    /**
     * Runs the items of {@code shard} that are not in {@code done}, on {@code threads} workers.
     *
     * @param onOutcome called (from worker threads, one at a time) with each outcome as it is done
     */
    public Result run(final Shard shard, final int threads, final Set<Long> done, final Consumer<Outcome> onOutcome)
    {
        stats = new Stats();
        final long[] todo = todo(shard, done);
        final int nThreads = Math.max(1, (int)Math.min(threads, Math.max(1, todo.length)));
        final int interval = interval(nThreads);
        final FaultSpace tracked = tracked();
        final Outcome[] results = new Outcome[todo.length];
        final AtomicInteger next = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final GoldenRun[] goldens = new GoldenRun[nThreads];
        final FaultRunner[] runners = new FaultRunner[nThreads];
        final double tauTime = spec.tauMs() / firstBench.msPerTimeUnit();
        final long t0 = System.nanoTime();
        final long[] goldenDone = new long[nThreads];
        final Thread[] workers = new Thread[nThreads];
        for (int w = 0; w < nThreads; w++)
        {
            final int id = w;
            workers[w] = new Thread(() ->
            {
                try
                {
                    final FaultBench bench = id == 0 ? firstBench : workload.newBench();
                    final GoldenRun g = new GoldenRun(bench, interval, tracked);
                    goldens[id] = g;
                    goldenDone[id] = System.nanoTime();
                    final FaultRunner runner = new FaultRunner(g, tauTime);
                    runners[id] = runner;
                    int i;
                    while (failure.get() == null && (i = next.getAndIncrement()) < todo.length)
                    {
                        final long position = todo[i];
                        final List<Fault> faults = faults(position);
                        final boolean identical = runner.run(faults);
                        final Outcome o = outcome(position, faults, runner, identical, g.spikeCount());
                        results[i] = o;
                        synchronized (results)
                        {
                            count(runner, o);
                            if (onOutcome != null)
                            {
                                onOutcome.accept(o);
                            }
                        }
                    }
                }
                catch (final Throwable e)
                {
                    failure.compareAndSet(null, e);
                }
            }, "faults-" + w);
            workers[w].start();
        }
        for (final Thread t : workers)
        {
            try
            {
                t.join();
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        final Throwable e = failure.get();
        if (e instanceof RuntimeException re)
        {
            throw re;
        }
        if (e instanceof Error er)
        {
            throw er;
        }
        for (final GoldenRun g : goldens)
        {
            if (g != null && g.hash != goldens[0].hash)
            {
                throw new IllegalStateException("two benches of workload " + workload.name() + " gave different golden "
                    + "runs: the design is not deterministic, so no campaign result would mean anything");
            }
        }
        final GoldenRun g0 = goldens[0];
        final long t1 = System.nanoTime();
        long goldenEnd = 0;
        for (final long d : goldenDone)
        {
            goldenEnd = Math.max(goldenEnd, d);
        }
        stats.threads = nThreads;
        stats.interval = interval;
        stats.checkpoints = g0.checkpoints;
        stats.goldenSpikes = g0.spikeCount();
        stats.goldenSeconds = (goldenEnd - t0) / 1e9;
        stats.faultSeconds = (t1 - goldenEnd) / 1e9;
        final double seconds = firstBench.durationMs() / 1000.0;
        final Golden golden = new Golden(g0.spikeCount(), g0.spikeCount() / (seconds * Math.max(1, neurons())),
            g0.hash);
        return new Result(golden, Arrays.asList(results), stats);
    }

    /**
     * The bits whose golden-run activity classifies stuck-ats without a run: those of the space, or of
     * a sample only its stuck-at sites (tracking every bit of a large design each cycle costs more than
     * the golden run itself). Null when no item is a stuck-at.
     */
    private FaultSpace tracked()
    {
        if (spec.kinds().stream().allMatch(k -> k == FaultKind.FLIP))
        {
            return null;
        }
        if (samplePairs == null)
        {
            return space;
        }
        final long[] stuck = new long[samplePairs.length];
        int n = 0;
        for (final long pair : samplePairs)
        {
            final Fault f = space.get(pair);
            if (f.kind() != FaultKind.FLIP)
            {
                stuck[n++] = f.site();
            }
        }
        return n == 0 ? null : FaultSpace.ofSites(sites, Arrays.copyOf(stuck, n));
    }

    private Stats stats = new Stats();

    private void count(final FaultRunner r, final Outcome o)
    {
        stats.ran++;
        stats.simulatedCycles += r.simulatedCycles;
        switch (r.how)
        {
            case PRUNED -> stats.pruned++;
            case CONVERGED -> stats.converged++;
            case SIMULATED -> stats.simulated++;
            case REPLAYED -> stats.replayed++;
            case ERROR -> stats.errors++;
            default -> throw new IllegalStateException();
        }
    }

    private long[] todo(final Shard shard, final Set<Long> done)
    {
        final long mine = (items - shard.index() + shard.count() - 1) / shard.count();
        final long[] out = new long[(int)Math.min(Integer.MAX_VALUE - 8, mine)];
        int n = 0;
        for (long p = shard.index(); p < items; p += shard.count())
        {
            if (done == null || !done.contains(p))
            {
                out[n++] = p;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Checkpoints: as many as fit a memory budget per worker, at most 256, at least one. */
    private int interval(final int nThreads)
    {
        final long stateBytes = 8L * (5L * design.signalCount() + 4L * design.memoryWords()) + 4096;
        final long budget = Math.min(512L << 20, Runtime.getRuntime().maxMemory() / (3L * nThreads));
        final long count = Math.max(1, Math.min(Math.min(256, cycles), budget / stateBytes));
        return (int)Math.max(1, (cycles + count - 1) / count);
    }

    private Outcome outcome(final long position, final List<Fault> faults, final FaultRunner r,
        final boolean identical, final long goldenSpikes)
    {
        final SpikeDiff d = r.diff;
        final FaultClass cls;
        final double rateError;
        final double vr;
        final long delta;
        final long first;
        if (r.how == FaultRunner.How.ERROR)
        {
            cls = FaultClass.FAILED;
            rateError = Double.NaN;
            vr = Double.NaN;
            delta = 0;
            first = -1;
        }
        else
        {
            rateError = (double)d.absCountError / Math.max(1, goldenSpikes);
            vr = d.vanRossum;
            delta = d.spikeDelta;
            first = d.firstDivergence;
            cls = identical ? FaultClass.MASKED : rateError <= spec.tolerance() ? FaultClass.DEGRADED : FaultClass.FAILED;
        }
        final Boolean argmax = Decisions.changed(r);
        if (spec.mode().equals("rates"))
        {
            final int ri = (int)(position / spec.trials());
            return new Outcome(position, null, null, -1, -1, null, null, spec.rates().get(ri),
                (int)(position % spec.trials()), faults.size(), delta, rateError, vr, first, cls, r.error, argmax);
        }
        final Fault f = faults.get(0);
        return new Outcome(position, sites.name(f.site()), f.kind().shortName(), f.cycle(), sites.bit(f.site()),
            group(f.site()), component(f.site()), Double.NaN, -1, 1, delta, rateError, vr, first, cls, r.error, argmax);
    }

    /** The site's register or memory with indices starred: {@code core0.lif[*].v}, {@code weights.mem}. */
    String group(final long site)
    {
        final int t = sites.target(site);
        return FaultSpace.group(sites.isMemory(site) ? design.memoryName(t) : design.signalName(t));
    }

    /** The kind of component that holds the site: its class name, or {@code input} for a primary input. */
    String component(final long site)
    {
        final int t = sites.target(site);
        final int inst = sites.isMemory(site) ? design.memoryInstance(t) : design.driver(t);
        return inst < 0 ? "input" : design.component(inst).getClass().getSimpleName();
    }
}
