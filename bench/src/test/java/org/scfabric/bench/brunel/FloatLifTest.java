package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/**
 * The one float LIF step every float population calls: V1's order of operations (the kick summed
 * before it meets v, then the Euler leak, then v >= v_th), and the float32 forms in float alone.
 * The spike counts of the variants depend on the last bit of each of these.
 */
class FloatLifTest
{
    private static final BrunelParams P = BrunelParams.DEFAULT;
    private static final FloatLif M = new FloatLif(P);

    @Test
    void stepIsKickThenEulerLeakThenThresholdAndReset()
    {
        qt().withFixedSeed(0xF10A7L).withExamples(5000)
            .forAll(doubles().between(-30, 30), integers().between(0, 8), doubles().between(-3, 3))
            .checkAssert((v0, ext, syn) ->
            {
                final double[] v = {1.5, v0};
                final boolean spiked = M.step(v, 1, M.kick(ext, syn));
                double x = v0 + (ext * P.weightExc() + syn);
                x = x + P.dt() / P.tauMem() * (P.vRest() - x);
                assertEquals(x >= P.vThreshold(), spiked);
                assertEquals(Double.doubleToRawLongBits(spiked ? P.vReset() : x), Double.doubleToRawLongBits(v[1]));
                assertEquals(1.5, v[0], "only neuron i is written");
            });
    }

    @Test
    void theKickIsSummedBeforeItIsAddedToV()
    {
        // found by search: here (v + ext·J) + syn is one ulp away from v + (ext·J + syn)
        final double v0 = Double.longBitsToDouble(0x401cc921625ab63eL);
        final double syn = 0.6000000000000001;
        final double[] v = {v0};
        M.step(v, 0, M.kick(6, syn));
        assertEquals(M.leak(v0 + (6 * 0.1 + syn)), v[0]);
        assertNotEquals(M.leak((v0 + 6 * 0.1) + syn), v[0]);
    }

    @Test
    void exactlyAtThresholdSpikesAndJustBelowDoesNot()
    {
        final double[] v = {0, 0};
        assertTrue(M.settle(v, 0, P.vThreshold()));
        assertEquals(P.vReset(), v[0]);
        assertFalse(M.settle(v, 1, Math.nextDown(P.vThreshold())));
        assertEquals(Math.nextDown(P.vThreshold()), v[1]);
    }

    @Test
    void float32FormsComputeInFloatAlone()
    {
        final FloatLif32 f = new FloatLif32(P);
        final float alpha = (float)(P.dt() / P.tauMem());
        final float rest = (float)P.vRest();
        qt().withFixedSeed(0xF32L).withExamples(5000)
            .forAll(doubles().between(-30, 30), integers().between(0, 8), doubles().between(-3, 3))
            .checkAssert((vd, ext, synd) ->
            {
                final float v = (float)(double)vd;
                final float syn = (float)(double)synd;
                final float kick = (float)ext * (float)P.weightExc() + syn;
                assertEquals(kick, f.kick(ext, syn));
                float x = v + kick;
                x += alpha * (rest - x);
                assertEquals(x, f.kickThenLeak(v, kick));
                assertEquals(v + (rest - v) * alpha + kick, f.leakWithKick(v, kick));
            });
    }
}
