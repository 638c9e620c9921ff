package org.scfabric.bench.brunel;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.SimulationException;
import org.scfabric.sim.Signals;

/**
 * The external drive as hardware sees it: a bank of 8-bit registers {@code ext[j]} (instance
 * {@code drive}, so {@code drive.ext[12]}), loaded with step t's Poisson kicks on the first edge of
 * step t. Every population of a design reads the same registers, so variants simulated together see
 * identical stimulus. The step is derived from the edge time, so the component keeps no state of its
 * own: restoring a kernel snapshot needs only a seekable stream ({@link RecordedDrive}).
 */
public final class DriveSource implements ClockedComponent
{
    /** Width of a drive register: up to 255 kicks per neuron and step. */
    public static final int WIDTH = 8;

    private final DriveStream stream;
    private final int n;
    private final int[] counts;
    private long period;
    private long phase;
    private int bank;

    public DriveSource(final DriveStream stream)
    {
        this.stream = stream;
        this.n = stream.size();
        this.counts = new int[n];
    }

    @Override
    public void declare(final Declarations d)
    {
        d.registerBank("ext[%d]", WIDTH, n, 0);
    }

    @Override
    public void bind(final Binding b)
    {
        bank = b.bank("ext[%d]");
        period = b.clock().period();
        phase = b.clock().phase();
    }

    @Override
    public void edge(final Signals s)
    {
        final int step = (int)((s.now() - phase) / period);
        if (step >= stream.steps())
        {
            throw new SimulationException("the drive has " + stream.steps() + " steps; the design ran into step " + step);
        }
        stream.fill(step, counts);
        if ((s.putNextBank(bank, counts) & ~0xFFL) != 0)
        {
            for (int j = 0; j < n; j++)
            {
                if (counts[j] < 0 || counts[j] > 255)
                {
                    throw new SimulationException("drive count " + counts[j] + " of neuron " + j + " at step " + step
                        + " does not fit the 8-bit drive register");
                }
            }
        }
    }

    public int size()
    {
        return n;
    }

    public DriveStream stream()
    {
        return stream;
    }
}
