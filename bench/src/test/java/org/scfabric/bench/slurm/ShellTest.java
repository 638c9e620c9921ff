package org.scfabric.bench.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShellTest
{
    /** What bash makes of a line: each word it parses, NUL-terminated. */
    static List<String> bashWords(final String line) throws IOException, InterruptedException
    {
        final Process p = new ProcessBuilder("bash", "-s").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream())
        {
            in.write(("set -- " + line + "\nprintf '%s\\0' \"$@\"\n").getBytes(StandardCharsets.UTF_8));
        }
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.isEmpty() ? List.of() : List.of(out.substring(0, out.length() - 1).split("\0", -1));
    }

    @Test
    void bashReadsEveryQuotedWordBackUnchanged()
    {
        // any text without NUL (which no argument can hold): quotes, $, `, !, *, spaces, newlines, non-ASCII
        qt().withExamples(150).forAll(strings().betweenCodePoints(1, 0x2FFF).ofLengthBetween(0, 12))
            .checkAssert(s ->
            {
                try
                {
                    assertEquals(List.of(s, "end"), bashWords(Shell.quote(s) + " end"));
                }
                catch (final IOException | InterruptedException e)
                {
                    throw new AssertionError(e);
                }
            });
    }

    @Test
    void awkwardWordsStayWordsWhenJoined() throws Exception
    {
        final List<String> words = List.of("core0.lif[*].v[*]", "it's", "$HOME", "a b", "", "--x=1", "!x", "`id`");
        assertEquals(words, bashWords(Shell.join(words)));
    }

    @Test
    void plainWordsAreLeftBare()
    {
        assertEquals("/usr/lib/jvm/bin/java", Shell.quote("/usr/lib/jvm/bin/java"));
        assertEquals("--add-modules=jdk.incubator.vector", Shell.quote("--add-modules=jdk.incubator.vector"));
        assertEquals("'core0.lif[*].v[*]'", Shell.quote("core0.lif[*].v[*]"));
    }
}
