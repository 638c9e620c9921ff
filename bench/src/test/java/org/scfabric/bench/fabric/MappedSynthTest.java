package org.scfabric.bench.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.FabricSynth;
import org.scfabric.hw.fabric.MappedNetwork;
import org.scfabric.hw.fabric.MappedRtl;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.Options;

/** Synthesis of a mapped network without the tools, and the RTL generator's refusal of parameters wider than W. */
class MappedSynthTest
{
    @Test
    void withoutYosysTheReportNamesWhatIsMissingAndHasNoFigures(@TempDir final Path dir) throws Exception
    {
        final NirMapping map = NirMapping.map(NirReader.read(NirFabricFilesTest.nir("braille_noDelay_bias_zero.nir")),
            Options.defaults(), FixedFormat.Q8_8);
        final FabricParams fp = FabricParams.of(map.network().size(), 1);
        final FabricSynth.Report r = FabricSynth.run(fp, map.network(), map.observed(), new int[] {0, 0},
            new int[0], 1, FabricSynth.Target.ICE40, dir, tool -> false);
        assertFalse(r.synthesized());
        assertNull(r.area());
        assertEquals(2, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).startsWith("yosys is not installed"), r.notes().toString());
        assertTrue(r.notes().get(1).startsWith("nextpnr-ice40 is not installed"), r.notes().toString());
    }

    @Test
    void aThresholdWiderThanTheDataWordIsRefusedNamingTheNeuron()
    {
        final MappedNetwork net = new MappedNetwork(16, 8, 0, 1, false, new byte[] {MappedNetwork.LEAKY},
            new boolean[] {true}, new int[] {1}, new int[][] {{256}, {0}, {26}, {0}, {0}, {1 << 16}, {0}},
            new int[] {1}, new int[] {0}, new int[] {0}, new int[] {0, 0}, new int[0], new int[0], new int[0]);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MappedRtl.check(net));
        assertEquals("neuron 0's v_threshold (65536) does not fit the 16-bit data word of the RTL", e.getMessage());
    }
}
