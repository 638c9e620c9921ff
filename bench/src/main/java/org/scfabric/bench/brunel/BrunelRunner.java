package org.scfabric.bench.brunel;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

import org.scfabric.sim.Kernel;
import org.scfabric.random.PoissonChunks;

/**
 * Runs Brunel variants on the scfabric kernel: {@link #run} one variant (the CLI's
 * {@link VariantRunner}), {@link #runTogether} several in one simulation on identical drive.
 * The network (connectivity and generator position) of the last parameters is kept, so running
 * all 20 variants draws it once; a run's build time includes drawing it when it was not kept.
 */
public final class BrunelRunner implements VariantRunner
{
    private BrunelNetwork cached;

    /** The network of {@code p}, drawn or reused. */
    public synchronized BrunelNetwork network(final BrunelParams p)
    {
        if (cached == null || !cached.params().equals(p))
        {
            cached = null;
            cached = BrunelNetwork.of(p);
        }
        return cached;
    }

    @Override
    public RunResult run(final Variant variant, final BrunelParams params, final DoubleConsumer progress)
    {
        return runTogether(List.of(variant), params, progress).get(0);
    }

    /**
     * Simulates {@code variants} in one kernel design, all reading the same drive registers, and
     * returns one result per variant (in the order given). Build and run times are those of the
     * shared simulation. V5 (0.25 ms steps) and the variants without drive run only on their own or
     * with variants of the same step and drive.
     */
    public List<RunResult> runTogether(final List<Variant> variants, final BrunelParams params,
        final DoubleConsumer progress)
    {
        final List<MemoryPoolMXBean> heap = heapPools();
        System.gc(); // so that the peak is this run's, not the garbage of the one before
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        final long t0 = System.nanoTime();
        // the vector drive kernel's JIT compile, on the other core while the network is drawn: build
        // phase (a drive too short for the vector path is drawn on the scalar one, which needs none)
        final Thread warmUp = new Thread(PoissonChunks::warmUp, "drive-warm-up");
        warmUp.setDaemon(true);
        if (PoissonChunks.vectorPays((long)params.nTotal() * params.steps()))
        {
            warmUp.start();
        }
        final BrunelNetwork net = network(params);
        final DriveStream drive = BrunelDesign.driveFor(net, variants, true);
        final List<RunResult> out = new ArrayList<>();
        final BrunelDesign d;
        try
        {
            d = BrunelDesign.of(net, drive, variants);
        }
        catch (final RuntimeException e)
        {
            if (drive != null)
            {
                drive.close();
            }
            throw e;
        }
        try (d)
        {
            final Kernel k = d.newKernel();
            joinUninterruptibly(warmUp);
            final long t1 = System.nanoTime();
            d.run(k, progress);
            final long t2 = System.nanoTime();
            final double peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
            for (final Variant v : variants)
            {
                final SpikeRaster r = d.raster(v);
                out.add(new RunResult(v, params, d.spikeSteps(v), r.neurons(), r.count(), d.cycles(v), (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, peak, d.area(v), d.extras(v)));
            }
        }
        return out;
    }

    /**
     * Simulates {@code a} and {@code b} together (one kernel, the same drive registers) and reports
     * where they part: e.g. {@code compare(V1, V3, p, f -> {})} for the float and the Q8.8 network.
     */
    public Divergence compare(final Variant a, final Variant b, final BrunelParams params,
        final DoubleConsumer progress)
    {
        final List<RunResult> r = runTogether(List.of(a, b), params, progress);
        return Divergence.of(r.get(0), r.get(1));
    }

    private static void joinUninterruptibly(final Thread t)
    {
        boolean interrupted = false;
        while (t.isAlive())
        {
            try
            {
                t.join();
            }
            catch (final InterruptedException e)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static List<MemoryPoolMXBean> heapPools()
    {
        final List<MemoryPoolMXBean> out = new ArrayList<>();
        for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
        {
            if (p.getType() == MemoryType.HEAP && p.isValid())
            {
                out.add(p);
            }
        }
        return out;
    }
}
