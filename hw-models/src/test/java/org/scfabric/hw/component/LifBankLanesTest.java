package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Clock;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.Signals;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultSites;

/**
 * The LIF bank's SIMD path gives the scalar path's bits: every register after every edge and the
 * spiking neurons, for Q8.8 and Q16.12 banks of any size (tails shorter than a vector included), any
 * operands (wider than the port: only the low W bits count), and any register contents — flipped bits
 * make huge refractory counters and out-of-range potentials.
 */
class LifBankLanesTest
{
    static final class Bank implements ClockedComponent
    {
        final LifBankRegisters bank;
        final int[] current;
        final int[] spikes;
        int count;
        int leak;
        int gain;
        int noise;

        Bank(final LifParams p, final int n, final boolean simd)
        {
            bank = new LifBankRegisters(p, n, "lif[%d]", simd);
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
            count = bank.edge(s, current, leak, gain, noise, spikes);
        }
    }

    private static Kernel kernel(final Bank bank)
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 1, 0);
        b.add("core0", bank).clock(clk);
        final Design d = b.build();
        return new Kernel(d);
    }

    @Test
    void simdPathGivesTheScalarPathsBits()
    {
        // the tests run with the Vector API (the POM's argLine); the SIMD path needs 512-bit vectors
        assumeTrue(LifBankRegisters.vectorLanes() >= 8, "no AVX-512 here: the SIMD path is off, the scalar one is"
            + " LifBankRegistersTest's");
        qt().withFixedSeed(21L).withExamples(60)
            .forAll(integers().between(1, 70), integers().between(0, 2), longs().all())
            .checkAssert((n, which, seed) ->
            {
                final LifParams p = which == 0 ? new LifParams(16, 8, 0, 2560, 5120, 20)
                    : which == 1 ? new LifParams(32, 12, 0, 40960, 81920, 20) : new LifParams(16, 8, -300, 100, 256, 3);
                final Bank simd = new Bank(p, n, true);
                final Bank scalar = new Bank(p, n, false);
                final Kernel ks = kernel(simd);
                final Kernel kc = kernel(scalar);
                final Clock cs = ks.design().clock("clk");
                final Clock cc = kc.design().clock("clk");
                final FaultSites sites = ks.design().faultSites();
                final SplittableRandom r = new SplittableRandom(seed);
                final int w = p.dataWidth();
                for (int t = 0; t < 300; t++)
                {
                    final boolean wide = r.nextInt(8) == 0;
                    for (int i = 0; i < n; i++)
                    {
                        final int scale = w == 16 ? 1 : 16;
                        final int c = wide ? r.nextInt() : r.nextInt(-3000 * scale, 9000 * scale);
                        simd.current[i] = c;
                        scalar.current[i] = c;
                    }
                    final int leak = r.nextInt(8) == 0 ? r.nextInt() : r.nextInt(0, 64);
                    final int gain = r.nextInt(8) == 0 ? r.nextInt() : 1 << p.fraction();
                    final int noise = r.nextInt(4) == 0 ? r.nextInt() : 0;
                    simd.leak = scalar.leak = leak;
                    simd.gain = scalar.gain = gain;
                    simd.noise = scalar.noise = noise;
                    if (r.nextInt(4) == 0)
                    {
                        // a flipped bit of some register, struck after this edge in both kernels
                        final long site = r.nextLong(sites.size());
                        ks.inject(Fault.flip(site, ks.cycles(cs)));
                        kc.inject(Fault.flip(site, kc.cycles(cc)));
                    }
                    ks.runCycles(cs, 1);
                    kc.runCycles(cc, 1);
                    assertEquals(scalar.count, simd.count, "spikes at edge " + t);
                    assertArrayEquals(Arrays.copyOf(scalar.spikes, scalar.count), Arrays.copyOf(simd.spikes, simd.count));
                    for (int s = 0; s < ks.design().signalCount(); s++)
                    {
                        assertEquals(kc.peek(s), ks.peek(s), "signal " + s + " at edge " + t + " (W = " + w + ")");
                    }
                }
            });
    }
}
