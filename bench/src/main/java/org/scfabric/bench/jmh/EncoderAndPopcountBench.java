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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scfabric.hw.sc.AndSynapse;
import org.scfabric.hw.sc.BitSlicedEncoderBank;
import org.scfabric.hw.sc.LfsrEncoderBank;

/**
 * The whole SC front end of a 256-input layer: 256 input encoders and 256 weight encoders (LFSR +
 * comparator, the reference seed plan), 256 AND-gate synapses and the popcount, on two word-parallel
 * paths. {@code perLane}: each encoder produces 64 stream bits per call
 * ({@link LfsrEncoderBank#clock64}), then AND + popcount on whole {@code long}s. {@code bitSliced}:
 * 64 lanes side by side in each word ({@link BitSlicedEncoderBank}), one cycle of 64 synapses per
 * AND + popcount. Throughput in stream bits (synapse-cycles) per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class EncoderAndPopcountBench
{
    static final int SYNAPSES = 256;

    private LfsrEncoderBank inputs;
    private LfsrEncoderBank weights;
    private int[] x;
    private int[] w;
    private long[] xBits;
    private long[] wBits;
    private BitSlicedEncoderBank slicedInputs;
    private BitSlicedEncoderBank slicedWeights;
    private long[] xWord;
    private long[] wWord;

    @Setup
    public void setUp()
    {
        inputs = LfsrEncoderBank.inputs(SYNAPSES);
        weights = LfsrEncoderBank.weights(SYNAPSES);
        x = new int[SYNAPSES];
        w = new int[SYNAPSES];
        final SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < SYNAPSES; i++)
        {
            x[i] = r.nextInt(1 << 16);
            w[i] = r.nextInt(1 << 16);
        }
        xBits = new long[SYNAPSES];
        wBits = new long[SYNAPSES];
        slicedInputs = BitSlicedEncoderBank.inputs(SYNAPSES);
        slicedWeights = BitSlicedEncoderBank.weights(SYNAPSES);
        slicedInputs.load(x);
        slicedWeights.load(w);
        xWord = new long[slicedInputs.groups()];
        wWord = new long[slicedWeights.groups()];
    }

    @Benchmark
    @OperationsPerInvocation(SYNAPSES * 64)
    public int perLane()
    {
        inputs.clock64(x, xBits);
        weights.clock64(w, wBits);
        return AndSynapse.andPopcount(xBits, wBits, SYNAPSES);
    }

    @Benchmark
    @OperationsPerInvocation(SYNAPSES * 64)
    public int bitSliced()
    {
        int count = 0;
        for (int cycle = 0; cycle < 64; cycle++)
        {
            slicedInputs.clock(xWord);
            slicedWeights.clock(wWord);
            for (int g = 0; g < xWord.length; g++)
            {
                count += Long.bitCount(xWord[g] & wWord[g]);
            }
        }
        return count;
    }
}
