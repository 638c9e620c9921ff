package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Clock;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.Signals;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultSites;

/**
 * A bank made by the public constructor takes the scalar path until the SIMD path is warmed up and
 * the SIMD path from then on, mid-run: every register after every edge equals a scalar bank's.
 */
class LifLanesWarmUpTest
{
    static final class Bank implements ClockedComponent
    {
        final LifBankRegisters bank;
        final int[] current;
        final int[] spikes;
        int count;

        Bank(final LifBankRegisters bank, final int n)
        {
            this.bank = bank;
            current = new int[n];
            spikes = new int[n];
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
            count = bank.edge(s, current, 16, 256, 0, spikes);
        }
    }

    private static Kernel kernel(final Bank bank)
    {
        final NetlistBuilder b = new NetlistBuilder();
        b.add("core0", bank).clock(b.clock("clk", 1, 0));
        return new Kernel(b.build());
    }

    @Test
    void aBankSwitchingToTheSimdPathMidRunKeepsTheScalarPathsBits()
    {
        assumeTrue(LifBankRegisters.vectorLanes() >= 8, "no AVX-512 here: there is no SIMD path to switch to");
        final LifParams p = new LifParams(16, 8, 0, 2560, 5120, 20);
        final int n = 45;
        final Bank auto = new Bank(new LifBankRegisters(p, n, "lif[%d]"), n);
        final Bank scalar = new Bank(new LifBankRegisters(p, n, "lif[%d]", false), n);
        final Kernel ka = kernel(auto);
        final Kernel kc = kernel(scalar);
        final Clock ca = ka.design().clock("clk");
        final Clock cc = kc.design().clock("clk");
        final FaultSites sites = ka.design().faultSites();
        final SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < 400; t++)
        {
            if (t == 150)
            {
                LifLanesWarmUp.run(); // returns when the SIMD path is warm (at once when a bank started it before)
            }
            for (int i = 0; i < n; i++)
            {
                auto.current[i] = scalar.current[i] = r.nextInt(-3000, 9000);
            }
            if (r.nextInt(5) == 0)
            {
                final long site = r.nextLong(sites.size());
                ka.inject(Fault.flip(site, ka.cycles(ca)));
                kc.inject(Fault.flip(site, kc.cycles(cc)));
            }
            ka.runCycles(ca, 1);
            kc.runCycles(cc, 1);
            assertEquals(scalar.count, auto.count, "spikes at edge " + t);
            assertArrayEquals(Arrays.copyOf(scalar.spikes, scalar.count), Arrays.copyOf(auto.spikes, auto.count));
            for (int s = 0; s < ka.design().signalCount(); s++)
            {
                assertEquals(kc.peek(s), ka.peek(s), "signal " + s + " at edge " + t);
            }
        }
        assertTrue(LifLanesWarmUp.done());
        assertTrue(auto.bank.onLanes(), "after the warm-up the bank takes the SIMD path");
        assertFalse(scalar.bank.onLanes());
    }

    @Test
    void theFlatArrayEdgeSwitchingToTheSimdPathMidRunKeepsTheScalarPathsBits()
    {
        assumeTrue(LifBankRegisters.vectorLanes() >= 8, "no AVX-512 here: there is no SIMD path to switch to");
        final int n = 37;
        final long[] v = new long[n];
        final long[] rc = new long[n];
        final long[] vs = new long[n];
        final long[] rcs = new long[n];
        final long[] in = new long[n];
        final long[] delta = new long[n];
        final long[] deltas = new long[n];
        final int[] spikes = new int[n];
        final int[] spikess = new int[n];
        final SplittableRandom r = new SplittableRandom(9);
        for (int t = 0; t < 300; t++)
        {
            if (t == 100)
            {
                LifLanesWarmUp.run(); // returns when the SIMD path is warm (at once when it was warmed before)
            }
            for (int i = 0; i < n; i++)
            {
                in[i] = r.nextInt(-200_000, 600_000);
                delta[i] = deltas[i] = r.nextInt(-5_000, 5_000);
            }
            final int c = LifArrayEdge.edge(v, rc, in, 0, delta, spikes, n, 32, 12, 3_686, 4_096, 0, 40_960, 81_920, 2);
            final int cs = LifArrayEdge.edge(vs, rcs, in, 0, deltas, spikess, n, 32, 12, 3_686, 4_096, 0, 40_960,
                81_920, 2, false);
            assertArrayEquals(Arrays.copyOf(spikess, cs), Arrays.copyOf(spikes, c), "spikes at edge " + t);
            assertArrayEquals(vs, v, "v at edge " + t);
            assertArrayEquals(rcs, rc, "rc at edge " + t);
            assertArrayEquals(deltas, delta, "delta cleared at edge " + t);
        }
        assertTrue(LifArrayEdge.lanesWarm(), "after the warm-up the flat edge takes the SIMD path");
    }
}
