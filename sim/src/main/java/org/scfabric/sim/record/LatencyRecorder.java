package org.scfabric.sim.record;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.HdrHistogram.Histogram;

/**
 * Latency samples in cycles, one HdrHistogram per population (3 significant digits, auto-resizing),
 * with HdrHistogram's percentile output ({@code .hgrm}, readable by its plotter).
 */
public final class LatencyRecorder implements RecordSink
{
    private final String[] populations;
    private final Histogram[] histograms;

    public LatencyRecorder(final String... populations)
    {
        this.populations = populations.clone();
        histograms = new Histogram[populations.length];
        for (int i = 0; i < populations.length; i++)
        {
            histograms[i] = new Histogram(3);
        }
    }

    @Override
    public void onRecord(final int kind, final long time, final int id, final long value)
    {
        if (kind == Recorder.LATENCY)
        {
            histograms[id].recordValue(value);
        }
    }

    public Histogram histogram(final int population)
    {
        return histograms[population];
    }

    public String population(final int i)
    {
        return populations[i];
    }

    public int populations()
    {
        return populations.length;
    }

    /** Write the percentile distribution of one population (values in cycles). */
    public void writeHgrm(final int population, final Path file) throws IOException
    {
        final Path partial = file.resolveSibling(file.getFileName() + ".part");
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        try (OutputStream os = Files.newOutputStream(partial);
            PrintStream ps = new PrintStream(os, false, StandardCharsets.US_ASCII))
        {
            histograms[population].outputPercentileDistribution(ps, 1.0);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close()
    {
        // histograms stay readable after the run
    }
}
