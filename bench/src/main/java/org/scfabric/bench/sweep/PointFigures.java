package org.scfabric.bench.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The figures of one point, read back from the point's own results.json: one {@link Row} per entry of
 * its {@code runs} array (brunel's variants, nir's arithmetics), or one row for a report without runs
 * (fabric, faults). A row's figures are its numeric leaves in the file's order, nested objects flattened
 * as {@code cycles.total}; arrays (per-neuron counts, histograms) and the {@code params}, {@code env} and
 * {@code metrics} (definitions) blocks are not figures.
 */
public final class PointFigures
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Fields that name a run, in order of preference. */
    private static final List<String> LABELS = List.of("variant", "arith", "mode", "name");
    private static final java.util.Set<String> NOT_FIGURES = java.util.Set.of("params", "env", "metrics", "runs",
        "brian2", "skipped");

    /** One run of a point: its label ("" for a report of one run) and its figures (NaN where the file has null). */
    public record Row(String label, Map<String, Double> figures)
    {
    }

    private PointFigures()
    {
    }

    public static List<Row> read(final Path resultsJson) throws IOException
    {
        return of(MAPPER.readTree(resultsJson.toFile()));
    }

    public static List<Row> of(final JsonNode root)
    {
        final List<Row> rows = new ArrayList<>();
        final JsonNode runs = root.get("runs");
        if (runs != null && runs.isArray() && runs.size() > 0 && runs.get(0).isObject())
        {
            for (final JsonNode r : runs)
            {
                final Map<String, Double> f = new LinkedHashMap<>();
                flatten("", r, f);
                rows.add(new Row(label(r), f));
            }
            return rows;
        }
        final Map<String, Double> f = new LinkedHashMap<>();
        flatten("", root, f);
        rows.add(new Row("", f));
        return rows;
    }

    private static String label(final JsonNode r)
    {
        for (final String k : LABELS)
        {
            final JsonNode v = r.get(k);
            if (v != null && v.isTextual())
            {
                return v.asText();
            }
        }
        return "";
    }

    private static void flatten(final String prefix, final JsonNode node, final Map<String, Double> out)
    {
        final Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext())
        {
            final Map.Entry<String, JsonNode> e = it.next();
            if (prefix.isEmpty() && NOT_FIGURES.contains(e.getKey()))
            {
                continue;
            }
            final String key = prefix + e.getKey();
            final JsonNode v = e.getValue();
            if (v.isNumber())
            {
                out.put(key, v.asDouble());
            }
            else if (v.isNull())
            {
                out.put(key, Double.NaN);
            }
            else if (v.isBoolean())
            {
                out.put(key, v.asBoolean() ? 1.0 : 0.0);
            }
            else if (v.isObject())
            {
                flatten(key + ".", v, out);
            }
        }
    }
}
