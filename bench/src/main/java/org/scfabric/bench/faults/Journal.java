package org.scfabric.bench.faults;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The running record of a campaign, {@code FILE.partial} beside its report: a header line naming the
 * campaign and shard, then one line per finished item, flushed as it finishes. It never looks like
 * a report (another name, another shape); {@code --resume} reads it back, drops a last line cut
 * short by a kill, and runs only what is missing. The report is written when all items are done,
 * and the journal deleted.
 */
final class Journal implements AutoCloseable
{
    private final Path path;
    private final BufferedWriter out;

    private Journal(final Path path, final BufferedWriter out)
    {
        this.path = path;
        this.out = out;
    }

    static Path pathFor(final Path report)
    {
        return report.resolveSibling(report.getFileName() + ".partial");
    }

    /** The report a journal belongs to: its name without {@code .partial} (what the user typed). */
    static Path reportOf(final Path journal)
    {
        final String n = journal.getFileName().toString();
        return journal.resolveSibling(n.substring(0, n.length() - ".partial".length()));
    }

    static String header(final JsonNode campaign, final Shard shard)
    {
        return "{\"journal\":1,\"shard\":\"" + shard + "\",\"campaign\":" + CampaignReport.compact(campaign) + "}";
    }

    /** A new journal (replacing any old one) with its header written. */
    static Journal create(final Path path, final String header)
    {
        try
        {
            Files.createDirectories(path.toAbsolutePath().getParent());
            final BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            w.write(header);
            w.write('\n');
            w.flush();
            return new Journal(path, w);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(AtomicFiles.named(e, reportOf(path), "its journal "
                + path.getFileName() + ": "));
        }
    }

    /**
     * The outcomes recorded so far in the journal of {@code report}; the header must be {@code header}
     * exactly. A journal cut short before its header was complete holds nothing: empty.
     */
    static List<Outcome> read(final Path report, final String header)
    {
        final Path path = pathFor(report);
        final String what = "the journal of " + report + " (" + path.getFileName() + ")";
        final String text;
        try
        {
            text = FaultCampaigns.readText(path, "campaign journal");
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException("--resume: " + what + " is not a campaign journal (" + (Files
                .isDirectory(path) ? "a folder" : "not text") + "): delete it to start afresh");
        }
        if (text.indexOf('\n') < 0)
        {
            return List.of();
        }
        final List<String> lines = List.of(text.split("\n", -1));
        if (!lines.get(0).equals(header))
        {
            throw new IllegalArgumentException("--resume: " + what + (lines.get(0).startsWith("{\"journal\":")
                ? " is the journal of another campaign (other options or another shard): run the same command as before "
                + "with --resume, or delete it to start afresh"
                : " is not a campaign journal: delete it to start afresh"));
        }
        final List<Outcome> out = new ArrayList<>();
        // the text after the last newline is a line the kill cut short (or empty): dropped
        for (int i = 1; i < lines.size() - 1; i++)
        {
            try
            {
                out.add(OutcomeJson.read(CampaignReport.parse(lines.get(i))));
            }
            catch (final RuntimeException e)
            {
                throw new IllegalArgumentException("--resume: line " + (i + 1) + " of " + what + " is not a campaign "
                    + "result (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "): delete the journal to start afresh");
            }
        }
        return out;
    }

    /** Re-open a journal for appending after {@link #read}: rewritten atomically without a partial last line. */
    static Journal append(final Path path, final String header, final List<Outcome> kept)
    {
        final StringBuilder sb = new StringBuilder(header).append('\n');
        for (final Outcome o : kept)
        {
            sb.append(OutcomeJson.write(o)).append('\n');
        }
        AtomicFiles.writeString(path, sb.toString());
        try
        {
            return new Journal(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void add(final Outcome o)
    {
        try
        {
            out.write(OutcomeJson.write(o));
            out.write('\n');
            out.flush();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close()
    {
        try
        {
            out.close();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    void delete()
    {
        close();
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
