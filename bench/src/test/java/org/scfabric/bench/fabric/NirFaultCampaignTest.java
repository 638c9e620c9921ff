package org.scfabric.bench.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scfabric.bench.faults.Campaign;
import org.scfabric.bench.faults.CampaignSpec;
import org.scfabric.bench.faults.FaultBench;
import org.scfabric.bench.faults.FaultClass;
import org.scfabric.bench.faults.NirFabricWorkload;
import org.scfabric.bench.faults.Outcome;
import org.scfabric.bench.faults.Shard;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.net.Network;
import org.scfabric.net.ref.Options;
import org.scfabric.sim.SimulationException;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;

/**
 * A fault campaign on a NIR network mapped onto the general fabric reports, for every fault, what a
 * faulty run of the kernel fabric from reset gives — whether the spikes (and readout values) are
 * those of the golden run, the spike-count change, the rate error, and whether the argmax of the
 * network's output changed — although the campaign restarts runs from checkpoints, classifies
 * stuck-ats from the golden run's activity and stops runs that rejoined the golden state.
 */
class NirFaultCampaignTest
{
    /**
     * Spikes of a run from reset with these faults, as (step, neuron) keys sorted, and counts per neuron;
     * null if the simulation stopped (a faulty address past a memory's end).
     */
    private static long[] fromReset(final NirFabricWorkload w, final List<Fault> faults, final int[] counts)
    {
        final FaultBench b = w.newBench();
        final List<Long> keys = new ArrayList<>();
        b.observe((t, j) -> keys.add(t << 20 | j));
        faults.forEach(b.kernel()::inject);
        try
        {
            b.runTo(b.cycles());
        }
        catch (final SimulationException e)
        {
            return null;
        }
        final long[] out = keys.stream().mapToLong(Long::longValue).sorted().toArray();
        for (final long k : out)
        {
            counts[(int)(k & 0xFFFFF)]++;
        }
        return out;
    }

    private static void checkCampaign(final NirFabricWorkload w, final String sites, final int sample, final long seed)
    {
        final Campaign c = Campaign.prepare(w, new CampaignSpec(sites, List.of(FaultKind.STUCK_AT_0,
            FaultKind.STUCK_AT_1, FaultKind.FLIP), "auto", sample, seed, List.of(), 0, 0.05, 10));
        final Campaign.Result r = c.run(Shard.ALL, 2, null, null);
        final FaultBench gb = w.newBench();
        final int[] goldenCounts = new int[gb.neurons()];
        final long[] golden = fromReset(w, List.of(), goldenCounts);
        assertTrue(golden.length > 20, "the golden run must have spikes: " + golden.length);
        assertEquals(golden.length, r.golden().spikes());
        final int goldenDecision = gb.decision(j -> goldenCounts[j]);
        int changed = 0;
        int argmax = 0;
        for (final Outcome o : r.outcomes())
        {
            final List<Fault> faults = c.faults(o.position());
            final int[] counts = new int[gb.neurons()];
            final long[] faulty = fromReset(w, faults, counts);
            final String where = o.site() + " " + o.kind() + " @" + o.cycle();
            if (faulty == null)
            {
                assertNotNull(o.error(), where);
                assertEquals(FaultClass.FAILED, o.cls(), where);
                assertEquals(Boolean.TRUE, o.argmaxChanged(), where);
                changed++;
                continue;
            }
            assertEquals(null, o.error(), where);
            assertEquals(Arrays.equals(golden, faulty), o.cls() == FaultClass.MASKED, where);
            assertEquals(faulty.length - golden.length, o.spikeDelta(), where);
            long abs = 0;
            for (int j = 0; j < counts.length; j++)
            {
                abs += Math.abs(counts[j] - goldenCounts[j]);
            }
            assertEquals((double)abs / golden.length, o.rateError(), 1e-12, where);
            assertNotNull(o.argmaxChanged(), where);
            assertEquals(gb.decision(j -> counts[j]) != goldenDecision, o.argmaxChanged(), where);
            changed += o.cls() == FaultClass.MASKED ? 0 : 1;
            argmax += o.argmaxChanged() ? 1 : 0;
        }
        assertTrue(changed > 5, "faults that changed the outputs: " + changed);
        assertTrue(argmax > 0, "faults that changed the argmax: " + argmax);
    }

    @Test
    void theBrailleCampaignsFiguresAreThoseOfFaultyRunsFromReset()
    {
        final NirFabricWorkload w = NirFabricWorkload.of(NirFabricFilesTest.nir("braille_noDelay_bias_zero.nir"), null, 400.0,
            42, 40, 2, FixedFormat.Q8_8);
        checkCampaign(w, "core*.vmem*,core*.imem*,core*.acc*,router.row*,router.fifo*", 120, 5);
    }

    /** A readout network: its values are observed as their bits, and its decision is the argmax of their sums. */
    @Test
    void onAReadoutNetworkTheValuesAndTheArgmaxAreThoseOfFaultyRunsFromReset()
    {
        final SplittableRandom r = new SplittableRandom(11);
        NirMapping map = null;
        for (int tries = 0; tries < 200 && map == null; tries++)
        {
            final Network net = NirFabricEquivalenceTest.randomGraph(r, new StringBuilder());
            final NirMapping m = NirMapping.map(net, Options.defaults(), FixedFormat.Q8_8);
            final NirMapping.Output out = m.outputs().get(0);
            if (!m.network().fires(out.base()) && out.size() >= 3 && m.channels() > 0)
            {
                map = m;
            }
        }
        assertNotNull(map, "a random graph with a readout output of 3 or more neurons");
        final int[][] ev = NirFabricKernelTest.events(new SplittableRandom(3), map.channels(), 30, 0.4);
        final NirFabricWorkload w = new NirFabricWorkload("random", map, FixedFormat.Q8_8, 1e-4, 2, ev, 30, "random");
        assertTrue((int)w.params().get("observed_readout_bits") >= 48);
        checkCampaign(w, "*", 80, 9);
    }
}
