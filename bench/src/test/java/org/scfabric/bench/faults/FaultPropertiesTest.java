package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.fabric.FabricParams;
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
     * A stuck-at-1 on the sign bit of a membrane word: v always reads negative, at most −1 in Q8.8
     * (V_th = 20 mV = 5120), and one step's input never lifts it by 5121 — the neuron is silenced
     * for good, whichever neuron it is, while a neuron that fired in the golden run did fire.
     */
    @Test
    void stuckAt1OnTheSignBitOfAMembraneWordSilencesThatNeuron()
    {
        silenced(V3, "core*.vmem[*][15]");
        silenced(V11, "core*.vmem[*][31]");
    }

    private static void silenced(final FabricWorkload w, final String glob)
    {
        final Design d = w.newBench().kernel().design();
        final FaultSpace signBits = FaultSpace.of(d, glob).withKinds(FaultKind.STUCK_AT_1);
        final int[] golden = perNeuron(run(w, List.of()), N);
        final FabricParams fp = FabricParams.of(N, 2);
        qt().withFixedSeed(15L).withExamples(10).forAll(FaultGens.faults(signBits)).checkAssert(f ->
        {
            final String name = d.faultSites().name(f.site()); // core<c>.vmem[<a>][<bit>]
            final int core = Integer.parseInt(name.substring(4, name.indexOf('.')));
            final int neuron = fp.coreBase(core) + d.faultSites().word(f.site());
            final int[] faulty = perNeuron(run(w, List.of(f)), N);
            assertTrue(golden[neuron] > 0, "neuron " + neuron + " fires in the golden run");
            assertEquals(0, faulty[neuron], "neuron " + neuron + " under " + signBits.describe(f));
        });
    }
}
