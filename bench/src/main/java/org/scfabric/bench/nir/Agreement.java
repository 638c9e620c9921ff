package org.scfabric.bench.nir;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.net.ref.ArithmeticRun;

/**
 * How a run's outputs agree with float64's, per output node and neuron: equal spike counts, the first step
 * at which the neuron's output differs (a spike in one run and not the other; null when none), and whether
 * the neuron with the most spikes (lowest index on ties) is the same — the readout's decision.
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
     */
    public record Output(int neurons, int countsEqual, int[] firstDivergence, int argmaxFloat64, int argmax)
    {
        public boolean argmaxAgrees()
        {
            return argmax == argmaxFloat64;
        }
    }

    public static Map<String, Output> of(final ArithmeticRun ref, final ArithmeticRun run)
    {
        final Map<String, Output> m = new LinkedHashMap<>();
        for (final Map.Entry<String, ArithmeticRun.OutputTrain> e : ref.outputs().entrySet())
        {
            m.put(e.getKey(), compare(e.getValue(), run.outputs().get(e.getKey())));
        }
        return m;
    }

    static Output compare(final ArithmeticRun.OutputTrain a, final ArithmeticRun.OutputTrain b)
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
        return new Output(size, equal, first, argmax(ca), argmax(cb));
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
