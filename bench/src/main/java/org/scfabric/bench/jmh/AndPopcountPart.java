package org.scfabric.bench.jmh;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * {@code synapses} AND-gate synapses feeding popcount accumulators, word-parallel: every edge
 * consumes one 64-bit word of each presynaptic and weight stream (64 bitstream cycles) from two
 * memories and adds popcount(pre & w) to the synapse's 32-bit accumulator.
 */
public final class AndPopcountPart implements ClockedComponent
{
    private final int synapses;
    private final int words;
    private int pre;
    private int weight;
    private int bank;
    private int base;
    private int t;

    public AndPopcountPart(final int synapses, final int words)
    {
        this.synapses = synapses;
        this.words = words;
    }

    @Override
    public void declare(final Declarations d)
    {
        d.memory("pre", 64, synapses * words);
        d.memory("w", 64, synapses * words);
        d.registerBank("acc", 32, synapses, 0);
    }

    @Override
    public void bind(final Binding b)
    {
        pre = b.memory("pre");
        weight = b.memory("w");
        bank = b.bank("acc");
        base = b.signal("acc");
    }

    @Override
    public void edge(final Signals s)
    {
        s.openBank(bank);
        final int word = t;
        for (int i = 0; i < synapses; i++)
        {
            final int addr = i * words + word;
            final long bits = s.readMemory(pre, addr) & s.readMemory(weight, addr);
            s.putNext(base + i, s.get(base + i) + Long.bitCount(bits));
        }
        t = word + 1 == words ? 0 : word + 1;
    }
}
