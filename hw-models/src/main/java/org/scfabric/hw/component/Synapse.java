package org.scfabric.hw.component;

import org.scfabric.hw.sc.AndSynapse;
import org.scfabric.sim.Binding;
import org.scfabric.sim.CombinationalComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * {@code sc_bitstream_synapse} on the kernel, combinational: {@code post = pre & w} over N lanes
 * (1..64); ports {@code pre}, {@code w} → {@code post}, N bits each. Arithmetic:
 * {@link AndSynapse#post64}.
 */
public final class Synapse implements CombinationalComponent
{
    private final int lanes;
    private int pre;
    private int w;
    private int post;

    public Synapse(final int lanes)
    {
        if (lanes < 1 || lanes > 64)
        {
            throw new IllegalArgumentException("a synapse has 1..64 lanes, got " + lanes);
        }
        this.lanes = lanes;
    }

    @Override
    public void declare(final Declarations d)
    {
        d.input("pre", lanes);
        d.input("w", lanes);
        d.output("post", lanes);
    }

    @Override
    public void bind(final Binding b)
    {
        pre = b.signal("pre");
        w = b.signal("w");
        post = b.signal("post");
    }

    @Override
    public void evaluate(final Signals s)
    {
        s.drive(post, AndSynapse.post64(s.get(pre), s.get(w)));
    }

    public int lanes()
    {
        return lanes;
    }
}
