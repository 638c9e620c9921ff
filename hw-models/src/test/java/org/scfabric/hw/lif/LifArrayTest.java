package org.scfabric.hw.lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class LifArrayTest
{
    static final Gen<LifParams> PARAMS = arbitrary().pick(
        LifParams.Q8_8, LifParams.Q8_8.withRefractory(2), new LifParams(16, 8, -300, 100, 256, 3),
        new LifParams(16, 4, 0, -50, -20, 1),
        LifParams.Q16_12, new LifParams(32, 12, 0, 40_960, 81_920, 2), new LifParams(32, 12, -100_000, 0, 5000, 0),
        new LifParams(12, 6, 0, 0, 100, 1), new LifParams(24, 10, 5, -5, 10_000, 3));

    @Test
    void arrayStepIsBitIdenticalToOneLifCorePerNeuron()
    {
        qt().withFixedSeed(0x5CFAB10L).withExamples(60)
            .forAll(PARAMS, integers().between(1, 300), longs().all(), integers().between(0, 3))
            .checkAssert((p, n, seed, scale) ->
            {
                final SplittableRandom rnd = new SplittableRandom(seed);
                final LifArray array = new LifArray(p, n);
                final LifCore[] cores = new LifCore[n];
                for (int i = 0; i < n; i++)
                {
                    cores[i] = new LifCore(p);
                }
                final int[] current = new int[n];
                final int[] spikes = new int[n];
                // scale 0: small values near the threshold; 3: anything, including wrap-around
                final int bound = new int[] {1 << 9, 1 << 13, 1 << 17, Integer.MAX_VALUE}[scale];
                for (int t = 0; t < 40; t++)
                {
                    final int leak = rnd.nextInt(-bound, bound);
                    final int gain = rnd.nextInt(-bound, bound);
                    final int noise = rnd.nextInt(-bound, bound) >> 4;
                    for (int i = 0; i < n; i++)
                    {
                        current[i] = rnd.nextInt(-bound, bound);
                    }
                    final int count = array.step(current, leak, gain, noise, spikes);
                    int k = 0;
                    for (int i = 0; i < n; i++)
                    {
                        if (cores[i].clock(leak, gain, current[i], noise) == 1)
                        {
                            assertEquals(i, spikes[k++], "spike order");
                        }
                        assertEquals(cores[i].v(), array.v(i), "v of neuron " + i + " at t " + t + " " + p);
                        assertEquals(cores[i].rc(), array.rc(i));
                    }
                    assertEquals(k, count);
                }
            });
    }

    /** Not an assertion of speed (shared machines): prints the figure for the report. */
    @Test
    void measureThroughput()
    {
        for (final LifParams p : new LifParams[] {
            new LifParams(16, 8, 0, 2560, 5120, 2), new LifParams(32, 12, 0, 40_960, 81_920, 2)})
        {
            final int n = 10_000;
            final LifArray array = new LifArray(p, n);
            final int[] current = new int[n];
            final int[] spikes = new int[n];
            final SplittableRandom rnd = new SplittableRandom(1);
            for (int i = 0; i < n; i++)
            {
                current[i] = rnd.nextInt(0, p.vThreshold() / 8);
            }
            final int gain = 1 << p.fraction();
            long total = 0;
            for (int i = 0; i < 2000; i++)
            {
                total += array.step(current, 1, gain, 0, spikes);
            }
            final int steps = 6000;
            final long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++)
            {
                total += array.step(current, 1, gain, 0, spikes);
            }
            final double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("LifArray W=%d: %.0f M neuron updates/s (%d spikes)%n",
                p.dataWidth(), (double)n * steps / seconds / 1e6, total);
        }
    }
}
