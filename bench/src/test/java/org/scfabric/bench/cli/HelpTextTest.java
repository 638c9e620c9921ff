package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The help of every command: no picocli warnings, no sentence broken across lines of the source. */
class HelpTextTest
{
    /** picocli's default usage width: a footer line longer than this is wrapped wherever it happens to be. */
    static final int WIDTH = 80;

    static List<CommandLine> all(final CommandLine cl)
    {
        final List<CommandLine> out = new ArrayList<>();
        out.add(cl);
        cl.getSubcommands().forEach((name, sub) ->
        {
            if (!name.equals("help"))
            {
                out.addAll(all(sub));
            }
        });
        return out;
    }

    @Test
    void noCommandsHelpPrintsAPicocliWarning()
    {
        // an unescaped '%' in trace's and faults' help printed "[picocli WARN] Could not format ..."
        final PrintStream saved = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final StringBuilder helps = new StringBuilder();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try
        {
            for (final CommandLine cl : all(Main.commandLine()))
            {
                helps.append(cl.getUsageMessage());
            }
        }
        finally
        {
            System.setErr(saved);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
        assertTrue(helps.toString().contains("random 20 % fan-out"), "the % is printed as itself");
        assertTrue(helps.toString().contains("±1 % at 95 %"));
    }

    @Test
    void everyParagraphIsWholeAndEveryLayoutLineFits()
    {
        // picocli wraps each array element of a description or footer on its own, so a sentence split
        // over two elements printed as "... compare every run" / "with the golden ..." (and the first
        // element alone is the command's summary in its parent's list)
        final List<String> broken = new ArrayList<>();
        for (final CommandLine cl : all(Main.commandLine()))
        {
            final CommandLine.Model.UsageMessageSpec u = cl.getCommandSpec().usageMessage();
            final String name = cl.getCommandSpec().qualifiedName();
            for (final String d : u.description())
            {
                if (!d.isEmpty() && !d.matches("(?s).*[.:]$"))
                {
                    broken.add(name + " description: '" + d + "'");
                }
            }
            for (final String f : u.footer())
            {
                // a line of a layout (example, table) must fit; a longer one must be a whole paragraph
                if (f.length() >= WIDTH && !f.matches("(?s).*[.)]$"))
                {
                    broken.add(name + " footer (" + f.length() + " columns): '" + f + "'");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void noCommandIsBadInput()
    {
        // ./scfabric alone printed the usage and exited 0, so a script that lost its command went on
        final Cli.Run r = Cli.run();
        Cli.assertBadInput(r);
        assertTrue(r.err().startsWith("scfabric: no command given; give one of brunel, translate, vectors, trace,"
            + " fabric, faults, area"), r.err());
        assertEquals(0, Cli.run("--help").code());
    }
}
