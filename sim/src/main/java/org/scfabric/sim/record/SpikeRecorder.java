package org.scfabric.sim.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Counts spikes per population and, given a path, writes the raster as CSV lines
 * {@code time,population,neuron} (moved into place when the recorder closes).
 */
public final class SpikeRecorder implements RecordSink
{
    private final long[] counts;
    private final Path target;
    private final Path partial;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(32);

    public SpikeRecorder(final int populations, final Path csv) throws IOException
    {
        counts = new long[populations];
        target = csv;
        if (csv != null)
        {
            partial = csv.resolveSibling(csv.getFileName() + ".part");
            final Path parent = csv.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(partial, StandardCharsets.US_ASCII);
            out.write("time,population,neuron\n");
        }
        else
        {
            partial = null;
            out = null;
        }
    }

    public SpikeRecorder(final int populations)
    {
        counts = new long[populations];
        target = null;
        partial = null;
        out = null;
    }

    @Override
    public void onRecord(final int kind, final long time, final int id, final long value) throws IOException
    {
        if (kind != Recorder.SPIKE)
        {
            return;
        }
        counts[id]++;
        if (out != null)
        {
            line.setLength(0);
            line.append(time).append(',').append(id).append(',').append(value).append('\n');
            out.append(line);
        }
    }

    /** Spikes recorded for a population; read after the recorder has closed. */
    public long count(final int population)
    {
        return counts[population];
    }

    public long total()
    {
        long t = 0;
        for (final long c : counts)
        {
            t += c;
        }
        return t;
    }

    @Override
    public void close() throws IOException
    {
        if (out != null)
        {
            out.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
