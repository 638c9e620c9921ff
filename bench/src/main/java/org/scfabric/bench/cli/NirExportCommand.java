package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.nir.NirWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scfabric nir export}: reads a NIR file and writes it again, normalised (subgraphs flattened under
 * hierarchical names, NIR 1.x port types as shapes, named padding as numbers).
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Read a NIR file and write it again, normalised, as NIR " + NirWriter.VERSION + " (what scfabric "
        + "reads is what it writes: subgraphs flattened under names such as lif1.lif, NIR 1.x port types as shapes, "
        + "metadata under scfabric.* kept)."},
    footer = {"", "Examples:", "  scfabric nir export net.nir --out net-flat.nir"})
public final class NirExportCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "IN.nir", description = "the NIR file to read")
    String file;

    @Option(names = "--out", required = true, paramLabel = "OUT.nir",
        description = "the file to write (replaced only once it is complete; may be IN.nir itself)")
    String out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        final Path in = OptionValues.path(file, "IN.nir");
        // the output place first: it is cheap to check, a large network is not cheap to read
        final Path dest = OptionValues.outputFile(out, "--out", false);
        final Network net;
        try
        {
            net = NirReader.read(in);
        }
        catch (final NetworkException e)
        {
            throw new BadInputException(e.getMessage());
        }
        try
        {
            NirWriter.write(net, dest);
        }
        catch (final NetworkException e)
        {
            throw new BadInputException("--out " + out + ": " + e.getMessage());
        }
        catch (final AccessDeniedException | NoSuchFileException e)
        {
            throw new BadInputException("--out " + out + ": cannot write in " + dest.getParent()
                + " (permission denied or no such folder); give a file in a folder you can write in");
        }
        catch (final IOException e)
        {
            throw new BadInputException("--out " + out + ": cannot write it (" + Main.oneLine(e.getMessage())
                + "); give a file in a folder you can write in");
        }
        final PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("nir export: %s -> %s: %d nodes, %d edges, NIR %s%n", in.getFileName(), dest, net.size(),
            net.edges().size(), NirWriter.VERSION);
        stdout.flush();
        return 0;
    }
}
