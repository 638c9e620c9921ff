package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.scfabric.bench.faults.AtomicFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The folder of a campaign run with {@code faults --slurm}, beside its report ({@code v3.json} →
 * {@code v3.slurm/}): the job scripts, the pinned jar, one shard file (and journal) per array task,
 * the logs, and {@code slurm.json} — the campaign's identity, its shard count, where the report
 * goes, and every submission (shard array job and merge job) — which {@code faults status} and
 * {@code --resume} read back.
 */
final class SlurmCampaignFolder
{
    static final String RECORD = "slurm.json";

    /** One {@code sbatch} of shard tasks and the merge that waits for them. */
    record Submission(String shardsJob, SortedSet<Integer> tasks, String mergeJob)
    {
    }

    private final Path dir;

    SlurmCampaignFolder(final Path dir)
    {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The folder of the report {@code json}: its name without {@code .json}, plus {@code .slurm}. */
    static SlurmCampaignFolder of(final Path json)
    {
        final Path abs = json.toAbsolutePath().normalize();
        final String n = abs.getFileName().toString();
        return new SlurmCampaignFolder(abs.resolveSibling((n.endsWith(".json") ? n.substring(0, n.length() - 5) : n)
            + ".slurm"));
    }

    Path dir()
    {
        return dir;
    }

    Path shard(final int i)
    {
        return dir.resolve("shard-" + i + ".json");
    }

    Path journal(final int i)
    {
        return dir.resolve("shard-" + i + ".json.partial");
    }

    Path shardsScript()
    {
        return dir.resolve("shards.sh");
    }

    Path mergeScript()
    {
        return dir.resolve("merge.sh");
    }

    Path jar()
    {
        return dir.resolve("scfabric.jar");
    }

    /**
     * The campaign's pinned copy of the file an option names (--network, --input): under the file's own name (the
     * report names it) in a folder named for the option, {@code network/braille.nir}.
     */
    Path pinned(final String option, final String file)
    {
        return dir.resolve(option.replaceFirst("^--", "")).resolve(String.valueOf(Path.of(file).getFileName()));
    }

    Path logs()
    {
        return dir.resolve("logs");
    }

    /** Where the merge job writes its exit status (Slurm may not keep it: no accounting on many clusters). */
    Path mergeExit()
    {
        return dir.resolve("merge.exit");
    }

    Path record()
    {
        return dir.resolve(RECORD);
    }

    /** The shards 0..n-1 that have no shard file yet. */
    SortedSet<Integer> missing(final int n)
    {
        final SortedSet<Integer> m = new TreeSet<>();
        for (int i = 0; i < n; i++)
        {
            if (!Files.isRegularFile(shard(i)))
            {
                m.add(i);
            }
        }
        return m;
    }

    /** Results in shard i's journal (lines after its header), 0 without one. */
    long journaled(final int i)
    {
        final Path j = journal(i);
        if (!Files.isRegularFile(j))
        {
            return 0;
        }
        try (var lines = Files.lines(j, StandardCharsets.UTF_8))
        {
            return Math.max(0, lines.count() - 1);
        }
        catch (final IOException | UncheckedIOException e)
        {
            return 0;
        }
    }

    /** The saved record, or null when the folder has none. */
    JsonNode read()
    {
        if (!Files.isRegularFile(record()))
        {
            return null;
        }
        try
        {
            return new ObjectMapper().readTree(Files.readString(record(), StandardCharsets.UTF_8));
        }
        catch (final IOException e)
        {
            throw new IllegalArgumentException(record() + " is not a record of faults --slurm (" + Main.oneLine(
                e.getMessage()).split(" at \\[")[0] + ")");
        }
    }

    /** A tree as it reads back from the record (numbers compare by value only after the same round trip). */
    static JsonNode normal(final JsonNode n)
    {
        try
        {
            final ObjectMapper m = new ObjectMapper();
            return m.readTree(m.writeValueAsString(n));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    static List<Submission> submissions(final JsonNode record)
    {
        final List<Submission> s = new ArrayList<>();
        for (final JsonNode n : record.path("submissions"))
        {
            final SortedSet<Integer> tasks = new TreeSet<>();
            n.path("tasks").forEach(t -> tasks.add(t.asInt()));
            s.add(new Submission(n.path("shards_job").isNull() ? null : n.path("shards_job").asText(null), tasks,
                n.path("merge_job").asText()));
        }
        return s;
    }

    /** Writes the record: identity, shards, report, plots, and the submissions so far. */
    void write(final JsonNode campaign, final int shards, final Path report, final Path plots,
        final List<Submission> subs)
    {
        final ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        final ObjectNode r = m.createObjectNode();
        r.put("scfabric", "faults --slurm");
        r.put("shards", shards);
        r.put("report", report.toString());
        r.put("plots", plots == null ? null : plots.toString());
        final ArrayNode a = r.putArray("submissions");
        for (final Submission s : subs)
        {
            final ObjectNode o = a.addObject();
            o.put("shards_job", s.shardsJob());
            final ArrayNode t = o.putArray("tasks");
            s.tasks().forEach(t::add);
            o.put("merge_job", s.mergeJob());
        }
        r.set("campaign", campaign);
        try
        {
            AtomicFiles.writeString(record(), m.writeValueAsString(r) + "\n");
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
