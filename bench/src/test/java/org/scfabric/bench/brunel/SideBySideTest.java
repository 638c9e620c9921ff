package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * V1 and V3 in one simulation, on the same drive registers, and where they part. 99 830 and 66 488 are the
 * reference benchmark's own counts for seed 42, N = 1000 (docs/spec/brunel.md §3).
 */
class SideBySideTest
{
    private static final BrunelParams P = BrunelParams.ofSize(1000);

    @Test
    void oneSimulationGivesEachVariantItsOwnRunsSpikes()
    {
        final BrunelRunner r = new BrunelRunner();
        final List<RunResult> both = r.runTogether(List.of(Variant.V1, Variant.V3), P, f -> { });
        assertEquals(99_830, both.get(0).spikes());
        assertEquals(66_488, both.get(1).spikes());
        final RunResult alone = r.run(Variant.V3, P, f -> { });
        assertArrayEquals(BrunelExactnessTest.steps(alone), BrunelExactnessTest.steps(both.get(1)));
        assertArrayEquals(BrunelExactnessTest.neurons(alone), BrunelExactnessTest.neurons(both.get(1)));
    }

    @Test
    void theDivergenceNamesTheFirstDifferingSpikeAndTheRateGap()
    {
        final Divergence d = new BrunelRunner().compare(Variant.V1, Variant.V3, P, f -> { });
        assertFalse(d.identical());
        assertEquals(99_830, d.spikesA());
        assertEquals(66_488, d.spikesB());
        assertTrue(d.firstStep() >= 0 && d.firstNeuron() >= 0 && d.firstNeuron() < 1000);
        // the Q8.8 network fires less: about 33 Hz fewer per neuron on average
        assertEquals((66_488 - 99_830) / 1000.0, -d.rates().meanHz(), 1e-9);
        assertTrue(d.rates().maxAbsHz() >= Math.abs(d.rates().meanHz()));
        assertTrue(d.summary().contains("first difference"));
    }

    @Test
    void aRunComparedWithItselfIsIdentical()
    {
        final BrunelParams p = BrunelParams.ofSize(200).withDuration(100);
        final List<RunResult> r = new BrunelRunner().runTogether(List.of(Variant.V18, Variant.V20), p, f -> { });
        final Divergence d = Divergence.of(r.get(0), r.get(1));
        assertTrue(d.identical());
        assertEquals(r.get(0).spikes(), d.commonPrefix());
        assertEquals(0.0, d.rates().maxAbsHz());
        assertEquals(200, d.rates().identical());
    }

    @Test
    void aHandMadePairPartsWhereTheRastersDo()
    {
        final BrunelParams p = BrunelParams.ofSize(10).withDuration(1);
        final RunResult a = new RunResult(Variant.V1, p, new int[] {0, 0, 3, 5}, new int[] {1, 4, 2, 7}, 4, 0, 0, 0, 0,
            null, java.util.Map.of());
        final RunResult b = new RunResult(Variant.V3, p, new int[] {0, 0, 3, 4}, new int[] {1, 4, 2, 9}, 4, 0, 0, 0, 0,
            null, java.util.Map.of());
        final Divergence d = Divergence.of(a, b);
        assertEquals(3, d.commonPrefix());
        assertEquals(4, d.firstStep());
        assertEquals(9, d.firstNeuron());
        assertEquals(Variant.V3, d.firstIn());
        assertEquals(8, d.rates().identical());
    }
}
