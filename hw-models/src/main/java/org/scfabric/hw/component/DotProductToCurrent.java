package org.scfabric.hw.component;

import org.scfabric.hw.sc.PopcountToCurrent;
import org.scfabric.sim.Binding;
import org.scfabric.sim.CombinationalComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * {@code sc_dotproduct_to_current} on the kernel, combinational: {@code bits} (N_INPUTS, 1..64),
 * {@code y_min}, {@code y_max} (signed 16) → {@code I_t} (signed 16) =
 * {@code y_min + (y_max - y_min) * popcount(bits) / N}, the intended arithmetic of
 * {@link PopcountToCurrent#currentOfBits} (see docs/components.md for the reference RTL's difference).
 */
public final class DotProductToCurrent implements CombinationalComponent
{
    private final int nInputs;
    private int bits;
    private int yMin;
    private int yMax;
    private int current;

    public DotProductToCurrent(final int nInputs)
    {
        if (nInputs < 1 || nInputs > 64)
        {
            throw new IllegalArgumentException("N_INPUTS must be 1..64, got " + nInputs);
        }
        this.nInputs = nInputs;
    }

    @Override
    public void declare(final Declarations d)
    {
        d.input("bits", nInputs);
        d.input("y_min", 16);
        d.input("y_max", 16);
        d.output("I_t", 16);
    }

    @Override
    public void bind(final Binding b)
    {
        bits = b.signal("bits");
        yMin = b.signal("y_min");
        yMax = b.signal("y_max");
        current = b.signal("I_t");
    }

    @Override
    public void evaluate(final Signals s)
    {
        s.drive(current, PopcountToCurrent.currentOfBits(s.get(bits), nInputs, (int)s.get(yMin), (int)s.get(yMax)));
    }

    public int nInputs()
    {
        return nInputs;
    }
}
