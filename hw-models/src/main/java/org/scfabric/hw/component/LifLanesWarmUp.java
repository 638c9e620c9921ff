package org.scfabric.hw.component;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Clock;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.Signals;

/**
 * The LIF bank's SIMD path compiled on a helper thread before any bank uses it. Until C2 has compiled
 * {@link LifBankLanes#edge}, every vector operation is an object: a fault campaign's golden run of
 * V3 (1 000 neurons, 2 000 edges) took 1.5–3 s instead of 0.6 s. So a bank takes the scalar path —
 * the same bits, {@code LifBankLanesTest} — until {@link #done()}, and the first bank that could take
 * the SIMD path starts this warm-up: {@value #EDGES} edges of a private {@value #NEURONS}-neuron bank
 * on random currents, then {@value #ARRAY_EDGES} of the flat-array edge ({@link LifArrayEdge}, which
 * waits for it the same way), once per JVM, on a daemon thread.
 */
final class LifLanesWarmUp
{
    static final int NEURONS = 64;
    static final int EDGES = 12_000;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile boolean done;

    private LifLanesWarmUp()
    {
    }

    /** Whether the SIMD path has been warmed up (or the warm-up gave up: the path is exact either way). */
    static boolean done()
    {
        return done;
    }

    /** Starts the warm-up unless it has started already. */
    static void start()
    {
        if (STARTED.compareAndSet(false, true))
        {
            final Thread t = new Thread(LifLanesWarmUp::run, "lif-lanes-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Runs the warm-up on the calling thread (tests), then marks it done. */
    static void run()
    {
        try
        {
            final Bank bank = new Bank();
            final NetlistBuilder b = new NetlistBuilder();
            final Clock clk = b.clock("clk", 1, 0);
            b.add("warm", bank).clock(clk);
            final Kernel k = new Kernel(b.build());
            final SplittableRandom r = new SplittableRandom(0x11F);
            for (int t = 0; t < EDGES; t++)
            {
                for (int i = 0; i < NEURONS; i++)
                {
                    bank.current[i] = r.nextInt(-3000, 9000);
                }
                k.runCycles(clk, 1);
            }
            warmArrays(r);
        }
        finally
        {
            done = true;
        }
    }

    /**
     * {@link LifBankLanes#edgeArrays}, the flat-array edge of a fault replay, at V3's and V11's widths:
     * a replay's first dense steps would otherwise run it with every vector an object.
     */
    private static void warmArrays(final SplittableRandom r)
    {
        final long[] v = new long[NEURONS];
        final long[] rc = new long[NEURONS];
        final long[] in = new long[NEURONS];
        final long[] delta = new long[NEURONS];
        final int[] spikes = new int[NEURONS];
        for (int t = 0; t < ARRAY_EDGES; t++)
        {
            final boolean q16 = (t & 1) == 1;
            for (int i = 0; i < NEURONS; i++)
            {
                in[i] = q16 ? r.nextInt(-200_000, 600_000) : r.nextInt(-3000, 9000);
            }
            if (q16)
            {
                LifBankLanes.edgeArrays(v, rc, in, 0, delta, spikes, NEURONS, 32, 12, 3_686, 4_096, 0, 0, 40_960,
                    81_920, 2);
            }
            else
            {
                LifBankLanes.edgeArrays(v, rc, in, 0, delta, spikes, NEURONS, 16, 8, 230, 256, 0, 0, 2560, 5120, 20);
            }
        }
    }

    /** Edges of {@link #warmArrays}. */
    static final int ARRAY_EDGES = 8_000;

    /** A bank that always takes the SIMD path. */
    private static final class Bank implements ClockedComponent
    {
        final LifBankRegisters bank = new LifBankRegisters(new LifParams(16, 8, 0, 2560, 5120, 20), NEURONS, "lif[%d]", true);
        final int[] current = new int[NEURONS];
        final int[] spikes = new int[NEURONS];

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
            bank.edge(s, current, 16, 256, 0, spikes);
        }
    }
}
