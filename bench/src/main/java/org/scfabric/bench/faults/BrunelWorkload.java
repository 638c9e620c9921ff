package org.scfabric.bench.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scfabric.bench.brunel.BrunelDesign;
import org.scfabric.bench.brunel.BrunelNetwork;
import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.bench.brunel.RecordedDrive;
import org.scfabric.bench.brunel.Variant;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.fault.FaultSites;

/**
 * A Brunel variant's kernel design ({@link BrunelDesign}, e.g. V3: {@code core0.lif[j].v/.rc/.spike},
 * the crossbar {@code core0.syn.xbar}, the axon weights {@code core0.syn.wmem}, the drive registers
 * {@code drive.ext[j]}) with the network's drive recorded once and shared by every bench, so a faulty
 * run can start at any step. Spikes are timed in network steps.
 */
public final class BrunelWorkload implements Workload
{
    private final Variant variant;
    private final BrunelParams params;
    private final BrunelNetwork net;
    private final RecordedDrive drive;

    public BrunelWorkload(final Variant variant, final int neurons, final double durationMs, final long seed)
    {
        this.variant = variant;
        this.params = BrunelParams.ofSize(neurons).withDuration(durationMs).withSeed(seed);
        if (params.steps() < 1)
        {
            throw new IllegalArgumentException("--duration-ms " + durationMs + " is shorter than one step of "
                + params.dt() + " ms");
        }
        this.net = BrunelNetwork.of(params);
        this.drive = net.recordedDrive();
    }

    @Override
    public String name()
    {
        return variant.name();
    }

    @Override
    public Map<String, Object> params()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", variant.name());
        m.put("design", "brunel");
        m.put("neurons", params.nTotal());
        m.put("duration_ms", params.durationMs());
        m.put("seed", params.seed());
        m.put("steps", params.steps());
        return m;
    }

    @Override
    public FaultBench newBench()
    {
        final BrunelDesign d = BrunelDesign.of(net, drive, List.of(variant));
        final Kernel k = d.newKernel();
        final long period = d.period();
        final int population = d.population(variant);
        final boolean fixedPoint = variant == Variant.V3 || variant == Variant.V11;
        // V3 and V11 read crossbar row i and axon weight i only at the synapse edge after neuron i spiked
        final FaultSites sites = k.design().faultSites();
        final int xbar = fixedPoint ? k.design().memory("core0.syn.xbar") : -1;
        final int wmem = fixedPoint ? k.design().memory("core0.syn.wmem") : -1;
        final int wordsPerRow = net.connectivity().wordsPerRow();
        final long delaySteps = params.delaySteps();
        return new FaultBench()
        {
            @Override
            public int readOnlyOnSpikeOf(final long site)
            {
                if (!fixedPoint || !sites.isMemory(site))
                {
                    return -1;
                }
                final int m = sites.target(site);
                return m == xbar ? sites.word(site) / wordsPerRow : m == wmem ? sites.word(site) : -1;
            }

            /**
             * Neuron i spikes at the core's edge of step t; the synapse unit reads it at its edge of step
             * t + delay (the next step's when the delay is one step; later spikes wait in the axon line).
             */
            @Override
            public long spikeReadCycle(final long time)
            {
                return (time + delaySteps) * period;
            }

            /**
             * V3 and V11 with the reference's one-step axon delay: synapse-memory faults replay
             * differentially on a flat model ({@link BrunelReplay}), when its recording of the golden
             * run (about 17 bytes per neuron and step) fits an eighth of the heap; -Dscfabric.faultReplay=false
             * turns it off (benchmarks compare both).
             */
            @Override
            public FaultReplay newReplay()
            {
                if (!fixedPoint || delaySteps != 1 || !Boolean.parseBoolean(System.getProperty("scfabric.faultReplay", "true"))
                    || BrunelReplay.recordingBytes(d.neurons(variant), d.steps()) > Runtime.getRuntime().maxMemory() / 8)
                {
                    return null;
                }
                return new BrunelReplay(k, d.lifParams(variant), d.neurons(variant), d.steps());
            }

            @Override
            public Kernel kernel()
            {
                return k;
            }

            @Override
            public long cycles()
            {
                return period * d.steps();
            }

            @Override
            public int neurons()
            {
                return d.neurons(variant);
            }

            @Override
            public String timeUnit()
            {
                return "step";
            }

            @Override
            public double msPerTimeUnit()
            {
                return params.dt();
            }

            @Override
            public double durationMs()
            {
                return d.steps() * params.dt();
            }

            @Override
            public void observe(final SpikeSink sink)
            {
                final org.scfabric.sim.Clock clk = d.clock();
                k.bus().subscribe(EventBus.SPIKE, (type, time, source, value) ->
                {
                    if (source == population)
                    {
                        sink.spike((clk.edgesUpTo(time) - 1) / period, (int)value);
                    }
                });
            }

            /**
             * The variant's raster (its own report, not hardware) can only be cut back on restore;
             * a faulty run may restore a later checkpoint than the last one, so the raster is
             * padded to the golden run's length first. What it holds does not matter here.
             */
            @Override
            public void restore(final org.scfabric.sim.Snapshot snapshot, final Object benchState)
            {
                final org.scfabric.bench.brunel.SpikeRaster r = d.raster(variant);
                longest = Math.max(longest, r.count());
                while (r.count() < longest)
                {
                    r.add(0, 0);
                }
                k.restore(snapshot);
            }

            private int longest;

            /** V3 and V11 write their registers once per edge; V4 and V14 compute a window per edge. */
            @Override
            public boolean valuesSettleEveryCycle()
            {
                return variant == Variant.V3 || variant == Variant.V11;
            }

            @Override
            public void runTo(final long cycle)
            {
                if (cycle > 0)
                {
                    k.runUntil(d.clock().edgeTime(cycle - 1));
                }
            }
        };
    }
}
