package org.scfabric.bench.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.FabricResult;
import org.scfabric.hw.fabric.MappedFabric;
import org.scfabric.hw.fabric.MappedResult;
import org.scfabric.hw.fabric.OutputEvents;
import org.scfabric.net.Network;
import org.scfabric.net.ref.Options;

/**
 * The general fabric on the event kernel ({@link MappedFabric#runKernel}: cores, router, controller and
 * input port as clocked components, every bit a fault site) is the fast engine, cycle for cycle: over
 * the random NIR graphs and architectures of {@link NirFabricEquivalenceTest}, every output event (step,
 * neuron, value and the edge it left its core), every spike of every step, and every counter — cycles
 * per step, core activity, FIFO occupancy, synapse reads, stalls, drops, latencies, input stalls and
 * input start edges — are equal.
 */
class NirFabricKernelTest
{
    @Test
    void theKernelComponentsGiveTheFastEnginesEventsCyclesAndCounters()
    {
        final AtomicInteger withOutputs = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();
        qt().withExamples(150).forAll(longs().all(), integers().between(1, 6), integers().between(0, 35),
            integers().between(0, 127)).checkAssert((seed, k, dp, bits) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final StringBuilder desc = new StringBuilder();
                final Network net = NirFabricEquivalenceTest.randomGraph(r, desc);
                final FixedFormat fmt = (bits & 1) == 0 ? FixedFormat.Q8_8 : FixedFormat.Q16_12;
                final Options opt = new Options(1e-4, (bits & 2) == 0 ? Options.Integrator.EULER
                    : Options.Integrator.EXACT, (bits & 4) == 0 ? Options.Reset.ZERO : Options.Reset.SUBTRACT);
                final NirMapping map = NirMapping.map(net, opt, fmt);
                final int n = map.network().size();
                final FabricParams fp = new FabricParams(n, Math.min(k, n), 1 + dp % 9, 1 + dp / 9,
                    1 + (bits >> 3 & 3), 1 + (bits >> 5 & 1), 100.0,
                    (bits & 64) == 0 ? FabricParams.Overflow.STALL : FabricParams.Overflow.DROP);
                final int[][] ev = events(r, map.channels(), 40, 0.1 + 0.5 * r.nextDouble());
                final MappedFabric mf = new MappedFabric(fp, map.network(), map.observed());
                final MappedResult fast = mf.run(ev[0], ev[1], 40);
                final MappedResult kern = mf.runKernel(ev[0], ev[1], 40);
                final String where = desc + " | K " + fp.cores() + " D " + fp.fifoDepth() + " P " + fp.ports()
                    + " LC " + fp.coreLatency() + " R " + fp.csrLatency() + " " + fp.overflow() + " " + fmt.name();
                assertSame(fast, kern, where);
                runs.incrementAndGet();
                if (fast.outputs().size() > 0)
                {
                    withOutputs.incrementAndGet();
                }
            });
        assertTrue(withOutputs.get() * 2 > runs.get(), "most runs must have output events for the property to mean "
            + "anything: " + withOutputs + " of " + runs);
    }

    /** Random input spikes: per step, each channel with probability {@code rate}; {stepStart, channel}. */
    static int[][] events(final SplittableRandom r, final int channels, final int steps, final double rate)
    {
        final int[] start = new int[steps + 1];
        final int[] ch = new int[steps * Math.max(1, channels)];
        int e = 0;
        for (int t = 0; t < steps; t++)
        {
            for (int c = 0; c < channels; c++)
            {
                if (r.nextDouble() < rate)
                {
                    ch[e++] = c;
                }
            }
            start[t + 1] = e;
        }
        return new int[][] {start, Arrays.copyOf(ch, e)};
    }

    static void assertSame(final MappedResult x, final MappedResult y, final String where)
    {
        final OutputEvents a = x.outputs();
        final OutputEvents b = y.outputs();
        assertEquals(a.size(), b.size(), "output events: " + where);
        for (int i = 0; i < a.size(); i++)
        {
            assertArrayEquals(new long[] {a.step(i), a.neuron(i), a.edge(i), a.value(i)},
                new long[] {b.step(i), b.neuron(i), b.edge(i), b.value(i)}, "output event " + i + ": " + where);
        }
        final FabricResult p = x.fabric();
        final FabricResult q = y.fabric();
        assertArrayEquals(p.stepCycles(), q.stepCycles(), "step cycles " + where);
        for (int t = 0; t < p.steps(); t++)
        {
            assertArrayEquals(p.spikes()[t], q.spikes()[t], "spikes of step " + t + " " + where);
        }
        assertArrayEquals(p.coreActiveCycles(), q.coreActiveCycles(), "core activity " + where);
        assertArrayEquals(p.fifoOccupancy(), q.fifoOccupancy(), "FIFO occupancy " + where);
        assertEquals(p.synapseReads(), q.synapseReads(), "synapse reads " + where);
        assertEquals(p.dropped(), q.dropped(), "dropped " + where);
        assertEquals(p.firstDropCycle(), q.firstDropCycle(), "first drop " + where);
        assertEquals(p.stallCycles(), q.stallCycles(), "stalls " + where);
        assertEquals(p.firstStallCycle(), q.firstStallCycle(), "first stall " + where);
        assertEquals(p.firstFullCycle(), q.firstFullCycle(), "first full " + where);
        assertEquals(p.latencyFirst(), q.latencyFirst(), "latency first " + where);
        assertEquals(p.latencyLast(), q.latencyLast(), "latency last " + where);
        assertArrayEquals(x.inputStartCycle(), y.inputStartCycle(), "input start edges " + where);
        assertEquals(x.inputStallCycles(), y.inputStallCycles(), "input stalls " + where);
        assertEquals(x.ioLatency(), y.ioLatency(), "in->out latency " + where);
        assertEquals(x.inputEvents(), y.inputEvents(), where);
    }
}
