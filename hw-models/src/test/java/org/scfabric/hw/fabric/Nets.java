package org.scfabric.hw.fabric;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.scfabric.hw.lif.LifParams;

/** Small random networks for the fabric tests: busy enough to spike in a few dozen steps. */
final class Nets
{
    static final LifParams V3 = new LifParams(16, 8, 0, 2560, 5120, 2);
    static final LifParams V11 = new LifParams(32, 12, 0, 40_960, 81_920, 2);

    private Nets()
    {
    }

    /** V3 (q16 = false) or V11 arithmetic, drive strong enough to spike every ~5..20 steps, weights mixed. */
    static FabricNetwork random(final int n, final double p, final boolean q16, final long seed)
    {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int scale = q16 ? 16 : 1;
        final LifParams lif = q16 ? V11 : V3;
        final int leak = q16 ? 20 : 1;
        final int gain = q16 ? 4096 : 256;
        final PoissonDrive drive = new PoissonDrive(1.0 + rnd.nextDouble() * 2, rnd.nextInt());
        final int[] rows = new int[n + 1];
        int[] tg = new int[16];
        int[] wt = new int[16];
        int e = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i != j && rnd.nextDouble() < p)
                {
                    if (e == tg.length)
                    {
                        tg = Arrays.copyOf(tg, 2 * e);
                        wt = Arrays.copyOf(wt, 2 * e);
                    }
                    tg[e] = j;
                    wt[e++] = rnd.nextInt(-1200, 1000) * scale;
                }
            }
            rows[i + 1] = e;
        }
        return new FabricNetwork(lif, leak, gain, 500 * scale, drive, rows, Arrays.copyOf(tg, e), Arrays.copyOf(wt, e));
    }
}
