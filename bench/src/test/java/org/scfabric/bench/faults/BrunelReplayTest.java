package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;
import org.scfabric.sim.fault.FaultSites;
import org.scfabric.sim.fault.FaultSpace;
import org.scfabric.testkit.FaultGens;

/**
 * The differential replay of V3 / V11 ({@link BrunelReplay}) gives exactly what a faulty kernel run
 * from reset gives — every figure of the spike comparison — for random synapse-memory faults and
 * fault sets (crossbar bits and axon weights, any kinds and cycles), for two faults on one bit in
 * either order, and for faults struck right around the edge that reads their row; both of its modes
 * (only the differing neurons, then every neuron) are taken. Register faults (v, rc, spike, acc,
 * drive, constants) replay too, every neuron stepped from the fault on.
 */
class BrunelReplayTest
{
    private record Setup(Workload w, FaultBench bench, GoldenRun g, FaultRunner runner, SpikeDiff plain)
    {
    }

    private static Setup setup(final String variant)
    {
        final Workload w = Workloads.of(variant, 100, 40, 42, 1);
        final FaultBench bench = w.newBench();
        // no tracked space: no stuck-at is pruned from the golden run's activity, every set goes to the replay
        final GoldenRun g = new GoldenRun(bench, 8, null);
        assertNotNull(g.replay, variant + " has a replay");
        return new Setup(w, bench, g, new FaultRunner(g, 20.0), new SpikeDiff(bench.neurons(), 20.0));
    }

    private static void assertReplayedAsFromReset(final Setup s, final List<Fault> faults, final String what)
    {
        final boolean same = s.runner.run(faults);
        assertEquals(FaultRunner.How.REPLAYED, s.runner.how, what + " " + faults);
        final long[] faulty = CampaignEngineTest.fromReset(s.w, faults);
        final SpikeDiff plain = s.plain;
        final long[] golden = s.g.sortedSpikes;
        assertEquals(plain.compare(golden, 0, golden.length, faulty, faulty.length), same, what + " " + faults);
        assertEquals(plain.spikeDelta, s.runner.diff.spikeDelta, what + " " + faults);
        assertEquals(plain.absCountError, s.runner.diff.absCountError, what + " " + faults);
        assertEquals(plain.firstDivergence, s.runner.diff.firstDivergence, what + " " + faults);
        assertEquals(Double.doubleToLongBits(plain.vanRossum), Double.doubleToLongBits(s.runner.diff.vanRossum),
            what + " " + faults);
    }

    @Test
    void replayedFaultSetsGiveTheSameOutcomeAsAFaultyRunFromReset()
    {
        for (final String v : List.of("V3", "V11"))
        {
            final Setup s = setup(v);
            assertTrue(s.g.spikes.length > 50, v + " spikes: " + s.g.spikes.length);
            final FaultSpace space = FaultSpace.of(s.bench.kernel().design(), "core0.syn.xbar*,core0.syn.wmem*")
                .withCycles(0, s.bench.cycles() - 1);
            final int[] seen = new int[3];
            qt().withFixedSeed(31L).withExamples(80).forAll(FaultGens.faultSets(space, 3)).checkAssert(faults ->
            {
                assertReplayedAsFromReset(s, faults, v);
                final BrunelReplay r = (BrunelReplay)s.g.replay;
                seen[r.lastDense ? 0 : 1]++;
                seen[2] += s.runner.diff.differing > 0 ? 1 : 0;
            });
            // both modes ran, and faults changed spikes, so the comparisons were not all trivial
            assertTrue(seen[0] > 5, v + ": runs that stepped every neuron " + seen[0]);
            assertTrue(seen[1] > 5, v + ": runs that stepped only differing neurons " + seen[1]);
            assertTrue(seen[2] > 10, v + ": runs whose spikes changed " + seen[2]);
        }
    }

    /**
     * Register faults — v, rc, spike, the accumulators, the drive registers, the constants — alone or
     * with memory faults, at any cycle (both edges of a step), in sets of up to 4.
     */
    @Test
    void registerFaultSetsGiveTheSameOutcomeAsAFaultyRunFromReset()
    {
        for (final String v : List.of("V3", "V11"))
        {
            final Setup s = setup(v);
            final FaultSpace space = FaultSpace.of(s.bench.kernel().design(),
                "core0.lif*,core0.syn.acc*,drive.ext*,core0.leak_k*,core0.gain_k*,core0.j_ext*,core0.syn.wmem[7]*,"
                    + "core0.syn.xbar[9*").withCycles(0, s.bench.cycles() - 1);
            final int[] changed = new int[1];
            qt().withFixedSeed(17L).withExamples(120).forAll(FaultGens.faultSets(space, 4)).checkAssert(faults ->
            {
                assertReplayedAsFromReset(s, faults, v);
                changed[0] += s.runner.diff.differing > 0 ? 1 : 0;
            });
            assertTrue(changed[0] > 20, v + ": runs whose spikes changed " + changed[0]);
        }
    }

    /**
     * A run that steps every neuron goes back to stepping only the differing ones once at most n / 64
     * differ (after a register fault, once every fault has struck and no stuck-at is left in a
     * register): register flips alone or with memory faults, and memory fault sets, V3 and V11, each
     * path taken many times, every figure as from reset.
     */
    @Test
    void runsGoBackToTheDifferingNeuronsWhenTheDifferenceDiesDown()
    {
        for (final String v : List.of("V3", "V11"))
        {
            final Setup s = setup(v);
            final org.scfabric.sim.Design d = s.bench.kernel().design();
            final FaultSpace regs = FaultSpace.of(d, "core0.lif*,core0.syn.acc*,drive.ext*,core0.syn.wmem[3]*,"
                + "core0.syn.xbar[5*").withCycles(0, s.bench.cycles() - 1).withKinds(FaultKind.FLIP);
            final int[] back = new int[2];
            qt().withFixedSeed(23L).withExamples(100).forAll(FaultGens.faultSets(regs, 2)).checkAssert(faults ->
            {
                assertReplayedAsFromReset(s, faults, v + " flips");
                back[0] += ((BrunelReplay)s.g.replay).lastBack > 0 ? 1 : 0;
            });
            final FaultSpace memory = FaultSpace.of(d, "core0.syn.xbar*,core0.syn.wmem*")
                .withCycles(0, s.bench.cycles() - 1);
            qt().withFixedSeed(29L).withExamples(200).forAll(FaultGens.faultSets(memory, 2)).checkAssert(faults ->
            {
                assertReplayedAsFromReset(s, faults, v + " memory");
                back[1] += ((BrunelReplay)s.g.replay).lastBack > 0 ? 1 : 0;
            });
            assertTrue(back[0] > 30, v + ": register runs that went back to the differing neurons " + back[0]);
            assertTrue(back[1] > 3, v + ": memory runs that went back to the differing neurons " + back[1]);
        }
    }

    /** Each kind of register alone, struck on either edge of a step, many times over. */
    @Test
    void everyRegisterKindOnEitherEdge()
    {
        final Setup s = setup("V3");
        final org.scfabric.sim.Design d = s.bench.kernel().design();
        final FaultSites sites = d.faultSites();
        final String[] names = {"core0.lif[%d].v", "core0.lif[%d].rc", "core0.lif[%d].spike", "core0.syn.acc[%d]",
            "drive.ext[%d]", "core0.leak_k", "core0.gain_k", "core0.j_ext"};
        final int[] widths = {16, 32, 1, 16, 8, 16, 16, 16};
        qt().withFixedSeed(3L).withExamples(160)
            .forAll(integers().between(0, names.length - 1), integers().between(0, 100 * 32 - 1),
                integers().between(0, (int)s.bench.cycles() - 1), integers().between(0, 2))
            .checkAssert((reg, neuronBit, cycle, kind) ->
            {
                final int neuron = neuronBit / 32;
                final int bit = neuronBit % 32;
                final int signal = d.signal(String.format(names[reg], neuron));
                final Fault x = new Fault(sites.signalBit(signal, bit % widths[reg]), FaultKind.values()[kind], cycle);
                assertReplayedAsFromReset(s, List.of(x), names[reg]);
            });
    }

    /** Sets with many faults at once (up to 12 rows faulted together, several on one row). */
    @Test
    void largeFaultSetsToo()
    {
        final Setup s = setup("V3");
        final FaultSpace space = FaultSpace.of(s.bench.kernel().design(), "core0.syn.xbar[1*,core0.syn.wmem[1*")
            .withCycles(0, s.bench.cycles() - 1);
        qt().withFixedSeed(4L).withExamples(25).forAll(FaultGens.faultSets(space, 12))
            .checkAssert(faults -> assertReplayedAsFromReset(s, faults, "large set"));
    }

    /** Two faults on one crossbar bit or weight bit, listed in either order, strike in the order of their cycles. */
    @Test
    void twoFaultsOnOneBitStrikeInTheOrderOfTheirCycles()
    {
        final Setup s = setup("V3");
        final FaultSpace space = FaultSpace.of(s.bench.kernel().design(), "core0.syn.xbar*,core0.syn.wmem*")
            .withCycles(0, s.bench.cycles() - 1);
        qt().withFixedSeed(12L).withExamples(60)
            .forAll(FaultGens.faults(space), integers().between(0, 8),
                integers().between(0, (int)s.bench.cycles() - 1), integers().between(0, (int)s.bench.cycles() - 1))
            .checkAssert((f0, kinds, c1, c2) ->
            {
                final Fault a = new Fault(f0.site(), FaultKind.values()[kinds / 3], c1);
                final Fault b = new Fault(f0.site(), FaultKind.values()[kinds % 3], c2);
                assertReplayedAsFromReset(s, List.of(a, b), "one bit");
            });
    }

    /**
     * Crossbar faults two cycles either side of the synapse edge that reads their row after a spike,
     * alone or after an earlier fault on the same bit (listed first or second).
     */
    @Test
    void faultsRightAroundTheReadOfTheirRow()
    {
        final Setup s = setup("V11");
        final FaultSites sites = s.bench.kernel().design().faultSites();
        final int xbar = s.bench.kernel().design().memory("core0.syn.xbar");
        final int words = s.bench.kernel().design().memoryDepth(xbar) / s.bench.neurons();
        final GoldenRun g = s.g;
        final int[] changed = new int[1];
        qt().withFixedSeed(8L).withExamples(120)
            .forAll(integers().between(0, g.spikeTimes.length - 1), integers().between(0, s.bench.neurons() - 1),
                integers().between(-2, 2), integers().between(0, 26))
            .checkAssert((k, target, off, kinds) ->
            {
                int neuron = 0;
                while (g.spikeStart[neuron + 1] <= k)
                {
                    neuron++;
                }
                final long read = s.bench.spikeReadCycle(g.spikeTimes[k]);
                final long cycle = Math.max(0, Math.min(s.bench.cycles() - 1, read + off));
                final long site = sites.memoryBit(xbar, neuron * words + target / 64, target % 64);
                final Fault late = new Fault(site, FaultKind.values()[kinds % 3], cycle);
                final List<Fault> set;
                if (kinds < 3 || cycle < 3)
                {
                    set = List.of(late);
                }
                else
                {
                    final Fault early = new Fault(site, FaultKind.values()[kinds / 3 % 3], (cycle * kinds) % (cycle - 2));
                    set = kinds >= 9 ? List.of(late, early) : List.of(early, late);
                }
                assertReplayedAsFromReset(s, set, "spike " + k + " of neuron " + neuron);
                changed[0] += s.runner.diff.differing > 0 ? 1 : 0;
            });
        assertTrue(changed[0] > 5, "faults that changed spikes: " + changed[0]);
    }

    /** Every site of V3 is replayed; other designs have no replay. */
    @Test
    void everySiteOfV3IsReplayedOtherDesignsRunInTheKernel()
    {
        final Setup s = setup("V3");
        final FaultSites sites = s.bench.kernel().design().faultSites();
        final int xbar = s.bench.kernel().design().memory("core0.syn.xbar");
        final long v = sites.signalBit(s.bench.kernel().design().signal("core0.lif[3].v"), 2);
        final Fault onV = new Fault(v, FaultKind.FLIP, 301);
        final Fault onXbar = new Fault(sites.memoryBit(xbar, 5, 7), FaultKind.STUCK_AT_1, 0);
        assertTrue(s.g.replay.handles(List.of(onV)));
        assertTrue(s.g.replay.handles(List.of(onXbar, onV)));
        assertTrue(s.g.replay.handles(List.of(onXbar)));
        assertNull(Workloads.of("V4", 50, 10, 42, 1).newBench().newReplay());
        // the fabric designs have their own fast path, for fan-out faults only (FabricReplayTest)
        assertTrue(Workloads.of("fabric-v3", 50, 10, 42, 2).newBench().newReplay() instanceof FabricReplay);
    }
}
