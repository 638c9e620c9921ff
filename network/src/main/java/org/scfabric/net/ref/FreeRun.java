package org.scfabric.net.ref;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.net.Network;
import org.scfabric.net.Node;

/**
 * Runs the float64 reference on a network that drives itself (random sources, initial values, constant
 * drives: what {@code scfabric brian2} translates), its plain Input nodes held at zero, and records the spikes
 * of every spiking population.
 */
public final class FreeRun
{
    private FreeRun()
    {
    }

    /** One population's spikes in time order (within a step, by neuron index). */
    public record Train(String node, int neurons, int[] steps, int[] index)
    {
    }

    /** Every spiking population's train, in node order, and the wall time of the steps. */
    public record Result(Map<String, Train> trains, double wallS)
    {
    }

    public static Result run(final Network net, final int steps, final Options opt)
    {
        return run(net, steps, opt, 1);
    }

    /** The run on {@code threads} threads ({@link Float64Engine}): the same spikes. */
    public static Result run(final Network net, final int steps, final Options opt, final int threads)
    {
        try (Float64Engine e = new Float64Engine(net, opt, threads))
        {
            return run(e, net, steps);
        }
    }

    private static Result run(final Float64Engine e, final Network net, final int steps)
    {
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
                final double[] y = e.output(v);
                for (int i = 0; i < y.length; i++)
                {
                    if (y[i] != 0.0)
                    {
                        pairs[v].add(t, i);
                    }
                }
            }
        }
        final double wall = (System.nanoTime() - t0) / 1e9;
        final Map<String, Train> trains = new LinkedHashMap<>();
        for (final int v : watched)
        {
            final Node node = net.node(v);
            trains.put(node.name(), new Train(node.name(), node.outShape().size(), pairs[v].firsts(),
                pairs[v].seconds()));
        }
        return new Result(trains, wall);
    }
}
