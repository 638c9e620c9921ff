package org.scfabric.hw.fabric;

import java.util.ArrayList;
import java.util.List;

/**
 * The events of a {@link MappedFabric} run as lines, in the format of {@code rtl/fabric/tb_sc_mapped_fabric.v}:
 * {@code T e} (a step starts at edge e), {@code S e id} (neuron id spikes), {@code O e id value} (an output
 * event), {@code F e} (the last step ends). Sorted by edge, then T &lt; S &lt; O &lt; F, then by neuron — what a
 * simulation of the RTL gives once sorted the same way.
 */
public final class MappedTrace
{
    private MappedTrace()
    {
    }

    /** The trace of {@code run}, the result of {@code fab.run(stepStart, channel, steps)} (spike edges from a second run). */
    public static List<String> lines(final MappedFabric fab, final MappedResult run, final int[] stepStart,
        final int[] channel, final int steps)
    {
        final long[] spikes = fab.spikeTimes(stepStart, channel, steps);
        final List<long[]> ev = new ArrayList<>();
        long t0 = 0;
        for (int t = 0; t < steps; t++)
        {
            ev.add(new long[] {t0, 0, 0, 0});
            t0 += run.fabric().stepCycles()[t];
        }
        for (int i = 0; i < spikes.length; i += 2)
        {
            ev.add(new long[] {spikes[i], 1, spikes[i + 1], 0});
        }
        final OutputEvents oe = run.outputs();
        for (int i = 0; i < oe.size(); i++)
        {
            ev.add(new long[] {oe.edge(i), 2, oe.neuron(i), oe.value(i)});
        }
        ev.add(new long[] {t0, 3, 0, 0});
        ev.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : a[1] != b[1] ? Long.compare(a[1], b[1])
            : Long.compare(a[2], b[2]));
        final List<String> out = new ArrayList<>(ev.size());
        for (final long[] e : ev)
        {
            out.add(switch ((int)e[1])
            {
                case 0 -> "T " + e[0];
                case 1 -> "S " + e[0] + " " + e[2];
                case 2 -> "O " + e[0] + " " + e[2] + " " + e[3];
                default -> "F " + e[0];
            });
        }
        return out;
    }
}
