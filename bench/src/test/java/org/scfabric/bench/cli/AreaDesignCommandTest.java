package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.cli.Cli.run;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.brunel.VariantAreaModel;
import org.scfabric.bench.brunel.Variant;
import org.scfabric.bench.cli.Cli.Run;
import org.scfabric.hw.area.Target;
import org.scfabric.sim.ExternalTool;

/** {@code scfabric area --design fabric|brunel-vN}. */
class AreaDesignCommandTest
{
    @Test
    void brunelVariantAreaComesFromTheComponentModels()
    {
        final Run r = run("area", "--design", "brunel-v3", "--neurons", "100",
            "--target", "ice40");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ice40  " + AreaCommand.format(VariantAreaModel.of(Variant.V3, 100, Target.ICE40))),
            r.out());
        assertFalse(r.out().contains("xc7"), r.out());
    }

    @Test
    void fabricEstimateForBothTargets()
    {
        final Run r = run("area", "--design", "fabric", "--neurons", "64", "--cores",
            "2", "--fifo-depth", "8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ice40 ") && r.out().contains("xc7 "), r.out());
        assertTrue(r.out().contains("14 block RAMs"), r.out());
    }

    @Test
    void badDesignInputIsOneLineAndExitTwo()
    {
        for (final String[] args : new String[][] {
            {"area", "--design", "brunel-v99", "--neurons", "10"},
            {"area", "--design", "brunel-v1", "--neurons", "10"},
            {"area", "--design", "brunel-v3"},
            {"area", "--design", "brunel-v3", "--neurons", "-5"},
            {"area", "--design", "brunel-v3", "--neurons", "10", "--synth"},
            {"area", "--design", "brunel-v3", "--neurons", "10", "--cores", "2"},
            {"area", "--design", "gpu"},
            {"area", "--design", "fabric"},
            {"area", "--design", "fabric", "--neurons", "16", "--cores", "0"},
            {"area", "--design", "fabric", "--neurons", "16", "--width", "8"},
            {"area", "--design", "fabric", "--neurons", "16", "--arithmetic", "V7"},
            {"area", "--design", "fabric", "--neurons", "1000", "--synth"},
            {"area", "--design", "fabric", "--component", "lif"},
            {"area", "--component", "lif", "--width", "16", "--cores", "2"},
            {"area"}})
        {
            final Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    /** Live: Yosys on a small fabric; nextpnr is not required (without it the Fmax line says how to get it). */
    @Test
    void synthPutsYosysBesideTheEstimate(@TempDir final Path dir)
    {
        ExternalTool.require("yosys", "yosys");
        final Run r = run("area", "--design", "fabric", "--neurons", "16", "--cores", "1",
            "--fifo-depth", "4", "--duration-ms", "10", "--target", "xc7", "--synth", "--synth-dir", dir.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("synthesis") && r.out().contains("estimate"), r.out());
        assertTrue(r.out().matches("(?s).*estimate\\s+\\d+ LUT \\([+-]\\d+\\.\\d %\\).*"), r.out());
    }
}
