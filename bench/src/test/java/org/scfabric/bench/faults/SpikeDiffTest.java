package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpikeDiffTest
{
    /** Van Rossum's D² by its definition: ½ Σ_ij of the kernel products over the whole trains. */
    static double naive(final long[] g, final long[] f, final int neurons, final double tau)
    {
        double sum = 0;
        for (int n = 0; n < neurons; n++)
        {
            final int nn = n;
            final long[] a = Arrays.stream(g).filter(k -> SpikeKeys.neuron(k) == nn).map(SpikeKeys::time).toArray();
            final long[] b = Arrays.stream(f).filter(k -> SpikeKeys.neuron(k) == nn).map(SpikeKeys::time).toArray();
            sum += 0.5 * (k(a, a, tau) + k(b, b, tau) - 2 * k(a, b, tau));
        }
        return Math.sqrt(Math.max(0, sum));
    }

    static double k(final long[] a, final long[] b, final double tau)
    {
        double s = 0;
        for (final long x : a)
        {
            for (final long y : b)
            {
                s += Math.exp(-Math.abs(x - y) / tau);
            }
        }
        return s;
    }

    static long[] keys(final List<Integer> raw)
    {
        // each int: time in the high part, neuron 0..3 in the low two bits
        return raw.stream().mapToLong(x -> SpikeKeys.key(x >> 2, x & 3)).sorted().toArray();
    }

    @Test
    void metricsMatchTheirDefinitions()
    {
        qt().withFixedSeed(1L).withExamples(300)
            .forAll(lists().of(integers().between(0, 400)).ofSizeBetween(0, 30),
                lists().of(integers().between(0, 400)).ofSizeBetween(0, 30))
            .checkAssert((a, b) ->
            {
                final long[] g = keys(a);
                final long[] f = keys(b);
                final SpikeDiff d = new SpikeDiff(4, 7.5);
                final boolean same = d.compare(g, 0, g.length, f, f.length);
                assertEquals(Arrays.equals(g, f), same);
                assertEquals(f.length - g.length, d.spikeDelta);
                long abs = 0;
                for (int n = 0; n < 4; n++)
                {
                    final int nn = n;
                    abs += Math.abs(Arrays.stream(f).filter(k -> SpikeKeys.neuron(k) == nn).count()
                        - Arrays.stream(g).filter(k -> SpikeKeys.neuron(k) == nn).count());
                }
                assertEquals(same ? 0 : abs, d.absCountError);
                assertEquals(same ? 0 : naive(g, f, 4, 7.5), d.vanRossum, 1e-9);
                if (!same)
                {
                    long first = Long.MAX_VALUE;
                    for (final long k : g)
                    {
                        if (Arrays.binarySearch(f, k) < 0 || count(f, k) != count(g, k))
                        {
                            first = Math.min(first, SpikeKeys.time(k));
                        }
                    }
                    for (final long k : f)
                    {
                        if (count(f, k) != count(g, k))
                        {
                            first = Math.min(first, SpikeKeys.time(k));
                        }
                    }
                    assertEquals(first, d.firstDivergence);
                }
            });
    }

    /**
     * D² summed neuron by neuron in ascending order, each neuron's differing spikes in time order: the
     * order the figures are pinned to (a different order of the sum changes its last bits).
     */
    static double vanRossumInNeuronOrder(final long[] g, final long[] f, final int neurons, final double tau)
    {
        double sum = 0;
        for (int n = 0; n < neurons; n++)
        {
            final java.util.TreeMap<Long, Integer> net = new java.util.TreeMap<>();
            for (final long k : g)
            {
                if (SpikeKeys.neuron(k) == n)
                {
                    net.merge(SpikeKeys.time(k), -1, Integer::sum);
                }
            }
            for (final long k : f)
            {
                if (SpikeKeys.neuron(k) == n)
                {
                    net.merge(SpikeKeys.time(k), 1, Integer::sum);
                }
            }
            double d2 = 0;
            double trace = 0;
            long prev = -1;
            for (final var e : net.entrySet())
            {
                final int side = Integer.signum(e.getValue());
                for (int c = Math.abs(e.getValue()); c > 0; c--)
                {
                    if (prev >= 0)
                    {
                        trace *= e.getKey() == prev ? 1.0 : StrictMath.exp(-(e.getKey() - prev) / tau);
                    }
                    d2 += 0.5 + side * trace;
                    trace += side;
                    prev = e.getKey();
                }
            }
            sum += Math.max(0.0, d2);
        }
        return Math.sqrt(sum);
    }

    @Test
    void vanRossumIsSummedInNeuronThenTimeOrderToTheBit()
    {
        // many neurons and repeated keys: the grouping by neuron must keep each neuron's time order
        qt().withFixedSeed(3L).withExamples(300)
            .forAll(lists().of(integers().between(0, 64 * 300)).ofSizeBetween(0, 120),
                lists().of(integers().between(0, 64 * 300)).ofSizeBetween(0, 120))
            .checkAssert((a, b) ->
            {
                final long[] g = a.stream().mapToLong(x -> SpikeKeys.key(x / 64, x % 64)).sorted().toArray();
                final long[] f = b.stream().mapToLong(x -> SpikeKeys.key(x / 64, x % 64)).sorted().toArray();
                final SpikeDiff d = new SpikeDiff(64, 13.0);
                // twice on one instance: its scratch must not carry over
                d.compare(f, 0, f.length, g, g.length);
                if (!d.compare(g, 0, g.length, f, f.length))
                {
                    assertEquals(vanRossumInNeuronOrder(g, f, 64, 13.0), d.vanRossum);
                }
            });
    }

    static long count(final long[] a, final long k)
    {
        return Arrays.stream(a).filter(x -> x == k).count();
    }

    @Test
    void oneExtraSpikeFarFromOthersIsSqrtHalf()
    {
        final long[] g = {SpikeKeys.key(10, 0)};
        final long[] f = {SpikeKeys.key(10, 0), SpikeKeys.key(5000, 1)};
        final SpikeDiff d = new SpikeDiff(2, 10);
        d.compare(g, 0, 1, f, 2);
        assertEquals(Math.sqrt(0.5), d.vanRossum, 1e-15);
        assertEquals(5000, d.firstDivergence);
        assertTrue(d.absCountError == 1 && d.spikeDelta == 1);
    }
}
