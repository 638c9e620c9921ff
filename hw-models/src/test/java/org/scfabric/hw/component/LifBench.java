package org.scfabric.hw.component;

import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;

/** One {@link LifNeuron} named {@code lif} on a kernel, inputs as primary inputs of the same names. */
final class LifBench
{
    final Design design;
    final Kernel kernel;
    final Clock clk;
    private final int leak;
    private final int gain;
    private final int current;
    private final int noise;
    final int spikeOut;
    final int vOut;
    final int v;
    final int rc;

    LifBench(final LifParams p)
    {
        final NetlistBuilder b = new NetlistBuilder();
        clk = b.clock("clk", 10, 5);
        final int w = p.dataWidth();
        b.input("leak_k", w).input("gain_k", w).input("I_t", w).input("noise_in", w);
        b.add("lif", new LifNeuron(p)).clock(clk).connect("leak_k", "leak_k").connect("gain_k", "gain_k")
            .connect("I_t", "I_t").connect("noise_in", "noise_in");
        design = b.build();
        kernel = new Kernel(design);
        leak = design.signal("leak_k");
        gain = design.signal("gain_k");
        current = design.signal("I_t");
        noise = design.signal("noise_in");
        spikeOut = design.signal("lif.spike_out");
        vOut = design.signal("lif.v_out");
        v = design.signal("lif.v");
        rc = design.signal("lif.rc");
    }

    /** Drive the inputs, one edge; returns spike_out. */
    int clock(final int l, final int g, final int i, final int n)
    {
        kernel.poke(leak, l);
        kernel.poke(gain, g);
        kernel.poke(current, i);
        kernel.poke(noise, n);
        kernel.runCycles(clk, 1);
        return spike();
    }

    int spike()
    {
        return (int)kernel.peek(spikeOut);
    }

    /** v_out, signed. */
    int vOut()
    {
        return (int)kernel.signals().getSigned(vOut);
    }

    int v()
    {
        return (int)kernel.signals().getSigned(v);
    }

    long rc()
    {
        return kernel.peek(rc);
    }
}
