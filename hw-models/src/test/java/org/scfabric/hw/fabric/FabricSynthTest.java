package org.scfabric.hw.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.hw.area.Area;
import org.scfabric.sim.ExternalTool;

/** Yosys synthesis of a small fabric (place and route with nextpnr stays in the benchmark scripts). */
class FabricSynthTest
{
    @Test
    void yosysSynthesisesTheFabricIntoBlockRamsAndTheEstimateIsClose(@TempDir final Path dir) throws Exception
    {
        ExternalTool.require("yosys", "yosys");
        final FabricNetwork net = Nets.random(16, 0.1, false, 5);
        final FabricParams fp = new FabricParams(16, 1, 4, 1, 2, 1, 100, FabricParams.Overflow.STALL);
        final FabricSynth.Report r = FabricSynth.run(fp, net, 20, FabricSynth.Target.ICE40, dir, false,
            org.scfabric.sim.ToolPath::onPath);
        assertTrue(r.synthesized(), String.valueOf(r.notes()));
        assertTrue(r.notes().isEmpty(), String.valueOf(r.notes()));
        final Area a = r.area();
        assertTrue(a.lut() > 200 && a.lut() < 5280, "LUT " + a.lut());
        assertTrue(a.ff() > 100, "FF " + a.ff());
        assertTrue(r.bramBlocks() >= 3, "the state, accumulators and fan-out go to block RAM: " + r.bramBlocks());
        assertNull(r.fmaxMhz());
        final Area est = FabricArea.estimate(fp, net, FabricSynth.Target.ICE40);
        assertEquals(a.lut(), est.lut(), 0.25 * a.lut(), "LUT estimate");
        assertEquals(a.ff(), est.ff(), 0.25 * a.ff(), "FF estimate");
    }

    @Test
    void missingToolsAreNamedWithTheirPackage(@TempDir final Path dir) throws Exception
    {
        final FabricNetwork net = Nets.random(16, 0.1, false, 5);
        final FabricParams fp = new FabricParams(16, 1, 4, 1, 2, 1, 100, FabricParams.Overflow.STALL);
        final FabricSynth.Report r = FabricSynth.run(fp, net, 20, FabricSynth.Target.ICE40, dir, true, t -> false);
        assertFalse(r.synthesized());
        assertTrue(r.notes().get(0).contains("yosys is not installed (apt-get install yosys)"), r.notes().get(0));
        assertTrue(r.notes().get(1).contains("apt-get install nextpnr-ice40"), r.notes().get(1));
    }

    @Test
    void statParsingSumsTheCellsOfAFlatDesign()
    {
        final String stat = "=== sc_fabric_top ===\n\n   Number of wires:   12\n   Number of cells:   30\n"
            + "     SB_CARRY                       5\n     SB_DFFE                       7\n     SB_DFFR         3\n"
            + "     SB_LUT4                       11\n     SB_RAM40_4K                    4\n";
        final var cells = FabricSynth.cells(stat);
        assertEquals(11L, cells.get("SB_LUT4"));
        assertEquals(4L, cells.get("SB_RAM40_4K"));
        assertEquals(7L, cells.get("SB_DFFE"));
    }
}
