package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.Design;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;
import org.scfabric.sim.fault.FaultSpace;
import org.scfabric.testkit.FaultGens;

/**
 * Example fault properties, as a user would write them with the testkit's generators (see
 * docs/faults.md): on the Brunel network in V3 and V11 arithmetic on the SC fabric, and on a toy
 * design for the unused-register case.
 */
class FaultPropertiesTest
{
    static final int N = 48;
    static final FabricWorkload V3 = new FabricWorkload(false, N, 30, 42, 2);
    static final FabricWorkload V11 = new FabricWorkload(true, N, 30, 42, 2);

    /** Spike keys (time, neuron) of one run with these faults, sorted. */
    static long[] run(final Workload w, final List<Fault> faults)
    {
        return CampaignEngineTest.fromReset(w, faults);
    }

    static int[] perNeuron(final long[] keys, final int n)
    {
        final int[] c = new int[n];
        for (final long k : keys)
        {
            c[SpikeKeys.neuron(k)]++;
        }
        return c;
    }

    @Test
    void aFaultFreeRunEqualsTheGoldenRunFromResetAndFromEveryCheckpoint()
    {
        final FaultBench bench = V3.newBench();
        final GoldenRun golden = new GoldenRun(bench, 500, null);
        assertTrue(golden.spikes.length > N, "the network is active: " + golden.spikes.length + " spikes");
        assertArrayEquals(golden.sortedSpikes, run(V3, List.of()), "a second bench from reset");
        qt().withFixedSeed(3L).withExamples(12).forAll(integers().between(0, golden.checkpoints - 1)).checkAssert(k ->
        {
            golden.kernel.restore(golden.snapshots[k]);
            golden.sink.reset();
            bench.runTo(bench.cycles());
            assertArrayEquals(Arrays.copyOfRange(golden.spikes, golden.spikesBefore[k], golden.spikes.length),
                Arrays.copyOf(golden.sink.keys, golden.sink.size), "resumed from checkpoint " + k);
        });
    }

    @Test
    void aStuckAtOnAnUnusedRegisterIsMasked()
    {
        final Workload toy = ToyNet.workload(8, 200);
        final FaultBench bench = toy.newBench();
        final FaultSpace spare = FaultSpace.of(bench.kernel().design(), "core0.spare[*]").withCycles(0, 199);
        final long[] golden = run(toy, List.of());
        qt().withFixedSeed(8L).withExamples(40).forAll(FaultGens.faultSets(spare, 4))
            .checkAssert(faults -> assertArrayEquals(golden, run(toy, faults), faults.toString()));
    }

    /**
     * V3's crossbar rows are whole 64-bit words; the bits of a row's last word past N are not wired
     * (the synapse unit masks them off). Any fault there — stuck-at or flip, at any cycle — is masked.
     */
    @Test
    void anyFaultOnTheUnwiredBitsOfV3sCrossbarIsMasked()
    {
        final FaultChecker v3 = FaultChecker.of(Workloads.of("V3", 200, 30, 42, 1));
        final Design d = v3.design();
        final int xbar = d.memory("core0.syn.xbar");
        final int words = (200 + 63) / 64;
        final long[] unwired = new long[200 * (64 - 200 % 64)];
        int n = 0;
        for (int row = 0; row < 200; row++)
        {
            for (int bit = 200 % 64; bit < 64; bit++)
            {
                unwired[n++] = d.faultSites().memoryBit(xbar, row * words + words - 1, bit);
            }
        }
        final FaultSpace space = FaultSpace.ofSites(d.faultSites(), unwired).withCycles(0, v3.cycles() - 1);
        qt().withFixedSeed(21L).withExamples(60).forAll(FaultGens.faultSets(space, 5))
            .checkAssert(faults -> assertTrue(v3.check(faults).masked(), faults.toString()));
    }

    /**
     * A stuck-at-1 on the sign bit of a membrane register, present from reset: v always reads
     * negative, at most −1 LSB (V_th = 20 mV is 5120 in Q8.8, 81 920 in Q16.12), and one step's input
     * never lifts it past the threshold — the neuron is silenced, whichever neuron it is.
     */
    @Test
    void stuckAt1OnTheSignBitOfAMembraneRegisterSilencesThatNeuron()
    {
        silenced(FaultChecker.of(Workloads.of("V3", 200, 50, 42, 1)), "core0.lif[*].v[15]");
        silenced(FaultChecker.of(Workloads.of("V11", 200, 50, 42, 1)), "core0.lif[*].v[31]");
    }

    private static void silenced(final FaultChecker checker, final String glob)
    {
        final Design d = checker.design();
        final FaultSpace signBits = FaultSpace.of(d, glob).withKinds(FaultKind.STUCK_AT_1);
        final int[] golden = checker.goldenSpikes();
        final int[] firing = new int[1];
        qt().withFixedSeed(15L).withExamples(40).forAll(FaultGens.faults(signBits)).checkAssert(f ->
        {
            final String name = d.signalName(d.faultSites().target(f.site())); // core0.lif[<j>].v
            final int neuron = Integer.parseInt(name.substring(name.indexOf('[') + 1, name.indexOf(']')));
            final FaultChecker.Result r = checker.check(List.of(f));
            assertEquals(0, r.spikes(neuron), signBits.describe(f) + ": " + r);
            firing[0] += golden[neuron] > 0 ? 1 : 0;
        });
        assertTrue(firing[0] > 30, "most of the neurons drawn fire in the golden run: " + firing[0] + " of 40");
    }
}
