package org.scfabric.hw.lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The golden traces of docs/spec/hardware.md §1, one test each, plus the notes of that section. */
class LifCoreTest
{
    /** (spike, v_out) after each of n edges with constant inputs, as "s,v s,v ...". */
    private static String trace(final LifCore lif, final int leak, final int gain, final int current, final int n)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            lif.clock(leak, gain, current, 0);
            sb.append(i == 0 ? "" : " ").append(lif.spike()).append(',').append(lif.vOut());
        }
        return sb.toString();
    }

    private static String voltages(final LifCore lif, final int leak, final int gain, final int current, final int n)
    {
        final StringBuilder sb = new StringBuilder().append(lif.v());
        for (int i = 1; i < n; i++)
        {
            lif.clock(leak, gain, current, 0);
            sb.append(' ').append(lif.v());
        }
        return sb.toString();
    }

    @Test
    void constantInput200WithRefractory2SpikesEveryFourCycles()
    {
        final LifCore lif = new LifCore(LifParams.Q8_8.withRefractory(2));
        assertEquals("0,200 1,0 0,0 0,0 0,200 1,0 0,0 0,0 0,200 1,0", trace(lif, 20, 256, 200, 10));
    }

    @Test
    void constantInput128WithRefractory2ClimbsTwiceThenSpikes()
    {
        final LifCore lif = new LifCore(LifParams.Q8_8.withRefractory(2));
        assertEquals("0,128 0,246 1,0 0,0 0,0 0,128 0,246 1,0", trace(lif, 20, 256, 128, 8));
    }

    @Test
    void leak16Input85WithoutRefractorySpikesOnTheFourthEdge()
    {
        final LifCore lif = new LifCore(LifParams.Q8_8);
        assertEquals("0,85 0,164 0,238 1,0 0,85 0,164 0,238 1,0", trace(lif, 16, 256, 85, 8));
    }

    @Test
    void gain16OnInput100GivesSixAndLeak240HoldsItThere()
    {
        final LifCore lif = new LifCore(LifParams.Q8_8);
        assertEquals("0,6 0,6 0,6 0,6 0,6", trace(lif, 240, 16, 100, 5));
    }

    @Test
    void leak64DecaysPositiveAndNegativeVoltagesAsymmetrically()
    {
        final LifCore up = new LifCore(LifParams.Q8_8);
        up.forceV(100);
        assertEquals("100 75 56 42 31 23", voltages(up, 64, 0, 0, 6));
        final LifCore down = new LifCore(LifParams.Q8_8);
        down.forceV(-100);
        assertEquals("-100 -75 -57 -43 -33 -25", voltages(down, 64, 0, 0, 6));
    }

    @Test
    void sumPastTheTopWrapsNegativeAndDoesNotSpike()
    {
        final LifCore lif = new LifCore(LifParams.Q8_8.withThreshold(32767));
        lif.forceV(32000);
        assertEquals(0, lif.clock(0, 256, 1000, 0));
        assertEquals(-32536, lif.v());
    }

    @Test
    void negativeLeakAmplifies()
    {
        final LifCore lif = new LifCore(LifParams.Q8_8.withThreshold(32767));
        lif.clock(-32, 256, 10, 0);
        assertEquals("10 21 33 47 62 79 98 120", voltages(lif, -32, 256, 10, 8));
    }

    @Test
    void refractoryHoldsVRestNotVResetWhichIsSeenOnlyInTheSpikeCycle()
    {
        final LifCore lif = new LifCore(new LifParams(16, 8, -10, 50, 256, 2));
        assertEquals("0,190 1,50 0,-10 0,-10 0,190", trace(lif, 0, 256, 200, 5));
    }

    @Test
    void thresholdCompareIsSignedAndInclusive()
    {
        final LifCore lif = new LifCore(LifParams.Q8_8);
        assertEquals(1, lif.clock(0, 256, 256, 0)); // v_next == V_TH spikes (Brian2 would not)
        final LifCore neg = new LifCore(LifParams.Q8_8.withThreshold(-5));
        assertEquals(0, neg.clock(0, 256, -6, 0));
        assertEquals(1, neg.clock(0, 256, 1, 0)); // -6 + 1 = -5 >= -5
    }

    @Test
    void minimumInterSpikeIntervalIsRefractoryPlusOne()
    {
        for (int r = 0; r <= 5; r++)
        {
            final LifCore lif = new LifCore(LifParams.Q8_8.withRefractory(r));
            int last = -1;
            for (int t = 0; t < 50; t++)
            {
                if (lif.clock(0, 256, 1000, 0) == 1)
                {
                    if (last >= 0)
                    {
                        assertEquals(r + 1, t - last, "refractory " + r);
                    }
                    last = t;
                }
            }
        }
    }

    @Test
    void q16_12IsTheSameCircuitWith64BitProducts()
    {
        // the decay trace scaled by 16 (Q8.8 -> Q16.12): products overflow 32 bits at v = 2^20
        final LifCore lif = new LifCore(LifParams.Q16_12.withThreshold(Integer.MAX_VALUE));
        lif.forceV(1 << 20);
        lif.clock(1 << 14, 0, 0, 0);
        // (0 - 2^20) * 2^14 = -2^34, >> 12 = -2^22: v = 2^20 - 2^22
        assertEquals((1 << 20) - (1 << 22), lif.v());
        final LifCore inp = new LifCore(LifParams.Q16_12.withThreshold(Integer.MAX_VALUE));
        inp.clock(0, 4096, 100_000, 0);
        assertEquals(100_000, inp.v());
    }

    @Test
    void resetClearsVoltageRefractoryAndSpike()
    {
        final LifCore lif = new LifCore(new LifParams(16, 8, -7, 3, 256, 3));
        lif.clock(0, 256, 1000, 0);
        assertEquals(1, lif.spike());
        lif.reset();
        assertEquals(-7, lif.v());
        assertEquals(0, lif.rc());
        assertEquals(0, lif.spike());
    }

    @Test
    void stuckAtOnTheSpikeRegisterMasksItsOutputOnly()
    {
        final LifCore lif = new LifCore(LifParams.Q8_8);
        lif.spikeFault(0, 0);
        assertEquals(0, lif.clock(0, 256, 300, 0));
        assertEquals(0, lif.v()); // the neuron still fired internally and reset v
    }

    @Test
    void parametersOutsideTheWidthAreRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> new LifParams(16, 8, 0, 0, 40_000, 0));
        assertThrows(IllegalArgumentException.class, () -> new LifParams(16, 32, 0, 0, 256, 0));
        assertThrows(IllegalArgumentException.class, () -> new LifParams(33, 8, 0, 0, 256, 0));
    }
}
