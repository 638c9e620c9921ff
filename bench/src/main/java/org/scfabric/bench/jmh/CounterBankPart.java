package org.scfabric.bench.jmh;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/** {@code count} free-running counters of {@code width} bits in one register bank. */
public final class CounterBankPart implements ClockedComponent
{
    private final int width;
    private final int count;
    private int bank;
    private int base;

    public CounterBankPart(final int width, final int count)
    {
        this.width = width;
        this.count = count;
    }

    @Override
    public void declare(final Declarations d)
    {
        d.registerBank("c", width, count, 0);
    }

    @Override
    public void bind(final Binding b)
    {
        bank = b.bank("c");
        base = b.signal("c");
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
