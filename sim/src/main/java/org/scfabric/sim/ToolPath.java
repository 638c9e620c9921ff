package org.scfabric.sim;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether an external program (iverilog, yosys, nextpnr-ice40, vcd2fst) can be run by name. */
public final class ToolPath
{
    private ToolPath()
    {
    }

    /** True when an executable file {@code tool} is in one of the folders of {@code PATH}. */
    public static boolean onPath(final String tool)
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return false;
        }
        for (final String dir : path.split(File.pathSeparator))
        {
            final Path p = Path.of(dir, tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p))
            {
                return true;
            }
        }
        return false;
    }
}
