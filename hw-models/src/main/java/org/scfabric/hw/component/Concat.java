package org.scfabric.hw.component;

import org.scfabric.sim.Binding;
import org.scfabric.sim.CombinationalComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.Signals;

/**
 * Wiring, combinational: N one-bit inputs {@code in[0]} .. {@code in[N-1]} gathered into the N-bit
 * {@code out}, {@code in[i]} at bit i (a Verilog bus driven bit by bit, such as the dense core's
 * {@code x_bits} from its encoders' {@code bit_out}s).
 */
public final class Concat implements CombinationalComponent
{
    private final int n;
    private int[] in;
    private int out;

    public Concat(final int n)
    {
        if (n < 1 || n > 64)
        {
            throw new IllegalArgumentException("a concatenation has 1..64 bits, got " + n);
        }
        this.n = n;
    }

    /** Name of input i. */
    public static String in(final int i)
    {
        return NetlistBuilder.bankRegisterName("in", i);
    }

    @Override
    public void declare(final Declarations d)
    {
        for (int i = 0; i < n; i++)
        {
            d.input(in(i), 1);
        }
        d.output("out", n);
    }

    @Override
    public void bind(final Binding b)
    {
        in = new int[n];
        for (int i = 0; i < n; i++)
        {
            in[i] = b.signal(in(i));
        }
        out = b.signal("out");
    }

    @Override
    public void evaluate(final Signals s)
    {
        long v = 0;
        for (int i = 0; i < n; i++)
        {
            v |= s.get(in[i]) << i;
        }
        s.drive(out, v);
    }
}
