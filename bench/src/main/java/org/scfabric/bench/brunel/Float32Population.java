package org.scfabric.bench.brunel;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

import org.scfabric.sim.Signals;

/**
 * V19 and V15: the LIF arithmetic in float32, as a GPU framework does it (every constant rounded to
 * float, every operation in float), on CSR connectivity.
 * <ul>
 *   <li>V19 (PyTorch on CUDA in the reference): {@code v += ext·J + I_syn; v += α·(v_rest − v)},
 *       data-parallel over the cores (one thread per {@value #GRAIN} neurons, at most one per core:
 *       at N = 1000 a step is too short to hand over): the neurons are cut into one block per thread, each thread
 *       sums its own targets' input from the spiking rows (the CSR row split at the block bounds,
 *       precomputed) and updates its neurons; the step's spikes are the blocks' in order. The
 *       result does not depend on the number of threads.</li>
 *   <li>V15 (JAX's dense layer): {@code v' = v + (v_rest − v)·α + I}, spike at {@code v' >= v_th},
 *       reset, no refractory period; one thread.</li>
 * </ul>
 * The synaptic input is summed in ascending presynaptic order from 0 (a GPU's reduction order is
 * not specified; this one is reproducible).
 */
final class Float32Population extends Population<Float32Population.Model> implements AutoCloseable
{
    /** Neurons per thread below which a further thread costs more (hand-over per step) than it saves. */
    static final int GRAIN = 4096;

    /** V19's threads for n neurons: one per {@value #GRAIN} neurons, at least one, at most all cores. */
    static int threadsFor(final int n)
    {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / GRAIN));
    }

    /** The threads this population runs on (what V19's title states). */
    int threads()
    {
        return threads;
    }

    enum Form
    {
        /** V19: kick first, then the Euler leak. */
        TORCH,
        /** V15: the leak of the old v and the input added together. */
        JAX
    }

    private final Form form;
    private final int n;
    private final int threads;
    private final int[] bound;
    private final int[] split;
    private final int[] rowStart;
    private final int[] cols;
    private final FloatLif32 m;
    private final float[] v;
    private final float[] syn;
    private final int[][] blockSpikes;
    private final int[] blockCount;
    private int[] prev;
    private int prevCount;

    private final Thread[] workers;
    private volatile int generation;
    private volatile int finished;
    private volatile boolean stop;

    Float32Population(final BrunelNetwork net, final Form form, final int threads, final RegisterRef drive,
        final SpikeRaster raster, final int population)
    {
        super(drive, raster, population);
        final BrunelParams p = net.params();
        this.form = form;
        this.n = net.size();
        this.threads = Math.max(1, Math.min(threads, n));
        final Connectivity c = net.connectivity();
        rowStart = c.rowStarts();
        cols = c.targets();
        m = new FloatLif32(p);
        v = new float[n];
        Arrays.fill(v, m.vRest);
        syn = new float[n];
        prev = new int[n];
        bound = new int[this.threads + 1];
        for (int b = 0; b <= this.threads; b++)
        {
            bound[b] = (int)((long)n * b / this.threads);
        }
        // split[i * (T + 1) + b]: first synapse of row i whose target is in block b or later
        split = new int[n * (this.threads + 1)];
        for (int i = 0; i < n; i++)
        {
            for (int b = 0; b <= this.threads; b++)
            {
                int k = Arrays.binarySearch(cols, rowStart[i], rowStart[i + 1], bound[b]);
                split[i * (this.threads + 1) + b] = k >= 0 ? k : -k - 1;
            }
        }
        blockSpikes = new int[this.threads][];
        blockCount = new int[this.threads];
        for (int b = 0; b < this.threads; b++)
        {
            blockSpikes[b] = new int[bound[b + 1] - bound[b]];
        }
        workers = new Thread[this.threads - 1];
        for (int w = 0; w < workers.length; w++)
        {
            final int block = w + 1;
            workers[w] = new Thread(() -> work(block), "brunel-v19-" + block);
            workers[w].setDaemon(true);
            workers[w].start();
        }
    }

    private void work(final int block)
    {
        int seen = 0;
        while (true)
        {
            int spins = 0;
            while (generation == seen)
            {
                if (stop)
                {
                    return;
                }
                backOff(++spins);
            }
            seen = generation;
            block(block);
            synchronized (this)
            {
                finished++;
            }
        }
    }

    @Override
    void update(final Signals s, final int step)
    {
        if (workers.length > 0)
        {
            synchronized (this)
            {
                finished = 0;
            }
            generation++;
        }
        block(0);
        int spins = 0;
        while (finished < workers.length)
        {
            backOff(++spins);
        }
        int count = 0;
        for (int b = 0; b < threads; b++)
        {
            for (int k = 0; k < blockCount[b]; k++)
            {
                final int j = blockSpikes[b][k];
                prev[count++] = j;
                spike(s, step, j);
            }
        }
        prevCount = count;
    }

    /** Spin briefly, then sleep in growing slices (up to 1 ms) so an idle worker costs nothing. */
    private static void backOff(final int spins)
    {
        if (spins < 2000)
        {
            Thread.onSpinWait();
        }
        else
        {
            LockSupport.parkNanos(Math.min(1_000_000L, 5_000L << Math.min(8, (spins - 2000) / 64)));
        }
    }

    /** The input sums and the update of the neurons of block b. Reads prev, writes only its own range. */
    private void block(final int b)
    {
        final int lo = bound[b];
        final int hi = bound[b + 1];
        final float[] sy = syn;
        Arrays.fill(sy, lo, hi, 0f);
        final int stride = threads + 1;
        for (int k = 0; k < prevCount; k++)
        {
            final int i = prev[k];
            final float w = m.weight(i);
            for (int e = split[i * stride + b], end = split[i * stride + b + 1]; e < end; e++)
            {
                sy[cols[e]] += w;
            }
        }
        final FloatLif32 m = this.m;
        final float[] vv = v;
        final int[] e = ext;
        final int[] out = blockSpikes[b];
        int count = 0;
        if (form == Form.TORCH)
        {
            for (int j = lo; j < hi; j++)
            {
                if (m.settle(vv, j, m.kickThenLeak(vv[j], m.kick(e[j], sy[j]))))
                {
                    out[count++] = j;
                }
            }
        }
        else
        {
            for (int j = lo; j < hi; j++)
            {
                if (m.settle(vv, j, m.leakWithKick(vv[j], m.kick(e[j], sy[j]))))
                {
                    out[count++] = j;
                }
            }
        }
        blockCount[b] = count;
    }

    @Override
    public void close()
    {
        stop = true;
        for (final Thread w : workers)
        {
            try
            {
                w.join(5_000);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    Model saveModel()
    {
        return new Model(v.clone(), Arrays.copyOf(prev, prevCount));
    }

    @Override
    void restoreModel(final Model state)
    {
        System.arraycopy(state.v, 0, v, 0, n);
        System.arraycopy(state.prev, 0, prev, 0, state.prev.length);
        prevCount = state.prev.length;
    }

    /** Membranes and last step's spikes. */
    static final class Model
    {
        private final float[] v;
        private final int[] prev;

        Model(final float[] v, final int[] prev)
        {
            this.v = v;
            this.prev = prev;
        }

        @Override
        public boolean equals(final Object o)
        {
            return o instanceof Model m && Arrays.equals(v, m.v) && Arrays.equals(prev, m.prev);
        }

        @Override
        public int hashCode()
        {
            return 31 * Arrays.hashCode(v) + Arrays.hashCode(prev);
        }
    }
}
