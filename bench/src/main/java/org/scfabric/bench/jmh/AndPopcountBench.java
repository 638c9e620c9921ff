package org.scfabric.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.fault.Fault;

/**
 * (c) A bitstream AND + popcount pipeline through the kernel, 64 stream bits per {@code long}:
 * 1024 synapses, each edge 64 bits of each. Throughput is in stream bits per second.
 * (d) The same with one stuck-at-1 fault in force on an accumulator bit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class AndPopcountBench
{
    static final int SYNAPSES = 1024;
    static final int WORDS = 64;

    @Param({"none", "stuck-at-1"})
    String fault;

    private Kernel kernel;
    private Clock clk;

    @Setup
    public void setUp()
    {
        final NetlistBuilder b = new NetlistBuilder();
        clk = b.clock("clk", 1, 0);
        b.add("syn", new AndPopcountPart(SYNAPSES, WORDS)).clock(clk);
        final Design d = b.build();
        kernel = new Kernel(d);
        final SplittableRandom r = new SplittableRandom(1);
        for (int a = 0; a < SYNAPSES * WORDS; a++)
        {
            kernel.signals().loadMemory(d.memory("syn.pre"), a, r.nextLong());
            kernel.signals().loadMemory(d.memory("syn.w"), a, r.nextLong());
        }
        if (fault.equals("stuck-at-1"))
        {
            kernel.inject(Fault.stuckAt1(d.faultSites().select("syn.acc[17][9]")[0], 0));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SYNAPSES * 64)
    public long oneEdgeOf1024SynapsesTimes64Bits()
    {
        kernel.runCycles(clk, 1);
        return kernel.peek(0);
    }
}
