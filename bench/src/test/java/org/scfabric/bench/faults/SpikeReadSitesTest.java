package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Faults on sites read only when a neuron spikes (V3's and V11's crossbar rows and axon weights):
 * a faulty run that starts just before the first read after the fault, and skips ahead to the next
 * read whenever its state has rejoined the golden one but for the faulted words, gives exactly what
 * a faulty run from reset gives — every figure, on random faults and fault sets, and on faults
 * struck right around a read. (These fault sets run in the kernel here; {@link BrunelReplayTest}
 * holds the replay, which a campaign takes for them, to the same runs.)
 */
class SpikeReadSitesTest
{
    private static void assertSameAsFromReset(final Workload w, final GoldenRun g, final FaultRunner runner,
        final SpikeDiff plain, final List<Fault> faults, final String what)
    {
        final boolean same = runner.run(faults);
        final long[] faulty = CampaignEngineTest.fromReset(w, faults);
        assertEquals(plain.compare(g.sortedSpikes, 0, g.sortedSpikes.length, faulty, faulty.length), same,
            what + " " + faults);
        assertEquals(plain.spikeDelta, runner.diff.spikeDelta, what + " " + faults);
        assertEquals(plain.absCountError, runner.diff.absCountError, what + " " + faults);
        assertEquals(plain.firstDivergence, runner.diff.firstDivergence, what + " " + faults);
        assertEquals(Double.doubleToLongBits(plain.vanRossum), Double.doubleToLongBits(runner.diff.vanRossum),
            what + " " + faults);
    }

    /** A runner that runs every fault set in the kernel (these faults would otherwise go to {@link BrunelReplay}). */
    static FaultRunner kernelRunner(final GoldenRun g)
    {
        final FaultRunner runner = new FaultRunner(g, 20.0);
        runner.useReplay = false;
        return runner;
    }

    @Test
    void lateStartsAndSkipsGiveTheSameOutcomeAsAFaultyRunFromReset()
    {
        for (final String v : List.of("V3", "V11"))
        {
            final Workload w = Workloads.of(v, 100, 40, 42, 1);
            final FaultBench bench = w.newBench();
            final FaultSpace space = FaultSpace.of(bench.kernel().design(), "core0.syn.xbar*,core0.syn.wmem*")
                .withCycles(0, bench.cycles() - 1);
            final GoldenRun g = new GoldenRun(bench, 8, space);
            final FaultRunner runner = kernelRunner(g);
            final SpikeDiff plain = new SpikeDiff(bench.neurons(), 20.0);
            assertTrue(g.spikes.length > 50, v + " spikes: " + g.spikes.length);
            final int[] seen = new int[2];
            qt().withFixedSeed(31L).withExamples(60).forAll(FaultGens.faultSets(space, 3)).checkAssert(faults ->
            {
                assertSameAsFromReset(w, g, runner, plain, faults, v);
                seen[0] += runner.lateStart ? 1 : 0;
                seen[1] += runner.skips > 0 ? 1 : 0;
            });
            // the shortcuts were taken, so they were checked
            assertTrue(seen[0] > 10, v + ": late starts " + seen[0]);
            assertTrue(seen[1] > 3, v + ": runs that skipped ahead " + seen[1]);
        }
    }

    /**
     * Two faults on one crossbar bit (a stuck-at and a flip, two flips, ...), listed in either order:
     * moved onto one cycle by a late start, they still strike in the order of their own cycles.
     */
    @Test
    void twoFaultsOnOneBitStrikeInTheOrderOfTheirCycles()
    {
        final Workload w = Workloads.of("V3", 100, 40, 42, 1);
        final FaultBench bench = w.newBench();
        final FaultSpace space = FaultSpace.of(bench.kernel().design(), "core0.syn.xbar*")
            .withCycles(0, bench.cycles() - 1);
        final GoldenRun g = new GoldenRun(bench, 8, space);
        final FaultRunner runner = kernelRunner(g);
        final SpikeDiff plain = new SpikeDiff(bench.neurons(), 20.0);
        final int[] late = new int[1];
        qt().withFixedSeed(12L).withExamples(60)
            .forAll(FaultGens.faults(space), integers().between(0, 8),
                integers().between(0, (int)bench.cycles() - 1), integers().between(0, (int)bench.cycles() - 1))
            .checkAssert((f0, kinds, c1, c2) ->
            {
                final Fault a = new Fault(f0.site(), FaultKind.values()[kinds / 3], c1);
                final Fault b = new Fault(f0.site(), FaultKind.values()[kinds % 3], c2);
                assertSameAsFromReset(w, g, runner, plain, List.of(a, b), "one bit");
                late[0] += runner.lateStart ? 1 : 0;
            });
        assertTrue(late[0] > 10, "late starts " + late[0]);
    }

    /** Flips and stuck-ats of a crossbar bit two cycles either side of the edge that reads its row. */
    @Test
    void faultsRightAroundTheReadOfTheirRow()
    {
        final Workload w = Workloads.of("V3", 100, 40, 42, 1);
        final FaultBench bench = w.newBench();
        final FaultSpace space = FaultSpace.of(bench.kernel().design(), "core0.syn.xbar*")
            .withCycles(0, bench.cycles() - 1);
        final GoldenRun g = new GoldenRun(bench, 8, space);
        final FaultRunner runner = kernelRunner(g);
        final SpikeDiff plain = new SpikeDiff(bench.neurons(), 20.0);
        final FaultSites sites = bench.kernel().design().faultSites();
        final int xbar = bench.kernel().design().memory("core0.syn.xbar");
        final int words = bench.kernel().design().memoryDepth(xbar) / bench.neurons();
        final int[] changed = new int[1];
        qt().withFixedSeed(8L).withExamples(80)
            .forAll(integers().between(0, g.spikeTimes.length - 1), integers().between(0, bench.neurons() - 1),
                integers().between(-2, 2), integers().between(0, 2))
            .checkAssert((s, target, off, kind) ->
            {
                int neuron = 0;
                while (g.spikeStart[neuron + 1] <= s)
                {
                    neuron++;
                }
                final long read = bench.spikeReadCycle(g.spikeTimes[s]);
                final long cycle = Math.max(0, Math.min(bench.cycles() - 1, read + off));
                final long site = sites.memoryBit(xbar, neuron * words + target / 64, target % 64);
                final Fault f = new Fault(site, FaultKind.values()[kind], cycle);
                assertEquals(neuron, bench.readOnlyOnSpikeOf(site));
                assertSameAsFromReset(w, g, runner, plain, List.of(f), "spike " + s + " of neuron " + neuron);
                changed[0] += runner.diff.differing > 0 ? 1 : 0;
            });
        assertTrue(changed[0] > 5, "faults that changed spikes: " + changed[0]);
    }
}
