package org.scfabric.hw.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultSites;

/** Every register and memory bit of the fabric is a named fault site, and a fault there acts. */
class FabricFaultTest
{
    @Test
    void stateFifosRowsAndControlAreNamedFaultSites()
    {
        final FabricNetwork net = Nets.random(24, 0.2, false, 3);
        final Fabric f = new Fabric(new FabricParams(24, 2, 4, 1, 2, 1, 100, FabricParams.Overflow.STALL), net, 10);
        final FaultSites sites = f.design().faultSites();
        assertEquals(16, sites.select("core0.vmem[3][*]").length, "v is 16 bits");
        assertEquals(32, sites.select("core1.lfsr[0][*]").length);
        assertEquals(12 * 2 * 16, sites.select("core0.acc[*][*]").length, "two banks of 12 accumulators");
        assertEquals(4 * 5, sites.select("router.fifo1[*][*]").length, "depth 4 x 5-bit addresses");
        assertTrue(sites.select("router.fanout[*][*]").length > 0);
        assertEquals(32, sites.select("ctrl.step[*]").length);
        assertEquals("core0.vmem[3][15]", sites.name(sites.select("core0.vmem[3][15]")[0]));
    }

    @Test
    void aStuckWeightBitChangesTheSpikesAndAFaultFreeRunDoesNot()
    {
        final FabricNetwork net = Nets.random(24, 0.3, false, 9);
        final FabricParams fp = new FabricParams(24, 2, 8, 1, 2, 1, 100, FabricParams.Overflow.STALL);
        final int steps = 40;
        final int[][] ref = FabricReference.run(net, steps);
        final FabricResult clean = new Fabric(fp, net, steps).run();
        for (int t = 0; t < steps; t++)
        {
            assertArrayEquals(ref[t], clean.spikes()[t]);
        }
        // the sign bit of every fan-out weight stuck at 1 from cycle 0: every synapse inhibits
        final Fabric faulty = new Fabric(fp, net, steps);
        final FaultSites sites = faulty.design().faultSites();
        for (final long site : sites.select("router.fanout[*][15]"))
        {
            faulty.kernel().inject(Fault.stuckAt1(site, 0));
        }
        final FabricResult r = faulty.run();
        assertTrue(r.totalSpikes() < clean.totalSpikes(), r.totalSpikes() + " vs " + clean.totalSpikes());
        assertFalse(Arrays.deepEquals(clean.spikes(), r.spikes()));
    }
}
