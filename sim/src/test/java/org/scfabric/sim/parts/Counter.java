package org.scfabric.sim.parts;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/** count <= count + 1 while en is high (wraps at its width). */
public final class Counter implements ClockedComponent
{
    private final int width;
    private int en;
    private int count;

    public Counter(final int width)
    {
        this.width = width;
    }

    @Override
    public void declare(final Declarations d)
    {
        d.input("en", 1);
        d.output("count", width, 0);
    }

    @Override
    public void bind(final Binding b)
    {
        en = b.signal("en");
        count = b.signal("count");
    }

    @Override
    public void edge(final Signals s)
    {
        if (s.get(en) != 0)
        {
            s.setNext(count, s.get(count) + 1);
        }
    }

    @Override
    public boolean idle(final Signals s)
    {
        return s.get(en) == 0;
    }
}
