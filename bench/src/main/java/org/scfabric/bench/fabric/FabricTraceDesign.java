package org.scfabric.bench.fabric;

import org.scfabric.hw.fabric.Fabric;
import org.scfabric.hw.fabric.FabricNetwork;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.PoissonDrive;
import org.scfabric.hw.lif.LifParams;

/**
 * The small fabric that {@code scfabric trace --design fabric} records: N 16 neurons on K 2 cores,
 * FIFO depth 4, one port, core latency 2, memory latency 1, V3 arithmetic with a strong drive
 * (J_ext 600, λ 2) and a random 20 % connectivity, so the first spikes and their routing show within
 * a few hundred cycles.
 */
public final class FabricTraceDesign
{
    private FabricTraceDesign()
    {
    }

    public static Fabric create(final long period, final long phase, final int steps)
    {
        final LifParams v3 = new LifParams(16, 8, 0, 2560, 5120, 2);
        final FabricNetwork net = FabricNetwork.random(v3, 1, 256, 600, new PoissonDrive(2.0, 42), 16, 13, 0.2, 400,
            -900, 42);
        return new Fabric(new FabricParams(16, 2, 4, 1, 2, 1, 1000.0 / period, FabricParams.Overflow.STALL), net,
            steps, period, phase);
    }
}
