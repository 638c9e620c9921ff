package org.scfabric.hw.area;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The stored Yosys figures ({@code yosys-points.csv}, written by {@code rtl/area_table.sh}). */
final class StoredPoints
{
    static final String RESOURCE = "yosys-points.csv";

    private StoredPoints()
    {
    }

    static List<AreaTable.Stored> load()
    {
        try (InputStream in = StoredPoints.class.getResourceAsStream(RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing test resource " + RESOURCE + " (run rtl/area_table.sh)");
            }
            return AreaTable.parseCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
