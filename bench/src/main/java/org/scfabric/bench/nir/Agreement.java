package org.scfabric.bench.nir;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.net.ref.ArithmeticRun;

/**
 * How a run's outputs agree with float64's, per output node and neuron: equal spike counts, the first step
 * at which the neuron's output differs (a spike in one run and not the other; null when none), the
 * {@link VanRossum} distance of the two trains, and whether the neuron with the most spikes (lowest index on
 * ties) is the same — the readout's decision. {@link #layers} compares every spiking node's counts.
 */
public final class Agreement
{
    private Agreement()
    {
    }

    /**
     * @param neurons output neurons
     * @param countsEqual neurons with float64's spike count
     * @param firstDivergence per neuron: first differing step, or -1
     * @param argmaxFloat64 float64's most-spiking neuron (-1 without spikes)
     * @param argmax this run's
     * @param vanRossum per neuron: the van Rossum distance to float64's train
     */
    public record Output(int neurons, int countsEqual, int[] firstDivergence, int argmaxFloat64, int argmax,
        double[] vanRossum)
    {
        /** The mean van Rossum distance over the neurons (0 without neurons). */
        public double meanVanRossum()
        {
            double s = 0;
            for (final double d : vanRossum)
            {
                s += d;
            }
            return vanRossum.length == 0 ? 0 : s / vanRossum.length;
        }

        public boolean argmaxAgrees()
        {
            return argmax == argmaxFloat64;
        }
    }

    /** Per output node, van Rossum τ = {@link VanRossum#DEFAULT_TAU_STEPS}. */
    public static Map<String, Output> of(final ArithmeticRun ref, final ArithmeticRun run)
    {
        return of(ref, run, VanRossum.DEFAULT_TAU_STEPS);
    }

    /** Per output node; {@code tau}: the van Rossum time constant in steps. */
    public static Map<String, Output> of(final ArithmeticRun ref, final ArithmeticRun run, final double tau)
    {
        final Map<String, Output> m = new LinkedHashMap<>();
        for (final Map.Entry<String, ArithmeticRun.OutputTrain> e : ref.outputs().entrySet())
        {
            m.put(e.getKey(), compare(e.getValue(), run.outputs().get(e.getKey()), tau));
        }
        return m;
    }

    /**
     * Per spiking node (node order; the runs' {@code neuronSpikes}): the fraction of its neurons whose spike count
     * equals float64's. Empty when either run did not count per neuron.
     */
    public static Map<String, Double> layers(final ArithmeticRun ref, final ArithmeticRun run)
    {
        final Map<String, Double> m = new LinkedHashMap<>();
        for (final Map.Entry<String, long[]> e : ref.neuronSpikes().entrySet())
        {
            final long[] a = e.getValue();
            final long[] b = run.neuronSpikes().get(e.getKey());
            if (b == null || b.length != a.length)
            {
                continue;
            }
            int equal = 0;
            for (int i = 0; i < a.length; i++)
            {
                equal += a[i] == b[i] ? 1 : 0;
            }
            m.put(e.getKey(), a.length == 0 ? 1.0 : (double)equal / a.length);
        }
        return m;
    }

    static Output compare(final ArithmeticRun.OutputTrain a, final ArithmeticRun.OutputTrain b)
    {
        return compare(a, b, VanRossum.DEFAULT_TAU_STEPS);
    }

    static Output compare(final ArithmeticRun.OutputTrain a, final ArithmeticRun.OutputTrain b, final double tau)
    {
        int size = 1;
        for (final int d : a.shape())
        {
            size *= d;
        }
        final long[] ca = new long[size];
        final long[] cb = new long[size];
        final int[] first = new int[size];
        java.util.Arrays.fill(first, -1);
        for (int i = 0; i < a.size(); i++)
        {
            ca[a.indices()[i]]++;
        }
        for (int i = 0; i < b.size(); i++)
        {
            cb[b.indices()[i]]++;
        }
        // both trains are in (step, index) order: merge them, the first unmatched entry of a neuron is its divergence
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size())
        {
            final int c = i >= a.size() ? 1 : j >= b.size() ? -1 : compare(a, i, b, j);
            if (c == 0)
            {
                i++;
                j++;
                continue;
            }
            final int idx = c < 0 ? a.indices()[i] : b.indices()[j];
            final int step = c < 0 ? a.steps()[i] : b.steps()[j];
            if (first[idx] < 0)
            {
                first[idx] = step;
            }
            if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        int equal = 0;
        for (int k = 0; k < size; k++)
        {
            equal += ca[k] == cb[k] ? 1 : 0;
        }
        return new Output(size, equal, first, argmax(ca), argmax(cb),
            VanRossum.perNeuron(size, a.steps(), a.indices(), b.steps(), b.indices(), tau));
    }

    private static int compare(final ArithmeticRun.OutputTrain a, final int i, final ArithmeticRun.OutputTrain b,
        final int j)
    {
        final int c = Integer.compare(a.steps()[i], b.steps()[j]);
        return c != 0 ? c : Integer.compare(a.indices()[i], b.indices()[j]);
    }

    private static int argmax(final long[] c)
    {
        int best = -1;
        long most = 0;
        for (int k = 0; k < c.length; k++)
        {
            if (c[k] > most)
            {
                most = c[k];
                best = k;
            }
        }
        return best;
    }
}
