package org.scfabric.hw.lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Golden traces of the current-based LIF core (docs/spec/hardware.md), worked out by hand. */
class CubaLifCoreTest
{
    /** (spike, v, i) after each of n edges with constant inputs, as "s,v,i s,v,i ...". */
    private static String trace(final CubaLifCore c, final int kSyn, final int kMem, final int wIn, final int r,
        final int current, final int n)
    {
        final StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++)
        {
            c.clock(kSyn, kMem, wIn, r, current);
            sb.append(k == 0 ? "" : " ").append(c.spike()).append(',').append(c.vOut()).append(',').append(c.iOut());
        }
        return sb.toString();
    }

    @Test
    void currentRisesFirstAndTheMembraneFollowsWithTheNewCurrent()
    {
        // k_syn 0.25, k_mem 0.125, w_in = r = 1.0, I = 1.0: drive 256;
        // i: 0 + 256/4 = 64, + 192/4 = 112, + 144/4 = 148, + 108/4 = 175
        // v: 64/8 = 8, 8 + floor(104/8) = 21, 21 + floor(127/8) = 36, 36 + floor(139/8) = 53
        final CubaLifCore c = new CubaLifCore(CubaLifParams.Q8_8);
        assertEquals("0,8,64 0,21,112 0,36,148 0,53,175", trace(c, 64, 32, 256, 256, 256, 4));
    }

    @Test
    void thresholdIsStrictAndTheCurrentSurvivesASpike()
    {
        // k_syn = k_mem = 0.5, w_in 2.0, I 1.0: drive 512; v reaches exactly 256 = V_TH on edge 2 without firing;
        // i keeps integrating through every reset of v.
        final CubaLifCore c = new CubaLifCore(CubaLifParams.Q8_8);
        assertEquals("0,128,256 0,256,384 1,0,448 0,240,480 1,0,496 0,252,504 1,0,508",
            trace(c, 128, 128, 512, 256, 256, 7));
    }

    @Test
    void negativeDriveRoundsTowardMinusInfinity()
    {
        // the mirror of the first trace: -8, then -8 + (-104*32 >> 8 = -13) = -21, then -21 + floor(-127/8) = -37 (not -36)
        final CubaLifCore c = new CubaLifCore(CubaLifParams.Q8_8);
        assertEquals("0,-8,-64 0,-21,-112 0,-37,-148", trace(c, 64, 32, 256, 256, -256, 3));
    }

    @Test
    void leakPullsTowardVLeakAndResetGoesToVReset()
    {
        // no input, k_mem 0.5: v moves halfway to V_LEAK = -512 each edge
        final CubaLifCore down = new CubaLifCore(CubaLifParams.Q8_8.withLeak(-512).withReset(-100));
        assertEquals("0,-256,0 0,-384,0 0,-448,0", trace(down, 0, 128, 0, 0, 0, 3));
        // V_LEAK 1024 above the threshold: 0 -> 512 fires, -100 + (1124 >> 1) = 462 fires again
        final CubaLifCore up = new CubaLifCore(CubaLifParams.Q8_8.withLeak(1024).withReset(-100));
        assertEquals("1,-100,0 1,-100,0", trace(up, 0, 128, 0, 0, 0, 2));
    }

    @Test
    void currentPastTheTopWrapsNegative()
    {
        // k_syn 2.0: 32000 + 2 * (32767 - 32000) = 33534, which wraps to -32002 in 16 bits
        final CubaLifCore c = new CubaLifCore(CubaLifParams.Q8_8);
        c.forceI(32000);
        assertEquals(0, c.clock(512, 0, 256, 0, 32767));
        assertEquals(-32002, c.i());
        assertEquals(0, c.v());
    }

    @Test
    void q16_12HasTheSameTraceScaledBy16()
    {
        final CubaLifCore c = new CubaLifCore(CubaLifParams.Q16_12);
        assertEquals("0,2048,4096 0,4096,6144 1,0,7168", trace(c, 2048, 2048, 8192, 4096, 4096, 3));
    }

    @Test
    void theNonSpikingCoreNeverFires()
    {
        final CubaLifCore c = new CubaLifCore(CubaLifParams.Q8_8.nonSpiking());
        final SplittableRandom rnd = new SplittableRandom(12);
        int above = 0;
        for (int k = 0; k < 20_000; k++)
        {
            assertEquals(0, c.clock(rnd.nextInt(-512, 512), rnd.nextInt(-512, 512), rnd.nextInt(-1024, 1024),
                rnd.nextInt(-1024, 1024), rnd.nextInt(-32768, 32768)));
            above += c.v() > 256 ? 1 : 0;
        }
        assertTrue(above > 1000, "v went above the Q8.8 threshold often: " + above);
    }

    @Test
    void stuckAtOnTheCurrentRegisterIsAppliedWhereItIsWritten()
    {
        final CubaLifCore c = new CubaLifCore(CubaLifParams.Q8_8);
        c.iFault(~0x40, 0);     // bit 6 stuck at 0: i = 64 is written as 0
        c.clock(64, 32, 256, 256, 256);
        assertEquals(0, c.i());
        assertEquals(8, c.v(), "v was computed from the fault-free i_next on this edge");
        c.clearFaults();
        c.iFault(-1, 0x8000);   // sign bit stuck at 1
        c.clock(0, 0, 0, 0, 0);
        assertEquals(-32768, c.i());
    }

    @Test
    void parametersAreChecked()
    {
        assertThrows(IllegalArgumentException.class, () -> new CubaLifParams(16, 16, 0, 0, 256));
        assertThrows(IllegalArgumentException.class, () -> new CubaLifParams(16, 8, 0, 0, 40_000));
        assertThrows(IllegalArgumentException.class, () -> new CubaLifParams(33, 8, 0, 0, 256));
    }
}
