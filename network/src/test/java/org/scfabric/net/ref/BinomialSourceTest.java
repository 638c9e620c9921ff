package org.scfabric.net.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirMetadata;

/** The binomial source's two passes (uniforms by counter, then tables) draw SplittableRandom's stream by inversion. */
class BinomialSourceTest
{
    /**
     * Any range of any step: the uniforms pass gives SplittableRandom's doubles of those indices, bit for bit (near
     * the stream's start counted off a SplittableRandom, far into it — counters wrapping modulo 2^64 — the scalar
     * {@link BinomialSource#uniform}, itself SplittableRandom's by {@code Brian2NeuronTest}).
     */
    @Test
    void theUniformsPassIsSplittableRandomsStreamOnAnyRange()
    {
        qt().forAll(longs().all(), integers().between(1, 300), longs().between(0, 1L << 40))
            .checkAssert((seed, n, far) ->
            {
                final SplittableRandom r = new SplittableRandom(seed ^ far);
                final int lo = r.nextInt(0, n);
                final int hi = r.nextInt(lo, n + 1);
                final long t = r.nextBoolean() ? r.nextInt(0, 40) : far;
                final double[] y = new double[n];
                BinomialSource.uniforms(y, lo, hi, seed + 0x9e3779b97f4a7c15L * (t * n + 1));
                final SplittableRandom stream = new SplittableRandom(seed);
                for (long d = 0; t < 40 && d < t * n + lo; d++)
                {
                    stream.nextDouble();
                }
                for (int i = lo; i < hi; i++)
                {
                    final long expected = Double.doubleToRawLongBits(t < 40 ? stream.nextDouble()
                        : BinomialSource.uniform(seed, t * n + i));
                    assertEquals(expected, Double.doubleToRawLongBits(y[i]),
                        "seed " + seed + " step " + t + " channel " + i);
                }
            });
    }

    /**
     * A source of n channels with one rate or a rate per channel (several tables), stepped in random ranges: each
     * channel's draw is the term-by-term inversion of SplittableRandom's double of index t n + i, at the channel's
     * binomial(N, rate dt).
     */
    @Test
    void rangedDrawsInvertSplittableRandomsStreamForOneOrSeveralTables()
    {
        qt().forAll(longs().all(), integers().between(1, 120), integers().between(1, 3000), doubles().between(0, 1))
            .checkAssert((seed, n, trials, q) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final boolean several = r.nextBoolean();
                final double[] hz = new double[n];
                for (int i = 0; i < n; i++)
                {
                    // N p <= 500 and p <= 1 also after rate = p / dt, p = rate dt; small p favoured
                    final double p = Math.min(0.999,
                        (several ? r.nextDouble() : q) * q * Math.min(1.0, 499.0 / trials));
                    hz[i] = several || i == 0 ? p / Brian2NeuronTest.DT : hz[0];
                }
                final String rates = several ? String.join(",", Arrays.stream(hz).mapToObj(Double::toString)
                    .toArray(String[]::new)) : Double.toString(hz[0]);
                final Node in = Network.builder().add(new Node("pi", Kind.INPUT, Map.of("shape", Tensor.vector(n)),
                    Map.of(NirMetadata.POISSON_HZ, rates, NirMetadata.POISSON_N, Integer.toString(trials),
                        NirMetadata.SEED, Long.toString(seed)), null, null)).build().node("pi");
                final Options opt = new Options(Brian2NeuronTest.DT, Options.Integrator.EXACT, Options.Reset.ZERO);
                final BinomialSource source = new BinomialSource(in, opt);
                final SplittableRandom stream = new SplittableRandom(seed);
                final double[] y = new double[n];
                for (int t = 0; t < 20; t++)
                {
                    final int cut = r.nextInt(0, n + 1);
                    source.step(null, y, cut, n, t);
                    source.step(null, y, 0, cut, t);
                    for (int i = 0; i < n; i++)
                    {
                        final double u = stream.nextDouble();
                        assertEquals(inversion(trials, hz[i] * Brian2NeuronTest.DT, u), y[i],
                            "channel " + i + " of " + n + ", step " + t + ", N " + trials + ", u " + u);
                    }
                }
            });
    }

    /** Inversion term by term, as the source drew before its tables: the first k with u < P(X <= k), else N. */
    static int inversion(final int n, final double p, final double u)
    {
        final double ratio = p >= 1 ? 0 : p / (1 - p);
        final double p0 = Math.pow(1 - p, n);
        double pk = p0;
        double cdf = pk;
        int k = 0;
        while (u >= cdf && k < n)
        {
            pk *= (n - k) / (double) (k + 1) * ratio;
            k++;
            cdf += pk;
        }
        return ratio == 0 && p0 == 0 ? n : k;
    }
}
