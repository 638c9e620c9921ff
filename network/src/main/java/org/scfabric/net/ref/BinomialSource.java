package org.scfabric.net.ref;

import java.util.SplittableRandom;

import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.nir.NirMetadata;

/**
 * An Input node that is a random source ({@code scfabric.poisson_n} with {@code scfabric.poisson_hz}): each
 * step, each channel outputs a draw of binomial(N, rate·dt), Brian2's {@code PoissonInput} (N = 1: a
 * {@code PoissonGroup}'s spike with probability rate·dt). Seeded by {@code scfabric.seed} (default 0) with
 * SplittableRandom, drawn by inversion in channel order: the same seed gives the same draws, but not Brian2's
 * (its numpy RandomState stream is another generator), so runs agree with Brian2 in distribution only.
 */
final class BinomialSource implements Float64Engine.Op
{
    private final SplittableRandom rnd;
    private final int[] count;
    private final double[] p0;
    private final double[] ratio;

    BinomialSource(final Node node, final Options opt)
    {
        final int n = node.outShape().size();
        final String where = "node " + node.name();
        final int trials;
        try
        {
            trials = Integer.parseInt(node.metadata().get(NirMetadata.POISSON_N).trim());
        }
        catch (final NumberFormatException e)
        {
            throw new NetworkException(where + ": " + NirMetadata.POISSON_N + " is not an integer");
        }
        final String hz = node.metadata().get(NirMetadata.POISSON_HZ);
        if (hz == null || trials < 1)
        {
            throw new NetworkException(where + ": a binomial source needs " + NirMetadata.POISSON_HZ + " and "
                + NirMetadata.POISSON_N + " >= 1");
        }
        final double[] rate = NirMetadata.doubles(hz, n, where + " " + NirMetadata.POISSON_HZ);
        rnd = new SplittableRandom(Long.parseLong(node.metadata().getOrDefault(NirMetadata.SEED, "0").trim()));
        count = new int[n];
        p0 = new double[n];
        ratio = new double[n];
        for (int i = 0; i < n; i++)
        {
            final double p = rate[i] * opt.dt();
            if (!(p >= 0 && p <= 1) || trials * p > 500)
            {
                throw new NetworkException(where + ": rate " + rate[i] + " Hz gives p = rate*dt = " + p
                    + " for N = " + trials + " (0 <= p <= 1 and N p <= 500 are accepted)");
            }
            count[i] = trials;
            p0[i] = Math.pow(1 - p, trials);
            ratio[i] = p >= 1 ? 0 : p / (1 - p);
        }
    }

    @Override
    public int step(final double[] x, final double[] y)
    {
        for (int i = 0; i < y.length; i++)
        {
            final double u = rnd.nextDouble();
            double pk = p0[i];
            double cdf = pk;
            int k = 0;
            while (u >= cdf && k < count[i])
            {
                pk *= (count[i] - k) / (double) (k + 1) * ratio[i];
                k++;
                cdf += pk;
            }
            y[i] = ratio[i] == 0 && p0[i] == 0 ? count[i] : k;
        }
        return 0;
    }
}
