package org.scfabric.bench.sweep;

import java.util.List;

/**
 * One swept option: its name (the command's option without the leading dashes, e.g. {@code g}) and its
 * values as typed, in the order given.
 */
public record Axis(String name, List<String> values)
{
    public Axis
    {
        values = List.copyOf(values);
        if (values.isEmpty())
        {
            throw new IllegalArgumentException("the axis " + name + " has no values");
        }
    }

    /** The option the values are given to. */
    public String option()
    {
        return "--" + name;
    }

    /** Whether every value is a number (then plots may place marks between them). */
    public boolean numeric()
    {
        return values.stream().allMatch(Axis::isNumber);
    }

    public static boolean isNumber(final String s)
    {
        try
        {
            return Double.isFinite(Double.parseDouble(s.trim()));
        }
        catch (final NumberFormatException e)
        {
            return false;
        }
    }
}
