package org.scfabric.bench.faults;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One outcome as one line of JSON, the same in a report, a shard file and a journal: single faults
 * name their site, kind, cycle, bit, group and component; a fault rate's trial its rate, trial and
 * number of faults. Undefined figures (NaN, no divergence) are null.
 */
final class OutcomeJson
{
    private OutcomeJson()
    {
    }

    /** The outcome as one compact JSON object. */
    static String write(final Outcome o)
    {
        return CampaignReport.compact(CampaignReport.JSON.valueToTree(toMap(o)));
    }

    private static Map<String, Object> toMap(final Outcome o)
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
        if (o.error() != null)
        {
            m.put("error", o.error());
        }
        return m;
    }

    /** An outcome from its JSON object (a report's or shard's line, a journal line). */
    static Outcome read(final JsonNode n)
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
            FaultClass.parse(field(n, "class").asText()), n.has("error") ? n.get("error").asText() : null);
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
}
