package org.scfabric.sim.parts;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/** {@code count} counters of {@code width} bits in one register bank, each incremented every edge. */
public final class CounterBank implements ClockedComponent
{
    private final int width;
    private final int count;
    private final String name;
    private int bank;
    private int base;

    public CounterBank(final int width, final int count)
    {
        this(width, count, "c");
    }

    public CounterBank(final int width, final int count, final String name)
    {
        this.width = width;
        this.count = count;
        this.name = name;
    }

    @Override
    public void declare(final Declarations d)
    {
        d.registerBank(name, width, count, 0);
    }

    @Override
    public void bind(final Binding b)
    {
        bank = b.bank(name);
        base = b.signal(name);
    }

    @Override
    public void edge(final Signals s)
    {
        s.openBank(bank);
        for (int r = base, end = base + count; r < end; r++)
        {
            s.putNext(r, s.get(r) + 1);
        }
    }
}
