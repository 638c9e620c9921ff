package org.scfabric.net.nir;

import java.util.List;

/**
 * The node metadata keys through which scfabric says in a NIR file what NIR cannot: each is a string dataset
 * in the node's {@code metadata} group. Readers that do not know scfabric ignore them and see the node as its
 * NIR type says. Only the keys listed here may start {@code scfabric.}: the writer refuses any other, so that
 * every key a file carries is one that docs/nir.md explains. Numbers are written as Java's
 * {@link Double#toString(double)} or {@link Long#toString(long)} gives them (exact round trip), in SI units.
 */
public final class NirMetadata
{
    /** The prefix of scfabric's keys. */
    public static final String PREFIX = "scfabric.";

    /**
     * A neuron or source model of scfabric that NIR lacks (e.g. {@code brunel} for the reference's neuron, which
     * adds its kicks, leaks, then fires at v >= threshold); the node's NIR type is the nearest primitive.
     */
    public static final String KIND = "scfabric.kind";

    /** Refractory period of a neuron population, seconds. */
    public static final String REFRACTORY_S = "scfabric.refractory_s";

    /**
     * Refractory period of a neuron population in whole steps (0 when absent). Its meaning is the kind's:
     * {@code brunel}: after the spike's step the neuron ignores its input and is held at v_leak for this many
     * steps (V3 = 2, V8 = 5); {@code brian2}: Brian2's {@code timestep(refractory, dt)}, no spike while
     * t - lastspike &lt; it (so a brian2 value R holds the neuron R - 1 steps after the spike's step).
     */
    public static final String REFRACTORY_STEPS = "scfabric.refractory_steps";

    /** Synaptic delay on the edges leaving the node, seconds (when it is not a NIR Delay node of its own). */
    public static final String DELAY_S = "scfabric.delay_s";

    /** A Poisson source: rate of each channel in Hz (an Input node driven by scfabric's numpy-exact stream). */
    public static final String POISSON_HZ = "scfabric.poisson_hz";

    /** The seed of a source's random stream (an integer >= 0). */
    public static final String SEED = "scfabric.seed";

    /**
     * A {@link #NUMPY_POISSON} source: the mean count per channel and step (numpy's {@code lam}), as the exact
     * double (the reference derives it in an order of operations whose last bit changes the spikes).
     */
    public static final String POISSON_LAMBDA = "scfabric.poisson_lambda";

    /**
     * A {@link #NUMPY_POISSON} source: how many 64-bit outputs of {@code default_rng(seed)} come before its first
     * draw (the Brunel network's N^2 connectivity uniforms); 0 when absent.
     */
    public static final String DRAWS_BEFORE = "scfabric.draws_before";

    /**
     * {@link #KIND} of an Input node that scfabric drives itself: every step, numpy's
     * {@code poisson(lam, size)} from {@code default_rng(seed)} after {@link #DRAWS_BEFORE} outputs, channels in
     * order (the Brunel drive, docs/spec/brunel.md §2). Other tools see an Input to be driven.
     */
    public static final String NUMPY_POISSON = "numpy_poisson";

    /** The arithmetic chosen for the node: {@code float64}, {@code q8.8}, {@code q16.12} or {@code sc}. */
    public static final String ARITH = "scfabric.arith";

    /** SC bitstream length in cycles, when {@link #ARITH} is {@code sc}. */
    public static final String BITSTREAM = "scfabric.bitstream";

    /** {@link #KIND} of a neuron population that steps as Brian2 does (see docs/brian2.md). */
    public static final String KIND_BRIAN2 = "brian2";

    /** Synaptic delay in steps as Brian2 counts it (on a NIR Delay node, whose own delay is one step more). */
    public static final String DELAY_STEPS = "scfabric.delay_steps";

    /** The state variable that the values arriving along this node's outgoing edges add to ({@code v}, {@code ge}). */
    public static final String TARGET_VAR = "scfabric.target_var";

    /** Integration method of a population: {@code exact} or {@code euler} (Brian2's). */
    public static final String METHOD = "scfabric.method";

    /** The step, in seconds, a Brian2 capture was made at (its delays and refractory periods count steps of it). */
    public static final String DT = "scfabric.dt";

    /** {@code >} or {@code >=}: the comparison of the membrane with v_threshold. */
    public static final String THRESHOLD_OP = "scfabric.threshold_op";

    /** {@code =} (v = v_reset) or {@code -=} (v -= v_reset). */
    public static final String RESET_OP = "scfabric.reset_op";

    /** The membrane's name, then the current variables' names, comma-separated ({@code v,ge,gi}). */
    public static final String STATE_VARS = "scfabric.state_vars";

    /** The state variables held still while refractory (Brian2's {@code (unless refractory)}), comma-separated. */
    public static final String UNLESS_REFRACTORY = "scfabric.unless_refractory";

    /** Initial values per state variable: ';' between variables (in STATE_VARS order), ',' between neurons. */
    public static final String INITIAL = "scfabric.initial";

    /** Time constants of the current variables, s: ';' between currents, ',' between neurons (or one value). */
    public static final String CURRENT_TAU = "scfabric.current_tau";

    /** Each current's factor r in dv/dt = (v_leak - v + sum r_k g_k) / tau, as CURRENT_TAU. */
    public static final String CURRENT_R = "scfabric.current_r";

    /** A Poisson source's N: each step draws binomial(N, rate dt) per channel (Brian2's PoissonInput). */
    public static final String POISSON_N = "scfabric.poisson_n";

    /** A spike list Input's spikes: the step of each (Brian2's SpikeGeneratorGroup, times in steps). */
    public static final String SPIKE_STEPS = "scfabric.spike_steps";

    /** A spike list Input's spikes: the channel of each, beside {@link #SPIKE_STEPS}. */
    public static final String SPIKE_INDEX = "scfabric.spike_index";

    /** Every key scfabric writes, in the order docs/nir.md lists them. */
    public static final List<String> KEYS = List.of(KIND, REFRACTORY_S, REFRACTORY_STEPS, DELAY_S, POISSON_HZ,
        SEED, POISSON_LAMBDA, DRAWS_BEFORE, ARITH, BITSTREAM, DELAY_STEPS, TARGET_VAR, METHOD, THRESHOLD_OP, RESET_OP,
        STATE_VARS, UNLESS_REFRACTORY, INITIAL, CURRENT_TAU, CURRENT_R, POISSON_N, SPIKE_STEPS, SPIKE_INDEX, DT);

    /** Numbers of a metadata list: ',' separated, one value broadcast to {@code n}. */
    public static double[] doubles(final String text, final int n, final String what)
    {
        final String[] parts = text.split(",");
        if (parts.length != 1 && parts.length != n)
        {
            throw new org.scfabric.net.NetworkException(what + ": " + parts.length + " values for " + n
                + " neurons (one value or one per neuron)");
        }
        final double[] r = new double[n];
        try
        {
            for (int i = 0; i < n; i++)
            {
                r[i] = Double.parseDouble(parts[parts.length == 1 ? 0 : i].trim());
            }
        }
        catch (final NumberFormatException e)
        {
            throw new org.scfabric.net.NetworkException(what + ": not a number list (" + e.getMessage() + ")");
        }
        return r;
    }

    /** The inverse of {@link #doubles}: one value when all are equal, exact round trip. */
    public static String join(final double[] a)
    {
        boolean same = true;
        for (final double x : a)
        {
            same &= Double.doubleToLongBits(x) == Double.doubleToLongBits(a[0]);
        }
        if (same && a.length > 0)
        {
            return Double.toString(a[0]);
        }
        final StringBuilder b = new StringBuilder(a.length * 22);
        for (int i = 0; i < a.length; i++)
        {
            b.append(i == 0 ? "" : ",").append(a[i]);
        }
        return b.toString();
    }

    private NirMetadata()
    {
    }

    /** True for an Input node that scfabric drives itself ({@link #KIND} = {@link #NUMPY_POISSON}). */
    public static boolean isSource(final org.scfabric.net.Node node)
    {
        return node.kind() == org.scfabric.net.Kind.INPUT && NUMPY_POISSON.equals(node.metadata().get(KIND));
    }

    /** A node's {@link #REFRACTORY_STEPS} (0 when absent); anything but a whole number >= 0 is an error. */
    public static int refractorySteps(final org.scfabric.net.Node node)
    {
        return (int)wholeNumber(node, REFRACTORY_STEPS, 0, Integer.MAX_VALUE);
    }

    /** A metadata value that must be a whole number in [0, max]; {@code dflt} when absent. */
    public static long wholeNumber(final org.scfabric.net.Node node, final String key, final long dflt, final long max)
    {
        final String v = node.metadata().get(key);
        if (v == null)
        {
            return dflt;
        }
        try
        {
            final long r = Long.parseLong(v.trim());
            if (r >= 0 && r <= max)
            {
                return r;
            }
        }
        catch (final NumberFormatException e)
        {
            // below
        }
        throw new org.scfabric.net.NetworkException("node " + node.name() + ": " + key + " '" + v
            + "' is not a whole number from 0 to " + max);
    }

    /** True for a key under scfabric's prefix that is not one of {@link #KEYS}. */
    public static boolean unknownScfabricKey(final String key)
    {
        return key.startsWith(PREFIX) && !KEYS.contains(key);
    }
}
