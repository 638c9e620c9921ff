package org.scfabric.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Clock;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.CombinationalComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.Signals;
import org.scfabric.sim.Snapshot;

/**
 * The kernel's own loop, apart from any component's work: (e) one clock edge whose register feeds
 * {@value #WIDTH} combinational instances, each feeding another one in a scrambled order (two delta
 * cycles of {@value #WIDTH} evaluations; the second delta's instances are found in an order unlike
 * theirs); (f) restoring a snapshot, as a fault campaign does before every faulty run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class KernelLoopBench
{
    static final int WIDTH = 256;

    private Kernel kernel;
    private Clock clk;
    private Snapshot snapshot;

    @Setup
    public void setUp()
    {
        final NetlistBuilder b = new NetlistBuilder();
        clk = b.clock("clk", 1, 0);
        b.add("cnt", new Count()).clock(clk).connect("q", "q");
        for (int i = 0; i < WIDTH; i++)
        {
            b.net("a" + i, 16);
            b.net("y" + i, 16);
        }
        for (int i = 0; i < WIDTH; i++)
        {
            b.add("s1_" + i, new Xor(i)).connect("x", "q").connect("y", "a" + i);
        }
        // stage 2 instance j reads stage-1 net (j * 97) mod WIDTH: its fan-out order is not instance order
        for (int j = 0; j < WIDTH; j++)
        {
            b.add("s2_" + j, new Xor(j)).connect("x", "a" + (j * 97 % WIDTH)).connect("y", "y" + j);
        }
        kernel = new Kernel(b.build());
        kernel.runCycles(clk, 100);
        snapshot = kernel.snapshot();
    }

    @Benchmark
    public long edgeWithTwoDeltaCycles()
    {
        kernel.runCycles(clk, 1);
        return kernel.deltaCycles();
    }

    @Benchmark
    public long restoreSnapshot()
    {
        kernel.restore(snapshot);
        return kernel.simulatedUpTo();
    }

    /** A free-running 16-bit counter. */
    static final class Count implements ClockedComponent
    {
        private int q;

        @Override
        public void declare(final Declarations d)
        {
            d.output("q", 16);
        }

        @Override
        public void bind(final Binding b)
        {
            q = b.signal("q");
        }

        @Override
        public void edge(final Signals s)
        {
            s.setNext(q, s.get(q) + 1);
        }
    }

    /** y = x XOR k. */
    static final class Xor implements CombinationalComponent
    {
        private final long k;
        private int x;
        private int y;

        Xor(final long k)
        {
            this.k = k;
        }

        @Override
        public void declare(final Declarations d)
        {
            d.input("x", 16);
            d.output("y", 16);
        }

        @Override
        public void bind(final Binding b)
        {
            x = b.signal("x");
            y = b.signal("y");
        }

        @Override
        public void evaluate(final Signals s)
        {
            s.drive(y, s.get(x) ^ k);
        }
    }
}
