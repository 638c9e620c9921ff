package org.scfabric.hw.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.lif.LifParams;

class DenseLayerCoreTest
{
    private static final int[] X = {60_000, 20_000, 40_000};
    private static final int[] W = {30_000, 65_535, 50_000};

    private static String bits(final long b, final int n)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.append((b >>> i) & 1);
        }
        return sb.toString();
    }

    /** "x|w|I|v0,v1" after an edge, spikes appended as "!" per spiking neuron. */
    private static String row(final DenseLayerCore core)
    {
        return bits(core.xBits(), 3) + "|" + bits(core.wBits(), 3) + "|" + core.current(0, 600) + "|"
            + core.v(0) + "," + core.v(1) + "!".repeat(Long.bitCount(core.spikes()));
    }

    @Test
    void goldenRunReproducesEdgesK1ToK9()
    {
        final DenseLayerCore core = new DenseLayerCore(3, 2, LifParams.Q8_8);
        core.reset();
        final String[] expected = {
            "100|011|0|0,0", "101|011|200|0,0", "100|010|0|200,200", "101|010|0|187,187", "100|010|0|175,175",
            "100|010|0|164,164", "111|011|400|153,153", "101|011|200|0,0!!", "100|011|0|200,200"};
        for (int k = 0; k < expected.length; k++)
        {
            core.clock(true, 200, X, W, 0, 600, 16, 256);
            assertEquals(expected[k], row(core), "after edge k" + (k + 1));
        }
    }

    @Test
    void runningIsHighForExactlyStreamLenCyclesThenRunDonePulsesOnce()
    {
        final DenseLayerCore core = new DenseLayerCore(3, 2, LifParams.Q8_8);
        core.reset();
        core.clock(false, 5, X, W, 0, 600, 16, 256);
        assertEquals(0, core.running(), "idle without start");
        core.clock(true, 5, X, W, 0, 600, 16, 256);
        int high = 0;
        int doneAt = -1;
        for (int t = 0; t < 12; t++)
        {
            high += core.running();
            if (core.runDone() == 1)
            {
                assertEquals(-1, doneAt, "run_done is a single pulse");
                doneAt = t;
            }
            core.clock(t < 3, 5, X, W, 0, 600, 16, 256); // start held high while running is ignored
        }
        assertEquals(5, high);
        assertEquals(5, doneAt);
    }

    @Test
    void zeroStreamLenPulsesRunDoneWithoutRunning()
    {
        final DenseLayerCore core = new DenseLayerCore(3, 2, LifParams.Q8_8);
        core.reset();
        core.clock(true, 0, X, W, 0, 600, 16, 256);
        assertEquals(0, core.running());
        assertEquals(1, core.runDone());
    }

    @Test
    void idleCyclesBeforeStartChangeTheStreams()
    {
        final DenseLayerCore a = new DenseLayerCore(3, 2, LifParams.Q8_8);
        final DenseLayerCore b = new DenseLayerCore(3, 2, LifParams.Q8_8);
        a.reset();
        b.reset();
        b.clock(false, 200, X, W, 0, 600, 16, 256); // one idle cycle
        a.clock(true, 200, X, W, 0, 600, 16, 256);
        b.clock(true, 200, X, W, 0, 600, 16, 256);
        assertEquals("100", bits(a.xBits(), 3));
        assertEquals("101", bits(b.xBits(), 3));
    }
}
