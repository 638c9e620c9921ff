package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.lif.LifArray;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Clock;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.Signals;

/** The LIF registers in the kernel step exactly like the bit-true LifArray. */
class LifBankRegistersTest
{
    static final class Bank implements ClockedComponent
    {
        final LifBankRegisters bank;
        int[] current;
        final int[] spikes;
        int count;
        final int leak;

        Bank(final LifParams p, final int n, final int leak)
        {
            bank = new LifBankRegisters(p, n, "lif[%d]");
            spikes = new int[n];
            this.leak = leak;
        }

        @Override
        public void declare(final Declarations d)
        {
            bank.declare(d);
        }

        @Override
        public void bind(final Binding b)
        {
            bank.bind(b);
        }

        @Override
        public void edge(final Signals s)
        {
            count = bank.edge(s, current, leak, 256, 0, spikes);
        }
    }

    @Test
    void q88AndQ1612BanksAreLifArrays()
    {
        final LifParams[] ps = {new LifParams(16, 8, 0, 2560, 5120, 2), new LifParams(32, 12, 0, 40960, 81920, 2),
            new LifParams(16, 8, -300, 100, 256, 1)};
        for (final LifParams p : ps)
        {
            final int n = 64;
            final NetlistBuilder b = new NetlistBuilder();
            final Clock clk = b.clock("clk", 1, 0);
            final Bank bank = new Bank(p, n, 20);
            b.add("core0", bank).clock(clk);
            final Design d = b.build();
            final Kernel k = new Kernel(d);
            final LifArray ref = new LifArray(p, n);
            final SplittableRandom r = new SplittableRandom(9);
            final int[] refSpikes = new int[n];
            for (int t = 0; t < 2000; t++)
            {
                final int[] cur = new int[n];
                for (int i = 0; i < n; i++)
                {
                    cur[i] = r.nextInt(-3000, 9000);
                }
                bank.current = cur;
                k.runCycles(clk, 1);
                final int m = ref.step(cur, 20, 256, 0, refSpikes);
                assertEquals(m, bank.count, "step " + t);
                assertArrayEquals(java.util.Arrays.copyOf(refSpikes, m), java.util.Arrays.copyOf(bank.spikes, m));
                for (int i = 0; i < n; i++)
                {
                    final long raw = k.peek("core0.lif[" + i + "].v");
                    final int w = p.dataWidth();
                    assertEquals(ref.v(i), (int)((raw << (64 - w)) >> (64 - w)), "v of " + i + " at step " + t);
                    assertEquals(ref.rc(i), k.peek("core0.lif[" + i + "].rc"));
                }
            }
        }
    }
}
