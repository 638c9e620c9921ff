package org.scfabric.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The campaign's JSON: the campaign's identity, the golden run, the sample's statistical margin,
 * summaries (overall, per kind, per component kind, per site group, per bit position, per fault
 * rate; computed by {@link CampaignFigures}) and one line per item ({@link OutcomeJson}). Written
 * from the outcomes alone, so a merged set of shards and an unsharded run give the same bytes. A
 * shard file holds the identity, its shard, the golden run and its outcomes, and no summaries. It
 * stays in the workload's package, not in {@code bench.report}: resume and merge read it back and
 * write it again, so it is the campaign's data file as much as a report.
 */
public final class CampaignReport
{
    static final ObjectMapper JSON = new ObjectMapper();

    private CampaignReport()
    {
    }

    /** The identity of a campaign as a JSON tree (what shards and journals must agree on). */
    public static ObjectNode identity(final Map<String, Object> describe)
    {
        return JSON.valueToTree(describe);
    }

    /** The complete report (shard null) or a shard file. Outcomes must be in position order. */
    public static String render(final JsonNode campaign, final Shard shard, final Campaign.Golden golden,
        final List<Outcome> outcomes)
    {
        final StringBuilder sb = new StringBuilder(256 + outcomes.size() * 220);
        sb.append("{\n\"campaign\": ").append(compact(campaign));
        if (shard != null)
        {
            sb.append(",\n\"shard\": ").append(compact(JSON.valueToTree(shard.toString())));
        }
        final Map<String, Object> g = new LinkedHashMap<>();
        g.put("spikes", golden.spikes());
        g.put("rate_hz", golden.rateHz());
        g.put("hash", golden.hash());
        sb.append(",\n\"golden\": ").append(compact(JSON.valueToTree(g)));
        if (shard == null)
        {
            final boolean rates = campaign.path("mode").asText().equals("rates");
            if (campaign.path("mode").asText().equals("sample"))
            {
                sb.append(",\n\"margin\": ").append(compact(JSON.valueToTree(CampaignFigures.margin(campaign.path("population")
                    .asLong(), outcomes))));
            }
            sb.append(",\n\"summary\": ").append(compact(JSON.valueToTree(CampaignFigures.summary(outcomes))));
            if (rates)
            {
                section(sb, "by_rate", outcomes, o -> Double.toString(o.rate()),
                    Comparator.comparingDouble(Double::parseDouble));
            }
            else
            {
                final List<String> kindOrder = new ArrayList<>();
                campaign.path("kinds").forEach(k -> kindOrder.add(k.asText()));
                section(sb, "by_kind", outcomes, Outcome::kind, Comparator.comparingInt(kindOrder::indexOf));
                section(sb, "by_component", outcomes, Outcome::component, Comparator.naturalOrder());
                section(sb, "by_group", outcomes, Outcome::group, Comparator.naturalOrder());
                section(sb, "by_bit", outcomes, o -> Integer.toString(o.bit()),
                    Comparator.comparingInt(Integer::parseInt));
            }
        }
        final String lines = outcomeLines(outcomes);
        if (shard != null)
        {
            // a shard is what merge trusts: an edited outcome must not merge silently (the report has none:
            // its summaries are recomputed from the outcomes whenever it is read)
            sb.append(",\n\"checksum\": \"").append(checksum(lines)).append('"');
        }
        sb.append(",\n\"outcomes\": [").append(lines);
        sb.append(outcomes.isEmpty() ? "]\n}\n" : "\n]\n}\n");
        return sb.toString();
    }

    /** The outcomes as the report writes them, one per line, each line but the first after a comma. */
    private static String outcomeLines(final List<Outcome> outcomes)
    {
        final StringBuilder sb = new StringBuilder(outcomes.size() * 220);
        for (int i = 0; i < outcomes.size(); i++)
        {
            sb.append(i == 0 ? "\n" : ",\n").append(OutcomeJson.write(outcomes.get(i)));
        }
        return sb.toString();
    }

    /** The SHA-256 of the outcomes as written, {@code sha256:} and hex. */
    static String checksum(final List<Outcome> outcomes)
    {
        return checksum(outcomeLines(outcomes));
    }

    private static String checksum(final String lines)
    {
        try
        {
            final byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(lines.getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(h);
        }
        catch (final java.security.NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void section(final StringBuilder sb, final String name, final List<Outcome> outcomes,
        final Function<Outcome, String> key, final Comparator<String> order)
    {
        final Map<String, List<Outcome>> groups = new TreeMap<>(order);
        for (final Outcome o : outcomes)
        {
            groups.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o);
        }
        sb.append(",\n\"").append(name).append("\": {");
        boolean first = true;
        for (final Map.Entry<String, List<Outcome>> e : groups.entrySet())
        {
            sb.append(first ? "\n" : ",\n").append(compact(JSON.valueToTree(e.getKey()))).append(": ")
                .append(compact(JSON.valueToTree(CampaignFigures.summary(e.getValue()))));
            first = false;
        }
        sb.append(first ? "}" : "\n}");
    }

    static String compact(final JsonNode n)
    {
        try
        {
            return JSON.writeValueAsString(n);
        }
        catch (final JsonProcessingException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(final String s)
    {
        try
        {
            return JSON.readTree(s);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcomes of a report or shard file, in file order. */
    static List<Outcome> outcomes(final JsonNode report)
    {
        final List<Outcome> out = new ArrayList<>();
        for (final Iterator<JsonNode> it = report.path("outcomes").elements(); it.hasNext();)
        {
            out.add(OutcomeJson.read(it.next()));
        }
        return out;
    }
}
