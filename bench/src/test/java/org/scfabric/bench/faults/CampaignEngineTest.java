package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultSpace;
import org.scfabric.testkit.FaultGens;

/**
 * The engine's shortcuts — restart from a checkpoint, stuck-ats classified without a run, early stop
 * when the state rejoins the golden run — give exactly what a faulty run from reset gives.
 */
class CampaignEngineTest
{
    static final int N = 12;
    static final long CYCLES = 300;

    /** The faulty run the plain way: a fresh bench, the faults injected, the whole run. */
    static long[] fromReset(final Workload w, final List<Fault> faults)
    {
        final FaultBench b = w.newBench();
        final SpikeKeys keys = new SpikeKeys();
        b.observe(keys);
        faults.forEach(b.kernel()::inject);
        b.runTo(b.cycles());
        final long[] out = Arrays.copyOf(keys.keys, keys.size);
        Arrays.sort(out);
        return out;
    }

    @Test
    void shortcutsGiveTheSameOutcomeAsAFaultyRunFromReset()
    {
        final Workload w = ToyNet.workload(N, CYCLES);
        final FaultBench bench = w.newBench();
        final FaultSpace space = FaultSpace.of(bench.kernel().design(), "*").withCycles(0, CYCLES - 1);
        final GoldenRun g = new GoldenRun(bench, 7, space);
        assertTrue(g.spikes.length > 100, "the toy net spikes: " + g.spikes.length);
        final long[] golden = g.sortedSpikes;
        final FaultRunner runner = new FaultRunner(g, 20.0);
        final SpikeDiff plain = new SpikeDiff(N, 20.0);
        final int[] how = new int[FaultRunner.How.values().length];
        qt().withFixedSeed(77L).withExamples(400).forAll(FaultGens.faultSets(space, 3)).checkAssert(faults ->
        {
            final boolean same = runner.run(faults);
            how[runner.how.ordinal()]++;
            final long[] faulty = fromReset(w, faults);
            final boolean plainSame = plain.compare(golden, 0, golden.length, faulty, faulty.length);
            assertEquals(plainSame, same, faults.toString());
            assertEquals(plain.spikeDelta, runner.diff.spikeDelta);
            assertEquals(plain.absCountError, runner.diff.absCountError);
            assertEquals(plain.firstDivergence, runner.diff.firstDivergence);
            assertEquals(Double.doubleToLongBits(plain.vanRossum), Double.doubleToLongBits(runner.diff.vanRossum));
        });
        // every path was taken, so every path was checked
        for (final FaultRunner.How h : List.of(FaultRunner.How.PRUNED, FaultRunner.How.CONVERGED,
            FaultRunner.How.SIMULATED))
        {
            assertTrue(how[h.ordinal()] > 10, h + " taken " + how[h.ordinal()] + " times");
        }
    }

    /**
     * The same on the Brunel designs, where the state includes components' own (the V4/V14 encoders
     * and counters, stepped per window) and faults go through the design's inject.
     */
    @Test
    void shortcutsAreExactOnTheBrunelDesignsToo()
    {
        for (final String v : List.of("V3", "V4", "V14"))
        {
            final Workload w = Workloads.of(v, 60, 30, 42, 1);
            final FaultBench bench = w.newBench();
            // V4/V14: the stochastic synapses' encoders and counters, where a fault acts inside a window
            final FaultSpace space = FaultSpace.of(bench.kernel().design(), v.equals("V3") ? "*" : "sc.*")
                .withCycles(0, bench.cycles() - 1);
            final GoldenRun g = new GoldenRun(bench, (int)(bench.cycles() / 9), space);
            final FaultRunner runner = new FaultRunner(g, 20.0);
            final SpikeDiff plain = new SpikeDiff(bench.neurons(), 20.0);
            assertTrue(g.spikes.length > 10, v + " spikes: " + g.spikes.length);
            final int[] changed = new int[1];
            qt().withFixedSeed(99L).withExamples(25).forAll(FaultGens.faultSets(space, 2)).checkAssert(faults ->
            {
                final boolean same = runner.run(faults);
                changed[0] += same ? 0 : 1;
                final long[] faulty = fromReset(w, faults);
                assertEquals(plain.compare(g.sortedSpikes, 0, g.sortedSpikes.length, faulty, faulty.length), same,
                    v + " " + faults);
                assertEquals(plain.absCountError, runner.diff.absCountError, v + " " + faults);
                assertEquals(plain.firstDivergence, runner.diff.firstDivergence, v + " " + faults);
            });
            assertTrue(changed[0] > 5, v + ": faults that changed spikes " + changed[0]);
        }
    }

    /** warm's bits stop changing at known cycles: stuck-ats around those are classified without a run or not. */
    @Test
    void stuckAtsAroundTheLastChangeOfABit()
    {
        final Workload w = ToyNet.workload(N, CYCLES);
        final FaultBench bench = w.newBench();
        final FaultSpace space = FaultSpace.of(bench.kernel().design(), "core0.warm[*]")
            .withKinds(org.scfabric.sim.fault.FaultKind.STUCK_AT_0, org.scfabric.sim.fault.FaultKind.STUCK_AT_1)
            .withCycles(0, CYCLES - 1);
        final GoldenRun g = new GoldenRun(bench, 16, space);
        final FaultRunner runner = new FaultRunner(g, 20.0);
        final SpikeDiff plain = new SpikeDiff(N, 20.0);
        int pruned = 0;
        int run = 0;
        for (int bit = 0; bit < 8; bit++)
        {
            for (long c = 90; c < 110; c++)
            {
                for (int kind = 0; kind < 2; kind++)
                {
                    final Fault f = space.fault(0, bit, kind, c);
                    final boolean same = runner.run(List.of(f));
                    pruned += runner.how == FaultRunner.How.PRUNED ? 1 : 0;
                    run += runner.how != FaultRunner.How.PRUNED ? 1 : 0;
                    final long[] faulty = fromReset(w, List.of(f));
                    assertEquals(plain.compare(g.sortedSpikes, 0, g.sortedSpikes.length, faulty, faulty.length), same,
                        space.describe(f));
                    assertEquals(plain.absCountError, runner.diff.absCountError, space.describe(f));
                }
            }
        }
        assertTrue(pruned > 50 && run > 50, pruned + " pruned, " + run + " run");
    }

    @Test
    void singleStuckAtsAndFlipsAtEveryCheckpointBoundary()
    {
        final Workload w = ToyNet.workload(N, CYCLES);
        final FaultBench bench = w.newBench();
        final FaultSpace space = FaultSpace.of(bench.kernel().design(), "core0.lif[3].v[*],enc.state[*],drv[2]")
            .withCycles(0, CYCLES - 1);
        final GoldenRun g = new GoldenRun(bench, 10, space);
        final FaultRunner runner = new FaultRunner(g, 20.0);
        final SpikeDiff plain = new SpikeDiff(N, 20.0);
        qt().withFixedSeed(5L).withExamples(150)
            .forAll(FaultGens.faults(space), integers().between(-1, 1), integers().between(0, 29))
            .checkAssert((f0, off, k) ->
            {
                final Fault f = new Fault(f0.site(), f0.kind(), Math.max(0, Math.min(CYCLES - 1, 10L * k + off)));
                final boolean same = runner.run(List.of(f));
                final long[] faulty = fromReset(w, List.of(f));
                assertEquals(plain.compare(g.sortedSpikes, 0, g.sortedSpikes.length, faulty, faulty.length), same);
                assertEquals(plain.absCountError, runner.diff.absCountError);
                assertEquals(plain.firstDivergence, runner.diff.firstDivergence);
            });
    }
}
