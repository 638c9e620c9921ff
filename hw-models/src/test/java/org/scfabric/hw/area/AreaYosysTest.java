package org.scfabric.hw.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.lif.CubaLifParams;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.ExternalTool;

/**
 * Re-synthesises a few small points live and checks Yosys still gives exactly the stored figures, so
 * an RTL change cannot silently leave docs/area.md and the models' calibration behind. Needs yosys:
 * skipped locally without it, failed under CI.
 */
class AreaYosysTest
{
    /**
     * Small, fast points (about 8 s in all, 20 s on a loaded machine; mostly xc7's ABC9 start-up), and the
     * smallest CubaLIF core (about 20 s more) so a change to its RTL shows here too.
     */
    static final List<AreaPoint> LIVE = List.of(AreaPoint.lfsr(12), AreaPoint.lfsrEncoder(12),
        AreaPoint.popcountAccumulator(12, 10), AreaPoint.cubaLif(new CubaLifParams(12, 6, 0, 0, 64)));

    @Test
    void liveSynthesisEqualsTheStoredFigures()
    {
        ExternalTool.require("yosys", "yosys");
        final YosysRunner yosys = YosysRunner.locate();
        final List<AreaTable.Stored> stored = StoredPoints.load();
        for (final AreaPoint p : LIVE)
        {
            for (final Target t : Target.values())
            {
                final AreaTable.Stored s = stored.stream()
                    .filter(x -> x.point().equals(p) && x.target() == t).findFirst()
                    .orElseThrow(() -> new AssertionError("not stored: " + p + " " + t.id()));
                final SynthResult r = yosys.synthesize(p, t);
                assertEquals(s.yosys(), r.area(), p + " " + t.id() + ": RTL or Yosys changed; rerun rtl/area_table.sh");
                assertEquals(s.carry(), r.carry(), p + " " + t.id() + " carry cells");
            }
        }
    }

    @Test
    void aMissingYosysIsOneClearError()
    {
        final YosysRunner none = new YosysRunner(Path.of("."), "/nonexistent/yosys-scfabric", 10);
        final YosysException e = assertThrows(YosysException.class,
            () -> none.synthesize(AreaPoint.synapse(1), Target.ICE40));
        assertTrue(e.getMessage().contains("not installed"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void statJsonIsParsedFromTheDesignTotals()
    {
        final String json = "{ \"modules\": { \"\\\\a\": { \"num_cells_by_type\": { \"SB_LUT4\": 3 } },"
            + " \"\\\\b\": { \"num_cells_by_type\": { \"SB_LUT4\": 4 } } },"
            + " \"design\": { \"num_cells\": 12, \"num_cells_by_type\": { \"SB_CARRY\": 2, \"SB_DFFR\": 3, \"SB_LUT4\": 7 } } }";
        final Map<String, Long> cells = YosysRunner.parseStat(json);
        assertEquals(Map.of("SB_CARRY", 2L, "SB_DFFR", 3L, "SB_LUT4", 7L), cells);
        final SynthResult r = SynthResult.of(AreaPoint.synapse(1), Target.ICE40, cells, 0);
        assertEquals(new Area(7, 3, 0, 0), r.area());
        assertEquals(2, r.carry());
    }

    @Test
    void negativeParametersGoAsTwosComplement()
    {
        assertEquals("32'hfffffed4", YosysRunner.verilogValue(-300));
        assertEquals("256", YosysRunner.verilogValue(256));
        assertTrue(YosysRunner.script(AreaPoint.lif(LifParams.Q8_8.withRest(-300)), Target.XC7, "s.json")
            .contains("chparam -set DATA_WIDTH 16 -set FRACTION 8 -set V_REST 32'hfffffed4"));
    }
}
