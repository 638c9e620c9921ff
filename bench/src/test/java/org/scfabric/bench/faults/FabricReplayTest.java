package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;
import org.scfabric.sim.fault.FaultSites;
import org.scfabric.sim.fault.FaultSpace;
import org.scfabric.testkit.FaultGens;

/**
 * Fan-out memory faults on the fabric designs run on the flat engine ({@link FabricReplay}) and give
 * exactly what a faulty kernel run from reset gives — every figure of the spike comparison — on random
 * small networks (V3 and V11 arithmetic, sizes, seeds), random architectures (cores, FIFO depth,
 * ports, latencies, stall or drop) and random fault sets (every kind, any bit: targets past the network
 * too, any cycle). Its shortcuts are all taken: no run for a word not read after its fault, a late start
 * at the first read, skips to the next read, and a stop once nothing faulted is read again.
 */
class FabricReplayTest
{
    private record Arch(boolean q16, int neurons, long seed, int cores, int fifo, int ports, int coreLat,
        int csrLat, boolean drop)
    {
        FabricWorkload workload()
        {
            return new FabricWorkload(q16, neurons, 20, seed, cores, fp -> fp.withFifoDepth(fifo).withPorts(ports)
                .withLatencies(coreLat, csrLat).withOverflow(drop ? FabricParams.Overflow.DROP : FabricParams.Overflow.STALL));
        }
    }

    private static Gen<Arch> archs()
    {
        return booleans().all().zip(integers().between(24, 64), integers().between(1, 1000),
            integers().between(1, 4), integers().between(1, 8), (q16, n, seed, k, fifo) -> new Object[] {q16, n, seed, k,
                fifo})
            .zip(integers().between(1, 3), integers().between(1, 3), integers().between(1, 3), booleans().all(),
                (a, p, lc, lr, drop) -> new Arch((Boolean)a[0], (Integer)a[1], (Integer)a[2], (Integer)a[3],
                    (Integer)a[4], p, lc, lr, drop));
    }

    private static void assertSameAsFromReset(final Workload w, final GoldenRun g, final FaultRunner runner,
        final List<Fault> faults, final String what)
    {
        final boolean same = runner.run(faults);
        final String msg = what + " " + faults;
        assertEquals(FaultRunner.How.REPLAYED, runner.how, msg);
        final long[] faulty = CampaignEngineTest.fromReset(w, faults);
        final SpikeDiff plain = new SpikeDiff(g.bench.neurons(), 20.0);
        final long[] golden = g.sortedSpikes;
        assertEquals(plain.compare(golden, 0, golden.length, faulty, faulty.length), same, msg);
        assertEquals(plain.spikeDelta, runner.diff.spikeDelta, msg);
        assertEquals(plain.absCountError, runner.diff.absCountError, msg);
        assertEquals(plain.firstDivergence, runner.diff.firstDivergence, msg);
        assertEquals(plain.differing, runner.diff.differing, msg);
        assertEquals(Double.doubleToLongBits(plain.vanRossum), Double.doubleToLongBits(runner.diff.vanRossum), msg);
    }

    @Test
    void fanOutFaultSetsOnRandomNetworksAndArchitecturesGiveTheSameOutcomeAsAFaultyKernelRunFromReset()
    {
        final int[] seen = new int[6];
        qt().withFixedSeed(15L).withExamples(10).forAll(archs()).checkAssert(arch ->
        {
            final FabricWorkload w = arch.workload();
            final FaultBench bench = w.newBench();
            // no tracked space: no stuck-at is pruned from the golden run's activity, every set goes to the replay
            final GoldenRun g = new GoldenRun(bench, 97, null);
            assertNotNull(g.replay, "the fabric has a replay");
            final FabricReplay r = (FabricReplay)g.replay;
            final FaultRunner runner = new FaultRunner(g, 20.0);
            final FaultSpace space = FaultSpace.of(bench.kernel().design(), "router.fanout*")
                .withCycles(0, bench.cycles() - 1);
            qt().withFixedSeed(arch.seed()).withExamples(14).forAll(FaultGens.faultSets(space, 3)).checkAssert(faults ->
            {
                assertSameAsFromReset(w, g, runner, faults, arch.toString());
                seen[0] += r.lastUnread ? 1 : 0;
                seen[1] += r.lastLateStart ? 1 : 0;
                seen[2] += r.lastSkips > 0 ? 1 : 0;
                seen[3] += r.lastRejoined ? 1 : 0;
                seen[4] += runner.diff.differing > 0 ? 1 : 0;
                seen[5]++;
            });
        });
        assertTrue(seen[0] > 3, "runs without a read of the faulted word: " + seen[0]);
        assertTrue(seen[1] > 3, "late starts: " + seen[1]);
        assertTrue(seen[2] > 3, "skips: " + seen[2]);
        assertTrue(seen[3] > 3, "early stops: " + seen[3]);
        assertTrue(seen[4] > 10, "runs whose spikes changed: " + seen[4] + " of " + seen[5]);
    }

    /** Every kind on one bit of each field (target, high and low, weight sign and low), around the words' reads. */
    @Test
    void eachFieldAndKindOnTheDefaultArchitecture()
    {
        final FabricWorkload w = new FabricWorkload(false, 60, 20, 9, 2);
        final FaultBench bench = w.newBench();
        final GoldenRun g = new GoldenRun(bench, 50, null);
        final FaultRunner runner = new FaultRunner(g, 20.0);
        final org.scfabric.sim.Design d = bench.kernel().design();
        final FaultSites sites = d.faultSites();
        final int fanout = d.memory("router.fanout");
        final int width = d.memoryWidth(fanout);
        qt().withFixedSeed(5L).withExamples(120)
            .forAll(integers().between(0, d.memoryDepth(fanout) - 1), integers().between(0, 3),
                integers().between(0, (int)bench.cycles() - 1), integers().between(0, 2))
            .checkAssert((word, field, cycle, kind) ->
            {
                final int b = new int[] {width - 1, 16, 15, 0}[field];
                final Fault f = new Fault(sites.memoryBit(fanout, word, b), FaultKind.values()[kind], cycle);
                assertSameAsFromReset(w, g, runner, List.of(f), "bit " + b);
            });
    }

    /** Faults elsewhere (state memories, registers) stay on the kernel; the replay can be switched off. */
    @Test
    void otherSitesStayOnTheKernelAndTheSwitchTurnsTheReplayOff()
    {
        final FabricWorkload w = new FabricWorkload(false, 30, 10, 3, 2);
        final FaultBench bench = w.newBench();
        final GoldenRun g = new GoldenRun(bench, 50, null);
        final FaultRunner runner = new FaultRunner(g, 20.0);
        final FaultSites sites = bench.kernel().design().faultSites();
        final int vmem = bench.kernel().design().memory("core0.vmem");
        runner.run(List.of(Fault.flip(sites.memoryBit(vmem, 3, 2), 10)));
        assertTrue(runner.how != FaultRunner.How.REPLAYED, "a vmem flip runs on the kernel: " + runner.how);
        System.setProperty("scfabric.faultReplay", "false");
        try
        {
            assertNull(w.newBench().newReplay());
        }
        finally
        {
            System.clearProperty("scfabric.faultReplay");
        }
    }
}
