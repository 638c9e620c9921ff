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
import org.scfabric.random.NumpyGenerator;

/**
 * ns per draw of the numpy-compatible stream: poisson(2.0) (the Brunel external drive, about three
 * uniforms per draw) and random() (the connectivity matrix), one at a time versus the bulk fills.
 * Every benchmark does {@value #N} draws per invocation (one Brunel step at N = 10 000).
 *
 * <pre>java -cp bench/target/scfabric.jar org.openjdk.jmh.Main RandomStreamBench -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RandomStreamBench {

    static final int N = 10_000;
    static final double LAMBDA = 2.0;

    private NumpyGenerator gen;
    private int[] counts;
    private double[] uniforms;

    @Setup
    public void setup() {
        gen = new NumpyGenerator(42);
        counts = new int[N];
        uniforms = new double[N];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int poissonScalar() {
        NumpyGenerator g = gen;
        int[] out = counts;
        for (int i = 0; i < N; i++) {
            out[i] = (int) g.poisson(LAMBDA);
        }
        return out[N - 1];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int poissonBulk() {
        gen.poisson(LAMBDA, counts, 0, N);
        return counts[N - 1];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double randomScalar() {
        NumpyGenerator g = gen;
        double[] out = uniforms;
        for (int i = 0; i < N; i++) {
            out[i] = g.random();
        }
        return out[N - 1];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double randomBulk() {
        gen.random(uniforms, 0, N);
        return uniforms[N - 1];
    }
}
