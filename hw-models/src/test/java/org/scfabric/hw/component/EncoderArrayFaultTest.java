package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.sc.Lfsr;
import org.scfabric.hw.sc.LfsrTaps;
import org.scfabric.hw.sc.SobolDirections;
import org.scfabric.hw.sc.SobolGenerator;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Clock;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.Signals;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;

/**
 * A window of encoder cycles computed in one kernel edge equals the encoders clocked cycle by cycle
 * on the kernel, faults included (stuck-at and flips at any cycle, inside or outside the window),
 * when the faults are announced to {@link CycleFaults}.
 */
class EncoderArrayFaultTest
{
    static final int N = 3;
    static final int LEN = 40;
    static final int PERIOD = 47;
    static final int STEPS = 6;
    static final int[] X = {30_000, 65_535, 9};
    static final int[] RESET = {0xACE1, 0x1234, 0xFFFF};

    /** Cycle by cycle: each encoder's registers written on every window edge (enable high). */
    static final class Stepped implements ClockedComponent
    {
        final boolean sobol;
        final int[] dirs = SobolDirections.of(2);
        final int[] state = new int[N];
        final int[] point = new int[N];
        final List<long[]> bits = new ArrayList<>();
        long[] cur;

        Stepped(final boolean sobol)
        {
            this.sobol = sobol;
        }

        @Override
        public void declare(final Declarations d)
        {
            for (int i = 0; i < N; i++)
            {
                if (sobol)
                {
                    d.register("enc[" + i + "].cnt", 16, RESET[i]);
                    d.register("enc[" + i + "].pt", 16, EncoderStreams.sobolPoint(2, RESET[i]));
                }
                else
                {
                    d.register("enc[" + i + "].lfsr", 16, RESET[i]);
                }
            }
        }

        @Override
        public void bind(final Binding b)
        {
            for (int i = 0; i < N; i++)
            {
                state[i] = b.signal("enc[" + i + "]." + (sobol ? "cnt" : "lfsr"));
                if (sobol)
                {
                    point[i] = b.signal("enc[" + i + "].pt");
                }
            }
        }

        @Override
        public void edge(final Signals s)
        {
            final long e = s.now();
            final int c = (int)(e % PERIOD);
            if (c < 1 || c > LEN)
            {
                return;
            }
            if (c == 1)
            {
                cur = new long[N];
                bits.add(cur);
            }
            for (int i = 0; i < N; i++)
            {
                if (sobol)
                {
                    final int k = (int)s.get(state[i]);
                    final int p = (int)s.get(point[i]);
                    cur[i] |= (long)(p < X[i] ? 1 : 0) << (c - 1);
                    final int z = SobolGenerator.lowestZeroBit(k);
                    s.setNext(point[i], z == 16 ? 0 : p ^ dirs[z]);
                    s.setNext(state[i], (k + 1) & 0xFFFF);
                }
                else
                {
                    final int r = (int)s.get(state[i]);
                    cur[i] |= (long)(Integer.compareUnsigned(r, X[i]) < 0 ? 1 : 0) << (c - 1);
                    s.setNext(state[i], Lfsr.next(r, LfsrTaps.reference(16), 0xFFFF));
                }
            }
        }
    }

    /** A window per kernel edge, at the window's last cycle. */
    static final class Windowed implements ClockedComponent
    {
        final EncoderArray enc;
        final List<long[]> bits = new ArrayList<>();
        final long[] out = new long[1];

        Windowed(final boolean sobol)
        {
            enc = new EncoderArray(sobol ? EncoderArray.Kind.SOBOL : EncoderArray.Kind.LFSR, "enc[%d]", RESET, 2);
        }

        @Override
        public void declare(final Declarations d)
        {
            enc.declare(d);
        }

        @Override
        public void bind(final Binding b)
        {
            enc.bind(b);
        }

        @Override
        public void edge(final Signals s)
        {
            final long last = s.now();
            final long[] w = new long[N];
            for (int i = 0; i < N; i++)
            {
                enc.window(s, i, X[i], last - LEN + 1, last, last >= PERIOD ? last - PERIOD : -1, out);
                w[i] = out[0];
            }
            bits.add(w);
        }
    }

    static long[] run(final boolean sobol, final boolean windowed, final String site, final FaultKind kind,
        final long cycle)
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 1, 0);
        final Stepped stepped = new Stepped(sobol);
        final Windowed win = new Windowed(sobol);
        if (windowed)
        {
            b.add("u", win).clock(b.derivedClock("w", clk, PERIOD, LEN));
        }
        else
        {
            b.add("u", stepped).clock(clk);
        }
        final Design d = b.build();
        final Kernel k = new Kernel(d);
        final CycleFaults faults = new CycleFaults(d.faultSites());
        win.enc.faults(faults);
        if (site != null)
        {
            final Fault f = new Fault(d.faultSites().select("u." + site)[0], kind, cycle);
            k.inject(f);
            faults.add(f);
        }
        k.runUntil((long)STEPS * PERIOD - 1);
        final List<long[]> bits = windowed ? win.bits : stepped.bits;
        final long[] out = new long[STEPS * N + N * 2];
        for (int t = 0; t < STEPS; t++)
        {
            System.arraycopy(bits.get(t), 0, out, t * N, N);
        }
        for (int i = 0; i < N; i++)
        {
            out[STEPS * N + i] = k.peek("u.enc[" + i + "]." + (sobol ? "cnt" : "lfsr"));
            out[STEPS * N + N + i] = sobol ? k.peek("u.enc[" + i + "].pt") : 0;
        }
        return out;
    }

    @Test
    void fromTheTablesWithoutFaults()
    {
        for (final boolean sobol : new boolean[] {false, true})
        {
            assertArrayEquals(run(sobol, false, null, null, 0), run(sobol, true, null, null, 0));
        }
    }

    @Test
    void cycleByCycleWithAnyAnnouncedFault()
    {
        qt().withFixedSeed(5L).withExamples(300)
            .forAll(integers().between(0, 2 * N - 1), integers().between(0, 31), integers().between(0, 2),
                integers().between(0, STEPS * PERIOD - 2))
            .checkAssert((which, bit, kind, cycle) ->
            {
                final boolean sb = which >= N;
                final int enc = which % N;
                final String reg = sb ? (bit < 16 ? "cnt" : "pt") : "lfsr";
                final String site = "enc[" + enc + "]." + reg + "[" + (bit & 15) + "]";
                final FaultKind k = FaultKind.values()[kind];
                assertArrayEquals(run(sb, false, site, k, cycle), run(sb, true, site, k, cycle),
                    site + " " + k + " at cycle " + cycle);
            });
    }
}
