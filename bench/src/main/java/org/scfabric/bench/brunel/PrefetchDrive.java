package org.scfabric.bench.brunel;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.scfabric.random.GlibcMath;
import org.scfabric.random.NumpyGenerator;
import org.scfabric.random.Pcg64;
import org.scfabric.random.PoissonChunks;

/**
 * The live drive drawn on two threads: exactly {@link LiveDrive}'s draws, numpy's.
 *
 * <p>The drive's uniforms are a fixed sequence however many of them each Poisson draw takes, so it
 * is cut into segments of {@value #SEGMENT} uniforms, and segment k is generated from the drive's
 * generator {@link Pcg64#advance advanced} by k·{@value #SEGMENT} and, in the same pass, parsed into
 * draws chunk by chunk as if a draw began at each chunk's first uniform ({@link PoissonChunks}) —
 * independently of every other segment, by a helper thread or by the simulating thread itself while
 * it would otherwise wait. The simulating thread then stitches the segments in order: it continues
 * the true parse into each chunk only until it meets the chunk's own parse
 * ({@link PoissonChunks#stitch}), a few uniforms. Segments are
 * claimed in order through one atomic counter and handed over in a ring of {@value #RING} slots
 * (per-slot sequence numbers; no locks, no allocation per step). Steps must be read in order;
 * {@link #close()} stops the helper.
 *
 * <p>λ = 0 and λ ≥ 10 (numpy's PTRS, whose uniforms per draw are not a plain product) are drawn
 * on the calling thread ({@link LiveDrive}).
 */
public final class PrefetchDrive implements DriveStream
{
    /** Uniforms per segment: 8 chunks of 1024 on the vector path, 2 of 4096 on the scalar one. */
    static final int SEGMENT = 8192;
    static final int RING = 32;

    private final int n;
    private final int steps;
    private final LiveDrive serial;

    private final Pcg64 origin;
    private final int ring;
    /** Slot s: a segment drawn, each chunk parsed from a fresh start, waiting to be stitched. */
    private final PoissonChunks[] slots;
    /** Slot s holds segment k when done[s] == k + 1. */
    private final AtomicLongArray done;
    /** The next segment nobody has claimed yet. */
    private final AtomicLong nextClaim = new AtomicLong();
    /** Segments 0..released−1 are stitched: their slots may be reused. */
    private volatile long released;
    private volatile boolean producerParked;
    private volatile boolean closed;
    private volatile Throwable failure;
    private final Thread producer;

    // consumer (simulating thread) state
    private final Worker helper;
    private final PoissonChunks stitcher;
    private final int[] draws;
    private int drawPos;
    private int drawLen;
    private double carryP = 1.0;
    private int carryX;
    private long segment;
    private int consumed;

    public PrefetchDrive(final Pcg64 bits, final double lambda, final int n, final int steps)
    {
        // a short drive is drawn faster on the scalar path than the vector one is compiled
        this(bits, lambda, n, steps, RING, true, PoissonChunks.vectorPays((long)n * steps));
    }

    /**
     * {@code ring} segment slots; {@code withHelper} false draws on the simulating thread alone;
     * {@code vector} the path (tests: both give the same draws).
     */
    PrefetchDrive(final Pcg64 bits, final double lambda, final int n, final int steps, final int ring,
        final boolean withHelper, final boolean vector)
    {
        if (!(lambda >= 0) || lambda > NumpyGenerator.POISSON_INT_LAM_MAX)
        {
            throw new IllegalArgumentException("lambda must be in [0, " + NumpyGenerator.POISSON_INT_LAM_MAX
                + "], got " + lambda);
        }
        this.n = n;
        this.steps = steps;
        if (!(lambda > 0 && lambda < 10))
        {
            serial = new LiveDrive(bits, lambda, n, steps);
            origin = null;
            this.ring = 0;
            slots = null;
            done = null;
            helper = null;
            draws = null;
            stitcher = null;
            producer = null;
            return;
        }
        serial = null;
        origin = bits.copy();
        final double enlam = GlibcMath.exp(-lambda);
        this.ring = ring;
        final int chunk = SEGMENT / (vector ? PoissonChunks.vectorLanes() : PoissonChunks.SCALAR_CHAINS);
        slots = new PoissonChunks[ring];
        for (int s = 0; s < ring; s++)
        {
            slots[s] = new PoissonChunks(origin, enlam, chunk, vector);
        }
        done = new AtomicLongArray(ring);
        helper = new Worker();
        stitcher = new PoissonChunks(origin, enlam, chunk, vector);
        draws = new int[SEGMENT + 1];
        if (withHelper)
        {
            final Worker w = new Worker();
            // started by the first fill, so that no drive is drawn while the design is still being built
            producer = new Thread(() -> produce(w), "brunel-drive");
            producer.setDaemon(true);
        }
        else
        {
            producer = null;
        }
    }

    /** One thread's generator; segments are generated from wherever it last stopped. */
    private final class Worker
    {
        final Pcg64 gen = origin.copy();
        long position;

        /** Claims the next segment if its slot is free and draws it; false when there is none to claim. */
        boolean work()
        {
            final long k = nextClaim.get();
            if (k >= released + ring || !nextClaim.compareAndSet(k, k + 1))
            {
                return false;
            }
            final int s = (int)(k % ring);
            final long start = k * SEGMENT;
            if (start != position)
            {
                gen.advance(start - position);
            }
            slots[s].draw(gen.stateHi(), gen.stateLo());
            position = start;
            done.set(s, k + 1);
            return true;
        }
    }

    private void produce(final Worker w)
    {
        try
        {
            while (!closed)
            {
                if (!w.work())
                {
                    // the ring is full: sleep until the consumer has freed half of it (it unparks us
                    // then) rather than waking for every slot it frees
                    producerParked = true;
                    while (!closed && nextClaim.get() >= released + ring / 2 + 1)
                    {
                        LockSupport.parkNanos(1_000_000L);
                    }
                    producerParked = false;
                }
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
        if (serial != null)
        {
            serial.fill(step, out);
            return;
        }
        LiveDrive.checkNext(step, consumed, steps);
        if (step == 0 && producer != null)
        {
            producer.start();
        }
        int i = 0;
        while (i < n)
        {
            if (drawPos == drawLen)
            {
                nextSegment();
            }
            final int k = Math.min(n - i, drawLen - drawPos);
            System.arraycopy(draws, drawPos, out, i, k);
            i += k;
            drawPos += k;
        }
        consumed = step + 1;
    }

    /** Waits for the next segment (drawing segments meanwhile) and stitches it to the draws before. */
    private void nextSegment()
    {
        final long k = segment;
        final int s = (int)(k % ring);
        int spins = 0;
        if (producerParked && done.get(s) != k + 1)
        {
            // the helper slept on a full ring that this thread has been claiming from since
            LockSupport.unpark(producer);
        }
        while (done.get(s) != k + 1)
        {
            if (helper.work())
            {
                continue;
            }
            if (failure != null)
            {
                throw new IllegalStateException("the drive thread failed: " + failure, failure);
            }
            if (closed)
            {
                throw new IllegalStateException("the drive is closed");
            }
            if (++spins < 100)
            {
                Thread.onSpinWait();
            }
            else
            {
                Thread.yield();
            }
        }
        drawLen = stitcher.stitch(slots[s], carryP, carryX, draws, 0);
        drawPos = 0;
        carryP = stitcher.openP();
        carryX = stitcher.openX();
        segment = k + 1;
        released = k + 1;
        if (producerParked && nextClaim.get() < released + ring / 2 + 1)
        {
            LockSupport.unpark(producer);
        }
    }

    @Override
    public void close()
    {
        closed = true;
        if (producer != null && producer.isAlive())
        {
            LockSupport.unpark(producer);
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
}
