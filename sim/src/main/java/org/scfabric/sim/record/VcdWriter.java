package org.scfabric.sim.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;

import org.scfabric.sim.Design;
import org.scfabric.sim.SignalKind;

/**
 * Writes value changes as a VCD file (IEEE 1364 §18) that GTKWave opens. The header names every
 * traced signal in its hierarchy (dots become scopes); no date is written, so the same run gives the
 * same bytes. The file is written beside its final name and moved into place when the recorder closes.
 */
public final class VcdWriter implements RecordSink
{
    private final Path target;
    private final Path partial;
    private final BufferedWriter out;
    private final String[] code; // VCD identifier per signal id, null when not traced
    private final int[] width;
    private long lastTime = -1;
    private final StringBuilder line = new StringBuilder(80);

    /**
     * @param timescale e.g. "1ns": the length of one base tick
     */
    public VcdWriter(final Path target, final Design design, final int[] signals, final String timescale)
        throws IOException
    {
        this.target = target;
        this.partial = target.resolveSibling(target.getFileName() + ".part");
        final Path parent = target.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        this.out = Files.newBufferedWriter(partial, StandardCharsets.US_ASCII);
        this.code = new String[design.signalCount()];
        this.width = new int[design.signalCount()];
        final Integer[] order = Arrays.stream(signals).distinct().boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparing(design::signalName));
        for (int i = 0; i < order.length; i++)
        {
            code[order[i]] = identifier(i);
            width[order[i]] = design.width(order[i]);
        }
        writeHeader(design, order, timescale);
    }

    private void writeHeader(final Design d, final Integer[] order, final String timescale) throws IOException
    {
        out.write("$version scfabric $end\n");
        out.write("$timescale " + timescale + " $end\n");
        String[] open = new String[0];
        out.write("$scope module top $end\n");
        for (final int s : order)
        {
            final String[] parts = d.signalName(s).split("\\.");
            final String[] scope = Arrays.copyOf(parts, parts.length - 1);
            int common = 0;
            while (common < open.length && common < scope.length && open[common].equals(scope[common]))
            {
                common++;
            }
            for (int i = open.length; i > common; i--)
            {
                out.write("$upscope $end\n");
            }
            for (int i = common; i < scope.length; i++)
            {
                out.write("$scope module " + sanitize(scope[i]) + " $end\n");
            }
            open = scope;
            final String kind = d.kind(s) == SignalKind.REGISTER ? "reg" : "wire";
            out.write("$var " + kind + " " + d.width(s) + " " + code[s] + " " + sanitize(parts[parts.length - 1])
                + (d.width(s) > 1 ? " [" + (d.width(s) - 1) + ":0]" : "") + " $end\n");
        }
        for (int i = open.length; i > 0; i--)
        {
            out.write("$upscope $end\n");
        }
        out.write("$upscope $end\n$enddefinitions $end\n");
    }

    /** Brackets and other punctuation of scfabric names become VCD-safe characters. */
    static String sanitize(final String name)
    {
        final StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '$')
            {
                sb.append(c);
            }
            else if (c == '[')
            {
                sb.append('(');
            }
            else if (c == ']')
            {
                sb.append(')');
            }
            else
            {
                sb.append('_');
            }
        }
        return sb.toString();
    }

    /** Short printable identifiers: '!'..'~' in base 94. */
    static String identifier(int i)
    {
        final StringBuilder sb = new StringBuilder(4);
        do
        {
            sb.append((char)('!' + i % 94));
            i = i / 94 - 1;
        }
        while (i >= 0);
        return sb.toString();
    }

    @Override
    public void onRecord(final int kind, final long time, final int id, final long value) throws IOException
    {
        if (kind != Recorder.VALUE_CHANGE || code[id] == null)
        {
            return;
        }
        final StringBuilder sb = line;
        sb.setLength(0);
        if (time != lastTime)
        {
            if (time < lastTime)
            {
                throw new IOException("VCD: time went backwards from " + lastTime + " to " + time);
            }
            sb.append('#').append(time).append('\n');
            lastTime = time;
        }
        if (width[id] == 1)
        {
            sb.append((char)('0' + (value & 1))).append(code[id]).append('\n');
        }
        else
        {
            sb.append('b');
            final int top = 63 - Long.numberOfLeadingZeros(value);
            if (top < 0)
            {
                sb.append('0');
            }
            for (int b = top; b >= 0; b--)
            {
                sb.append((char)('0' + ((value >>> b) & 1)));
            }
            sb.append(' ').append(code[id]).append('\n');
        }
        out.append(sb);
    }

    @Override
    public void close() throws IOException
    {
        out.close();
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public Path target()
    {
        return target;
    }
}
