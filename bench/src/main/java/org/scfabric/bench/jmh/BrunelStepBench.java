package org.scfabric.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.scfabric.bench.brunel.BrunelDesign;
import org.scfabric.bench.brunel.BrunelNetwork;
import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.bench.brunel.DriveStream;
import org.scfabric.bench.brunel.Variant;
import org.scfabric.sim.Kernel;

/**
 * One network step of the Brunel network on the kernel: the drive registers loaded, the synaptic
 * input of the previous step's spikes summed, every neuron updated, the spikes published (V18, the
 * float CSR path; V3, the Q8.8 core with its crossbar synapse unit). The drive is a recorded loop of
 * the network's own first {@value #LOOP} steps, so generating it costs nothing here (it runs on its
 * own thread in a real run, see {@code BrunelDriveBench}); the network is warmed into its
 * asynchronous irregular state by JMH's warm-up. Time per step; at N = 10 000 a second of network
 * time is 10 000 steps.
 *
 * <pre>java -cp bench/target/scfabric.jar org.openjdk.jmh.Main BrunelStepBench</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class BrunelStepBench
{
    static final int LOOP = 500;

    @Param({"V18", "V3"})
    public String variant;

    @Param({"1000", "10000"})
    public int neurons;

    private BrunelDesign design;
    private Kernel kernel;
    private long period;
    private long next;

    /** The first LOOP steps of the network's drive, replayed over and over. */
    static final class LoopedDrive implements DriveStream
    {
        private final int n;
        private final int[][] rows;

        LoopedDrive(final DriveStream live, final int steps)
        {
            n = live.size();
            rows = new int[steps][n];
            for (int t = 0; t < steps; t++)
            {
                live.fill(t, rows[t]);
            }
            live.close();
        }

        @Override
        public int size()
        {
            return n;
        }

        @Override
        public int steps()
        {
            return Integer.MAX_VALUE;
        }

        @Override
        public boolean seekable()
        {
            return true;
        }

        @Override
        public void fill(final int step, final int[] out)
        {
            System.arraycopy(rows[step % rows.length], 0, out, 0, n);
        }
    }

    @Setup(Level.Trial)
    public void setUp()
    {
        final BrunelParams p = BrunelParams.ofSize(neurons).withDuration(1e7);
        final BrunelNetwork net = BrunelNetwork.of(p);
        design = BrunelDesign.of(net, new LoopedDrive(net.liveDrive(), LOOP), List.of(Variant.valueOf(variant)));
        kernel = design.newKernel();
        period = design.period();
        next = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        design.close();
    }

    @Benchmark
    public long oneStep()
    {
        next += period;
        kernel.runUntil(next - 1);
        return kernel.now();
    }
}
