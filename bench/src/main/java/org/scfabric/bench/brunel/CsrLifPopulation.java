package org.scfabric.bench.brunel;

import java.util.Arrays;
import java.util.Objects;

import org.scfabric.sim.Signals;
import org.scfabric.random.NumpyGenerator;
import org.scfabric.random.Pcg64;

/**
 * The CPU fast path (V18) and the V1 modifications V6–V10: flat primitive arrays, the spikes of the
 * previous step scattered along their CSR rows, one pass over the neurons; nothing allocated per
 * step. Each flavour is its own loop, so the plain one carries no test for the others.
 */
final class CsrLifPopulation extends Population<CsrLifPopulation.Model>
{
    enum Flavor
    {
        /** V18: V1 arithmetic. */
        PLAIN,
        /** V6: adaptive threshold, trace = 0.95·trace + 0.05·spike, v_th += 0.001·(trace − 0.003), clamped. */
        HOMEOSTATIC,
        /** V7: after the leak, v += σ·√dt·z, z a standard normal per neuron and step (σ = 1 mV). */
        NOISE,
        /** V8: five steps after a spike the input is ignored and v held at v_rest. */
        REFRACTORY,
        /** V9: leak and threshold first, then the kicks (Brian2's order). */
        POST_KICK,
        /** V10: v = v_rest + (v − v_rest)·exp(−dt/τ) instead of the Euler leak. */
        EXACT_LEAK
    }

    static final double HOMEO_TARGET = 0.003;
    static final double HOMEO_RATE = 0.001;
    static final double HOMEO_MIN = 0.1;
    static final double NOISE_STD = 1.0;
    static final int REFRACTORY_STEPS = 5;

    private final Flavor flavor;
    private final FloatLif m;
    private final Connectivity c;
    private final double[] v;
    private final double[] syn;
    private final FiredLists fired;

    private final double[] vth;
    private final double[] trace;
    private final double vthMax;
    private final int[] rc;
    private final int refractorySteps;
    private NumpyGenerator noise;
    private final double[] z;
    private final double noiseScale;

    CsrLifPopulation(final BrunelNetwork net, final Flavor flavor, final RegisterRef drive, final SpikeRaster raster,
        final int population)
    {
        super(drive, raster, population);
        this.flavor = flavor;
        this.m = new FloatLif(net.params());
        this.c = net.connectivity();
        final int n = net.size();
        v = new double[n];
        Arrays.fill(v, m.vRest);
        syn = new double[n];
        fired = new FiredLists(n);
        final boolean homeo = flavor == Flavor.HOMEOSTATIC;
        vth = homeo ? new double[n] : null;
        trace = homeo ? new double[n] : null;
        if (homeo)
        {
            Arrays.fill(vth, m.vTh);
        }
        vthMax = 10 * m.vTh;
        rc = flavor == Flavor.REFRACTORY ? new int[n] : null;
        refractorySteps = net.params().refractorySteps(REFRACTORY_STEPS);
        noise = flavor == Flavor.NOISE ? net.stream(Variant.V7.ordinal() + 1) : null;
        z = flavor == Flavor.NOISE ? new double[n] : null;
        noiseScale = NOISE_STD * Math.sqrt(net.params().dt());
    }

    @Override
    void update(final Signals s, final int step)
    {
        m.accumulate(c, fired.prev, fired.prevCount, syn);
        final int count = switch (flavor)
        {
            case PLAIN -> plain();
            case HOMEOSTATIC -> homeostatic();
            case NOISE -> noisy();
            case REFRACTORY -> refractory();
            case POST_KICK -> postKick();
            case EXACT_LEAK -> exactLeak();
        };
        publish(s, step, fired.cur, count);
        fired.swap(count);
    }

    private int plain()
    {
        final FloatLif m = this.m;
        final double[] v = this.v;
        final double[] syn = this.syn;
        final int[] e = ext;
        final int[] out = fired.cur;
        int count = 0;
        for (int i = 0; i < v.length; i++)
        {
            if (m.step(v, i, m.kick(e[i], syn[i])))
            {
                out[count++] = i;
            }
        }
        return count;
    }

    private int homeostatic()
    {
        final int[] cur = fired.cur;
        int count = 0;
        for (int i = 0; i < v.length; i++)
        {
            final double x = m.leak(v[i] + m.kick(ext[i], syn[i]));
            final boolean fired = x >= vth[i];
            if (fired)
            {
                cur[count++] = i;
            }
            v[i] = fired ? m.vReset : x;
            trace[i] = 0.95 * trace[i] + 0.05 * (fired ? 1.0 : 0.0);
            vth[i] = Math.min(vthMax, Math.max(HOMEO_MIN, vth[i] + HOMEO_RATE * (trace[i] - HOMEO_TARGET)));
        }
        return count;
    }

    private int noisy()
    {
        final int[] cur = fired.cur;
        noise.standardNormal(z, 0, v.length);
        int count = 0;
        for (int i = 0; i < v.length; i++)
        {
            if (m.settle(v, i, m.leak(v[i] + m.kick(ext[i], syn[i])) + noiseScale * z[i]))
            {
                cur[count++] = i;
            }
        }
        return count;
    }

    private int refractory()
    {
        final int[] cur = fired.cur;
        int count = 0;
        for (int i = 0; i < v.length; i++)
        {
            if (rc[i] > 0)
            {
                rc[i]--;
                v[i] = m.vRest;
                continue;
            }
            if (m.step(v, i, m.kick(ext[i], syn[i])))
            {
                rc[i] = refractorySteps;
                cur[count++] = i;
            }
        }
        return count;
    }

    private int postKick()
    {
        final int[] cur = fired.cur;
        int count = 0;
        for (int i = 0; i < v.length; i++)
        {
            if (m.settle(v, i, m.leak(v[i])))
            {
                cur[count++] = i;
            }
            v[i] += m.kick(ext[i], syn[i]);
        }
        return count;
    }

    private int exactLeak()
    {
        final int[] cur = fired.cur;
        int count = 0;
        for (int i = 0; i < v.length; i++)
        {
            if (m.settle(v, i, m.exactLeak(v[i] + m.kick(ext[i], syn[i]))))
            {
                cur[count++] = i;
            }
        }
        return count;
    }

    @Override
    Model saveModel()
    {
        return new Model(v.clone(), fired.savePrev(), vth == null ? null : vth.clone(),
            trace == null ? null : trace.clone(), rc == null ? null : rc.clone(),
            noise == null ? null : noise.bitGenerator().copy());
    }

    @Override
    void restoreModel(final Model state)
    {
        System.arraycopy(state.v, 0, v, 0, v.length);
        fired.restorePrev(state.prev);
        if (vth != null)
        {
            System.arraycopy(state.vth, 0, vth, 0, vth.length);
            System.arraycopy(state.trace, 0, trace, 0, trace.length);
        }
        if (rc != null)
        {
            System.arraycopy(state.rc, 0, rc, 0, rc.length);
        }
        if (noise != null)
        {
            noise = new NumpyGenerator(state.noise.copy());
        }
    }

    /**
     * Membranes, last step's spikes, the flavour's arrays (null where unused) and noise stream. The
     * stream is compared by identity, as {@link Pcg64} has no value equality: a saved state with noise
     * never equals a later one, so a campaign never counts a noisy run as rejoined.
     */
    static final class Model
    {
        private final double[] v;
        private final int[] prev;
        private final double[] vth;
        private final double[] trace;
        private final int[] rc;
        private final Pcg64 noise;

        Model(final double[] v, final int[] prev, final double[] vth, final double[] trace, final int[] rc,
            final Pcg64 noise)
        {
            this.v = v;
            this.prev = prev;
            this.vth = vth;
            this.trace = trace;
            this.rc = rc;
            this.noise = noise;
        }

        @Override
        public boolean equals(final Object o)
        {
            return o instanceof Model m && Arrays.equals(v, m.v) && Arrays.equals(prev, m.prev)
                && Arrays.equals(vth, m.vth) && Arrays.equals(trace, m.trace) && Arrays.equals(rc, m.rc)
                && Objects.equals(noise, m.noise);
        }

        @Override
        public int hashCode()
        {
            return Objects.hash(Arrays.hashCode(v), Arrays.hashCode(prev), Arrays.hashCode(vth),
                Arrays.hashCode(trace), Arrays.hashCode(rc), noise);
        }
    }
}
