package org.scfabric.hw.component;

import org.scfabric.sim.Binding;
import org.scfabric.sim.CombinationalComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/** A tie-off, combinational: output {@code y} is a constant (Verilog {@code 16'sd0}, {@code 32'd0}). */
public final class Constant implements CombinationalComponent
{
    private final int width;
    private final long value;
    private int y;

    public Constant(final int width, final long value)
    {
        this.width = width;
        this.value = value;
    }

    @Override
    public void declare(final Declarations d)
    {
        d.output("y", width);
    }

    @Override
    public void bind(final Binding b)
    {
        y = b.signal("y");
    }

    @Override
    public void evaluate(final Signals s)
    {
        s.drive(y, value);
    }
}
