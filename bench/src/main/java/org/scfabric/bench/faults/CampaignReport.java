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
 * rate) and one line per item. Written from the outcomes alone, so a merged set of shards and an
 * unsharded run give the same bytes. A shard file holds the identity, its shard, the golden run and
 * its outcomes, and no summaries.
 */
public final class CampaignReport
{
    static final ObjectMapper JSON = new ObjectMapper();
    /** z for 95 % confidence, as Leveugle et al. (DATE 2009) use it. */
    static final double Z95 = 1.96;

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
                sb.append(",\n\"margin\": ").append(compact(JSON.valueToTree(margin(campaign.path("population")
                    .asLong(), outcomes))));
            }
            sb.append(",\n\"summary\": ").append(compact(JSON.valueToTree(summary(outcomes))));
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
            sb.append(i == 0 ? "\n" : ",\n").append(compact(JSON.valueToTree(toMap(outcomes.get(i)))));
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
                .append(compact(JSON.valueToTree(summary(e.getValue()))));
            first = false;
        }
        sb.append(first ? "}" : "\n}");
    }

    /** Counts per class and mean figures (runs stopped by an error count as failed, not in the means). */
    static Map<String, Object> summary(final List<Outcome> outcomes)
    {
        long masked = 0;
        long degraded = 0;
        long failed = 0;
        long errors = 0;
        double sumRate = 0;
        double maxRate = 0;
        double sumVr = 0;
        double sumDelta = 0;
        long faults = 0;
        long measured = 0;
        long decided = 0;
        long argmax = 0;
        for (final Outcome o : outcomes)
        {
            if (o.argmaxChanged() != null)
            {
                decided++;
                argmax += o.argmaxChanged() ? 1 : 0;
            }
            switch (o.cls())
            {
                case MASKED -> masked++;
                case DEGRADED -> degraded++;
                case FAILED -> failed++;
                default -> throw new IllegalStateException();
            }
            faults += o.faults();
            if (o.error() != null)
            {
                errors++;
                continue;
            }
            measured++;
            sumRate += o.rateError();
            maxRate = Math.max(maxRate, o.rateError());
            sumVr += o.vanRossum();
            sumDelta += o.spikeDelta();
        }
        final long n = outcomes.size();
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", n);
        m.put("faults", faults);
        m.put("masked", masked);
        m.put("degraded", degraded);
        m.put("failed", failed);
        m.put("errors", errors);
        m.put("masked_fraction", n == 0 ? null : (double)masked / n);
        m.put("failed_fraction", n == 0 ? null : (double)failed / n);
        m.put("mean_rate_error", measured == 0 ? null : sumRate / measured);
        m.put("max_rate_error", measured == 0 ? null : maxRate);
        m.put("mean_van_rossum", measured == 0 ? null : sumVr / measured);
        m.put("mean_spike_delta", measured == 0 ? null : sumDelta / measured);
        if (decided > 0)
        {
            // only designs whose outputs make a decision (a NIR network's argmax) have these
            m.put("argmax_changed", argmax);
            m.put("argmax_changed_fraction", (double)argmax / decided);
        }
        return m;
    }

    /**
     * The margin of error of a sample of n faults out of a population of N at 95 % confidence
     * (Leveugle et al., DATE 2009): e = z·√(p(1−p)/n · (N−n)/(N−1)), with p = ½ (the worst case, what
     * the sample size was chosen for) and with p the observed masked fraction.
     */
    static Map<String, Object> margin(final long population, final List<Outcome> outcomes)
    {
        final long n = outcomes.size();
        long masked = 0;
        for (final Outcome o : outcomes)
        {
            masked += o.cls() == FaultClass.MASKED ? 1 : 0;
        }
        final double p = n == 0 ? 0.5 : (double)masked / n;
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("confidence", 0.95);
        m.put("population", population);
        m.put("sample", n);
        m.put("error", marginOfError(population, n, 0.5));
        m.put("masked_fraction", n == 0 ? null : p);
        m.put("masked_fraction_error", marginOfError(population, n, p));
        return m;
    }

    /** Leveugle's margin e for n of N at 95 % confidence and proportion p. */
    public static double marginOfError(final long population, final long n, final double p)
    {
        if (n <= 0)
        {
            return 1.0;
        }
        final double fpc = population > 1 ? (double)(population - n) / (population - 1) : 0.0;
        return Z95 * Math.sqrt(p * (1 - p) / n * Math.max(0.0, fpc));
    }

    static Map<String, Object> toMap(final Outcome o)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("i", o.position());
        if (o.single())
        {
            m.put("site", o.site());
            m.put("kind", o.kind());
            m.put("cycle", o.cycle());
            m.put("bit", o.bit());
            m.put("group", o.group());
            m.put("component", o.component());
        }
        else
        {
            m.put("rate", o.rate());
            m.put("trial", o.trial());
            m.put("faults", o.faults());
        }
        m.put("class", o.cls().label());
        m.put("spike_delta", o.spikeDelta());
        m.put("rate_error", Double.isNaN(o.rateError()) ? null : o.rateError());
        m.put("van_rossum", Double.isNaN(o.vanRossum()) ? null : o.vanRossum());
        m.put("first_divergence", o.firstDivergence() < 0 ? null : o.firstDivergence());
        if (o.argmaxChanged() != null)
        {
            m.put("argmax_changed", o.argmaxChanged());
        }
        if (o.error() != null)
        {
            m.put("error", o.error());
        }
        return m;
    }

    static Outcome fromJson(final JsonNode n)
    {
        if (n == null || !n.isObject())
        {
            throw new IllegalArgumentException("an outcome is not a JSON object");
        }
        final boolean single = n.has("site");
        return new Outcome(field(n, "i").asLong(), single ? field(n, "site").asText() : null,
            single ? field(n, "kind").asText() : null, single ? field(n, "cycle").asLong() : -1,
            single ? field(n, "bit").asInt() : -1, single ? field(n, "group").asText() : null,
            single ? field(n, "component").asText() : null, single ? Double.NaN : field(n, "rate").asDouble(),
            single ? -1 : field(n, "trial").asInt(), single ? 1 : field(n, "faults").asInt(),
            n.path("spike_delta").asLong(), number(n.get("rate_error")), number(n.get("van_rossum")),
            n.get("first_divergence") == null || n.get("first_divergence").isNull() ? -1
                : n.get("first_divergence").asLong(),
            FaultClass.parse(field(n, "class").asText()), n.has("error") ? n.get("error").asText() : null,
            n.has("argmax_changed") ? n.get("argmax_changed").asBoolean() : null);
    }

    private static JsonNode field(final JsonNode n, final String name)
    {
        final JsonNode v = n.get(name);
        if (v == null || v.isNull())
        {
            throw new IllegalArgumentException("an outcome has no '" + name + "'");
        }
        return v;
    }

    private static double number(final JsonNode n)
    {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
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
            out.add(fromJson(it.next()));
        }
        return out;
    }
}
