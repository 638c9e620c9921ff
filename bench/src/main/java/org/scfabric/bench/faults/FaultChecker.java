package org.scfabric.bench.faults;

import java.util.Arrays;
import java.util.List;

import org.scfabric.sim.Design;
import org.scfabric.sim.fault.Fault;

/**
 * One workload's golden run, kept to judge fault sets against it one at a time: the campaign engine
 * for property tests. {@link #check} runs a fault set with the engine's exact shortcuts (restart at
 * the checkpoint before the first fault, stuck-ats that cannot act classified without a run, stop
 * when the state rejoins the golden run) and returns what the campaign would record.
 * Single-threaded; make one per test thread.
 *
 * <pre>{@code
 * FaultChecker checker = FaultChecker.of(Workloads.of("V3", 200, 50, 42, 1));
 * qt().forAll(FaultGens.stuckAt(checker.design(), "core0.lif[*].v[15]"))
 *     .checkAssert(f -> assertTrue(checker.check(List.of(f)).spikes(neuronOf(f)) == 0));
 * }</pre>
 */
public final class FaultChecker
{
    private final GoldenRun golden;
    private final FaultRunner runner;
    private final int[] goldenCounts;

    private FaultChecker(final FaultBench bench, final double tauMs, final int interval)
    {
        this.golden = new GoldenRun(bench, interval, org.scfabric.sim.fault.FaultSpace.of(bench.kernel().design(),
            "*"));
        this.runner = new FaultRunner(golden, tauMs / bench.msPerTimeUnit());
        this.goldenCounts = new int[Math.max(1, bench.neurons())];
        for (final long k : golden.spikes)
        {
            goldenCounts[SpikeKeys.neuron(k)]++;
        }
    }

    /** A checker with a van Rossum τ of 10 ms and about 64 checkpoints. */
    public static FaultChecker of(final Workload workload)
    {
        return of(workload, 10.0);
    }

    public static FaultChecker of(final Workload workload, final double tauMs)
    {
        final FaultBench b = workload.newBench();
        return new FaultChecker(b, tauMs, (int)Math.max(1, (b.cycles() + 63) / 64));
    }

    /** The design whose fault sites the checked faults name. */
    public Design design()
    {
        return golden.kernel.design();
    }

    /** Cycles of a run (faults strike at cycles 0 .. cycles − 1). */
    public long cycles()
    {
        return golden.cycles;
    }

    /** Spikes of every neuron in the golden run. */
    public int[] goldenSpikes()
    {
        return goldenCounts.clone();
    }

    /** What a run with these faults does, compared with the golden run. */
    public Result check(final List<Fault> faults)
    {
        final boolean same = runner.run(faults);
        if (runner.how == FaultRunner.How.ERROR)
        {
            return new Result(false, 0, Double.NaN, Double.NaN, -1, null, runner.error);
        }
        final SpikeDiff d = runner.diff;
        final int[] counts = goldenCounts.clone();
        for (int t = 0; t < d.nTouched; t++)
        {
            counts[d.touched[t]] += d.touchedDelta[t];
        }
        return new Result(same, d.spikeDelta, (double)d.absCountError / Math.max(1, golden.spikes.length),
            d.vanRossum, d.firstDivergence, counts, null);
    }

    /**
     * @param masked          every spike as in the golden run
     * @param firstDivergence the earliest time (the workload's unit) of a differing spike, −1 if none
     * @param error           the message of a run the simulation stopped, else null
     */
    public record Result(boolean masked, long spikeDelta, double rateError, double vanRossum, long firstDivergence,
        int[] spikesPerNeuron, String error)
    {
        /** Spikes of one neuron in the faulty run. */
        public int spikes(final int neuron)
        {
            return spikesPerNeuron[neuron];
        }

        @Override
        public String toString()
        {
            return error != null ? "stopped: " + error : masked ? "masked" : "spike delta " + spikeDelta
                + ", rate error " + rateError + ", van Rossum " + vanRossum + ", first divergence " + firstDivergence
                + (spikesPerNeuron == null ? "" : ", " + Arrays.stream(spikesPerNeuron).sum() + " spikes");
        }
    }
}
