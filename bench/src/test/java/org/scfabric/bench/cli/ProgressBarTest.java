package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ProgressBarTest
{
    @Test
    void drawsInPlaceAndEndsWithTheSummary()
    {
        final StringWriter w = new StringWriter();
        final ProgressBar b = new ProgressBar(new PrintWriter(w), true);
        b.start("V3 (1/2)");
        b.update(0.5); // throttled: start drew just now
        b.done("123 spikes");
        final String s = w.toString();
        assertTrue(s.startsWith("\rV3 (1/2)"), s);
        assertTrue(s.contains("0%"), s);
        assertTrue(s.matches("(?s).*123 spikes *\n"), s);
        assertEquals(1, s.chars().filter(c -> c == '\n').count());
    }

    @Test
    void silentWhenDisabled()
    {
        final StringWriter w = new StringWriter();
        final ProgressBar b = new ProgressBar(new PrintWriter(w), false);
        b.start("V1");
        for (int i = 0; i <= 1000; i++)
        {
            b.update(i / 1000.0);
        }
        b.done("x");
        assertEquals("", w.toString());
    }
}
