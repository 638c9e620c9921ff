package org.scfabric.sim.parts;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/** A 16-bit Fibonacci LFSR (taps 15, 13, 12, 10) with a registered state output, for kernel tests. */
public final class Lfsr16Part implements ClockedComponent
{
    private final int seed;
    private int state;

    public Lfsr16Part(final int seed)
    {
        this.seed = seed;
    }

    @Override
    public void declare(final Declarations d)
    {
        d.output("state", 16, seed);
    }

    @Override
    public void bind(final Binding b)
    {
        state = b.signal("state");
    }

    @Override
    public void edge(final Signals s)
    {
        final long r = s.get(state);
        final long fb = ((r >>> 15) ^ (r >>> 13) ^ (r >>> 12) ^ (r >>> 10)) & 1;
        s.setNext(state, ((r << 1) & 0xFFFF) | fb);
    }
}
