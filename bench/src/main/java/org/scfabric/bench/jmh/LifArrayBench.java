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
import org.scfabric.hw.lif.LifArray;
import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;

/**
 * Bit-true LIF updates on flat arrays ({@link LifArray#step}): 10 000 neurons, one edge per
 * invocation, currents that make a few percent of them spike. Throughput in neuron updates.
 * {@link #genericFormula} is the same loop with {@link LifCore#vNext}, the width-generic formula,
 * in place of LifArray's W = 16 and W = 32 ones: what those specialisations gain.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class LifArrayBench
{
    static final int NEURONS = 10_000;

    /** Q8.8 (16-bit) or Q16.12 (32-bit). */
    @Param({"Q8.8", "Q16.12"})
    String format;

    private LifArray lif;
    private LifParams params;
    private int[] v;
    private int[] rc;
    private int[] current;
    private int[] spikes;
    private int leak;
    private int gain;

    @Setup
    public void setUp()
    {
        final boolean q88 = format.equals("Q8.8");
        final LifParams p = q88 ? LifParams.Q8_8.withThreshold(5120).withReset(2560).withRefractory(2)
            : LifParams.Q16_12.withThreshold(81_920).withReset(40_960).withRefractory(2);
        lif = new LifArray(p, NEURONS);
        params = p;
        v = new int[NEURONS];
        java.util.Arrays.fill(v, p.vRest());
        rc = new int[NEURONS];
        leak = q88 ? 1 : 20;
        gain = q88 ? 256 : 4096;
        current = new int[NEURONS];
        final SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < NEURONS; i++)
        {
            current[i] = r.nextInt(q88 ? 80 : 1300);
        }
        spikes = new int[NEURONS];
    }

    @Benchmark
    @OperationsPerInvocation(NEURONS)
    public int oneEdgeOfTenThousandNeurons()
    {
        return lif.step(current, leak, gain, 0, spikes);
    }

    @Benchmark
    @OperationsPerInvocation(NEURONS)
    public int genericFormula()
    {
        final int[] v = this.v;
        final int[] rc = this.rc;
        final int[] cur = current;
        final int[] out = spikes;
        final LifParams p = params;
        final int w = p.dataWidth();
        final int f = p.fraction();
        final int vRest = p.vRest();
        final int vTh = p.vThreshold();
        int count = 0;
        for (int i = 0; i < NEURONS; i++)
        {
            if (rc[i] != 0)
            {
                rc[i]--;
                v[i] = vRest;
                continue;
            }
            final int next = LifCore.vNext(v[i], leak, gain, cur[i], 0, vRest, w, f);
            if (next >= vTh)
            {
                v[i] = p.vReset();
                rc[i] = p.refractoryPeriod();
                out[count++] = i;
            }
            else
            {
                v[i] = next;
            }
        }
        return count;
    }
}
