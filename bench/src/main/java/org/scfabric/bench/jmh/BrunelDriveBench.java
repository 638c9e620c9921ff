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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.scfabric.bench.brunel.PoissonStream;
import org.scfabric.bench.brunel.PrefetchDrive;
import org.scfabric.random.NumpyGenerator;
import org.scfabric.random.Pcg64;

/**
 * ns per poisson(2.0) draw of one Brunel step at N = 10 000: the Brunel drive's
 * {@link PoissonStream} (generation and parse fused, chunks on SIMD lanes: the fork adds the Vector
 * API module as the {@code scfabric} launcher does) against the
 * generator's bulk {@code poisson(λ, out, from, to)}, and the run's {@link PrefetchDrive} (segments
 * drawn on a helper thread and on the benchmark thread, stitched in order): wall time per draw, so
 * with two idle cores it shows the two threads' share. All give numpy's draws.
 *
 * <pre>java -cp bench/target/scfabric.jar org.openjdk.jmh.Main BrunelDriveBench</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class BrunelDriveBench
{
    static final int N = 10_000;

    private PoissonStream stream;
    private NumpyGenerator gen;
    private int[] counts;
    private PrefetchDrive prefetch;
    private int step;

    @Setup
    public void setUp()
    {
        stream = new PoissonStream(new Pcg64(42), 2.0);
        gen = new NumpyGenerator(42);
        counts = new int[N];
        prefetch = new PrefetchDrive(new Pcg64(42), 2.0, N, Integer.MAX_VALUE);
        step = 0;
    }

    @TearDown
    public void tearDown()
    {
        prefetch.close();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int poissonStream()
    {
        stream.next(counts, 0, N);
        return counts[N - 1];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int generatorBulk()
    {
        gen.poisson(2.0, counts, 0, N);
        return counts[N - 1];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int prefetchDrive()
    {
        prefetch.fill(step++, counts);
        return counts[N - 1];
    }
}
