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
import org.scfabric.hw.component.LifBankRegisters;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.Signals;

/**
 * The LIF update V3 and V11 actually run: {@link LifBankRegisters#edge} inside a clocked kernel component, its
 * v, rc and spike registers in kernel register banks (so every bit stays a fault site), one kernel edge
 * (sample, then commit) per invocation over 10 000 neurons with V3's / V11's parameters and currents
 * that make a few percent of them spike. Throughput in neuron updates; compare with
 * {@code LifArrayBench}, the same arithmetic on plain arrays outside the kernel.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class LifBankRegistersBench
{
    static final int NEURONS = 10_000;

    /** Q8.8 (16-bit, V3) or Q16.12 (32-bit, V11). */
    @Param({"Q8.8", "Q16.12"})
    String format;

    private Kernel kernel;
    private Clock clk;

    /** A clocked component holding the registers, fed fixed currents the way V3's core feeds its own. */
    static final class BankPart implements ClockedComponent
    {
        private final LifBankRegisters bank;
        private final int[] current;
        private final int[] spikes;
        private final int leak;
        private final int gain;

        BankPart(final LifParams p, final int[] current, final int leak, final int gain)
        {
            this.bank = new LifBankRegisters(p, current.length, "lif[%d]");
            this.current = current;
            this.spikes = new int[current.length];
            this.leak = leak;
            this.gain = gain;
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
            bank.edge(s, current, leak, gain, 0, spikes);
        }
    }

    @Setup
    public void setUp()
    {
        final boolean q88 = format.equals("Q8.8");
        final LifParams p = q88 ? LifParams.Q8_8.withThreshold(5120).withReset(2560).withRefractory(2)
            : LifParams.Q16_12.withThreshold(81_920).withReset(40_960).withRefractory(2);
        final int[] current = new int[NEURONS];
        final SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < NEURONS; i++)
        {
            current[i] = r.nextInt(q88 ? 80 : 1300);
        }
        final NetlistBuilder b = new NetlistBuilder();
        clk = b.clock("clk", 1, 0);
        b.add("core0", new BankPart(p, current, q88 ? 1 : 20, q88 ? 256 : 4096)).clock(clk);
        final Design d = b.build();
        kernel = new Kernel(d);
    }

    @Benchmark
    @OperationsPerInvocation(NEURONS)
    public long oneEdgeOfTenThousandNeurons()
    {
        kernel.runCycles(clk, 1);
        return kernel.peek(0);
    }
}
