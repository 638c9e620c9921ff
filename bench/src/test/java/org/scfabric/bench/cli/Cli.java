package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import picocli.CommandLine;

/**
 * For tests: runs an {@code scfabric} command line in this JVM, as {@link Main#main} would from a shell but
 * with its own output and error streams, and checks what bad input must look like. Every CLI test uses it.
 */
public final class Cli
{
    private Cli()
    {
    }

    /** What a command did: its exit code, its stdout and its stderr. */
    public record Run(int code, String out, String err)
    {
    }

    public static Run run(final String... args)
    {
        return run(CommandLine.defaultFactory(), args);
    }

    public static Run run(final List<String> args)
    {
        return run(args.toArray(new String[0]));
    }

    /** With the commands {@code factory} makes (fake runners, stand-in Slurm tools). */
    public static Run run(final CommandLine.IFactory factory, final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), factory);
        return new Run(code, out.toString(), err.toString());
    }

    public static Run run(final CommandLine.IFactory factory, final List<String> args)
    {
        return run(factory, args.toArray(new String[0]));
    }

    /**
     * Bad input as the project promises it: exit code 2, one line on stderr holding every fragment, no
     * stack trace, nothing on stdout. (Whether anything was written is each test's own check.)
     */
    public static void assertBadInput(final Run r, final String... fragments)
    {
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        final String e = r.err().strip();
        assertEquals(1, e.lines().count(), "one line on stderr: " + r.err());
        for (final String f : fragments)
        {
            assertTrue(e.contains(f), "'" + f + "' in: " + e);
        }
        assertFalse(e.contains("Exception") || e.contains("\tat ") || e.contains("at org."), "no stack trace: " + e);
        assertEquals("", r.out(), "nothing on stdout");
    }
}
