package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.cli.Cli.run;


import org.junit.jupiter.api.Test;
import org.scfabric.bench.cli.Cli.Run;
import org.scfabric.hw.area.Area;
import org.scfabric.hw.area.AreaModel;
import org.scfabric.hw.area.Target;
import org.scfabric.hw.lif.CubaLifParams;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.ExternalTool;

class AreaCommandTest
{
    @Test
    void printsTheModelEstimateForOneTarget()
    {
        final Run r = run("area", "--component", "lif", "--width", "16", "--target", "ice40");
        assertEquals(0, r.code(), r.err());
        final Area a = AreaModel.lif(Target.ICE40, LifParams.Q8_8);
        assertTrue(r.out().startsWith("lif W=16 F=8\n"), r.out());
        assertTrue(r.out().contains("ice40  " + a.lut() + " LUT, 49 FF, 0 DSP"), r.out());
        assertTrue(!r.out().contains("xc7"), r.out());
    }

    @Test
    void cubaLifTakesItsLeakFromVRest()
    {
        final Run r = run("area", "--component", "cuba-lif", "--width", "16", "--v-rest", "-300", "--target", "xc7");
        assertEquals(0, r.code(), r.err());
        final Area a = AreaModel.cubaLif(Target.XC7, CubaLifParams.Q8_8.withLeak(-300));
        assertTrue(r.out().startsWith("cuba-lif W=16 F=8 leak=-300\n"), r.out());
        assertTrue(r.out().contains("xc7    " + a.lut() + " LUT, 33 FF, 4 DSP"), r.out());
    }

    @Test
    void bothTargetsByDefault()
    {
        final Run r = run("area", "--component", "dense-core", "--inputs", "3", "--neurons", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ice40 ") && r.out().contains("xc7 "), r.out());
        assertTrue(r.out().contains("219 FF"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo()
    {
        for (final String[] args : new String[][] {
            {"area", "--component", "adder"},
            {"area", "--component", "lif"},
            {"area", "--component", "lif", "--width", "16", "--dim", "3"},
            {"area", "--component", "lfsr", "--width", "40"},
            {"area", "--component", "sobol", "--dim", "9"},
            {"area", "--component", "lfsr", "--width", "8", "--taps", "0xzz"},
            {"area", "--component", "synapse", "--inputs", "4", "--target", "ecp5"},
            {"area", "--component", "dense-core", "--inputs", "0", "--neurons", "2"},
            {"area", "--component", "cuba-lif", "--width", "16", "--fraction", "16"},
            {"area", "--component", "cuba-lif", "--width", "16", "--refractory", "2"}})
        {
            final Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().split("\n").length, r.err());
            assertTrue(r.err().startsWith("scfabric area: "), r.err());
        }
    }

    @Test
    void aLifFractionBeyondItsWidthIsRefusedAsVectorsRefusesIt()
    {
        // --width 16 --fraction 20 gave an estimate (exit 0) of a neuron that never moves; vectors refused it
        final Run r = run("area", "--component", "lif", "--width", "16", "--fraction", "20");
        assertEquals(2, r.code(), r.err());
        assertEquals("scfabric area: --fraction must be 0..15 for width 16 (a signed 16-bit value has at most 15 "
            + "fraction bits), got 20", r.err().strip());
        assertEquals("", r.out());
        assertEquals(0, run("area", "--component", "lif", "--width", "16", "--fraction", "15").code());
    }

    @Test
    void aMissingYosysIsOneClearLine()
    {
        final String before = System.getProperty("scfabric.yosys");
        System.setProperty("scfabric.yosys", "/nonexistent/yosys-scfabric");
        try
        {
            final Run r = run("area", "--component", "synapse", "--inputs", "4", "--synth");
            assertEquals(1, r.code(), r.err());
            assertEquals(1, r.err().strip().split("\n").length, r.err());
            assertTrue(r.err().contains("not installed"), r.err());
        }
        finally
        {
            if (before == null)
            {
                System.clearProperty("scfabric.yosys");
            }
            else
            {
                System.setProperty("scfabric.yosys", before);
            }
        }
    }

    @Test
    void synthShowsYosysBesideTheEstimate()
    {
        ExternalTool.require("yosys", "yosys");
        final Run r = run("area", "--component", "synapse", "--inputs", "4", "--target", "ice40", "--synth");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ice40  4 LUT, 0 FF, 0 DSP") && r.out().contains("+0.0 %"), r.out());
    }
}
