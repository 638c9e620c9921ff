package org.scfabric.bench.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.bench.nir.FixedPointRun;
import org.scfabric.bench.nir.ScConfig;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.MappedFabric;
import org.scfabric.hw.fabric.MappedResult;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.Options;
import org.scfabric.net.ref.Stimulus;

/**
 * SC synapses on the general fabric ({@code --arith sc}): for every mapping, the fabric's spikes and readouts equal
 * the unrolled SC back end's ({@code scfabric nir --arith sc}) step for step, and the kernel components equal the
 * fast engine cycle for cycle — over the random graphs and architectures of {@link NirFabricEquivalenceTest}, and on
 * the braille and cnn_sinabs networks.
 */
class NirFabricScTest
{
    private static final int[] BITSTREAMS = {64, 128, 256};

    @Test
    void everyArchitectureGivesTheScBackEndsSpikesOnRandomGraphs()
    {
        final AtomicInteger spiking = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();
        final AtomicInteger pooled = new AtomicInteger();
        qt().withExamples(250).forAll(longs().all(), integers().between(1, 6), integers().between(0, 35),
            integers().between(0, 63)).checkAssert((seed, k, dp, bits) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final StringBuilder desc = new StringBuilder();
                final Network net = NirFabricEquivalenceTest.randomGraph(r, desc);
                final Options opt = new Options(1e-4, (bits & 2) == 0 ? Options.Integrator.EULER
                    : Options.Integrator.EXACT, (bits & 4) == 0 ? Options.Reset.ZERO : Options.Reset.SUBTRACT);
                final ScConfig sc = new ScConfig(BITSTREAMS[(bits >> 3) % 3], seed);
                final NirMapping map;
                try
                {
                    map = NirMapping.map(net, opt, FixedFormat.Q8_8, sc);
                }
                catch (final NetworkException e)
                {
                    // a pool before the weights: refused under SC, and only that
                    assertTrue(e.getMessage().contains("SumPool2d"), e.getMessage() + ": " + desc);
                    pooled.incrementAndGet();
                    return;
                }
                final int n = map.network().size();
                final FabricParams fp = new FabricParams(n, Math.min(k, n), 1 + dp % 9, 1 + dp / 9,
                    1 + (bits >> 3 & 3), 1 + (bits >> 5 & 1), 100.0, FabricParams.Overflow.STALL);
                final int steps = 40;
                final double rate = 0.1 + 0.5 * r.nextDouble();
                final int[][] in = new int[steps][map.channels()];
                for (final int[] row : in)
                {
                    for (int c = 0; c < row.length; c++)
                    {
                        row[c] = r.nextDouble() < rate ? 1 : 0;
                    }
                }
                final String where = desc + " | K " + fp.cores() + " D " + fp.fifoDepth() + " P " + fp.ports()
                    + " LC " + fp.coreLatency() + " R " + fp.csrLatency() + " L " + sc.bitstream() + " " + opt;
                runs.incrementAndGet();
                if (NirFabricEquivalenceTest.compare(net, map, fp, opt, FixedFormat.Q8_8, sc, in, where) > 0)
                {
                    spiking.incrementAndGet();
                }
            });
        assertTrue(spiking.get() * 2 > runs.get(), "most random graphs must spike for the property to mean anything: "
            + spiking + " of " + runs + " (" + pooled + " refused for a pool)");
    }

    /** A random graph (described into {@code desc}) mapped with SC synapses of a random length, or null: not mappable. */
    private static NirMapping randomScMapping(final SplittableRandom r, final long seed, final int bits,
        final StringBuilder desc)
    {
        final Network net = NirFabricEquivalenceTest.randomGraph(r, desc);
        try
        {
            return NirMapping.map(net, Options.defaults(), FixedFormat.Q8_8, new ScConfig(BITSTREAMS[bits % 3], seed));
        }
        catch (final NetworkException e)
        {
            return null;
        }
    }

    @Test
    void theKernelComponentsGiveTheFastEnginesScEventsAndCycles()
    {
        final AtomicInteger withOutputs = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();
        qt().withExamples(80).forAll(longs().all(), integers().between(1, 6), integers().between(0, 35),
            integers().between(0, 127)).checkAssert((seed, k, dp, bits) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final StringBuilder desc = new StringBuilder();
                final NirMapping map = randomScMapping(r, seed, bits, desc);
                if (map == null)
                {
                    return;
                }
                final int n = map.network().size();
                final FabricParams fp = new FabricParams(n, Math.min(k, n), 1 + dp % 9, 1 + dp / 9,
                    1 + (bits >> 3 & 3), 1 + (bits >> 5 & 1), 100.0,
                    (bits & 64) == 0 ? FabricParams.Overflow.STALL : FabricParams.Overflow.DROP);
                final int[][] ev = NirFabricKernelTest.events(r, map.channels(), 30, 0.1 + 0.5 * r.nextDouble());
                final MappedFabric mf = new MappedFabric(fp, map.network(), map.observed());
                final MappedResult fast = mf.run(ev[0], ev[1], 30);
                final MappedResult kern = mf.runKernel(ev[0], ev[1], 30);
                NirFabricKernelTest.assertSame(fast, kern, desc + " | K " + fp.cores() + " P " + fp.ports());
                runs.incrementAndGet();
                if (fast.outputs().size() > 0)
                {
                    withOutputs.incrementAndGet();
                }
            });
        assertTrue(withOutputs.get() * 2 > runs.get(), "most runs must have output events: " + withOutputs + " of "
            + runs);
    }

    @Test
    void theScMemoriesAreSizedFromTheBitstreamAndTheNetwork() throws Exception
    {
        final Network n = NirReader.read(NirFabricFilesTest.nir("braille_noDelay_bias_zero.nir"));
        final NirMapping q = NirMapping.map(n, Options.defaults(), FixedFormat.Q8_8);
        final FabricParams fp = FabricParams.of(q.network().size(), 2);
        long weights = 0;
        for (final NirMapping.ScRom r : NirMapping.map(n, Options.defaults(), FixedFormat.Q8_8, new ScConfig(64, 1))
            .scRom())
        {
            weights += r.streams();
        }
        long prevLut = org.scfabric.hw.fabric.MappedArea.estimate(fp, q.network(),
            org.scfabric.hw.area.Target.ICE40).lut();
        assertTrue(!org.scfabric.hw.fabric.MappedArea.memoryBits(fp, q.network()).containsKey("sc_wrom"));
        for (final int l : new int[] {64, 256, 1024})
        {
            final NirMapping m = NirMapping.map(n, Options.defaults(), FixedFormat.Q8_8, new ScConfig(l, 1));
            final java.util.Map<String, Long> bits = org.scfabric.hw.fabric.MappedArea.memoryBits(fp, m.network());
            assertEquals(weights * l, bits.get("sc_wrom"), "one L-bit stream per weight");
            assertEquals(m.network().sc().encoders() * 16L, bits.get("sc_encoders"));
            assertEquals(m.network().sc().maxEncodersPerSource() * (long)l, bits.get("sc_stream"));
            final long lut = org.scfabric.hw.fabric.MappedArea.estimate(fp, m.network(),
                org.scfabric.hw.area.Target.ICE40).lut();
            assertTrue(lut > prevLut, "L " + l + ": " + lut + " LUT, not more than " + prevLut);
            prevLut = lut;
        }
    }

    @Test
    void theScVerilogGivesTheFastEnginesEventsOnRandomGraphs()
    {
        org.scfabric.hw.cosim.IcarusRunner.requireIcarus();
        final AtomicInteger withOutputs = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();
        qt().withFixedSeed(0x5C5CL).withExamples(16).forAll(longs().all(), integers().between(1, 4),
            integers().between(0, 35), integers().between(0, 63)).checkAssert((seed, k, dp, bits) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final StringBuilder desc = new StringBuilder();
                final NirMapping map = randomScMapping(r, seed, bits, desc);
                if (map == null)
                {
                    return;
                }
                final int n = map.network().size();
                final FabricParams fp = new FabricParams(n, Math.min(k, n), 1 + dp % 9, 1 + dp / 9,
                    1 + (bits >> 3 & 3), 1 + (bits >> 5 & 1), 100.0, FabricParams.Overflow.STALL);
                final int[][] ev = NirFabricCosimTest.events(r, map.channels(), 20, 0.1 + 0.5 * r.nextDouble());
                final int outs = NirFabricCosimTest.compare(fp, map, ev[0], ev[1], 20, desc + " | " + fp + " SC");
                runs.incrementAndGet();
                withOutputs.addAndGet(outs > 0 ? 1 : 0);
            });
        assertTrue(withOutputs.get() * 2 > runs.get(), "most cases must give output events: " + withOutputs + " of "
            + runs);
    }

    @Test
    void theScVerilogGivesTheFastEnginesEventsOnBraille() throws Exception
    {
        org.scfabric.hw.cosim.IcarusRunner.requireIcarus();
        final Network n = NirReader.read(NirFabricFilesTest.nir("braille_noDelay_bias_zero.nir"));
        final NirMapping map = NirMapping.map(n, Options.defaults(), FixedFormat.Q8_8, new ScConfig(128, 3));
        final FabricParams fp = new FabricParams(map.network().size(), 2, 4, 2, 2, 1, 100.0,
            FabricParams.Overflow.STALL);
        final int[][] ev = NirFabricCosimTest.events(new SplittableRandom(7), map.channels(), 30, 0.3);
        assertTrue(NirFabricCosimTest.compare(fp, map, ev[0], ev[1], 30, "braille SC") > 0,
            "braille must give output events");
    }

    private static void check(final String file, final double hz, final int steps, final int cores, final int bitstream)
        throws Exception
    {
        final Network n = NirReader.read(NirFabricFilesTest.nir(file));
        final ScConfig sc = new ScConfig(bitstream, 5);
        final FixedPointRun.Result ref = FixedPointRun.run(n, Stimulus.poisson(hz, 1e-4, 3), steps, Options.defaults(),
            FixedFormat.Q8_8, sc);
        final NirMapping map = NirMapping.map(n, Options.defaults(), FixedFormat.Q8_8, sc);
        final FabricParams fp = FabricParams.of(map.network().size(), cores);
        final int[][] ev = NirFabricRun.events(Stimulus.poisson(hz, 1e-4, 3), map.channels(), steps, FixedFormat.Q8_8);
        final NirFabricRun fast = NirFabricRun.run(map, fp, ev, steps, FixedFormat.Q8_8, false);
        final NirFabricRun kern = NirFabricRun.run(map, fp, ev, steps, FixedFormat.Q8_8, true);
        assertTrue(ref.run().totalSpikes() > 0, "the network must spike for the comparison to mean anything");
        NirFabricFilesTest.assertSameOutputs(ref.run(), fast.run());
        NirFabricFilesTest.assertSameOutputs(ref.run(), kern.run());
        assertEquals(fast.figures().fabric().totalCycles(), kern.figures().fabric().totalCycles());
    }

    @Test
    void brailleWithScSynapsesOnFourCoresEqualsTheScBackEnd() throws Exception
    {
        check("braille_noDelay_bias_zero.nir", 400, 200, 4, 256);
    }

    @Test
    void cnnSinabsIsRefusedUnderScBecauseItsPoolsFeedConvolutions() throws Exception
    {
        // its SumPool2d sums a cell's spikes into one SC input value (2 spikes: a stream of probability 2/4), which
        // no single source's encoder produces: the mapping says so instead of computing something else
        final Network n = NirReader.read(NirFabricFilesTest.nir("cnn_sinabs.nir"));
        final NetworkException e = org.junit.jupiter.api.Assertions.assertThrows(NetworkException.class,
            () -> NirMapping.map(n, Options.defaults(), FixedFormat.Q8_8, new ScConfig(128, 5)));
        assertTrue(e.getMessage().contains("SumPool2d") && e.getMessage().contains("scfabric nir --arith sc"),
            e.getMessage());
    }
}
