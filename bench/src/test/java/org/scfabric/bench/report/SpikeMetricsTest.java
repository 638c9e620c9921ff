package org.scfabric.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpikeMetricsTest
{
    /** 4 neurons (3 exc, 1 inh), 1000 steps of 0.1 ms = 100 ms. */
    private static Raster raster(final int[] steps, final int[] neurons)
    {
        return new Raster(steps, neurons, 3, 1, 1000, 0.1);
    }

    @Test
    void ratesAreSpikesPerSecondPerNeuronOfEachPopulation()
    {
        // 6 spikes: 4 from excitatory neurons, 2 from the inhibitory one, over 0.1 s
        final SpikeMetrics m = SpikeMetrics.of(raster(new int[] {0, 10, 20, 30, 40, 50}, new int[] {0, 3, 1, 3, 2, 0}));
        assertEquals(6, m.spikes());
        assertEquals(6 / 0.1 / 4, m.rateHz(), 1e-12);
        assertEquals(4 / 0.1 / 3, m.rateExcHz(), 1e-12);
        assertEquals(2 / 0.1 / 1, m.rateInhHz(), 1e-12);
    }

    @Test
    void cvIsZeroForRegularFiringAndCountsOnlyNeuronsWithThreeSpikes()
    {
        // neuron 0 fires every 100 steps (regular: CV 0); neuron 1 fires twice (left out)
        final SpikeMetrics m = SpikeMetrics.of(raster(new int[] {0, 5, 100, 105, 200, 300}, new int[] {0, 1, 0, 1, 0, 0}));
        assertEquals(0.0, m.cvIsi(), 1e-12);
        assertEquals(1, m.cvNeurons());
    }

    @Test
    void cvIsStdOverMeanOfTheIntervals()
    {
        // intervals 10 and 30 steps (1 ms, 3 ms): mean 2, population std 1 -> CV 0.5
        final SpikeMetrics m = SpikeMetrics.of(raster(new int[] {0, 10, 40}, new int[] {2, 2, 2}));
        assertEquals(0.5, m.cvIsi(), 1e-12);
    }

    @Test
    void cvIsNanWithoutANeuronOfThreeSpikes()
    {
        assertTrue(Double.isNaN(SpikeMetrics.of(raster(new int[] {0, 10}, new int[] {0, 0})).cvIsi()));
    }

    @Test
    void fanoIsVarianceOverMeanOfTenMillisecondBins()
    {
        // 100 ms = 10 bins of 100 steps; counts 2,0,0,...: mean 0.2, var (1.8^2 + 9*0.04)/10 = 0.36 -> 1.8
        final SpikeMetrics m = SpikeMetrics.of(raster(new int[] {3, 50}, new int[] {0, 1}));
        assertEquals(0.36 / 0.2, m.fano(), 1e-12);
        // equal counts in every bin: no variance
        final int[] s = new int[10];
        final int[] n = new int[10];
        for (int b = 0; b < 10; b++)
        {
            s[b] = b * 100 + 7;
        }
        assertEquals(0.0, SpikeMetrics.of(raster(s, n)).fano(), 1e-12);
    }

    @Test
    void fanoDropsAPartialLastBinAndIsNanWithoutSpikes()
    {
        final Raster r = new Raster(new int[] {0, 150}, new int[] {0, 0}, 3, 1, 150, 0.1); // 15 ms: one full bin
        assertEquals(0.0, SpikeMetrics.fano(r, 10.0), 1e-12);
        assertTrue(Double.isNaN(SpikeMetrics.of(raster(new int[0], new int[0])).fano()));
    }

    @Test
    void isisArePooledPerNeuronInMs()
    {
        assertArrayEquals(new double[] {1.0, 0.5, 2.0},
            SpikeMetrics.isisMs(raster(new int[] {0, 5, 10, 10, 30}, new int[] {0, 1, 0, 1, 0})), 1e-12);
    }

    @Test
    void aLayerOfItsOwnSizeIsRatedPerNeuronOfThatLayer()
    {
        final org.scfabric.bench.brunel.BrunelParams p = org.scfabric.bench.brunel.BrunelParams.ofSize(1000)
            .withDuration(100);
        final org.scfabric.bench.brunel.RunResult r = new org.scfabric.bench.brunel.RunResult(
            org.scfabric.bench.brunel.Variant.V13, p, new int[] {1, 2, 3, 4, 5}, new int[] {0, 1, 2, 3, 49}, 5, 0, 0, 0, 0,
            null, java.util.Map.of("neurons", 50.0));
        final SpikeMetrics m = SpikeMetrics.of(Raster.of(r));
        assertEquals(5 / 0.1 / 50, m.rateHz(), 1e-12);
        assertEquals(5 / 0.1 / 50, m.rateExcHz(), 1e-12);
        assertTrue(Double.isNaN(m.rateInhHz()));
        final org.scfabric.bench.brunel.RunResult whole = new org.scfabric.bench.brunel.RunResult(
            org.scfabric.bench.brunel.Variant.V1, p, new int[] {1}, new int[] {999}, 1, 0, 0, 0, 0, null,
            java.util.Map.of());
        assertEquals(1 / 0.1 / 1000, SpikeMetrics.of(Raster.of(whole)).rateHz(), 1e-12);
        assertEquals(1 / 0.1 / 200, SpikeMetrics.of(Raster.of(whole)).rateInhHz(), 1e-12);
    }
}
