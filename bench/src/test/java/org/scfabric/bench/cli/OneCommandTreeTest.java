package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * A command line whose first word names a command builds that command alone (a faster start); it
 * must read exactly as in the whole tree: the same help, the same one-line refusals, the same names.
 */
class OneCommandTreeTest
{
    @Test
    void theTreeOfACommandHoldsThatCommandAlone()
    {
        for (final String name : Main.COMMANDS.keySet())
        {
            if (!name.equals("help"))
            {
                assertEquals(Set.of(name), Main.commandLine(CommandLine.defaultFactory(), new String[] {name, "--x"})
                    .getSubcommands().keySet());
            }
        }
        assertEquals(Main.COMMANDS.keySet(), Main.commandLine(CommandLine.defaultFactory(), new String[] {"help"})
            .getSubcommands().keySet());
        assertEquals(Main.COMMANDS.keySet(), Main.commandLine(CommandLine.defaultFactory(), new String[] {"--help"})
            .getSubcommands().keySet());
    }

    @Test
    void everyCommandIsNamedAsItsAnnotationNamesIt()
    {
        Main.COMMANDS.forEach((name, cls) -> assertEquals(name, cls.getAnnotation(CommandLine.Command.class).name()));
    }

    @Test
    void everyCommandsHelpIsTheSameAloneAsInTheWholeTree()
    {
        final CommandLine whole = Main.commandLine();
        for (final String name : Main.COMMANDS.keySet())
        {
            if (name.equals("help"))
            {
                continue;
            }
            final CommandLine alone = Main.commandLine(CommandLine.defaultFactory(), new String[] {name})
                .getSubcommands().get(name);
            final List<CommandLine> a = HelpTextTest.all(alone);
            final List<CommandLine> w = HelpTextTest.all(whole.getSubcommands().get(name));
            assertEquals(w.size(), a.size(), name);
            for (int i = 0; i < a.size(); i++)
            {
                assertEquals(w.get(i).getCommandSpec().qualifiedName(), a.get(i).getCommandSpec().qualifiedName());
                assertEquals(w.get(i).getUsageMessage(), a.get(i).getUsageMessage(), name);
            }
        }
    }

    @Test
    void aBadOptionIsRefusedInTheSameLineAloneAndInTheWholeTree()
    {
        for (final String name : Main.COMMANDS.keySet())
        {
            if (name.equals("help"))
            {
                continue;
            }
            final String[] args = {name, "--no-such-option"};
            final StringWriter outA = new StringWriter();
            final StringWriter errA = new StringWriter();
            final int codeA = Main.execute(args, new PrintWriter(outA, true), new PrintWriter(errA, true));
            final StringWriter outW = new StringWriter();
            final StringWriter errW = new StringWriter();
            final CommandLine whole = Main.commandLine();
            whole.setOut(new PrintWriter(outW, true));
            whole.setErr(new PrintWriter(errW, true));
            final int codeW = whole.execute(args);
            assertEquals(Main.EXIT_BAD_INPUT, codeA, name + ": " + errA);
            assertEquals(codeW, codeA, name);
            assertEquals(errW.toString(), errA.toString(), name);
            assertEquals(outW.toString(), outA.toString(), name);
            assertEquals(1, errA.toString().strip().lines().count(), errA.toString());
        }
    }
}
