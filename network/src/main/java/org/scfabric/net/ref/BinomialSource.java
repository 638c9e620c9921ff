package org.scfabric.net.ref;

import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.nir.NirMetadata;

/**
 * An Input node that is a random source ({@code scfabric.poisson_n} with {@code scfabric.poisson_hz}): each
 * step, each channel outputs a draw of binomial(N, rate·dt), Brian2's {@code PoissonInput} (N = 1: a
 * {@code PoissonGroup}'s spike with probability rate·dt). Seeded by {@code scfabric.seed} (default 0) with
 * SplittableRandom's stream, drawn by inversion in channel order: the same seed gives the same draws, but not
 * Brian2's (its numpy RandomState stream is another generator), so runs agree with Brian2 in distribution only.
 *
 * <p>SplittableRandom is counter-based (its d-th double is a mix of seed + (d + 1) γ), so channel i of step t
 * takes the uniform of index t·n + i directly ({@link #uniform}): the very numbers
 * {@code new SplittableRandom(seed).nextDouble()} gives in that order, but any range of channels can be drawn
 * on its own, in any thread, with the same result.
 */
public final class BinomialSource implements Float64Engine.Ranged
{
    /** SplittableRandom's golden gamma, the step of its counter. */
    private static final long GAMMA = 0x9e3779b97f4a7c15L;
    private final long seed;
    private final int channels;
    private int t;
    /** Per channel: its table (channels with the same N and rate share one). */
    private final int[] table;
    private final int[] trials;
    private final double[][] cdf;
    private final int[][] guide;

    public BinomialSource(final Node node, final Options opt)
    {
        final int n = node.outShape().size();
        final String where = "node " + node.name();
        final int count;
        try
        {
            count = Integer.parseInt(node.metadata().get(NirMetadata.POISSON_N).trim());
        }
        catch (final NumberFormatException e)
        {
            throw new NetworkException(where + ": " + NirMetadata.POISSON_N + " is not an integer");
        }
        final String hz = node.metadata().get(NirMetadata.POISSON_HZ);
        if (hz == null || count < 1)
        {
            throw new NetworkException(where + ": a binomial source needs " + NirMetadata.POISSON_HZ + " and "
                + NirMetadata.POISSON_N + " >= 1");
        }
        final double[] rate = NirMetadata.doubles(hz, n, where + " " + NirMetadata.POISSON_HZ);
        seed = Long.parseLong(node.metadata().getOrDefault(NirMetadata.SEED, "0").trim());
        channels = n;
        table = new int[n];
        final java.util.List<double[]> cdfs = new java.util.ArrayList<>();
        final java.util.Map<Long, Integer> byP = new java.util.HashMap<>();
        for (int i = 0; i < n; i++)
        {
            final double p = rate[i] * opt.dt();
            if (!(p >= 0 && p <= 1) || count * p > 500)
            {
                throw new NetworkException(where + ": rate " + rate[i] + " Hz gives p = rate*dt = " + p
                    + " for N = " + count + " (0 <= p <= 1 and N p <= 500 are accepted)");
            }
            table[i] = byP.computeIfAbsent(Double.doubleToLongBits(p), b -> {
                cdfs.add(cdf(count, p));
                return cdfs.size() - 1;
            });
        }
        trials = new int[] {count};
        cdf = cdfs.toArray(new double[0][]);
        guide = new int[cdf.length][];
        for (int t = 0; t < cdf.length; t++)
        {
            guide[t] = guide(cdf[t]);
        }
    }

    /**
     * The cumulative probabilities of k = 0, 1, ... summed as inversion sums them (p0 = (1-p)^N, then
     * p_k+1 = p_k (N-k)/(k+1) p/(1-p)), up to where they stop growing past the mode: a draw u falls on the first k
     * with u < cdf[k], and on N beyond the table, exactly as the term-by-term search. p = 1: an empty table (N).
     */
    private static double[] cdf(final int count, final double p)
    {
        final double ratio = p >= 1 ? 0 : p / (1 - p);
        double pk = Math.pow(1 - p, count);
        if (ratio == 0 && pk == 0)
        {
            return new double[0];
        }
        final double[] c = new double[count];
        double sum = pk;
        c[0] = sum;
        int len = 1;
        for (int k = 0; k + 1 < count; k++)
        {
            pk *= (count - k) / (double) (k + 1) * ratio;
            final double next = sum + pk;
            if (next == sum && k + 1 > count * p)
            {
                break; // past the mode and no longer growing: the search would run on to N
            }
            sum = next;
            c[len++] = sum;
        }
        return java.util.Arrays.copyOf(c, len);
    }

    /**
     * guide[m]: the first k with cdf[k] > m / L, where the search for u in [m/L, (m+1)/L) may start. L is a power
     * of two (so u·L and m/L are exact) of about 16 entries per table entry: almost every u then falls between
     * two table entries and the search ends at its first comparison.
     */
    private static int[] guide(final double[] c)
    {
        final int len = Math.min(1 << 14, Integer.highestOneBit(Math.max(1, c.length) * 16));
        final int[] g = new int[len];
        int k = 0;
        for (int m = 0; m < len; m++)
        {
            while (k < c.length && c[k] <= m / (double) len)
            {
                k++;
            }
            g[m] = k;
        }
        return g;
    }

    @Override
    public int step(final double[] x, final double[] y)
    {
        return step(x, y, 0, y.length, t++);
    }

    /**
     * Channels lo to hi - 1 of step {@code step}, in two passes over y: first every channel's uniform, a loop of
     * long multiplies, shifts and xors alone that C2's superword pass compiles to SIMD lanes (mix64 by counter);
     * then each uniform's k by the guide and the search, as before.
     */
    @Override
    public int step(final double[] x, final double[] y, final int lo, final int hi, final int step)
    {
        uniforms(y, lo, hi, seed + GAMMA * ((long) step * channels + 1));
        final int n = trials[0];
        final double[][] cdf = this.cdf;
        final int[][] guide = this.guide;
        if (cdf.length == 1)
        {
            // one rate for every channel (Brian2's PoissonInput): one table
            final double[] c = cdf[0];
            final int[] g = guide[0];
            for (int i = lo; i < hi; i++)
            {
                y[i] = draw(c, g, n, y[i]);
            }
            return 0;
        }
        final int[] table = this.table;
        for (int i = lo; i < hi; i++)
        {
            final int tb = table[i];
            y[i] = draw(cdf[tb], guide[tb], n, y[i]);
        }
        return 0;
    }

    /**
     * y[i] = the uniform of counter {@code first} + i γ, for i from lo to hi - 1 ({@link #unit} inlined by hand: a
     * loop body of arithmetic only, which C2's superword pass vectorizes; a call or a branch would keep it scalar).
     */
    static void uniforms(final double[] y, final int lo, final int hi, final long first)
    {
        for (int i = lo; i < hi; i++)
        {
            final long s = first + GAMMA * i;
            long z = (s ^ (s >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            z ^= z >>> 31;
            y[i] = (z >>> 11) * 0x1.0p-53;
        }
    }

    /** The d-th (from 0) nextDouble of {@code new SplittableRandom(seed)}. */
    static double uniform(final long seed, final long d)
    {
        return unit(seed + GAMMA * (d + 1));
    }

    /** SplittableRandom's double of one counter value: mix64, then the top 53 bits. */
    private static double unit(final long counter)
    {
        long z = (counter ^ (counter >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    /** The k that u in [0, 1) falls on: the first with u < cdf[k], N beyond the table. */
    static int draw(final double[] c, final int[] g, final int n, final double u)
    {
        int k = g[(int) (u * g.length)]; // u < 1 and a power-of-two length: an exact product below the length
        while (k < c.length && u >= c[k])
        {
            k++;
        }
        return k == c.length ? n : k;
    }

    /** For tests: the draw of u from binomial(N, p) through the tables. */
    static int draw(final int n, final double p, final double u)
    {
        final double[] c = cdf(n, p);
        return draw(c, guide(c), n, u);
    }
}
