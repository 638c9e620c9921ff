package org.scfabric.bench.faults;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.hw.fabric.Fabric;
import org.scfabric.hw.fabric.FabricNetwork;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.PoissonDrive;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Design;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.Kernel;

/**
 * The Brunel network in V3 (Q8.8) or V11 (Q16.12) arithmetic on the time-multiplexed SC fabric
 * ({@code hw.fabric}): K neuron cores with their state in memories, the on-chip LFSR Poisson drive,
 * spike FIFOs and the CSR router. Every register and memory word of it is a fault site.
 *
 * <p>A step takes as many cycles as the fabric needs (more spikes, more routing), so spikes are
 * timed in network steps: a spike at cycle c belongs to the step the golden run was in at c. A
 * faulty run gets the golden run's cycles plus a quarter; a fault that slows the fabric down shows
 * as spikes moved to later steps, or lost past the end.
 */
public final class FabricWorkload implements Workload
{
    /** Q8.8 as V3 uses it (docs/spec/brunel.md §3). */
    public static final LifParams V3 = new LifParams(16, 8, 0, 2560, 5120, 2);
    /** Q16.12 as V11 uses it. */
    public static final LifParams V11 = new LifParams(32, 12, 0, 40_960, 81_920, 2);

    private final String name;
    private final boolean q16;
    private final BrunelParams bp;
    private final int cores;
    private final FabricNetwork net;
    private final FabricParams fp;
    private final int steps;
    private long[] stepStart;
    private long cycles;

    /**
     * @param q16 V11 arithmetic (Q16.12) instead of V3 (Q8.8)
     */
    public FabricWorkload(final boolean q16, final int neurons, final double durationMs, final long seed,
        final int cores)
    {
        this(q16, neurons, durationMs, seed, cores, java.util.function.UnaryOperator.identity());
    }

    /**
     * @param arch changes to the default architecture (FIFO depth, ports, latencies), for tests over architectures
     */
    FabricWorkload(final boolean q16, final int neurons, final double durationMs, final long seed,
        final int cores, final java.util.function.UnaryOperator<FabricParams> arch)
    {
        this.name = q16 ? "fabric-v11" : "fabric-v3";
        this.q16 = q16;
        this.bp = BrunelParams.ofSize(neurons).withDuration(durationMs).withSeed(seed);
        this.cores = cores;
        this.steps = bp.steps();
        if (steps < 1)
        {
            throw new IllegalArgumentException("the run needs at least one step of " + bp.dt() + " ms, got "
                + durationMs + " ms");
        }
        final LifParams lif = q16 ? V11 : V3;
        final int one = 1 << lif.fraction();
        final int leak = Math.max(1, (int)(bp.dt() / bp.tauMem() * one));
        final int jExc = (int)(bp.weightExc() * (q16 ? 4096 : 256));
        final int jInh = (int)(bp.weightInh() * (q16 ? 4096 : 256));
        final PoissonDrive drive = new PoissonDrive(bp.lambda(), (int)Campaign.mix(seed, 0xD51E));
        net = FabricNetwork.random(lif, q16 ? 20 : leak, one, jExc, drive, bp.nTotal(), bp.nExc(), bp.connProb(),
            jExc, -jInh, seed);
        fp = arch.apply(FabricParams.of(bp.nTotal(), Math.min(cores, bp.nTotal())));
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public Map<String, Object> params()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", q16 ? "V11" : "V3");
        m.put("design", "fabric");
        m.put("neurons", bp.nTotal());
        m.put("duration_ms", bp.durationMs());
        m.put("seed", bp.seed());
        m.put("cores", fp.cores());
        m.put("steps", steps);
        return m;
    }

    /** The golden run's step boundaries, measured once. */
    private synchronized void calibrate()
    {
        if (stepStart != null)
        {
            return;
        }
        final Fabric f = new Fabric(fp, net, steps);
        final Kernel k = f.kernel();
        final int stepSignal = f.design().signal("ctrl.step");
        final int runSignal = f.design().signal("ctrl.run");
        final long[] start = new long[steps + 1];
        Arrays.fill(start, -1);
        long c = 0;
        final long limit = 64L * steps * (16 + bp.nTotal() + (long)bp.nTotal() * bp.nTotal() / 5) + (1 << 20);
        while (k.peek(runSignal) != 2)
        {
            k.runUntil(c);
            final int s = (int)k.peek(stepSignal);
            if (k.peek(runSignal) == 2)
            {
                start[steps] = c;
            }
            else if (start[s] < 0)
            {
                start[s] = c;
            }
            if (++c > limit)
            {
                throw new IllegalStateException("the fabric did not finish its golden run");
            }
        }
        stepStart = start;
        cycles = start[steps] + 1 + (start[steps] + 1) / 4;
    }

    /** Cycles of a run (the golden run's and a quarter more). */
    public long cycles()
    {
        calibrate();
        return cycles;
    }

    @Override
    public FaultBench newBench()
    {
        calibrate();
        return new Bench(new Fabric(fp, net, steps));
    }

    private FabricReplay.Golden engineGolden;

    /** The flat engine's golden run for {@link FabricReplay}, made once and shared by every worker. */
    synchronized FabricReplay.Golden engineGolden(final java.util.function.Supplier<FabricReplay.Golden> make)
    {
        if (engineGolden == null)
        {
            engineGolden = make.get();
        }
        return engineGolden;
    }

    /** The golden run's first cycle of step t (t = steps: its finish). */
    long stepStartOf(final long t)
    {
        return stepStart[(int)t];
    }

    /** The step a spike at this cycle belongs to, by the golden run's timing. */
    long stepOf(final long cycle)
    {
        return GoldenSteps.stepOf(stepStart, steps, cycle);
    }

    private final class Bench implements FaultBench
    {
        private final Fabric fabric;
        private final Kernel kernel;

        Bench(final Fabric fabric)
        {
            this.fabric = fabric;
            this.kernel = fabric.kernel();
        }

        @Override
        public Kernel kernel()
        {
            return kernel;
        }

        @Override
        public long cycles()
        {
            return cycles;
        }

        @Override
        public int neurons()
        {
            return bp.nTotal();
        }

        @Override
        public String timeUnit()
        {
            return "step";
        }

        @Override
        public double msPerTimeUnit()
        {
            return bp.dt();
        }

        @Override
        public double durationMs()
        {
            return steps * bp.dt();
        }

        @Override
        public void observe(final SpikeSink sink)
        {
            final Design d = fabric.design();
            final org.scfabric.sim.Clock clk = d.clocks().get(0);
            kernel.bus().subscribe(EventBus.SPIKE, (type, time, source, value) ->
                sink.spike(stepOf(clk.edgesUpTo(time) - 1), (int)value));
        }

        /**
         * Fan-out memory faults run on the flat engine ({@link FabricReplay}) when its checkpoints fit an
         * eighth of the heap; -Dscfabric.faultReplay=false keeps every fault on the kernel.
         */
        @Override
        public FaultReplay newReplay()
        {
            if (!Boolean.parseBoolean(System.getProperty("scfabric.faultReplay", "true"))
                || FabricReplay.recordingBytes(bp.nTotal()) > Runtime.getRuntime().maxMemory() / 8)
            {
                return null;
            }
            return new FabricReplay(FabricWorkload.this, fabric.design(), fp, net, steps, cycles);
        }

        @Override
        public void runTo(final long cycle)
        {
            if (cycle > 0)
            {
                kernel.runUntil(fabric.clock().edgeTime(cycle - 1));
            }
        }
    }
}
