package org.scfabric.bench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of a sweep's cross product: its place in the order (the first axis varies slowest), the value
 * of each axis, and the folder under the sweep's output that holds the point's own run.
 */
public record SweepPoint(int index, Map<String, String> values, String folder)
{
    /**
     * The cross product of the axes, the first axis slowest. Folders are {@code points/NAME=V,NAME=V}
     * (characters other than letters, digits, {@code . _ - = ,} become {@code _}); two points whose folders
     * would coincide are refused.
     */
    public static List<SweepPoint> crossProduct(final List<Axis> axes)
    {
        long total = 1;
        for (final Axis a : axes)
        {
            total *= a.values().size();
            if (total > MAX_POINTS)
            {
                throw new IllegalArgumentException("the sweep has more than " + MAX_POINTS + " points");
            }
        }
        final List<SweepPoint> points = new ArrayList<>();
        final java.util.Set<String> folders = new java.util.HashSet<>();
        for (int i = 0; i < total; i++)
        {
            final Map<String, String> v = new LinkedHashMap<>();
            int rest = i;
            final int[] digits = new int[axes.size()];
            for (int k = axes.size() - 1; k >= 0; k--)
            {
                final int n = axes.get(k).values().size();
                digits[k] = rest % n;
                rest /= n;
            }
            final List<String> parts = new ArrayList<>();
            for (int k = 0; k < axes.size(); k++)
            {
                final Axis a = axes.get(k);
                final String value = a.values().get(digits[k]);
                v.put(a.name(), value);
                parts.add(a.name() + "=" + value);
            }
            final String folder = "points/" + String.join(",", parts).replaceAll("[^A-Za-z0-9._=,-]", "_");
            if (!folders.add(folder))
            {
                throw new IllegalArgumentException("two points would share the folder " + folder
                    + " (repeated values, or values that differ only in characters a folder name cannot hold)");
            }
            points.add(new SweepPoint(i, v, folder));
        }
        return points;
    }

    /** The most points one sweep runs. */
    public static final int MAX_POINTS = 100_000;

    /** {@code g=3, eta=2}: how messages and tables name the point. */
    public String label()
    {
        final List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }
}
