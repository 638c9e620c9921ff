package org.scfabric.bench.faults;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.sim.Binding;
import org.scfabric.sim.Clock;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Design;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.Signals;
import org.scfabric.sim.parts.Gate;
import org.scfabric.sim.parts.Lfsr16Part;

/**
 * A small spiking design for campaign tests: an LFSR (register) drives a net through a buffer
 * (combinational), and {@code n} integrate-and-fire neurons (a register bank {@code core0.lif[i].v},
 * 16 bits, sign bit 15) add their weight (a memory {@code core0.w}) when their LFSR bit is set, leak
 * v/8, and spike at 200. {@code core0.warm} counts from 0 to 100 and stays there; while it
 * counts, every neuron gets 3 more. {@code core0.spare} is a register nothing reads or writes.
 */
final class ToyNet implements ClockedComponent
{
    private final int n;
    private int drv;
    private int bank;
    private int base;
    private int w;
    private int warm;
    private EventBus bus;

    ToyNet(final int n)
    {
        this.n = n;
    }

    static Design design(final int n)
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 2, 1);
        b.add("enc", new Lfsr16Part(0xACE1)).clock(clk).connect("state", "enc.state");
        b.add("buf", new Gate(Gate.Op.BUF, 16)).connect("a", "enc.state").connect("y", "drv");
        b.add("core0", new ToyNet(n)).clock(clk).connect("drv", "drv");
        return b.build();
    }

    /** A workload of the toy net: weights 30..(30 + 5·(n−1)) wrapping at 8 bits. */
    static Workload workload(final int n, final long cycles)
    {
        return new Workload()
        {
            @Override
            public String name()
            {
                return "toy";
            }

            @Override
            public Map<String, Object> params()
            {
                final Map<String, Object> m = new LinkedHashMap<>();
                m.put("neurons", n);
                m.put("cycles", cycles);
                return m;
            }

            @Override
            public FaultBench newBench()
            {
                final Design d = design(n);
                return new KernelBench(d, k ->
                {
                    final int mem = d.memory("core0.w");
                    for (int i = 0; i < n; i++)
                    {
                        k.signals().loadMemory(mem, i, 30 + 5 * i);
                    }
                }, cycles, n, 0.1);
            }
        };
    }

    @Override
    public void declare(final Declarations d)
    {
        d.input("drv", 16);
        d.registerBank("lif[%d].v", 16, n, 0);
        d.memory("w", 8, n);
        d.register("spare", 8, 0);
        d.register("warm", 8, 0);
    }

    @Override
    public void bind(final Binding b)
    {
        drv = b.signal("drv");
        bank = b.bank("lif[%d].v");
        base = b.signal("lif[%d].v");
        w = b.memory("w");
        warm = b.signal("warm");
        bus = b.bus();
    }

    @Override
    public void edge(final Signals s)
    {
        final long bits = s.get(drv);
        final long wv = s.get(warm);
        if (wv < 100)
        {
            s.setNext(warm, wv + 1);
        }
        s.openBank(bank);
        for (int i = 0; i < n; i++)
        {
            final long v = s.getSigned(base + i);
            final long in = ((bits >>> (i % 16) & 1) != 0 ? s.readMemory(w, i) : 0) + (wv < 100 ? 3 : 0);
            long next = v + in - (v >> 3);
            if (next >= 200)
            {
                bus.publish(EventBus.SPIKE, s.now(), 0, i);
                next = 0;
            }
            s.putNext(base + i, next);
        }
    }
}
