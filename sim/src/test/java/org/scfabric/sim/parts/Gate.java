package org.scfabric.sim.parts;

import org.scfabric.sim.Binding;
import org.scfabric.sim.CombinationalComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/** Two-input bitwise gates and a buffer/inverter, for kernel tests. */
public final class Gate implements CombinationalComponent
{
    public enum Op
    {
        BUF, NOT, AND, XOR, ADD
    }

    private final Op op;
    private final int width;
    private int a;
    private int b;
    private int y;

    public Gate(final Op op, final int width)
    {
        this.op = op;
        this.width = width;
    }

    @Override
    public void declare(final Declarations d)
    {
        d.input("a", width);
        if (op != Op.BUF && op != Op.NOT)
        {
            d.input("b", width);
        }
        d.output("y", width);
    }

    @Override
    public void bind(final Binding bnd)
    {
        a = bnd.signal("a");
        b = op != Op.BUF && op != Op.NOT ? bnd.signal("b") : -1;
        y = bnd.signal("y");
    }

    @Override
    public void evaluate(final Signals s)
    {
        final long va = s.get(a);
        final long r = switch (op)
        {
            case BUF -> va;
            case NOT -> ~va;
            case AND -> va & s.get(b);
            case XOR -> va ^ s.get(b);
            case ADD -> va + s.get(b);
        };
        s.drive(y, r);
    }
}
