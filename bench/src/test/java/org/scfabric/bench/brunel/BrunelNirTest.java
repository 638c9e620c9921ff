package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.bench.nir.FixedPointRun;
import org.scfabric.bench.nir.SourceStimulus;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.nir.NirWriter;
import org.scfabric.net.ref.ArithmeticRun;
import org.scfabric.net.ref.ReferenceRun;

/**
 * The Brunel variants through the network model (issue 12 §7): a variant's network written as NIR, read back and
 * run by the general engines gives the variant's own spikes, every (step, neuron), not only their count.
 */
class BrunelNirTest
{
    @TempDir
    Path tmp;

    /** The variant's network through a NIR file, run for the parameters' steps in {@code arith}. */
    private ArithmeticRun throughNir(final BrunelNetwork net, final Variant v, final String arith) throws IOException
    {
        final Path file = tmp.resolve(v.name() + "-" + net.params().seed() + ".nir");
        final Network written = BrunelNir.of(net, v);
        NirWriter.write(written, file);
        final Network read = NirReader.read(file);
        // read(write(g)) == g: node by node (a NIR file keys nodes by name, their order is the writer's accident)
        assertEquals(written.size(), read.size());
        for (final org.scfabric.net.Node n : written.nodes())
        {
            assertEquals(n, read.node(n.name()), n.name());
        }
        assertEquals(written.edges(), read.edges());
        final int steps = net.params().steps();
        try (SourceStimulus s = SourceStimulus.of(read, steps))
        {
            return switch (arith)
            {
                case "float64" -> ReferenceRun.run(read, s, steps, BrunelNir.options(net.params()));
                case "q8.8" -> FixedPointRun.run(read, s, steps, BrunelNir.options(net.params()), FixedFormat.Q8_8).run();
                case "q16.12" -> FixedPointRun.run(read, s, steps, BrunelNir.options(net.params()), FixedFormat.Q16_12)
                    .run();
                default -> throw new IllegalArgumentException(arith);
            };
        }
    }

    private static void assertSameSpikes(final RunResult variant, final ArithmeticRun nir)
    {
        final ArithmeticRun.OutputTrain out = nir.outputs().get("output");
        assertEquals(variant.spikes(), nir.totalSpikes(), variant.variant().name() + " spike count");
        assertArrayEquals(BrunelExactnessTest.steps(variant), out.steps(), variant.variant().name() + " steps");
        assertArrayEquals(BrunelExactnessTest.neurons(variant), out.indices(), variant.variant().name() + " neurons");
    }

    @Test
    void everyVariantThatMapsRunsThroughNirSpikeForSpike() throws IOException
    {
        final BrunelRunner runner = new BrunelRunner();
        for (final long seed : new long[] {42, 7})
        {
            final BrunelParams p = BrunelParams.ofSize(300).withDuration(300).withSeed(seed);
            final BrunelNetwork net = runner.network(p);
            for (final Variant v : List.of(Variant.V1, Variant.V8, Variant.V18, Variant.V20, Variant.V3, Variant.V11))
            {
                final RunResult r = runner.run(v, p, f -> { });
                assertTrue(r.spikes() > 100, v + " spikes at all: " + r.spikes());
                assertSameSpikes(r, throughNir(net, v, BrunelNir.arith(v)));
            }
        }
    }

    /** docs/spec/brunel.md §3's golden counts, N = 1000, seed 42, 1 s, through the general path. */
    @Test
    void theReferencesGoldenCountsComeBackThroughNir() throws IOException
    {
        final BrunelNetwork net = BrunelNetwork.of(BrunelParams.DEFAULT);
        assertEquals(99_830, throughNir(net, Variant.V1, "float64").totalSpikes());
        assertEquals(66_488, throughNir(net, Variant.V3, "q8.8").totalSpikes());
    }

    @Test
    void theSourceDrawsTheWorkloadsOwnDrive()
    {
        final BrunelNetwork net = BrunelNetwork.of(BrunelParams.ofSize(150).withSeed(11).withDuration(10));
        final Network g = BrunelNir.of(net, Variant.V1);
        final int steps = net.params().steps();
        try (SourceStimulus s = SourceStimulus.of(g, steps); DriveStream d = net.liveDrive())
        {
            final double[] row = new double[150];
            final int[] counts = new int[150];
            long total = 0;
            for (int t = 0; t < steps; t++)
            {
                s.fill(t, row);
                d.fill(t, counts);
                for (int i = 0; i < counts.length; i++)
                {
                    assertEquals(counts[i], row[i], "step " + t + " neuron " + i);
                    total += counts[i];
                }
            }
            assertEquals(2.0 * 150 * steps, total, 0.1 * 2.0 * 150 * steps, "about lambda = 2 kicks per neuron and step");
        }
    }

    @Test
    void theNetworkSaysWhatItIs()
    {
        final BrunelNetwork net = BrunelNetwork.of(BrunelParams.ofSize(100));
        final Network g = BrunelNir.of(net, Variant.V3);
        assertEquals(Kind.BRUNEL, g.node("neurons").kind());
        assertEquals("2", g.node("neurons").metadata().get("scfabric.refractory_steps"));
        assertEquals("q8.8", g.node("neurons").metadata().get("scfabric.arith"));
        assertEquals(Kind.CSR_LINEAR, g.node("synapses").kind());
        assertEquals(net.connectivity().synapses(), g.node("synapses").param("indices").size());
        assertEquals("10000", g.node("drive").metadata().get("scfabric.draws_before"));
        assertEquals(Double.toString(net.params().lambda()), g.node("drive").metadata().get("scfabric.poisson_lambda"));
        // the recurrent edge is the back edge: the one-step synaptic delay
        assertEquals(1, g.backEdgeCount());
        assertTrue(g.isBackEdge(g.edges().indexOf(new org.scfabric.net.Edge("synapses", "neurons"))));
        assertEquals("0", BrunelNir.of(net, Variant.V1).node("neurons").metadata().get("scfabric.refractory_steps"));
        assertEquals("5", BrunelNir.of(net, Variant.V8).node("neurons").metadata().get("scfabric.refractory_steps"));
    }

    @Test
    void variantsThatDoNotMapAreRefusedNamingTheOnesThatDo()
    {
        final BrunelNetwork net = BrunelNetwork.of(BrunelParams.ofSize(50));
        for (final Variant v : Variant.values())
        {
            if (BrunelNir.maps(v))
            {
                continue;
            }
            final NetworkException e = assertThrows(NetworkException.class, () -> BrunelNir.of(net, v));
            assertTrue(e.getMessage().contains(v.name()) && e.getMessage().contains("V1, V3, V8, V11, V18 and V20"),
                e.getMessage());
        }
        assertFalse(BrunelNir.maps(Variant.V2));
    }
}
