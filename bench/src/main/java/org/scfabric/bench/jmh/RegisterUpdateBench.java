package org.scfabric.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;

/**
 * (b) Clocked register updates through the kernel: a million 16-bit counters, one edge per
 * operation batch (sample, then commit with fault masks). Throughput is in register updates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class RegisterUpdateBench
{
    static final int COUNTERS = 1_000_000;

    private Kernel kernel;
    private Clock clk;

    @Setup
    public void setUp()
    {
        final NetlistBuilder b = new NetlistBuilder();
        clk = b.clock("clk", 1, 0);
        b.add("counters", new CounterBankPart(16, COUNTERS)).clock(clk);
        final Design d = b.build();
        kernel = new Kernel(d);
    }

    @Benchmark
    @OperationsPerInvocation(COUNTERS)
    public long oneEdgeOfAMillionCounters()
    {
        kernel.runCycles(clk, 1);
        return kernel.peek(0);
    }
}
