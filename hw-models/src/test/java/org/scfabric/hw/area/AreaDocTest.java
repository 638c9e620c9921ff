package org.scfabric.hw.area;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/area.md shows exactly the table made from the stored Yosys figures and today's models. */
class AreaDocTest
{
    @Test
    void theDocumentedTableIsCurrent() throws IOException
    {
        final Path doc = YosysRunner.locateRtl().getParent().resolve("docs").resolve("area.md");
        final String text = Files.readString(doc, StandardCharsets.UTF_8);
        assertEquals(AreaTable.markdown(StoredPoints.load()), AreaTable.extractTable(text),
            "docs/area.md's table is stale: rerun rtl/area_table.sh --doc-only");
    }
}
