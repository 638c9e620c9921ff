package org.scfabric.bench.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.bench.nir.FixedPointRun;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.net.Network;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.ArithmeticRun;
import org.scfabric.net.ref.Options;
import org.scfabric.net.ref.Stimulus;

/** The paper's networks on the general fabric give the unrolled fixed-point engine's spikes exactly. */
class NirFabricFilesTest
{
    static Path nir(final String name)
    {
        final String root = System.getenv("SCFABRIC_ROOT");
        return Path.of(root != null ? root : "..").resolve("network/src/test/resources/nir").resolve(name)
            .toAbsolutePath().normalize();
    }

    static void assertSameOutputs(final ArithmeticRun expected, final ArithmeticRun actual)
    {
        assertEquals(expected.spikeCounts(), actual.spikeCounts());
        assertEquals(expected.outputs().keySet(), actual.outputs().keySet());
        for (final String o : expected.outputs().keySet())
        {
            assertArrayEquals(expected.outputs().get(o).steps(), actual.outputs().get(o).steps(), o + " steps");
            assertArrayEquals(expected.outputs().get(o).indices(), actual.outputs().get(o).indices(), o + " indices");
            assertArrayEquals(expected.outputs().get(o).shape(), actual.outputs().get(o).shape(), o + " shape");
        }
    }

    private static void check(final String file, final double hz, final int steps, final int cores,
        final FixedFormat fmt) throws Exception
    {
        final Network n = NirReader.read(nir(file));
        final FixedPointRun.Result ref = FixedPointRun.run(n, Stimulus.poisson(hz, 1e-4, 3), steps, Options.defaults(),
            fmt);
        final NirMapping map = NirMapping.map(n, Options.defaults(), fmt);
        final FabricParams fp = FabricParams.of(map.network().size(), cores);
        final NirFabricRun fab = NirFabricRun.run(map, fp, Stimulus.poisson(hz, 1e-4, 3), steps, fmt);
        assertTrue(ref.run().totalSpikes() > 0, "the network must spike for the comparison to mean anything");
        assertSameOutputs(ref.run(), fab.run());
    }

    @Test
    void theNirPapersLifOnTheFabricInQ1612SpikesAtThePapersSteps() throws Exception
    {
        // column 1 of the paper's input, the same spike train on every platform; Norse, snnTorch and SpiNNaker2
        // spike at 460, 510, 710, 760 (issue 12 §3), and so does the unrolled Q16.12 engine
        final java.util.List<String> lines = java.nio.file.Files.readAllLines(nir("lif_norse.csv"));
        final double[][] rows = new double[lines.size()][1];
        for (int t = 0; t < rows.length; t++)
        {
            rows[t][0] = Double.parseDouble(lines.get(t).split(",")[0]);
        }
        final Network n = NirReader.read(nir("lif_norse.nir"));
        final NirMapping map = NirMapping.map(n, Options.defaults(), FixedFormat.Q16_12);
        final NirFabricRun fab = NirFabricRun.run(map, FabricParams.of(1, 1), Stimulus.of(rows), 1000,
            FixedFormat.Q16_12);
        assertArrayEquals(new int[] {460, 510, 710, 760}, fab.run().outputs().get("output").steps());
        assertTrue(fab.figures().inputEvents() > 0);
    }

    @Test
    void brailleOnFourCoresEqualsTheUnrolledQ88Engine() throws Exception
    {
        check("braille_noDelay_bias_zero.nir", 400, 300, 4, FixedFormat.Q8_8);
    }

    @Test
    void brailleInQ1612OnThreeCoresEqualsTheUnrolledEngine() throws Exception
    {
        check("braille_noDelay_bias_zero.nir", 400, 300, 3, FixedFormat.Q16_12);
    }

    @Test
    void cnnSinabsOnFourCoresEqualsTheUnrolledQ88Engine() throws Exception
    {
        check("cnn_sinabs.nir", 2000, 30, 4, FixedFormat.Q8_8);
    }
}
