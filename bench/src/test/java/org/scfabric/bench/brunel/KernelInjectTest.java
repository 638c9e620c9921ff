package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.Snapshot;
import org.scfabric.sim.fault.Fault;

/**
 * {@code Kernel.inject} is the one fault API: on the variants that compute a whole bitstream window
 * in one kernel edge, a fault injected through the kernel alone acts on the hardware cycle it names,
 * inside the window, not only where the kernel writes the register (at the window's end).
 */
class KernelInjectTest
{
    private static final BrunelParams P = BrunelParams.ofSize(300).withDuration(5);
    private static final int STEP = 3;
    private static final int COUNTER = 3;

    /**
     * A popcount counts cycles 1 .. L of its step. Bit 0 flipped at cycle 2 adds or takes one from
     * the count at that cycle, and the later increments add on top: the window's count is the golden
     * one ± 1. A flip that reached the register only at the kernel's write would leave it golden.
     */
    @ParameterizedTest
    @CsvSource({"V2, layer.out[%d].count", "V17, layer.out[%d].count", "V4, sc.pc[%d].count",
        "V14, sc.pc[%d].count", "V13, dot.pc[%d].count"})
    void aFlipInsideTheWindowChangesTheCountByOne(final Variant v, final String count)
    {
        final BrunelNetwork net = BrunelNetwork.of(P);
        try (BrunelDesign d = BrunelDesign.of(net, net.recordedDrive(), List.of(v)))
        {
            final Kernel k = d.newKernel();
            final Snapshot start = k.snapshot();
            final String name = String.format(count, COUNTER);
            d.runTo(k, STEP);
            final long golden = k.peek(name);

            k.restore(start);
            k.inject(Fault.flip(d.design().faultSites().select(name + "[0]")[0], STEP * d.period() + 2));
            d.runTo(k, STEP);
            assertEquals(1, Math.abs(k.peek(name) - golden), v + " " + name + ": golden " + golden + ", faulty "
                + k.peek(name));
        }
    }
}
