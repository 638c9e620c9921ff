package org.scfabric.hw.fabric;

import java.util.Arrays;

import org.HdrHistogram.Histogram;

/**
 * A {@link MappedNetwork} on the fabric's fast engine: the same cores, FIFOs, router and controller as
 * the Brunel fabric (one cycle model), with a step split into phases (the input events, then each
 * neuron level), neurons placed by layer ({@link Placement#layered}), and the network's own datapath.
 *
 * <pre>{@code
 * MappedResult r = new MappedFabric(params, network, observed).run(stepStart, channel, steps);
 * MappedResult k = new MappedFabric(params, network, observed).runKernel(stepStart, channel, steps); // the same
 * }</pre>
 *
 * <p>{@link #kernel} builds the same machine out of kernel components ({@link Fabric}): cycle for cycle
 * the same figures and output events, slower, with every register and memory bit a fault site.
 */
public final class MappedFabric
{
    private final FabricParams fp;
    private final MappedNetwork net;
    private final boolean[] observed;

    /** @param observed per neuron, whether an Output node reads it (its non-zero outputs become output events) */
    public MappedFabric(final FabricParams fp, final MappedNetwork net, final boolean[] observed)
    {
        if (observed.length != net.size())
        {
            throw new IllegalArgumentException("observed flags for " + observed.length + " neurons, the network has "
                + net.size());
        }
        this.fp = fp;
        this.net = net;
        this.observed = observed.clone();
    }

    /**
     * Runs {@code steps} steps; the input events of step t are the channels
     * {@code channel[stepStart[t] .. stepStart[t+1])} (each 0 .. inputs − 1, in the order they are sent).
     */
    public MappedResult run(final int[] stepStart, final int[] channel, final int steps)
    {
        check(stepStart, channel, steps);
        final OutputEvents out = new OutputEvents();
        final FabricEngine e = new FabricEngine(fp, net, steps, Arrays.copyOf(stepStart, steps + 1), channel,
            observed, out);
        final FabricResult r = e.run();
        final EngineInputPort port = e.inputPort();
        return result(r, out, port.inputStart, port.stallCycles, stepStart, steps);
    }

    /**
     * The fabric of this network out of kernel components (not run yet): its design's fault sites are
     * every register and memory bit of the cores, router, controller and input port.
     */
    public Fabric kernel(final int[] stepStart, final int[] channel, final int steps)
    {
        check(stepStart, channel, steps);
        return new Fabric(fp, net, steps, Arrays.copyOf(stepStart, steps + 1), channel, observed);
    }

    /** {@link #run} on the kernel components ({@link #kernel}): the same result, cycle for cycle. */
    public MappedResult runKernel(final int[] stepStart, final int[] channel, final int steps)
    {
        final Fabric f = kernel(stepStart, channel, steps);
        final FabricResult r = f.run();
        return result(r, f.outputEvents(), f.inputPort().inputStart, f.inputPort().stallCycles, stepStart, steps);
    }

    private static MappedResult result(final FabricResult r, final OutputEvents out, final long[] inputStart,
        final long stalls, final int[] stepStart, final int steps)
    {
        final Histogram io = new Histogram(3);
        for (int i = 0; i < out.size(); i++)
        {
            io.recordValue(out.edge(i) - inputStart[out.step(i)]);
        }
        return new MappedResult(r, out, inputStart.clone(), stalls, io, stepStart[steps] - stepStart[0]);
    }

    private void check(final int[] stepStart, final int[] channel, final int steps)
    {
        if (stepStart.length < steps + 1)
        {
            throw new IllegalArgumentException("input events for " + (stepStart.length - 1) + " steps, " + steps
                + " to run");
        }
        for (final int ch : channel)
        {
            if (ch < 0 || ch >= net.inputs())
            {
                throw new IllegalArgumentException("input event on channel " + ch + ", the network has "
                    + net.inputs() + " input channels");
            }
        }
    }

    /**
     * The same run as {@link #run}, keeping the edge of every spike: pairs (edge, neuron) in edge order
     * (what a co-simulation of the RTL compares).
     */
    public long[] spikeTimes(final int[] stepStart, final int[] channel, final int steps)
    {
        final FabricEngine e = new FabricEngine(fp, net, steps, Arrays.copyOf(stepStart, steps + 1), channel,
            observed, new OutputEvents()).keepSpikeTimes();
        e.run();
        return e.spikeTimes();
    }

    /** Neurons per core under the layered placement. */
    public int[] coreSizes()
    {
        final Placement pl = Placement.layered(fp.cores(), net.levelStarts(), net.phases());
        final int[] s = new int[fp.cores()];
        for (int c = 0; c < s.length; c++)
        {
            s[c] = pl.size(c);
        }
        return s;
    }

    public FabricParams params()
    {
        return fp;
    }

    public MappedNetwork network()
    {
        return net;
    }
}
