package org.scfabric.bench.fabric;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.MappedFabric;
import org.scfabric.hw.fabric.MappedResult;
import org.scfabric.hw.fabric.OutputEvents;
import org.scfabric.net.NetworkException;
import org.scfabric.net.ref.ArithmeticRun;
import org.scfabric.net.ref.Stimulus;

/**
 * A NIR network on the general fabric: the stimulus turned into input events (one per channel whose
 * value is 1.0 in a step), the {@link MappedFabric} run, and its output events in the form of
 * {@code scfabric nir}'s runs ({@link ArithmeticRun}: spikes per population, output trains as
 * [step, flat index] sorted by step, then index).
 *
 * @param run     the fabric's outputs, arith {@code "fabric " + format}
 * @param figures the fabric's figures
 */
public record NirFabricRun(ArithmeticRun run, MappedResult figures)
{
    /** Per step t, the channels with a spike: {@code [stepStart, channel]}. */
    public static int[][] events(final Stimulus stimulus, final int channels, final int steps, final FixedFormat fmt)
    {
        if (steps > stimulus.rows())
        {
            throw new NetworkException("--steps " + steps + " but the input has only " + stimulus.rows() + " rows");
        }
        final double[] row = new double[channels];
        final int one = 1 << fmt.fraction();
        final int[] start = new int[steps + 1];
        int[] ch = new int[64];
        int e = 0;
        for (int t = 0; t < steps; t++)
        {
            stimulus.fill(t, row);
            for (int c = 0; c < channels; c++)
            {
                final int q = fmt.quantise(row[c]);
                if (q == one)
                {
                    if (e == ch.length)
                    {
                        ch = Arrays.copyOf(ch, 2 * e);
                    }
                    ch[e++] = c;
                }
                else if (q != 0)
                {
                    throw new NetworkException(stimulus.at(t, c) + " is " + row[c]
                        + ": the fabric takes input spikes (0 or 1 per channel and step)");
                }
            }
            start[t + 1] = e;
        }
        return new int[][] {start, Arrays.copyOf(ch, e)};
    }

    public static NirFabricRun run(final NirMapping map, final FabricParams fp, final Stimulus stimulus,
        final int steps, final FixedFormat fmt)
    {
        return run(map, fp, events(stimulus, map.channels(), steps, fmt), steps, fmt);
    }

    /** A run on input events made by {@link #events}. */
    public static NirFabricRun run(final NirMapping map, final FabricParams fp, final int[][] ev, final int steps,
        final FixedFormat fmt)
    {
        return run(map, fp, ev, steps, fmt, false);
    }

    /** A run on input events, on the fast engine or ({@code kernel}) the kernel components: the same figures. */
    public static NirFabricRun run(final NirMapping map, final FabricParams fp, final int[][] ev, final int steps,
        final FixedFormat fmt, final boolean kernel)
    {
        final MappedFabric mf = new MappedFabric(fp, map.network(), map.observed());
        final MappedResult r = kernel ? mf.runKernel(ev[0], ev[1], steps) : mf.run(ev[0], ev[1], steps);
        final Map<String, Long> counts = new LinkedHashMap<>();
        long total = 0;
        for (final NirMapping.Population p : map.populations())
        {
            if (!map.network().fires(p.base()))
            {
                continue;
            }
            long c = 0;
            for (final int[] st : r.fabric().spikes())
            {
                c += countIn(st, p.base(), p.base() + p.size());
            }
            counts.put(p.name(), c);
            total += c;
        }
        final Map<String, ArithmeticRun.OutputTrain> outs = new LinkedHashMap<>();
        final OutputEvents ev2 = r.outputs();
        for (final NirMapping.Output o : map.outputs())
        {
            long[] keys = new long[16];
            int m = 0;
            for (int i = 0; i < ev2.size(); i++)
            {
                final int j = ev2.neuron(i) - o.base();
                if (j >= 0 && j < o.size())
                {
                    if (m == keys.length)
                    {
                        keys = Arrays.copyOf(keys, 2 * m);
                    }
                    keys[m++] = (long)ev2.step(i) << 32 | j;
                }
            }
            keys = Arrays.copyOf(keys, m);
            Arrays.sort(keys);
            final int[] st = new int[m];
            final int[] ix = new int[m];
            for (int i = 0; i < m; i++)
            {
                st[i] = (int)(keys[i] >>> 32);
                ix[i] = (int)keys[i];
            }
            outs.put(o.name(), new ArithmeticRun.OutputTrain(o.shape(), st, ix));
        }
        return new NirFabricRun(new ArithmeticRun("fabric " + fmt.name(), steps, total, counts,
            r.fabric().wallSeconds(), outs), r);
    }

    private static int countIn(final int[] sorted, final int from, final int to)
    {
        int lo = Arrays.binarySearch(sorted, from);
        lo = lo < 0 ? -lo - 1 : lo;
        int hi = Arrays.binarySearch(sorted, to);
        hi = hi < 0 ? -hi - 1 : hi;
        return hi - lo;
    }
}
