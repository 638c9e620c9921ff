package org.scfabric.bench.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scfabric.sim.NetlistException;
import org.scfabric.sim.SimulationException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code scfabric} command line. */
@Command(name = "scfabric",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Cycle-accurate simulator of stochastic-computing spiking-neuron hardware.")
public final class Main implements Runnable
{
    /**
     * The commands, by name, in the order of the help's list. Not in the {@code @Command} annotation:
     * picocli would build every command there (instances, reflection over their options, the classes
     * they name, Jackson for some) on every start, a third of a short run's time; a command line
     * whose first word names a command builds that command alone ({@link #commandLine(CommandLine.IFactory, String[])}).
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands()
    {
        final Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("help", CommandLine.HelpCommand.class);
        m.put("brunel", BrunelCommand.class);
        m.put("translate", TranslateCommand.class);
        m.put("vectors", VectorsCommand.class);
        m.put("trace", TraceCommand.class);
        m.put("fabric", FabricCommand.class);
        m.put("faults", FaultsCommand.class);
        m.put("area", AreaCommand.class);
        m.put("nir", NirCommand.class);
        m.put("sweep", SweepCommand.class);
        m.put("brian2", Brian2Command.class);
        return Collections.unmodifiableMap(m);
    }

    /** Exit code for bad input: a wrong option, a malformed file, an unusable path. */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        // no command is a mistake (a script that lost its command word must not go on as if it ran)
        final List<String> names = spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given; give one of "
            + String.join(", ", names));
    }

    public static void main(final String[] args)
    {
        int code;
        try
        {
            code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        }
        catch (final OutOfMemoryError e)
        {
            // an Error passes picocli's handlers; by now the run's arrays are unreachable and staged outputs removed
            System.err.println("scfabric: out of memory (the JVM's heap is " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB); give it more, e.g. SCFABRIC_JAVA_OPTS=-Xmx8g ./scfabric ..., or run a smaller case");
            code = 1;
        }
        System.exit(code);
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(final String[] args, final PrintWriter out, final PrintWriter err)
    {
        return execute(args, out, err, CommandLine.defaultFactory());
    }

    /** Runs the command line with commands made by {@code factory} (tests supply a fake variant runner). */
    public static int execute(final String[] args, final PrintWriter out, final PrintWriter err,
        final CommandLine.IFactory factory)
    {
        final CommandLine cl = commandLine(factory, args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static CommandLine commandLine()
    {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The whole command tree (help, no command, tests that walk every command). */
    public static CommandLine commandLine(final CommandLine.IFactory factory)
    {
        return commandLine(factory, new String[0]);
    }

    /**
     * The command tree for {@code args}: when the first word names a command (other than help),
     * the tree holds that command alone, which parses, checks and runs exactly as in the whole
     * tree; otherwise every command.
     */
    public static CommandLine commandLine(final CommandLine.IFactory factory, final String[] args)
    {
        final CommandLine cl = new CommandLine(new Main(), factory);
        final Class<?> only = args.length > 0 && !"help".equals(args[0]) ? COMMANDS.get(args[0]) : null;
        if (only != null)
        {
            cl.addSubcommand(args[0], only);
        }
        else
        {
            COMMANDS.forEach(cl::addSubcommand);
        }
        cl.setExecutionStrategy(parseResult ->
        {
            refuseEmptyPaths(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setParameterExceptionHandler((ex, given) ->
        {
            final CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + oneLine(ex.getMessage())
                + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) ->
        {
            final String where = c.getCommandSpec().qualifiedName() + ": ";
            final Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            if (cause instanceof BadInputException || cause instanceof NetlistException)
            {
                c.getErr().println(where + oneLine(cause.getMessage()));
                return EXIT_BAD_INPUT;
            }
            if (cause instanceof NoSuchFileException f)
            {
                c.getErr().println(where + "no such file or folder: " + f.getFile());
                return EXIT_BAD_INPUT;
            }
            if (cause instanceof AccessDeniedException f)
            {
                c.getErr().println(where + "permission denied: " + f.getFile());
                return EXIT_BAD_INPUT;
            }
            if (cause instanceof FileSystemException f)
            {
                c.getErr().println(where + "cannot use " + f.getFile() + ": " + oneLine(f.getReason()));
                return EXIT_BAD_INPUT;
            }
            if (cause instanceof RunFailedException)
            {
                if (System.getenv("SCFABRIC_DEBUG") != null)
                {
                    cause.printStackTrace(c.getErr());
                }
                c.getErr().println(where + oneLine(cause.getMessage()));
                return 1;
            }
            if (cause instanceof SimulationException)
            {
                c.getErr().println(where + "simulation stopped: " + oneLine(cause.getMessage()));
                return 1;
            }
            if (System.getenv("SCFABRIC_DEBUG") != null)
            {
                ex.printStackTrace(c.getErr());
            }
            c.getErr().println(where + "internal error: " + oneLine(String.valueOf(cause))
                + " (set SCFABRIC_DEBUG=1 for the stack trace)");
            return 1;
        });
        return cl;
    }

    /** Labels of the options and parameters that name a file or folder. */
    static final java.util.Set<String> PATH_LABELS = java.util.Set.of("FILE", "DIR", "PYTHON", "SHARD", "REPORT");

    /**
     * An empty path is refused for every file or folder option of every command, before the command
     * runs: "" resolves to the current folder, so outputs would be written, and replace, there.
     */
    static void refuseEmptyPaths(final CommandLine.ParseResult top)
    {
        for (CommandLine.ParseResult pr = top; pr != null; pr = pr.subcommand())
        {
            for (final CommandLine.Model.ArgSpec a : pr.matchedArgs())
            {
                final boolean path = PATH_LABELS.contains(a.paramLabel()) || a.type() == java.nio.file.Path.class
                    || a.type() == java.io.File.class || a.auxiliaryTypes().length > 0
                    && a.auxiliaryTypes()[0] == java.nio.file.Path.class;
                if (!path)
                {
                    continue;
                }
                for (final String v : a.originalStringValues())
                {
                    if (v.isBlank())
                    {
                        final String name = a.isOption() ? ((CommandLine.Model.OptionSpec)a).longestName()
                            : a.paramLabel();
                        throw new CommandLine.ParameterException(pr.commandSpec().commandLine(), name
                            + " is empty; give a path");
                    }
                }
            }
        }
    }

    static String oneLine(final String s)
    {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').trim();
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"scfabric " + (v == null ? "(development build)" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
