package org.scfabric.hw.component;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * The control FSM of {@code sc_dense_layer_core} (docs/spec/hardware.md §5) on the kernel.
 * <ul>
 *   <li>inputs: {@code start_pulse} (1), {@code stream_len} (LEN_WIDTH)</li>
 *   <li>registered outputs: {@code running} (1), {@code run_done} (1)</li>
 *   <li>register: {@code left} (LEN_WIDTH)</li>
 * </ul>
 * On an edge with {@code start_pulse} while not running, running goes high for exactly stream_len
 * cycles; the edge that ends it raises run_done for one cycle. stream_len = 0 pulses run_done at
 * once without running; a start while running is ignored. Idle when not running, run_done is low
 * and start_pulse is low.
 */
public final class DenseControl implements ClockedComponent
{
    private final int lenWidth;
    private int startPulse;
    private int streamLen;
    private int running;
    private int runDone;
    private int left;

    public DenseControl(final int lenWidth)
    {
        if (lenWidth < 1 || lenWidth > 32)
        {
            throw new IllegalArgumentException("LEN_WIDTH must be 1..32, got " + lenWidth);
        }
        this.lenWidth = lenWidth;
    }

    @Override
    public void declare(final Declarations d)
    {
        d.input("start_pulse", 1);
        d.input("stream_len", lenWidth);
        d.output("running", 1, 0);
        d.output("run_done", 1, 0);
        d.register("left", lenWidth, 0);
    }

    @Override
    public void bind(final Binding b)
    {
        startPulse = b.signal("start_pulse");
        streamLen = b.signal("stream_len");
        running = b.signal("running");
        runDone = b.signal("run_done");
        left = b.signal("left");
    }

    @Override
    public void edge(final Signals s)
    {
        s.setNext(runDone, 0);
        if (s.get(running) != 0)
        {
            final long l = s.get(left);
            s.setNext(left, l - 1);
            if (l == 1)
            {
                s.setNext(running, 0);
                s.setNext(runDone, 1);
            }
        }
        else if (s.get(startPulse) != 0)
        {
            final long len = s.get(streamLen);
            if (len == 0)
            {
                s.setNext(runDone, 1);
            }
            else
            {
                s.setNext(running, 1);
                s.setNext(left, len);
            }
        }
    }

    @Override
    public boolean idle(final Signals s)
    {
        return s.get(running) == 0 && s.get(runDone) == 0 && s.get(startPulse) == 0;
    }
}
