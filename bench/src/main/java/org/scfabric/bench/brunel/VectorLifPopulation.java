package org.scfabric.bench.brunel;

import java.util.Arrays;

import org.scfabric.sim.Signals;

/**
 * V20, the vectorised NumPy loop: whole-array passes, each one NumPy statement of the reference
 * ({@code I = ext·J + syn}, {@code v += I}, {@code v += α·(v_rest − v)}, {@code fired = v >= v_th},
 * {@code v[fired] = v_reset}), written as straight loops without branches that the JIT compiles to
 * SIMD where the CPU has it. Same arithmetic in the same order as V1 (FloatLif's kick, leak and
 * threshold, one pass each), so the same spikes.
 */
final class VectorLifPopulation extends Population<VectorLifPopulation.Model>
{
    private final FloatLif m;
    private final Connectivity c;
    private final double[] v;
    private final double[] syn;
    private final double[] current;
    private final boolean[] fired;
    private final FiredLists lists;

    VectorLifPopulation(final BrunelNetwork net, final RegisterRef drive, final SpikeRaster raster,
        final int population)
    {
        super(drive, raster, population);
        this.m = new FloatLif(net.params());
        this.c = net.connectivity();
        final int n = net.size();
        v = new double[n];
        Arrays.fill(v, m.vRest);
        syn = new double[n];
        current = new double[n];
        fired = new boolean[n];
        lists = new FiredLists(n);
    }

    @Override
    void update(final Signals s, final int step)
    {
        m.accumulate(c, lists.prev, lists.prevCount, syn);
        final FloatLif m = this.m;
        final int n = v.length;
        final double[] v = this.v;
        final double[] cu = current;
        final boolean[] f = fired;
        final int[] e = ext;
        for (int i = 0; i < n; i++)
        {
            cu[i] = m.kick(e[i], syn[i]);
        }
        for (int i = 0; i < n; i++)
        {
            v[i] += cu[i];
        }
        for (int i = 0; i < n; i++)
        {
            v[i] = m.leak(v[i]);
        }
        for (int i = 0; i < n; i++)
        {
            f[i] = m.fires(v[i]);
        }
        final double reset = m.vReset;
        for (int i = 0; i < n; i++)
        {
            v[i] = f[i] ? reset : v[i];
        }
        int count = 0;
        final int[] out = lists.cur;
        for (int i = 0; i < n; i++)
        {
            out[count] = i;
            count += f[i] ? 1 : 0;
        }
        publish(s, step, out, count);
        lists.swap(count);
    }

    @Override
    Model saveModel()
    {
        return new Model(v.clone(), lists.savePrev());
    }

    @Override
    void restoreModel(final Model state)
    {
        System.arraycopy(state.v, 0, v, 0, v.length);
        lists.restorePrev(state.prev);
    }

    /** Membranes and last step's spikes. */
    static final class Model
    {
        private final double[] v;
        private final int[] prev;

        Model(final double[] v, final int[] prev)
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
