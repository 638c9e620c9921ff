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
 * }</pre>
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
        final OutputEvents out = new OutputEvents();
        final FabricEngine e = new FabricEngine(fp, net, steps, Arrays.copyOf(stepStart, steps + 1), channel,
            observed, out);
        final FabricResult r = e.run();
        final EngineInputPort port = e.inputPort();
        final Histogram io = new Histogram(3);
        for (int i = 0; i < out.size(); i++)
        {
            io.recordValue(out.edge(i) - port.inputStart[out.step(i)]);
        }
        return new MappedResult(r, out, port.inputStart.clone(), port.stallCycles, io,
            stepStart[steps] - stepStart[0]);
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
