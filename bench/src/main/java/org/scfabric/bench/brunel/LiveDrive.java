package org.scfabric.bench.brunel;

import org.scfabric.random.Pcg64;
import org.scfabric.random.PoissonChunks;

/**
 * The drive drawn as the simulation goes, on the calling thread, from the network's generator
 * position after the connectivity ({@link PoissonStream}, exact). Steps must be read in order.
 */
public final class LiveDrive implements DriveStream
{
    private final PoissonStream poisson;
    private final int n;
    private final int steps;
    private int next;

    public LiveDrive(final Pcg64 bits, final double lambda, final int n, final int steps)
    {
        // a short drive is drawn faster on the scalar path than the vector one is compiled
        this.poisson = new PoissonStream(bits, lambda, 8192, PoissonChunks.vectorPays((long)n * steps));
        this.n = n;
        this.steps = steps;
    }

    @Override
    public int size()
    {
        return n;
    }

    @Override
    public int steps()
    {
        return steps;
    }

    @Override
    public void fill(final int step, final int[] out)
    {
        checkNext(step, next, steps);
        poisson.next(out, 0, n);
        next++;
    }

    /** A live drive's steps come in order: {@code step} must be {@code next}, and below {@code steps}. */
    static void checkNext(final int step, final int next, final int steps)
    {
        if (step != next)
        {
            throw new IllegalStateException("a live drive is read in step order: step " + next + " is next, "
                + step + " was asked for (record the drive with RecordedDrive to replay it or to restore snapshots)");
        }
        if (step >= steps)
        {
            throw new IllegalStateException("the drive has " + steps + " steps; step " + step + " was asked for");
        }
    }
}
