package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.area.Area;

/** The area columns of docs/tutorial.md's variant table are today's area models at N = 1000. */
class TutorialAreaTest
{
    private static final Pattern VARIANT = Pattern.compile("V(\\d+)");

    @Test
    void theTutorialsAreaColumnsAreTheModelsFigures() throws Exception
    {
        final BrunelNetwork net = BrunelNetwork.of(BrunelParams.DEFAULT);
        int rows = 0;
        for (final String line : Files.readAllLines(Path.of("..", "docs", "tutorial.md")))
        {
            // | variant | spikes | rate Hz | CV ISI | Fano | run s | LUT | FF | BRAM bits | DSP |
            final String[] cell = line.split("\\|", -1);
            if (cell.length != 12 || cell[7].isBlank() || !cell[7].trim().matches("[0-9 ]+"))
            {
                continue;
            }
            final Matcher m = VARIANT.matcher(cell[1]);
            assertTrue(m.find(), line);
            final Variant v = Variant.valueOf("V" + m.group(1));
            final Area a = Parts.of(v, net).area();
            final String at = v + " in docs/tutorial.md (section 6): stale, take the figures of ./scfabric brunel";
            assertEquals(a.lut(), number(cell[7]), at);
            assertEquals(a.ff(), number(cell[8]), at);
            assertEquals(a.bramBits(), number(cell[9]), at);
            assertEquals(a.dsp(), number(cell[10]), at);
            rows++;
        }
        assertEquals(7, rows, "rows with area figures: V3, V11, V4, V14, V13, V2, V17");
    }

    private static long number(final String cell)
    {
        return Long.parseLong(cell.replace(" ", "").trim());
    }
}
