package org.scfabric.bench.brian2;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.bench.nir.FixedPointEngine;
import org.scfabric.bench.nir.ScConfig;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.ref.Float64Engine;
import org.scfabric.net.ref.FreeRun;
import org.scfabric.net.ref.Options;
import org.scfabric.net.ref.ReferenceRun;

/**
 * A translated Brian2 network on the hardware arithmetics ({@link FixedPointEngine}: Q8.8 or Q16.12 cores, or SC
 * synapses into Q8.8 cores), driving itself as {@link FreeRun} drives float64, with every spiking population's
 * train recorded: what {@code scfabric brian2 --compare} sets beside Brian2's.
 */
public final class HardwareRun
{
    private HardwareRun()
    {
    }

    /** {@code sc} null: the fixed-point format alone; else SC synapses (fmt Q8.8). */
    public static FreeRun.Result run(final Network net, final int steps, final Options opt, final FixedFormat fmt,
        final ScConfig sc)
    {
        final FixedPointEngine e = new FixedPointEngine(net, opt, fmt, sc);
        final int n = net.size();
        final ReferenceRun.IntPairs[] pairs = new ReferenceRun.IntPairs[n];
        final int[] watched = java.util.stream.IntStream.range(0, n)
            .filter(v -> net.node(v).kind().neuron() && Float64Engine.spiking(net.node(v).kind())).toArray();
        for (final int v : watched)
        {
            pairs[v] = new ReferenceRun.IntPairs();
        }
        final long t0 = System.nanoTime();
        for (int t = 0; t < steps; t++)
        {
            e.advance();
            for (final int v : watched)
            {
                final int[] y = e.output(v);
                for (int i = 0; i < y.length; i++)
                {
                    if (y[i] != 0)
                    {
                        pairs[v].add(t, i);
                    }
                }
            }
        }
        final double wall = (System.nanoTime() - t0) / 1e9;
        final Map<String, FreeRun.Train> trains = new LinkedHashMap<>();
        for (final int v : watched)
        {
            final Node node = net.node(v);
            trains.put(node.name(), new FreeRun.Train(node.name(), node.outShape().size(), pairs[v].firsts(),
                pairs[v].seconds()));
        }
        return new FreeRun.Result(trains, wall);
    }
}
