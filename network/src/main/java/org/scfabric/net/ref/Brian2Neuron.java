package org.scfabric.net.ref;

import java.util.Arrays;
import java.util.List;

import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.nir.NirMetadata;

/**
 * A population that steps as Brian2's default schedule does (a LIF node with {@code scfabric.kind = brian2}):
 * a membrane v with dv/dt = (v_leak − v + Σ r_k g_k)/τ and currents dg_k/dt = −g_k/τ_k.
 *
 * <p>Brian2 runs, each step: state update, threshold, synaptic effects ({@code on_pre}, {@code PoissonInput}),
 * reset. Its synaptic effects thus land after the threshold and before the reset. This op takes a step in the
 * order <em>effects of the previous step, reset of the previous step's spikes, state update, threshold</em>:
 * the same sequence shifted by half a step, so the values arriving along its edges must be those Brian2
 * delivered in the previous step (the translation puts a Delay of Brian2's delay + 1 steps before it). With
 * {@code v -= c} the effect then survives the reset and with {@code v = c} it is overwritten, as in Brian2.
 *
 * <p>The input holds one slot of n values per state variable ({@link #slot}), filled by the engine from the
 * edges whose source says {@code scfabric.target_var}. Refractory: {@code not_refractory = (t − lastspike) ≥
 * R} at the state update; the {@code unless refractory} variables keep their value while refractory, and a
 * refractory neuron does not fire. Brian2 writes such a variable only where {@code not_refractory} holds (a
 * "conditional write", which its resets alone override): synaptic and PoissonInput effects delivered while the
 * neuron is refractory, or in the step it fires, are lost, and so they are here. {@code exact} without currents computes Brian2's own expression
 * {@code v·E + v_leak − v_leak·E} (E = exp(−dt/τ), or 1 while refractory) in its order.
 */
final class Brian2Neuron implements Float64Engine.Ranged
{
    final double[] v;
    private final int n;
    private final int k;
    private final List<String> vars;
    private final double[][] g;
    private final double[] vLeak;
    private final double[] th;
    private final double[] reset;
    private final boolean strict;
    private final boolean subtract;
    private final boolean exact;
    private final double dt;
    private final int refractory;
    private final boolean vHeld;
    private final boolean[] gHeld;
    private final double[] tau;
    private final double[] em;
    private final double[][] tauK;
    private final double[][] rK;
    private final double[][] ek;
    /** Per current and neuron: r τ_k/(τ_k − τ_m) (E_k − E_m), the exact step's weight of g_k; see the class. */
    private final double[][] cK;
    private final int[] last;
    private final boolean[] spiked;
    private int t;
    /** False: the general loop even without currents (tests compare the two). */
    boolean membraneLoop = true;
    /** Whether every neuron has the same τ, v_leak, threshold and reset (bit for bit): {@link #membraneUniform}. */
    private final boolean uniform;
    /** False: the per-neuron loop even when the parameters are uniform (tests compare the two). */
    boolean uniformLoop = true;

    Brian2Neuron(final Node node, final Options opt)
    {
        n = node.outShape().size();
        dt = opt.dt();
        final String where = "node " + node.name();
        vars = List.of(meta(node, NirMetadata.STATE_VARS).split(","));
        k = vars.size() - 1;
        final String method = meta(node, NirMetadata.METHOD);
        if (!method.equals("exact") && !method.equals("euler"))
        {
            throw new NetworkException(where + ": " + NirMetadata.METHOD + " " + method + " (exact or euler)");
        }
        exact = method.equals("exact");
        strict = meta(node, NirMetadata.THRESHOLD_OP).equals(">");
        subtract = meta(node, NirMetadata.RESET_OP).equals("-=");
        refractory = Integer.parseInt(meta(node, NirMetadata.REFRACTORY_STEPS));
        final List<String> held = List.of(node.metadata().getOrDefault(NirMetadata.UNLESS_REFRACTORY, "").split(","));
        vHeld = held.contains(vars.get(0));
        gHeld = new boolean[k];
        tau = node.perElement("tau", n);
        vLeak = node.perElement("v_leak", n);
        th = node.perElement("v_threshold", n);
        reset = node.perElement("v_reset", n);
        em = new double[n];
        for (int j = 0; j < n; j++)
        {
            em[j] = Math.exp(-dt / tau[j]);
        }
        final String[] init = meta(node, NirMetadata.INITIAL).split(";", -1);
        if (init.length != k + 1)
        {
            throw new NetworkException(where + ": " + NirMetadata.INITIAL + " has " + init.length + " variables, "
                + NirMetadata.STATE_VARS + " " + (k + 1));
        }
        v = NirMetadata.doubles(init[0], n, where + " " + NirMetadata.INITIAL);
        g = new double[k][];
        tauK = new double[k][];
        rK = new double[k][];
        ek = new double[k][];
        cK = new double[k][];
        final String[] taus = k == 0 ? new String[0] : meta(node, NirMetadata.CURRENT_TAU).split(";");
        final String[] rs = k == 0 ? new String[0] : meta(node, NirMetadata.CURRENT_R).split(";");
        if (taus.length != k || rs.length != k)
        {
            throw new NetworkException(where + ": " + k + " currents but " + taus.length + " time constants and "
                + rs.length + " factors r");
        }
        for (int c = 0; c < k; c++)
        {
            gHeld[c] = held.contains(vars.get(c + 1));
            g[c] = NirMetadata.doubles(init[c + 1], n, where + " " + NirMetadata.INITIAL);
            tauK[c] = NirMetadata.doubles(taus[c], n, where + " " + NirMetadata.CURRENT_TAU);
            rK[c] = NirMetadata.doubles(rs[c], n, where + " " + NirMetadata.CURRENT_R);
            ek[c] = new double[n];
            cK[c] = new double[n];
            for (int j = 0; j < n; j++)
            {
                ek[c][j] = Math.exp(-dt / tauK[c][j]);
                final double tk = tauK[c][j];
                final double tm = tau[j];
                // v's response to a current decaying within the step; at tau_k = tau_m its limit dt/tau e^-dt/tau
                cK[c][j] = tk == tm ? rK[c][j] * dt / tm * em[j] : rK[c][j] * tk / (tk - tm) * (ek[c][j] - em[j]);
            }
        }
        last = new int[n];
        Arrays.fill(last, Integer.MIN_VALUE / 2);
        spiked = new boolean[n];
        uniform = n > 0 && same(tau) && same(em) && same(vLeak) && same(th) && same(reset);
    }

    /** Whether the population takes {@link #membraneUniform} (tests). */
    boolean uniform()
    {
        return uniform && k == 0;
    }

    /** Whether every element of a holds the same bits (one value: 0.0 and -0.0 differ). */
    private static boolean same(final double[] a)
    {
        for (final double e : a)
        {
            if (Double.doubleToRawLongBits(e) != Double.doubleToRawLongBits(a[0]))
            {
                return false;
            }
        }
        return true;
    }

    private static String meta(final Node node, final String key)
    {
        final String s = node.metadata().get(key);
        if (s == null)
        {
            throw new NetworkException("node " + node.name() + " (scfabric.kind brian2) lacks metadata " + key);
        }
        return s;
    }

    /** The input slot of a state variable: 0 for the membrane, 1.. for the currents. */
    int slot(final String var, final String edge)
    {
        final int s = var == null ? 0 : vars.indexOf(var);
        if (s < 0)
        {
            throw new NetworkException(edge + ": " + NirMetadata.TARGET_VAR + " " + var + " is not one of "
                + String.join(", ", vars));
        }
        return s;
    }

    int inputSize()
    {
        return (k + 1) * n;
    }

    @Override
    public int step(final double[] x, final double[] y)
    {
        return step(x, y, 0, n, t++);
    }

    /** Neurons lo to hi - 1 of step t (x: their values in every slot). */
    @Override
    public int step(final double[] x, final double[] y, final int lo, final int hi, final int t)
    {
        if (k == 0 && membraneLoop)
        {
            return uniform && uniformLoop ? membraneUniform(x, y, lo, hi, t) : membraneOnly(x, y, lo, hi, t);
        }
        int fired = 0;
        for (int j = lo; j < hi; j++)
        {
            // Brian2 writes an (unless refractory) variable only where not_refractory holds (its conditional write):
            // the effects it delivered in the previous step, while refractory or spiking, never reached it
            final boolean written = t - 1 - last[j] >= Math.max(refractory, 1);
            double u = vHeld && !written ? v[j] : v[j] + x[j];
            for (int c = 0; c < k; c++)
            {
                if (written || !gHeld[c])
                {
                    g[c][j] += x[(c + 1) * n + j];
                }
            }
            if (spiked[j])
            {
                u = subtract ? u - reset[j] : reset[j];
                spiked[j] = false;
            }
            final boolean notRef = t - last[j] >= refractory;
            final boolean moveV = notRef || !vHeld;
            if (exact)
            {
                if (moveV)
                {
                    if (k == 0)
                    {
                        u = u * em[j] + vLeak[j] - vLeak[j] * em[j];
                    }
                    else
                    {
                        double s = vLeak[j] + (u - vLeak[j]) * em[j];
                        for (int c = 0; c < k; c++)
                        {
                            s += cK[c][j] * g[c][j];
                        }
                        u = s;
                    }
                }
                for (int c = 0; c < k; c++)
                {
                    if (notRef || !gHeld[c])
                    {
                        g[c][j] = g[c][j] * ek[c][j];
                    }
                }
            }
            else
            {
                if (moveV)
                {
                    double drive = vLeak[j] - u;
                    for (int c = 0; c < k; c++)
                    {
                        drive += rK[c][j] * g[c][j];
                    }
                    u = u + dt * drive / tau[j];
                }
                for (int c = 0; c < k; c++)
                {
                    if (notRef || !gHeld[c])
                    {
                        g[c][j] = g[c][j] + dt * (-g[c][j] / tauK[c][j]);
                    }
                }
            }
            final boolean fire = notRef && (strict ? u > th[j] : u >= th[j]);
            if (fire)
            {
                last[j] = t;
                spiked[j] = true;
                fired++;
            }
            y[j] = fire ? 1.0 : 0.0;
            v[j] = u;
        }
        return fired;
    }

    /**
     * {@link #step} of a population without currents (Brunel's): the same operations in the same order, in a loop
     * without the currents' branches and arrays.
     */
    private int membraneOnly(final double[] x, final double[] y, final int lo, final int hi, final int t)
    {
        final int heldFor = Math.max(refractory, 1);
        final double[] v = this.v;
        final double[] em = this.em;
        final double[] vLeak = this.vLeak;
        final int[] last = this.last;
        final boolean[] spiked = this.spiked;
        int fired = 0;
        for (int j = lo; j < hi; j++)
        {
            final int since = t - last[j];
            double u = vHeld && since - 1 < heldFor ? v[j] : v[j] + x[j];
            if (spiked[j])
            {
                u = subtract ? u - reset[j] : reset[j];
                spiked[j] = false;
            }
            final boolean notRef = since >= refractory;
            if (notRef || !vHeld)
            {
                u = exact ? u * em[j] + vLeak[j] - vLeak[j] * em[j] : u + dt * (vLeak[j] - u) / tau[j];
            }
            final boolean fire = notRef && (strict ? u > th[j] : u >= th[j]);
            if (fire)
            {
                last[j] = t;
                spiked[j] = true;
                fired++;
            }
            y[j] = fire ? 1.0 : 0.0;
            v[j] = u;
        }
        return fired;
    }

    /**
     * {@link #membraneOnly} of a population whose neurons share τ, v_leak, threshold and reset (Brunel's): the same
     * operations on the same values, the parameters held in registers rather than read from five arrays per neuron.
     * v_leak·E is a product of the same two doubles for every neuron, computed once.
     */
    private int membraneUniform(final double[] x, final double[] y, final int lo, final int hi, final int t)
    {
        final int heldFor = Math.max(refractory, 1);
        final double[] v = this.v;
        final int[] last = this.last;
        final boolean[] spiked = this.spiked;
        final double e = em[0];
        final double leak = vLeak[0];
        final double leakE = leak * e;
        final double tau = this.tau[0];
        final double theta = th[0];
        final double r = reset[0];
        int fired = 0;
        for (int j = lo; j < hi; j++)
        {
            final int since = t - last[j];
            double u = vHeld && since - 1 < heldFor ? v[j] : v[j] + x[j];
            if (spiked[j])
            {
                u = subtract ? u - r : r;
                spiked[j] = false;
            }
            final boolean notRef = since >= refractory;
            if (notRef || !vHeld)
            {
                u = exact ? u * e + leak - leakE : u + dt * (leak - u) / tau;
            }
            final boolean fire = notRef && (strict ? u > theta : u >= theta);
            if (fire)
            {
                last[j] = t;
                spiked[j] = true;
                fired++;
            }
            y[j] = fire ? 1.0 : 0.0;
            v[j] = u;
        }
        return fired;
    }
}
