package org.scfabric.bench.faults;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs a campaign end to end — journal, resume, report, plots — and merges shard files. What the
 * {@code scfabric faults} command calls; tests call it too.
 */
public final class FaultCampaigns
{
    private FaultCampaigns()
    {
    }

    /** Writes the plots of a report into a folder and returns their paths (the report code's FaultPlots::write). */
    public interface Plotter extends BiFunction<JsonNode, Path, List<Path>>
    {
    }

    /** What {@link #execute} did. */
    public record Done(Path json, List<Path> plots, Campaign.Result result, int resumed, String text)
    {
    }

    /**
     * Runs the campaign (or one shard of it) and writes {@code json} — the report, or for a shard the
     * shard file that {@link #merge} takes — and plots into {@code plots} with {@code plotter} (null:
     * none; shards write none). With {@code resume}, items already in the journal are not run again.
     */
    public static Done execute(final Campaign campaign, final Shard shard, final int threads, final Path json,
        final Path plots, final Plotter plotter, final boolean resume, final PrintWriter log)
    {
        return execute(campaign, shard, threads, json, plots, plotter, resume, log, null);
    }

    /** The same, reporting the fraction of the shard's items done to {@code progress} (from worker threads). */
    public static Done execute(final Campaign campaign, final Shard shard, final int threads, final Path json,
        final Path plots, final Plotter plotter, final boolean resume, final PrintWriter log,
        final java.util.function.DoubleConsumer progress)
    {
        final JsonNode identity = CampaignReport.identity(campaign.describe());
        final String header = Journal.header(identity, shard);
        final Path journalPath = Journal.pathFor(json);
        final List<Outcome> earlier = new ArrayList<>();
        if (resume && Files.exists(journalPath))
        {
            earlier.addAll(Journal.read(json, header));
            log.println(earlier.isEmpty() ? "faults: nothing to resume (the journal " + journalPath + " holds no "
                + "result): starting afresh" : "faults: resuming: " + earlier.size() + " items done before, from "
                + journalPath);
        }
        else if (resume)
        {
            log.println("faults: nothing to resume (" + journalPath + " does not exist): starting afresh");
        }
        else if (Files.exists(journalPath))
        {
            log.println("faults: replacing the journal of an interrupted campaign, " + journalPath
                + " (--resume would have continued it)");
        }
        final Set<Long> done = new HashSet<>();
        earlier.forEach(o -> done.add(o.position()));
        final Campaign.Result r;
        try (Journal journal = earlier.isEmpty() ? Journal.create(journalPath, header)
            : Journal.append(journalPath, header, earlier))
        {
            final long mine = (campaign.items() - shard.index() + shard.count() - 1) / shard.count();
            final long[] count = {done.size()};
            r = campaign.run(shard, threads, done, o ->
            {
                journal.add(o);
                if (progress != null)
                {
                    progress.accept((double)++count[0] / Math.max(1, mine));
                }
            });
        }
        final List<Outcome> all = new ArrayList<>(earlier);
        r.outcomes().forEach(all::add);
        all.sort(Comparator.comparingLong(Outcome::position));
        final String text = CampaignReport.render(identity, shard.whole() ? null : shard, r.golden(), all);
        final List<Path> written = new ArrayList<>();
        if (plots != null && shard.whole())
        {
            written.addAll(plotter.apply(CampaignReport.parse(text), plots));
        }
        AtomicFiles.writeString(json, text);
        try
        {
            Files.deleteIfExists(journalPath);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return new Done(json, written, r, earlier.size(), text);
    }

    /**
     * Checks, before anything runs, that {@code --resume} can read the journal of {@code json} (if there
     * is one) and that it is this campaign's: one clear error now instead of after the golden run.
     */
    public static void checkJournal(final Campaign campaign, final Shard shard, final Path json)
    {
        if (Files.exists(Journal.pathFor(json)))
        {
            Journal.read(json, Journal.header(CampaignReport.identity(campaign.describe()), shard));
        }
    }

    /**
     * True when {@code json} already is this campaign's finished report (or this shard's finished file) and no
     * journal waits beside it: {@code --resume} then has nothing to do. A file of another campaign, a damaged
     * one or one with a journal beside it is not finished.
     */
    public static boolean finished(final Campaign campaign, final Shard shard, final Path json)
    {
        if (!Files.isRegularFile(json) || Files.exists(Journal.pathFor(json)))
        {
            return false;
        }
        final JsonNode n;
        final JsonNode mine;
        try
        {
            n = CampaignReport.JSON.readTree(json.toFile());
            // through text, as the report holds it: a long seed read back is an int node, not equal to a long one
            mine = CampaignReport.JSON.readTree(CampaignReport.identity(campaign.describe()).toString());
        }
        catch (final IOException e)
        {
            return false;
        }
        return n != null && n.has("outcomes") && mine.equals(n.get("campaign"))
            && (shard.whole() ? !n.has("shard") : shard.toString().equals(n.path("shard").asText()));
    }

    /** The merged report must not replace one of its shards: they are the only copy of their results. */
    public static void checkMergeOutput(final List<Path> shardFiles, final Path json)
    {
        for (final Path p : shardFiles)
        {
            if (isSameFile(json, p))
            {
                throw new IllegalArgumentException("--json " + json + " is one of the shard files: give the merged "
                    + "report another name (the shards are the only copy of their results)");
            }
        }
    }

    /** Whether two paths name one file (false when either does not exist). */
    static boolean isSameFile(final Path a, final Path b)
    {
        try
        {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        }
        catch (final IOException e)
        {
            return false;
        }
    }

    /**
     * The text of a file the user gave as {@code what} (a shard file, a report, a journal); a folder,
     * a missing file or bytes that are not UTF-8 text are errors naming the file.
     */
    public static String readText(final Path p, final String what)
    {
        if (Files.isDirectory(p))
        {
            throw new IllegalArgumentException(p + " is a folder, not a " + what);
        }
        if (!Files.exists(p))
        {
            throw new IllegalArgumentException("no such " + what + ": " + p);
        }
        try
        {
            return Files.readString(p, StandardCharsets.UTF_8);
        }
        catch (final java.nio.charset.CharacterCodingException e)
        {
            throw new IllegalArgumentException(p + " is not a " + what + " (not UTF-8 text: a binary file?)");
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Joins shard files into the report an unsharded run gives (the same bytes). Every shard of one
     * campaign must be there exactly once.
     */
    public static String merge(final List<Path> shardFiles, final Path json, final Path plots, final Plotter plotter)
    {
        if (shardFiles.isEmpty())
        {
            throw new IllegalArgumentException("faults merge needs the shard files (e.g. shard-*.json)");
        }
        JsonNode campaign = null;
        JsonNode golden = null;
        Shard[] seen = null;
        Path first = null;
        final List<Outcome> all = new ArrayList<>();
        checkMergeOutput(shardFiles, json);
        for (final Path p : shardFiles)
        {
            final JsonNode n;
            try
            {
                n = CampaignReport.JSON.readTree(readText(p, "shard file"));
            }
            catch (final IOException e)
            {
                // Jackson's own message names its source object and read features: say where, in the user's terms
                if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException eof)
                {
                    throw new IllegalArgumentException(p + " is not a complete shard file (JSON ends early at line "
                        + eof.getLocation().getLineNr() + ")");
                }
                if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j)
                {
                    throw new IllegalArgumentException(p + " is not a fault-campaign shard file (not JSON at line "
                        + (j.getLocation() == null ? "?" : j.getLocation().getLineNr() + ", column "
                        + j.getLocation().getColumnNr()) + ")");
                }
                throw new UncheckedIOException(e);
            }
            if (n == null || !n.has("campaign") || !n.has("outcomes"))
            {
                throw new IllegalArgumentException(p + " is not a fault-campaign shard file");
            }
            if (!n.has("shard"))
            {
                throw new IllegalArgumentException(p + " is a complete report, not a shard (made without --shard)");
            }
            final Shard s;
            try
            {
                s = Shard.parse(n.get("shard").asText());
            }
            catch (final IllegalArgumentException e)
            {
                throw new IllegalArgumentException(p + ": " + e.getMessage());
            }
            if (campaign == null)
            {
                campaign = n.get("campaign");
                golden = n.get("golden");
                seen = new Shard[s.count()];
                first = p;
            }
            else if (!campaign.equals(n.get("campaign")))
            {
                throw new IllegalArgumentException(p + " belongs to another campaign than " + first
                    + " (different options)");
            }
            if (s.count() != seen.length)
            {
                throw new IllegalArgumentException(p + " is shard " + s + " but " + first + " is one of "
                    + seen.length + " shards");
            }
            if (!golden.equals(n.get("golden")))
            {
                throw new IllegalArgumentException(p + " has another golden run than " + first
                    + ": the shards were made by different builds or the design is not deterministic");
            }
            if (seen[s.index()] != null)
            {
                throw new IllegalArgumentException("shard " + s + " is given twice");
            }
            seen[s.index()] = s;
            final List<Outcome> mine;
            try
            {
                mine = CampaignReport.outcomes(n);
            }
            catch (final IllegalArgumentException e)
            {
                throw new IllegalArgumentException(p + ": " + e.getMessage());
            }
            if (!n.path("checksum").asText().equals(CampaignReport.checksum(mine)))
            {
                throw new IllegalArgumentException(p + ": its outcomes do not match its checksum"
                    + (n.has("checksum") ? " (the file was edited or damaged)" : " (it has none: made by an older "
                    + "scfabric, or edited)") + "; run that shard again");
            }
            all.addAll(mine);
        }
        final List<String> missing = new ArrayList<>();
        for (int i = 0; i < seen.length; i++)
        {
            if (seen[i] == null)
            {
                missing.add(i + "/" + seen.length);
            }
        }
        if (!missing.isEmpty())
        {
            throw new IllegalArgumentException("shard" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                + " missing: a merged report needs every shard");
        }
        all.sort(Comparator.comparingLong(Outcome::position));
        final long items = campaign.path("items").asLong();
        if (all.size() != items)
        {
            throw new IllegalArgumentException("the shards hold " + all.size() + " results but the campaign has "
                + items + " items");
        }
        for (int i = 0; i < all.size(); i++)
        {
            if (all.get(i).position() != i)
            {
                throw new IllegalArgumentException("item " + i + " is missing from the shards (or given twice)");
            }
        }
        final Campaign.Golden g = new Campaign.Golden(golden.path("spikes").asLong(), golden.path("rate_hz").asDouble(),
            golden.path("hash").asLong());
        final String text = CampaignReport.render(campaign, null, g, all);
        if (plots != null)
        {
            plotter.apply(CampaignReport.parse(text), plots);
        }
        AtomicFiles.writeString(json, text);
        return text;
    }
}
