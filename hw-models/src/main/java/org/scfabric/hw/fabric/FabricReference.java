package org.scfabric.hw.fabric;

import org.scfabric.hw.lif.LifArray;

/**
 * The network unrolled: one LIF per neuron ({@link LifArray}), the CSR applied spike by spike, the
 * same on-chip drive. No architecture, no cycles — what every fabric must reproduce spike for spike.
 */
public final class FabricReference
{
    private FabricReference()
    {
    }

    /** Spikes of every step: {@code result[t]} lists the neurons that spiked in step t, ascending. */
    public static int[][] run(final FabricNetwork net, final int steps)
    {
        final int n = net.size();
        final LifArray lif = new LifArray(net.lif(), n);
        final PoissonDrive drive = net.drive();
        final int[] lfsr = new int[n];
        for (int j = 0; j < n; j++)
        {
            lfsr[j] = drive.initialState(j);
        }
        int[] syn = new int[n];
        int[] synNext = new int[n];
        final int[] current = new int[n];
        final int[] spikes = new int[n];
        final int[][] out = new int[steps][];
        for (int t = 0; t < steps; t++)
        {
            for (int j = 0; j < n; j++)
            {
                lfsr[j] = PoissonDrive.leap(lfsr[j]);
                current[j] = syn[j] + drive.kicks(lfsr[j]) * net.jExt();
            }
            final int count = lif.step(current, net.leak(), net.gain(), 0, spikes);
            out[t] = java.util.Arrays.copyOf(spikes, count);
            java.util.Arrays.fill(synNext, 0);
            for (int s = 0; s < count; s++)
            {
                final int i = spikes[s];
                for (int e = net.rowStart(i), end = e + net.rowLength(i); e < end; e++)
                {
                    synNext[net.target(e)] += net.weight(e);
                }
            }
            final int[] tmp = syn;
            syn = synNext;
            synNext = tmp;
        }
        return out;
    }
}
