package org.scfabric.hw.component;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * {@code sc_popcount_acc} on the kernel; the pure twin is {@link org.scfabric.hw.sc.PopcountAccumulatorModel}.
 * <ul>
 *   <li>inputs: {@code start} (1), {@code bit_in} (1), {@code stream_len} (LEN_WIDTH)</li>
 *   <li>registered outputs: {@code count} (COUNT_WIDTH), {@code busy} (1), {@code done} (1)</li>
 *   <li>register: {@code left} (LEN_WIDTH)</li>
 * </ul>
 * Each edge: {@code start}: count = 0, left = stream_len (the bit at the start edge is not
 * counted); else if left != 0: count += bit_in (wrapping), left -= 1, done = (left == 1); done is
 * a one-cycle pulse. In the Verilog {@code busy} is a wire, {@code left != 0}; here it is a
 * register written with left, so it has the same value on every cycle (and is a fault site of its
 * own). Idle when not started, not counting and done is low.
 */
public final class PopcountAccumulator implements ClockedComponent
{
    private final int countWidth;
    private final int lenWidth;
    private int start;
    private int bitIn;
    private int streamLen;
    private int count;
    private int busy;
    private int done;
    private int left;

    public PopcountAccumulator(final int countWidth, final int lenWidth)
    {
        if (countWidth < 1 || countWidth > 32 || lenWidth < 1 || lenWidth > 32)
        {
            throw new IllegalArgumentException("COUNT_WIDTH and LEN_WIDTH must be 1..32, got " + countWidth + ", "
                + lenWidth);
        }
        this.countWidth = countWidth;
        this.lenWidth = lenWidth;
    }

    @Override
    public void declare(final Declarations d)
    {
        d.input("start", 1);
        d.input("bit_in", 1);
        d.input("stream_len", lenWidth);
        d.output("count", countWidth, 0);
        d.output("busy", 1, 0);
        d.output("done", 1, 0);
        d.register("left", lenWidth, 0);
    }

    @Override
    public void bind(final Binding b)
    {
        start = b.signal("start");
        bitIn = b.signal("bit_in");
        streamLen = b.signal("stream_len");
        count = b.signal("count");
        busy = b.signal("busy");
        done = b.signal("done");
        left = b.signal("left");
    }

    @Override
    public void edge(final Signals s)
    {
        final long l = s.get(left);
        long leftNext = l;
        if (s.get(start) != 0)
        {
            s.setNext(count, 0);
            leftNext = s.get(streamLen);
            s.setNext(done, 0);
        }
        else if (l != 0)
        {
            s.setNext(count, s.get(count) + s.get(bitIn));
            leftNext = l - 1;
            s.setNext(done, l == 1 ? 1 : 0);
        }
        else
        {
            s.setNext(done, 0);
        }
        s.setNext(left, leftNext);
        s.setNext(busy, leftNext != 0 ? 1 : 0);
    }

    @Override
    public boolean idle(final Signals s)
    {
        return s.get(start) == 0 && s.get(left) == 0 && s.get(done) == 0 && s.get(busy) == 0;
    }

    public int countWidth()
    {
        return countWidth;
    }

    public int lenWidth()
    {
        return lenWidth;
    }
}
