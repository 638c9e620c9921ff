package org.scfabric.bench.brunel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.hw.area.Area;

/**
 * What one variant run produced: its spikes (a raster in step order), cycles and timings, and for
 * hardware variants the area estimate. Metrics (rates, CV of ISIs, Fano factor) are computed from
 * this by {@code BrunelMetrics}; nothing here is derived twice.
 */
public final class RunResult
{
    private final Variant variant;
    private final BrunelParams params;
    private final int[] spikeStep;
    private final int[] spikeNeuron;
    private final int spikeCount;
    private final long cycles;
    private final double buildSeconds;
    private final double runSeconds;
    private final double peakMb;
    private final Area area;
    private final Map<String, Double> extras;

    /**
     * @param spikeStep   step of each spike, non-decreasing (length at least {@code spikeCount})
     * @param spikeNeuron neuron of each spike, ascending within a step
     * @param cycles      clock cycles simulated (edges of the variant's fastest clock)
     * @param extras      variant-specific figures (e.g. "mean_output_probability"), in a fixed order
     */
    public RunResult(final Variant variant, final BrunelParams params, final int[] spikeStep, final int[] spikeNeuron,
        final int spikeCount, final long cycles, final double buildSeconds, final double runSeconds,
        final double peakMb, final Area area, final Map<String, Double> extras)
    {
        this.variant = variant;
        this.params = params;
        this.spikeStep = spikeStep;
        this.spikeNeuron = spikeNeuron;
        this.spikeCount = spikeCount;
        this.cycles = cycles;
        this.buildSeconds = buildSeconds;
        this.runSeconds = runSeconds;
        this.peakMb = peakMb;
        this.area = area;
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    public Variant variant()
    {
        return variant;
    }

    public BrunelParams params()
    {
        return params;
    }

    public int spikes()
    {
        return spikeCount;
    }

    public int spikeStep(final int i)
    {
        return spikeStep[i];
    }

    public int spikeNeuron(final int i)
    {
        return spikeNeuron[i];
    }

    public long cycles()
    {
        return cycles;
    }

    public double buildSeconds()
    {
        return buildSeconds;
    }

    public double runSeconds()
    {
        return runSeconds;
    }

    public double peakMb()
    {
        return peakMb;
    }

    /** Area estimate from the component models, or null for a software variant. */
    public Area area()
    {
        return area;
    }

    public Map<String, Double> extras()
    {
        return extras;
    }
}
