package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.Bits;
import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;

/**
 * LIF edges on plain arrays ({@link LifArrayEdge}): every neuron follows its own {@link LifCore}
 * edge for edge (v, rc, the spiking neurons), on the SIMD path and the scalar path alike, for Q8.8
 * and Q16.12 arrays of any size (tails shorter than a vector included), currents wider than the
 * port; and the two paths give the same bits from any register contents (huge refractory counters,
 * out-of-range potentials), clearing the current differences they read.
 */
class LifArrayEdgeTest
{
    private static LifParams params(final boolean q16, final int refractory)
    {
        return q16 ? new LifParams(32, 12, 0, -1024, 4096, refractory) : new LifParams(16, 8, 0, -64, 256, refractory);
    }

    @Test
    void everyNeuronFollowsItsLifCoreOnBothPaths()
    {
        qt().withFixedSeed(5L).withExamples(60)
            .forAll(integers().between(1, 70), integers().between(0, 4), longs().all(), integers().between(0, 1))
            .checkAssert((n, refractory, seed, q) ->
            {
                final LifParams p = params(q == 1, refractory);
                final int w = p.dataWidth();
                final SplittableRandom r = new SplittableRandom(seed);
                final int leak = r.nextInt(1, 40);
                final int gain = r.nextInt(1, 1 << (p.fraction() + 1));
                for (final boolean lanes : new boolean[] {false, true})
                {
                    if (lanes && LifBankRegisters.vectorLanes() == 0)
                    {
                        continue;
                    }
                    final LifCore[] cores = new LifCore[n];
                    final long[] v = new long[n];
                    final long[] rc = new long[n];
                    for (int i = 0; i < n; i++)
                    {
                        cores[i] = new LifCore(p);
                        v[i] = p.vRest();
                    }
                    final long[] base = new long[n + 3];
                    final long[] delta = new long[n];
                    final int[] spikes = new int[n + 1];
                    for (int edge = 0; edge < 30; edge++)
                    {
                        int expected = 0;
                        final int[] want = new int[n];
                        for (int i = 0; i < n; i++)
                        {
                            // around the threshold, sometimes far beyond the port's width
                            base[3 + i] = r.nextLong(-3L * p.vThreshold(), 3L * p.vThreshold())
                                + (r.nextInt(8) == 0 ? r.nextLong() : 0);
                            delta[i] = r.nextInt(4) == 0 ? r.nextLong(-1000, 1000) : 0;
                            if (cores[i].clock(leak, gain, (int)(base[3 + i] + delta[i]), 0) != 0)
                            {
                                want[expected++] = i;
                            }
                        }
                        final int count = LifArrayEdge.edge(v, rc, base, 3, delta, spikes, n, w, p.fraction(), leak,
                            gain, p.vRest(), p.vReset(), p.vThreshold(), p.refractoryPeriod(), lanes);
                        assertEquals(expected, count, "spikes at edge " + edge + " lanes " + lanes);
                        assertArrayEquals(Arrays.copyOf(want, expected), Arrays.copyOf(spikes, count));
                        assertArrayEquals(new long[n], delta, "the differences read are cleared");
                        for (int i = 0; i < n; i++)
                        {
                            assertEquals(cores[i].v(), Bits.lowSigned(v[i], w), "v of " + i + " at edge " + edge);
                            assertEquals(cores[i].rc(), (int)rc[i], "rc of " + i + " at edge " + edge);
                        }
                    }
                }
            });
    }

    @Test
    void lanesGiveTheScalarBitsFromAnyRegisterContents()
    {
        qt().withFixedSeed(9L).withExamples(80)
            .forAll(integers().between(1, 70), longs().all(), integers().between(0, 1))
            .checkAssert((n, seed, q) ->
            {
                final LifParams p = params(q == 1, 3);
                final SplittableRandom r = new SplittableRandom(seed);
                final long[] v = new long[n];
                final long[] rc = new long[n];
                final long[] base = new long[n];
                final long[] delta = new long[n];
                for (int i = 0; i < n; i++)
                {
                    v[i] = r.nextLong() & Bits.mask(p.dataWidth()) & 0xFFFF_FFFFL;
                    rc[i] = r.nextInt(3) == 0 ? r.nextLong() & 0xFFFF_FFFFL : 0;
                    base[i] = r.nextLong();
                    delta[i] = r.nextLong(-5000, 5000);
                }
                final int leak = r.nextInt();
                final int gain = r.nextInt();
                final long[] v2 = v.clone();
                final long[] rc2 = rc.clone();
                final long[] delta2 = delta.clone();
                final int[] s1 = new int[n + 1];
                final int[] s2 = new int[n + 1];
                final int c1 = LifArrayEdge.edge(v, rc, base, 0, delta, s1, n, p.dataWidth(), p.fraction(), leak, gain,
                    p.vRest(), p.vReset(), p.vThreshold(), p.refractoryPeriod(), false);
                final int c2 = LifArrayEdge.edge(v2, rc2, base, 0, delta2, s2, n, p.dataWidth(), p.fraction(), leak,
                    gain, p.vRest(), p.vReset(), p.vThreshold(), p.refractoryPeriod(),
                    LifBankRegisters.vectorLanes() > 0);
                assertEquals(c1, c2);
                assertArrayEquals(Arrays.copyOf(s1, c1), Arrays.copyOf(s2, c2));
                for (int i = 0; i < n; i++)
                {
                    assertEquals(Bits.lowSigned(v[i], p.dataWidth()), Bits.lowSigned(v2[i], p.dataWidth()), "v " + i);
                }
                assertArrayEquals(rc, rc2);
                assertArrayEquals(delta, delta2);
            });
    }

    @Test
    void widthsOutsideTheCurrentPortAreRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> LifArrayEdge.edge(new long[1], new long[1], new long[1], 0,
            new long[1], new int[2], 1, 64, 8, 1, 1, 0, 0, 1, 0));
    }
}
