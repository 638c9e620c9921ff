package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.Snapshot;
import org.scfabric.sim.fault.Fault;

/** A variant as a kernel design: named state, replayable drive, snapshots, faults. */
class BrunelDesignTest
{
    private static final BrunelParams P = BrunelParams.ofSize(200).withDuration(200);
    private static final BrunelNetwork NET = BrunelNetwork.of(P);

    @Test
    void theFixedPointStateLivesInNamedRegistersAndMemories()
    {
        final BrunelDesign d = BrunelDesign.of(NET, NET.recordedDrive(), List.of(Variant.V3));
        final Design g = d.design();
        for (final String name : List.of("core0.lif[12].v", "core0.lif[12].rc", "core0.lif[12].spike",
            "core0.syn.acc[12]", "core0.leak_k", "core0.gain_k", "core0.j_ext", "drive.ext[12]"))
        {
            g.signal(name);
        }
        assertEquals(16, g.width(g.signal("core0.lif[12].v")));
        assertEquals(32, g.width(g.signal("core0.lif[12].rc")));
        assertEquals(200 * 4, g.memoryDepth(g.memory("core0.syn.xbar")));
        assertEquals(200, g.memoryDepth(g.memory("core0.syn.wmem")));
        assertTrue(g.faultSites().select("core0.lif[*].v[*]").length == 200 * 16);
        assertEquals(2, d.period());
    }

    @Test
    void variantsTogetherArePrefixedAndShareTheDrive()
    {
        final BrunelDesign d = BrunelDesign.of(NET, NET.recordedDrive(), List.of(Variant.V1, Variant.V3));
        d.design().signal("v3.core0.lif[0].v");
        d.design().signal("drive.ext[0]");
        assertEquals("v3.", d.prefix(Variant.V3));
        assertEquals(1, d.population(Variant.V3));
    }

    @Test
    void aRecordedDriveReplaysTheRunAndASnapshotContinuesItExactly()
    {
        final RecordedDrive drive = NET.recordedDrive();
        final BrunelDesign d = BrunelDesign.of(NET, drive, List.of(Variant.V3, Variant.V18));
        final Kernel k = d.newKernel();
        d.run(k, f -> { });
        final int[] full3 = d.raster(Variant.V3).steps();
        final int[] full18 = d.raster(Variant.V18).neurons();
        assertEquals(new BrunelRunner().run(Variant.V3, P, f -> { }).spikes(), full3.length);

        final BrunelDesign d2 = BrunelDesign.of(NET, drive, List.of(Variant.V3, Variant.V18));
        final Kernel k2 = d2.newKernel();
        d2.runTo(k2, 700);
        final Snapshot snap = k2.snapshot();
        k2.inject(Fault.stuckAt1(d2.design().faultSites().select("v3.core0.lif[5].v[14]")[0], 1500));
        d2.run(k2, f -> { });
        k2.restore(snap);
        d2.run(k2, f -> { });
        assertArrayEquals(full3, d2.raster(Variant.V3).steps());
        assertArrayEquals(full18, d2.raster(Variant.V18).neurons());
    }

    @Test
    void aDesignRunsAgainFromTheStartInEveryNewKernel()
    {
        final List<Variant> all = List.of(Variant.values()).stream().filter(v -> v != Variant.V5).toList();
        final BrunelParams p = BrunelParams.ofSize(120).withDuration(30);
        final BrunelNetwork net = BrunelNetwork.of(p);
        try (BrunelDesign d = BrunelDesign.of(net, net.recordedDrive(), all))
        {
            d.run(d.newKernel(), f -> { });
            final int[][] first = new int[all.size()][];
            final java.util.Map<Variant, java.util.Map<String, Double>> extras = new java.util.HashMap<>();
            for (int i = 0; i < all.size(); i++)
            {
                first[i] = d.raster(all.get(i)).neurons();
                extras.put(all.get(i), d.extras(all.get(i)));
            }
            d.run(d.newKernel(), f -> { });
            for (int i = 0; i < all.size(); i++)
            {
                assertArrayEquals(first[i], d.raster(all.get(i)).neurons(), all.get(i) + "");
                assertEquals(extras.get(all.get(i)), d.extras(all.get(i)), all.get(i) + "");
            }
        }
    }

    @Test
    void aStuckRefractoryBitSilencesItsNeuron()
    {
        final BrunelDesign d = BrunelDesign.of(NET, NET.recordedDrive(), List.of(Variant.V3));
        final Kernel k = d.newKernel();
        final int neuron = 7;
        k.inject(Fault.stuckAt1(d.design().faultSites().select("core0.lif[" + neuron + "].rc[20]")[0], 100));
        d.run(k, f -> { });
        final SpikeRaster r = d.raster(Variant.V3);
        for (int i = 0; i < r.count(); i++)
        {
            assertTrue(r.neuron(i) != neuron || r.step(i) <= 50, "neuron 7 spiked at step " + r.step(i));
        }
    }

    @Test
    void aLiveDriveIsReadInOrderOnly()
    {
        final DriveStream live = NET.liveDrive();
        final int[] row = new int[200];
        live.fill(0, row);
        assertThrows(IllegalStateException.class, () -> live.fill(5, row));
        assertThrows(IllegalArgumentException.class, () -> BrunelDesign.of(NET, null, List.of(Variant.V3)));
        assertThrows(IllegalArgumentException.class,
            () -> BrunelDesign.of(NET, NET.recordedDrive(), List.of(Variant.V3, Variant.V3)));
    }
}
