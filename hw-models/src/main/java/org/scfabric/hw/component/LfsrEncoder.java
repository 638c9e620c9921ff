package org.scfabric.hw.component;

import org.scfabric.hw.Bits;
import org.scfabric.hw.sc.Lfsr;
import org.scfabric.hw.sc.LfsrTaps;
import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * {@code sc_bitstream_encoder} on the kernel (docs/spec/hardware.md §2): an LFSR and an unsigned comparator
 * with a registered output; the pure twin is {@link org.scfabric.hw.sc.LfsrEncoderModel}.
 * <ul>
 *   <li>inputs: {@code x_value} (W, unsigned probability), {@code t_index} (32)</li>
 *   <li>registered output: {@code bit_out} (reset 0)</li>
 *   <li>registers: {@code lfsr} (W, reset SEED_INIT), {@code fresh} (1, reset 1)</li>
 * </ul>
 * As in {@code rtl/sc_bitstream_encoder.v}, reset sets {@code fresh}, and while it is set the state
 * reads as {@code SEED_INIT ^ t_index[W-1:0]} (SEED_INIT when that is 0): the reference behaviour
 * whenever t_index holds from reset to the first edge. Each edge, from
 * {@code r = fresh ? seed(t_index) : lfsr}: {@code bit_out <= (r < x_value)}, {@code lfsr <= next(r)},
 * {@code fresh <= 0}. The Verilog's {@code lfsr_state} wire (r) is not a port here; {@link #source}
 * computes it.
 */
public final class LfsrEncoder implements ClockedComponent
{
    private final int width;
    private final int mask;
    private final int taps;
    private final int seedInit;

    private int xValue;
    private int tIndex;
    private int bitOut;
    private int lfsr;
    private int fresh;

    /** The reference 16-bit encoder (taps 15, 13, 12, 10) with the given SEED_INIT. */
    public LfsrEncoder(final int seedInit)
    {
        this(Lfsr.DEFAULT_WIDTH, LfsrTaps.reference(Lfsr.DEFAULT_WIDTH), seedInit);
    }

    public LfsrEncoder(final int width, final int taps, final int seedInit)
    {
        // the pure model checks width, taps and seed and is the one place those rules live
        final org.scfabric.hw.sc.LfsrEncoderModel check = new org.scfabric.hw.sc.LfsrEncoderModel(width, taps, seedInit);
        this.width = width;
        this.mask = Bits.mask(width);
        this.taps = check.taps();
        this.seedInit = check.seedInit();
    }

    @Override
    public void declare(final Declarations d)
    {
        d.input("x_value", width);
        d.input("t_index", 32);
        d.output("bit_out", 1, 0);
        d.register("lfsr", width, seedInit);
        d.register("fresh", 1, 1);
    }

    @Override
    public void bind(final Binding b)
    {
        xValue = b.signal("x_value");
        tIndex = b.signal("t_index");
        bitOut = b.signal("bit_out");
        lfsr = b.signal("lfsr");
        fresh = b.signal("fresh");
    }

    @Override
    public void edge(final Signals s)
    {
        final int r = source(s);
        s.setNext(bitOut, Integer.compareUnsigned(r, (int)s.get(xValue)) < 0 ? 1 : 0);
        s.setNext(lfsr, Lfsr.next(r, taps, mask));
        s.setNext(fresh, 0);
    }

    /** The state the next edge compares and shifts (the Verilog's {@code lfsr_state}). */
    public int source(final Signals s)
    {
        return s.get(fresh) != 0
            ? org.scfabric.hw.sc.LfsrEncoderModel.resetSeed(seedInit, (int)s.get(tIndex), mask)
            : (int)s.get(lfsr);
    }

    public int width()
    {
        return width;
    }

    public int taps()
    {
        return taps;
    }

    public int seedInit()
    {
        return seedInit;
    }
}
