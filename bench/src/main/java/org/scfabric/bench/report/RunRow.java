package org.scfabric.bench.report;

import java.util.Map;

import org.scfabric.bench.brunel.RunResult;
import org.scfabric.bench.brunel.Variant;
import org.scfabric.hw.area.Area;

/** One variant's line of the report: what the run measured and the metrics of its raster. */
public record RunRow(Variant variant, SpikeMetrics metrics, double buildS, double wallS, double peakMb, long cycles,
    Area area, Map<String, Double> extras)
{
    public static RunRow of(final RunResult r, final Raster raster)
    {
        return new RunRow(r.variant(), SpikeMetrics.of(raster), r.buildSeconds(), r.runSeconds(), r.peakMb(), r.cycles(),
            r.area(), r.extras());
    }
}
