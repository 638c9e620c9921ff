package org.scfabric.sim.parts;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/** q <= d at every edge: the smallest register, for kernel tests. */
public final class DFlipFlop implements ClockedComponent
{
    private final int width;
    private final long reset;
    private int d;
    private int q;

    public DFlipFlop(final int width, final long reset)
    {
        this.width = width;
        this.reset = reset;
    }

    @Override
    public void declare(final Declarations decl)
    {
        decl.input("d", width);
        decl.output("q", width, reset);
    }

    @Override
    public void bind(final Binding b)
    {
        d = b.signal("d");
        q = b.signal("q");
    }

    @Override
    public void edge(final Signals s)
    {
        s.setNext(q, s.get(d));
    }

    @Override
    public boolean idle(final Signals s)
    {
        return s.get(d) == s.get(q);
    }
}
