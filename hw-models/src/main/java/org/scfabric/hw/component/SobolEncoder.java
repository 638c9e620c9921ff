package org.scfabric.hw.component;

import org.scfabric.hw.sc.SobolDirections;
import org.scfabric.hw.sc.SobolGenerator;
import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * {@code sc_sobol_encoder} on the kernel: a Sobol generator (Gray-code order) and the same
 * registered comparator as {@link LfsrEncoder}; the pure twin is {@link org.scfabric.hw.sc.SobolEncoderModel}.
 * <ul>
 *   <li>inputs: {@code x_value} (16, unsigned), {@code t_index} (32)</li>
 *   <li>registered output: {@code bit_out} (reset 0)</li>
 *   <li>registers of the generator {@code gen} ({@code rtl/sc_sobol.v}): {@code gen.cnt} (16),
 *       {@code gen.pt} (16), {@code gen.fresh} (1, reset 1)</li>
 * </ul>
 * While {@code gen.fresh} is set the counter reads as {@code t_index[15:0]} and the point as its
 * Sobol point ({@link SobolGenerator#pointAt}). Each edge: {@code bit_out <= (point < x_value)},
 * {@code gen.pt <= SobolGenerator.nextPoint(...)}, {@code gen.cnt <= counter + 1},
 * {@code gen.fresh <= 0}.
 */
public final class SobolEncoder implements ClockedComponent
{
    private static final int MASK = 0xFFFF;

    private final int dimension;
    private final int[] directions;

    private int xValue;
    private int tIndex;
    private int bitOut;
    private int cnt;
    private int pt;
    private int fresh;

    public SobolEncoder(final int dimension)
    {
        this.dimension = dimension;
        this.directions = SobolDirections.of(dimension);
    }

    @Override
    public void declare(final Declarations d)
    {
        d.input("x_value", 16);
        d.input("t_index", 32);
        d.output("bit_out", 1, 0);
        d.register("gen.cnt", 16, 0);
        d.register("gen.pt", 16, 0);
        d.register("gen.fresh", 1, 1);
    }

    @Override
    public void bind(final Binding b)
    {
        xValue = b.signal("x_value");
        tIndex = b.signal("t_index");
        bitOut = b.signal("bit_out");
        cnt = b.signal("gen.cnt");
        pt = b.signal("gen.pt");
        fresh = b.signal("gen.fresh");
    }

    @Override
    public void edge(final Signals s)
    {
        final int counter = counter(s);
        final int point = point(s);
        s.setNext(bitOut, point < (int)s.get(xValue) ? 1 : 0);
        s.setNext(pt, SobolGenerator.nextPoint(directions, counter, point));
        s.setNext(cnt, (counter + 1) & MASK);
        s.setNext(fresh, 0);
    }

    /** The counter the next edge uses (the Verilog's {@code sobol_counter}). */
    public int counter(final Signals s)
    {
        return s.get(fresh) != 0 ? (int)s.get(tIndex) & MASK : (int)s.get(cnt);
    }

    /** The point the next edge compares (the Verilog's {@code sobol_point}). */
    public int point(final Signals s)
    {
        return s.get(fresh) != 0 ? SobolGenerator.pointAt(directions, (int)s.get(tIndex) & MASK) : (int)s.get(pt);
    }

    public int dimension()
    {
        return dimension;
    }
}
