package org.scfabric.bench.brunel;

import java.util.concurrent.locks.LockSupport;

import org.scfabric.sim.random.Pcg64;

/**
 * The live drive drawn ahead on a helper thread while the simulation integrates the current step.
 * The random stream stays sequential (one producer draws step after step), so it is exactly
 * {@link LiveDrive}'s. A ring of {@value #RING} step buffers sits between the two threads; neither
 * allocates per step. Steps must be read in order; {@link #close()} stops the helper.
 */
public final class PrefetchDrive implements DriveStream
{
    static final int RING = 32;

    private final int n;
    private final int steps;
    private final int[][] ring;
    private final Thread producer;
    private volatile int produced;
    private volatile int consumed;
    private volatile boolean closed;
    private volatile Throwable failure;

    public PrefetchDrive(final Pcg64 bits, final double lambda, final int n, final int steps)
    {
        this.n = n;
        this.steps = steps;
        this.ring = new int[Math.min(RING, Math.max(1, steps))][n];
        final PoissonStream poisson = new PoissonStream(bits, lambda);
        producer = new Thread(() -> produce(poisson), "brunel-drive");
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(final PoissonStream poisson)
    {
        try
        {
            final int r = ring.length;
            for (int t = 0; t < steps && !closed; t++)
            {
                int waits = 0;
                while (t - consumed >= r)
                {
                    if (closed)
                    {
                        return;
                    }
                    // ahead by a full ring: wait, longer the longer the consumer stays away
                    LockSupport.parkNanos(Math.min(1_000_000L, 20_000L << Math.min(6, waits++ / 16)));
                }
                poisson.next(ring[t % r], 0, n);
                produced = t + 1;
            }
        }
        catch (final Throwable e)
        {
            failure = e;
        }
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
        if (step != consumed)
        {
            throw new IllegalStateException("a live drive is read in step order: step " + consumed + " is next, "
                + step + " was asked for (record the drive with RecordedDrive to replay it or to restore snapshots)");
        }
        if (step >= steps)
        {
            throw new IllegalStateException("the drive has " + steps + " steps; step " + step + " was asked for");
        }
        int spins = 0;
        while (produced <= step)
        {
            if (failure != null)
            {
                throw new IllegalStateException("the drive thread failed: " + failure, failure);
            }
            if (closed)
            {
                throw new IllegalStateException("the drive is closed");
            }
            if (++spins < 200)
            {
                Thread.onSpinWait();
            }
            else
            {
                LockSupport.parkNanos(10_000);
            }
        }
        System.arraycopy(ring[step % ring.length], 0, out, 0, n);
        consumed = step + 1;
    }

    @Override
    public void close()
    {
        closed = true;
        try
        {
            producer.join(5_000);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
