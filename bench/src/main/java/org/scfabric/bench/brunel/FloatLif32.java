package org.scfabric.bench.brunel;

/**
 * The LIF arithmetic of the float32 variants (V19, V15), as a GPU framework does it: every constant
 * of {@link FloatLif} rounded to float, every operation in float. The one place these steps are
 * written; {@link Float32Population} calls them in its block loops (the JIT inlines them).
 */
final class FloatLif32
{
    final int nExc;
    final float j;
    final float wExc;
    final float wInh;
    final float alpha;
    final float vRest;
    final float vTh;
    final float vReset;

    FloatLif32(final BrunelParams p)
    {
        nExc = p.nExc();
        j = (float)p.weightExc();
        wExc = (float)p.weightExc();
        wInh = (float)(p.weightExc() * -p.g());
        alpha = (float)(p.dt() / p.tauMem());
        vRest = (float)p.vRest();
        vTh = (float)p.vThreshold();
        vReset = (float)p.vReset();
    }

    /** Weight of every synapse of presynaptic neuron i. */
    float weight(final int i)
    {
        return i < nExc ? wExc : wInh;
    }

    /** The input of one step: {@code ext·J + syn}. */
    float kick(final int ext, final float syn)
    {
        return ext * j + syn;
    }

    /** V19 (PyTorch): the kick first, then the Euler leak: {@code x = v + kick; x + α·(v_rest − x)}. */
    float kickThenLeak(final float v, final float kick)
    {
        final float x = v + kick;
        return x + alpha * (vRest - x);
    }

    /** V15 (JAX's dense layer): the leak of the old v and the kick added together: {@code v + (v_rest − v)·α + kick}. */
    float leakWithKick(final float v, final float kick)
    {
        return v + (vRest - v) * alpha + kick;
    }

    /** Stores x as v[i], or v_reset if x spikes; returns whether it spiked. */
    boolean settle(final float[] v, final int i, final float x)
    {
        if (x >= vTh)
        {
            v[i] = vReset;
            return true;
        }
        v[i] = x;
        return false;
    }
}
