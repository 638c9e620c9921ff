package org.scfabric.hw.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares a Verilog run with the Java model cycle by cycle. Lines are whitespace-separated hex
 * fields; {@link #hex} formats a Java value the way Verilog's {@code %h} prints it.
 */
public final class Cosim
{
    private Cosim()
    {
    }

    /** {@code value}'s low {@code width} bits as ceil(width / 4) lower-case hex digits. */
    public static String hex(final long value, final int width)
    {
        final int digits = (width + 3) / 4;
        final long masked = width >= 64 ? value : value & ((1L << width) - 1);
        final String s = Long.toHexString(masked);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
    }

    /** Hex of several 16-bit fields packed as a Verilog vector, element 0 in the low bits. */
    public static String hex16s(final int[] values, final int count)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = count - 1; i >= 0; i--)
        {
            sb.append(hex(values[i], 16));
        }
        return sb.toString();
    }

    /** Joins fields with single spaces. */
    public static String line(final String... fields)
    {
        return String.join(" ", fields);
    }

    /**
     * Fails at the first cycle where any field differs, naming the cycle, the field, both values
     * and the stimulus line of that cycle.
     */
    public static void assertSameOutputs(final String what, final String[] fields, final List<String> stimulus,
        final List<String> expected, final List<String> actual)
    {
        for (int cycle = 0; cycle < Math.min(expected.size(), actual.size()); cycle++)
        {
            final String[] e = expected.get(cycle).trim().split("\\s+");
            final String[] a = actual.get(cycle).trim().split("\\s+");
            for (int f = 0; f < Math.max(e.length, a.length); f++)
            {
                final String ev = f < e.length ? e[f] : "<none>";
                final String av = f < a.length ? a[f].toLowerCase(Locale.ROOT) : "<none>";
                if (!ev.equals(av))
                {
                    fail(String.format("%s: first mismatch at cycle %d, field %s: java=%s verilog=%s%n"
                        + "  stimulus: %s%n  java:     %s%n  verilog:  %s%n  previous stimulus: %s",
                        what, cycle, f < fields.length ? fields[f] : "#" + f, ev, av, stimulus.get(cycle),
                        expected.get(cycle), actual.get(cycle), cycle > 0 ? stimulus.get(cycle - 1) : "-"));
                }
            }
        }
        assertEquals(expected.size(), actual.size(), what + ": number of output lines (cycles)");
    }

    /** Collects stimulus and expected lines side by side while the Java model runs. */
    public static final class Trace
    {
        public final List<String> stimulus = new ArrayList<>();
        public final List<String> expected = new ArrayList<>();

        public void add(final String stimulusLine, final String expectedLine)
        {
            stimulus.add(stimulusLine);
            expected.add(expectedLine);
        }

        public int cycles()
        {
            return stimulus.size();
        }
    }
}
