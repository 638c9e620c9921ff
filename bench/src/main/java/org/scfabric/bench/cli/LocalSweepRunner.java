package org.scfabric.bench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.scfabric.bench.sweep.SweepPoint;

import picocli.CommandLine;

/**
 * Runs a sweep's points on a pool of threads in this JVM: each point is a full {@code scfabric} command
 * line, executed in-process as {@link Main#execute} would run it from a shell, with its own output and
 * error streams. In-process rather than a subprocess per point: a small Brunel point took 5 to 6 s as a
 * subprocess here (JVM start and JIT warm-up) against 0.1 s in a warm JVM (docs/benchmarks.md, Sweeps),
 * and every command keeps its state in its own objects (no static mutable state), so points cannot see
 * each other. The first failing point stops
 * the points not yet started. A Slurm runner would take the same points and arguments as a job array.
 */
final class LocalSweepRunner
{
    /** What one point's command did. */
    record Outcome(SweepPoint point, int exitCode, String stderr, double wallS)
    {
    }

    private final int threads;
    private final CommandLine.IFactory factory;

    LocalSweepRunner(final int threads, final CommandLine.IFactory factory)
    {
        this.threads = threads;
        this.factory = factory;
    }

    /**
     * Runs every point (or, after a failure, those already started) and returns the outcomes in the points'
     * order; {@code progress} hears of each finished point from the worker that ran it.
     */
    List<Outcome> run(final List<SweepPoint> points, final Function<SweepPoint, List<String>> args,
        final java.util.function.Consumer<Outcome> progress) throws InterruptedException
    {
        final ExecutorService pool = Executors.newFixedThreadPool(threads, r ->
        {
            final Thread t = new Thread(r, "scfabric-sweep");
            t.setDaemon(true);
            return t;
        });
        final AtomicBoolean failed = new AtomicBoolean();
        final List<Future<Outcome>> futures = new ArrayList<>();
        try
        {
            for (final SweepPoint p : points)
            {
                futures.add(pool.submit(() ->
                {
                    if (failed.get())
                    {
                        return null;
                    }
                    final StringWriter out = new StringWriter();
                    final StringWriter err = new StringWriter();
                    final long t0 = System.nanoTime();
                    final int code = Main.execute(args.apply(p).toArray(new String[0]), new PrintWriter(out, true),
                        new PrintWriter(err, true), factory);
                    final Outcome o = new Outcome(p, code, err.toString(), (System.nanoTime() - t0) / 1e9);
                    if (code != 0)
                    {
                        failed.set(true);
                    }
                    progress.accept(o);
                    return o;
                }));
            }
            final List<Outcome> outcomes = new ArrayList<>();
            for (final Future<Outcome> f : futures)
            {
                try
                {
                    outcomes.add(f.get());
                }
                catch (final ExecutionException e)
                {
                    throw new RunFailedException("a sweep point failed: " + e.getCause(), e.getCause());
                }
            }
            return outcomes;
        }
        finally
        {
            pool.shutdownNow();
        }
    }
}
