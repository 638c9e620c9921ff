package org.scfabric.bench.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;

import org.junit.jupiter.api.Test;

class VanRossumTest
{
    private static double d(final int[] a, final int[] b, final double tau)
    {
        return VanRossum.distance(a, a.length, b, b.length, tau);
    }

    private static int[] sorted(final List<Integer> l)
    {
        return l.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    @Test
    void identicalTrainsAreAtDistanceZero()
    {
        assertEquals(0.0, d(new int[] {460, 510, 710, 760}, new int[] {460, 510, 710, 760}, 10), 0.0);
        assertEquals(0.0, d(new int[0], new int[0], 10), 0.0);
    }

    @Test
    void oneUnmatchedSpikeIsDistanceOneAndKUnmatchedFarApartAreRootK()
    {
        assertEquals(1.0, d(new int[] {5}, new int[0], 10), 1e-15);
        assertEquals(1.0, d(new int[0], new int[] {5}, 3), 1e-15);
        // spikes 10 000 steps apart: their kernels do not overlap (e^-1000)
        assertEquals(Math.sqrt(3), d(new int[] {0, 10_000, 20_000}, new int[0], 10), 1e-12);
    }

    @Test
    void twoSpikesDeltaApartAreRootOfTwoTimesOneMinusExpMinusDeltaOverTau()
    {
        // by hand: D² = 1 + 1 - 2 e^{-Δ/τ}; Δ = 10, τ = 10: 2 (1 - 1/e) = 1.264241...
        assertEquals(Math.sqrt(2 * (1 - Math.exp(-1))), d(new int[] {100}, new int[] {110}, 10), 1e-14);
        assertEquals(1.1243848, d(new int[] {100}, new int[] {110}, 10), 1e-7);
        // a spike one step late, τ = 10: sqrt(2 (1 - e^-0.1)) = 0.43626
        assertEquals(0.4362627, d(new int[] {460}, new int[] {461}, 10), 1e-7);
    }

    @Test
    void coincidentSpikesInOneTrainCountTwice()
    {
        // two spikes at the same step against one: f - g = 1 e^{-t/τ}, D² = 1
        assertEquals(1.0, d(new int[] {7, 7}, new int[] {7}, 10), 1e-15);
    }

    @Test
    void eventIntegrationEqualsTheDoubleSumOverSpikePairs()
    {
        qt().withExamples(300)
            .forAll(lists().of(integers().between(0, 300)).ofSizeBetween(0, 25),
                lists().of(integers().between(0, 300)).ofSizeBetween(0, 25), doubles().between(0.5, 50))
            .checkAssert((x, y, tau) ->
            {
                final int[] a = sorted(x);
                final int[] b = sorted(y);
                // compared as D²: the double sum is a difference of sums of up to 625 terms
                final double pairs = VanRossum.pairs(a, b, tau);
                final double events = d(a, b, tau);
                assertEquals(pairs * pairs, events * events, 1e-9,
                    () -> java.util.Arrays.toString(a) + " vs " + java.util.Arrays.toString(b) + " tau " + tau);
            });
    }

    @Test
    void theDistanceIsSymmetric()
    {
        qt().withExamples(200)
            .forAll(lists().of(integers().between(0, 500)).ofSizeBetween(0, 20),
                lists().of(integers().between(0, 500)).ofSizeBetween(0, 20))
            .checkAssert((x, y) -> assertEquals(d(sorted(x), sorted(y), 10), d(sorted(y), sorted(x), 10), 1e-12));
    }

    @Test
    void perNeuronSplitsATrainOfStepIndexPairsByNeuron()
    {
        // neuron 0: {3} vs {3}; neuron 1: {5} vs nothing; neuron 2: nothing vs {8, 18}
        final double[] r = VanRossum.perNeuron(3, new int[] {3, 5}, new int[] {0, 1}, new int[] {3, 8, 18},
            new int[] {0, 2, 2}, 10);
        assertArrayEquals(new double[] {0, 1, Math.sqrt(2 + 2 * Math.exp(-1))}, r, 1e-12);
    }
}
