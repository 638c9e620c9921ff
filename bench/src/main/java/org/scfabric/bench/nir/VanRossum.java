package org.scfabric.bench.nir;

/**
 * The van Rossum (2001) distance between two spike trains of one neuron, spike times in steps.
 *
 * <p>Each train is filtered by a causal exponential, f(t) = Σ_i H(t − t_i) e^{−(t − t_i)/τ}, in continuous time
 * (a spike at step s is a unit impulse at time s), and
 * <pre>  D² = (2/τ) ∫₀^∞ (f(t) − g(t))² dt
 *      = Σ_ij e^{−|a_i − a_j|/τ} + Σ_ij e^{−|b_i − b_j|/τ} − 2 Σ_ij e^{−|a_i − b_j|/τ}.</pre>
 * With the factor 2/τ an extra or missing spike far from all others adds 1 to D², so D² is roughly the number of
 * unmatched spikes, and two spikes Δ steps apart give D² = 2(1 − e^{−Δ/τ}). The integral is evaluated event by
 * event over the merged trains (exactly, between events the difference decays as e^{−t/τ}): O(spikes), no
 * pairs. {@link #pairs} is the double sum above, kept to check it against.
 */
public final class VanRossum
{
    /** The default τ: 10 steps (1 ms at the NIR paper's dt of 0.1 ms). */
    public static final double DEFAULT_TAU_STEPS = 10.0;

    private VanRossum()
    {
    }

    /**
     * D between trains {@code a} and {@code b} (spike steps, each non-decreasing; equal steps are separate spikes),
     * τ in steps (&gt; 0).
     */
    public static double distance(final int[] a, final int na, final int[] b, final int nb, final double tau)
    {
        double d = 0;       // f - g just after the last event
        double sum = 0;     // (2/τ) ∫ (f - g)² dt up to the last event
        int i = 0;
        int j = 0;
        long last = 0;
        while (i < na || j < nb)
        {
            final boolean fromA = j >= nb || i < na && a[i] <= b[j];
            final long t = fromA ? a[i] : b[j];
            final double gap = t - last;
            if (d != 0 && gap > 0)
            {
                // (2/τ) ∫_0^gap d² e^{-2s/τ} ds = d² (1 - e^{-2 gap/τ}); then d decays over the gap
                sum += d * d * -Math.expm1(-2 * gap / tau);
                d *= Math.exp(-gap / tau);
            }
            d += fromA ? 1 : -1;
            if (fromA)
            {
                i++;
            }
            else
            {
                j++;
            }
            last = t;
        }
        sum += d * d; // the tail: (2/τ) ∫_0^∞ d² e^{-2s/τ} ds
        return Math.sqrt(Math.max(0, sum));
    }

    /** The closed form as a double sum over spike pairs (tests). */
    static double pairs(final int[] a, final int[] b, final double tau)
    {
        final double s = kernel(a, a, tau) + kernel(b, b, tau) - 2 * kernel(a, b, tau);
        return Math.sqrt(Math.max(0, s));
    }

    private static double kernel(final int[] x, final int[] y, final double tau)
    {
        double s = 0;
        for (final int p : x)
        {
            for (final int q : y)
            {
                s += Math.exp(-Math.abs(p - q) / tau);
            }
        }
        return s;
    }

    /**
     * Per neuron of one output (flat size {@code size}): the distance between its spikes in {@code ref} and in
     * {@code run}, trains given as (step, index) pairs in step order.
     */
    public static double[] perNeuron(final int size, final int[] refSteps, final int[] refIdx, final int[] runSteps,
        final int[] runIdx, final double tau)
    {
        final int[][] a = split(size, refSteps, refIdx);
        final int[][] b = split(size, runSteps, runIdx);
        final double[] d = new double[size];
        for (int k = 0; k < size; k++)
        {
            d[k] = distance(a[k], a[k].length, b[k], b[k].length, tau);
        }
        return d;
    }

    /** The (step, index) list as one step list per neuron, each in step order. */
    private static int[][] split(final int size, final int[] steps, final int[] idx)
    {
        final int[] count = new int[size];
        for (final int i : idx)
        {
            count[i]++;
        }
        final int[][] r = new int[size][];
        for (int k = 0; k < size; k++)
        {
            r[k] = new int[count[k]];
        }
        java.util.Arrays.fill(count, 0);
        for (int s = 0; s < steps.length; s++)
        {
            r[idx[s]][count[idx[s]]++] = steps[s];
        }
        return r;
    }
}
