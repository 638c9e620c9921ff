package org.scfabric.net.ref;

import java.util.Arrays;

import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.nir.NirMetadata;

/**
 * An Input node that plays a list of spikes ({@code scfabric.spike_steps}, {@code scfabric.spike_index}: Brian2's
 * SpikeGeneratorGroup, its times in steps): at step t each listed channel outputs 1.0, every other 0.0. Steps are
 * counted from the start of the run, one per {@link #step}.
 */
public final class SpikeListSource implements Float64Engine.Op
{
    /** The spikes sorted by step: (step << 32 | channel). */
    private final long[] spikes;
    private int next;
    private int t;

    public SpikeListSource(final Node node)
    {
        final String where = "node " + node.name();
        final String st = node.metadata().get(NirMetadata.SPIKE_STEPS);
        final String ix = node.metadata().get(NirMetadata.SPIKE_INDEX);
        if (st == null || ix == null)
        {
            throw new NetworkException(where + ": a spike list needs " + NirMetadata.SPIKE_STEPS + " and "
                + NirMetadata.SPIKE_INDEX);
        }
        final long[] steps = whole(st, where + " " + NirMetadata.SPIKE_STEPS);
        final long[] index = whole(ix, where + " " + NirMetadata.SPIKE_INDEX);
        final int n = node.outShape().size();
        if (steps.length != index.length)
        {
            throw new NetworkException(where + ": " + steps.length + " spike steps but " + index.length + " indices");
        }
        spikes = new long[steps.length];
        for (int k = 0; k < steps.length; k++)
        {
            if (steps[k] < 0 || steps[k] > Integer.MAX_VALUE || index[k] < 0 || index[k] >= n)
            {
                throw new NetworkException(where + ": spike " + k + " (step " + steps[k] + ", channel " + index[k]
                    + ") is outside steps >= 0 and channels 0.." + (n - 1));
            }
            spikes[k] = steps[k] << 32 | index[k];
        }
        Arrays.sort(spikes);
    }

    /** A ',' separated list of whole numbers (empty: none). */
    private static long[] whole(final String text, final String what)
    {
        if (text.isBlank())
        {
            return new long[0];
        }
        final String[] parts = text.split(",");
        final long[] r = new long[parts.length];
        try
        {
            for (int k = 0; k < parts.length; k++)
            {
                r[k] = Long.parseLong(parts[k].trim());
            }
        }
        catch (final NumberFormatException e)
        {
            throw new NetworkException(what + ": not a list of whole numbers (" + e.getMessage() + ")");
        }
        return r;
    }

    @Override
    public int step(final double[] x, final double[] y)
    {
        Arrays.fill(y, 0.0);
        int fired = 0;
        while (next < spikes.length && (spikes[next] >>> 32) == t)
        {
            y[(int) (spikes[next] & 0xffffffffL)] = 1.0;
            next++;
            fired++;
        }
        t++;
        return fired;
    }
}
