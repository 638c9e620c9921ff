package org.scfabric.bench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.bench.brunel.RunResult;
import org.scfabric.bench.brunel.Variant;
import org.scfabric.bench.brunel.VariantRunner;
import org.scfabric.hw.area.Area;

/** A test stand-in: Bernoulli spikes at about 20 Hz per neuron, no network. Never shipped. */
final class FakeRunner implements VariantRunner
{
    final List<Variant> ran = new ArrayList<>();
    final List<BrunelParams> params = new ArrayList<>();
    RuntimeException failOn;
    Variant failVariant;

    @Override
    public RunResult run(final Variant v, final BrunelParams p, final DoubleConsumer progress)
    {
        ran.add(v);
        params.add(p);
        if (failOn != null && v == failVariant)
        {
            throw failOn;
        }
        final SplittableRandom rnd = new SplittableRandom(p.seed() * 31 + v.ordinal());
        final double prob = 20.0 * p.dt() / 1000.0;
        final List<int[]> spikes = new ArrayList<>();
        for (int s = 0; s < p.steps(); s++)
        {
            for (int i = 0; i < p.nTotal(); i++)
            {
                if (rnd.nextDouble() < prob)
                {
                    spikes.add(new int[] {s, i});
                }
            }
            progress.accept((s + 1) / (double)p.steps());
        }
        final int[] st = new int[spikes.size()];
        final int[] ne = new int[spikes.size()];
        for (int k = 0; k < st.length; k++)
        {
            st[k] = spikes.get(k)[0];
            ne[k] = spikes.get(k)[1];
        }
        return new RunResult(v, p, st, ne, st.length, p.steps() * 10L, 0.01, 0.02, 50.0,
            v.hardware() ? new Area(100, 200, 4096, 1) : null, v == Variant.V2 ? Map.of("mean_output_probability", 0.25)
                : Map.of());
    }
}
