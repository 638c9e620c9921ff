package org.scfabric.net.nir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/** Writes small NIR files for tests (jHDF writes fixed-length strings, which NIR's own reader accepts too). */
final class NirFiles
{
    private NirFiles()
    {
    }

    /** A node: its NIR type and its datasets (float[], double[], long[], float[][], String, ...). */
    record N(String name, String type, Map<String, Object> params)
    {
    }

    static Path write(final Path file, final List<N> nodes, final String[][] edges)
    {
        try (WritableHdfFile f = HdfFile.write(file))
        {
            f.putAttribute("version", "1.0.0");
            final WritableGroup g = f.putGroup("node");
            g.putDataset("type", "NIRGraph");
            final WritableGroup ns = g.putGroup("nodes");
            for (final N n : nodes)
            {
                final WritableGroup ng = ns.putGroup(n.name());
                ng.putDataset("type", n.type());
                for (final Map.Entry<String, Object> p : n.params().entrySet())
                {
                    ng.putDataset(p.getKey(), p.getValue());
                }
            }
            g.putDataset("edges", edges);
        }
        return file;
    }
}
