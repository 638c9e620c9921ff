package org.scfabric.bench.cli;

import java.util.List;
import java.util.Stack;

import picocli.CommandLine;

/**
 * Takes the value of {@code --sbatch-arg} as it is, even when it looks like one of scfabric's own options
 * ({@code --sbatch-arg=--partition=x}): picocli would refuse it with "Expected parameter ... but found",
 * while {@code SlurmOptions} says in one line what is wrong with it (scfabric sets --partition itself).
 */
final class SbatchArg implements CommandLine.IParameterConsumer
{
    @Override
    @SuppressWarnings("unchecked")
    public void consumeParameters(final Stack<String> args, final CommandLine.Model.ArgSpec argSpec,
        final CommandLine.Model.CommandSpec commandSpec)
    {
        if (args.isEmpty())
        {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), "--sbatch-arg needs a value: one "
                + "sbatch option with its value, e.g. --sbatch-arg=--mem=4G");
        }
        ((List<String>) argSpec.getValue()).add(args.pop());
    }
}
