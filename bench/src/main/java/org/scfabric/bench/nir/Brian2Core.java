package org.scfabric.bench.nir;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import org.scfabric.hw.Bits;
import org.scfabric.hw.lif.CubaLifCore;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.nir.NirMetadata;
import org.scfabric.net.ref.Options;

/**
 * A Brian2 population ({@code scfabric.kind = brian2}) on the fixed-point cores: each neuron's leak and currents
 * are {@code sc_cuba_lif_neuron}'s update functions ({@link CubaLifCore#iNext}, {@link CubaLifCore#vNext}: the
 * currents decay by k_syn, their sum drives v through k_mem, W-bit wrap-around), k = 1 − exp(−dt/τ) for Brian2's
 * {@code exact} and dt/τ for {@code euler}; around them Brian2's schedule as the float64 population keeps it
 * ({@code net.ref.Brian2Neuron}): effects of the previous step added (saturated) to their state variable unless
 * Brian2's conditional write drops them (an {@code unless refractory} variable of a neuron refractory or firing
 * when they were delivered), then the
 * reset of the previous step's spikes ({@code v = c} or {@code v -= c}), the update (held while refractory for the
 * {@code unless refractory} variables), the threshold ({@code >} or {@code >=}) of a neuron not refractory.
 * Values are in the units {@link Brian2Scale} chose. The schedule around the core's functions is software: the
 * fabric has no Brian2 refractory counter or reset order in RTL; its Java models run the same rules
 * ({@code hw.fabric.Brian2Unit}) on the constants {@link #quantised} gives, read through the accessors below.
 */
public final class Brian2Core implements FixedPointEngine.IntOp
{
    private final int n;
    private final int k;
    private final List<String> vars;
    private final int w;
    private final FixedFormat fmt;
    private final int one;
    final int[] v;
    private final int[][] g;
    private final int[] vLeak;
    private final int[] th;
    private final int[] reset;
    private final int[] kMem;
    private final int[][] kSyn;
    private final int[][] r;
    private final boolean strict;
    private final boolean subtract;
    private final boolean vHeld;
    private final boolean[] gHeld;
    private final int refractory;
    private final int[] last;
    private final boolean[] spiked;
    private int t;

    /** {@code q}: (label, exact values) to their quantisation, errors recorded by the engine. */
    Brian2Core(final Node node, final Options opt, final FixedFormat fmt, final BiFunction<String, double[], int[]> q)
    {
        final String where = "node " + node.name();
        n = node.outShape().size();
        this.fmt = fmt;
        w = fmt.width();
        one = 1 << fmt.fraction();
        vars = List.of(meta(node, NirMetadata.STATE_VARS).split(","));
        k = vars.size() - 1;
        final String method = meta(node, NirMetadata.METHOD);
        if (!method.equals("exact") && !method.equals("euler"))
        {
            throw new NetworkException(where + ": " + NirMetadata.METHOD + " " + method + " (exact or euler)");
        }
        final boolean exact = method.equals("exact");
        strict = meta(node, NirMetadata.THRESHOLD_OP).equals(">");
        subtract = meta(node, NirMetadata.RESET_OP).equals("-=");
        refractory = Integer.parseInt(meta(node, NirMetadata.REFRACTORY_STEPS));
        final List<String> held = List.of(node.metadata().getOrDefault(NirMetadata.UNLESS_REFRACTORY, "").split(","));
        vHeld = held.contains(vars.get(0));
        gHeld = new boolean[k];
        vLeak = q.apply("v_leak", node.perElement("v_leak", n));
        th = q.apply("v_threshold", node.perElement("v_threshold", n));
        reset = q.apply("v_reset", node.perElement("v_reset", n));
        kMem = q.apply(exact ? "1-exp(-dt/tau)" : "dt/tau", factor(node.perElement("tau", n), opt.dt(), exact));
        final String[] init = meta(node, NirMetadata.INITIAL).split(";", -1);
        if (init.length != k + 1)
        {
            throw new NetworkException(where + ": " + NirMetadata.INITIAL + " has " + init.length + " variables, "
                + NirMetadata.STATE_VARS + " " + (k + 1));
        }
        v = q.apply("initial " + vars.get(0), NirMetadata.doubles(init[0], n, where + " initial"));
        g = new int[k][];
        kSyn = new int[k][];
        r = new int[k][];
        final String[] taus = k == 0 ? new String[0] : meta(node, NirMetadata.CURRENT_TAU).split(";");
        final String[] rs = k == 0 ? new String[0] : meta(node, NirMetadata.CURRENT_R).split(";");
        if (taus.length != k || rs.length != k)
        {
            throw new NetworkException(where + ": " + k + " currents but " + taus.length + " time constants and "
                + rs.length + " factors r");
        }
        for (int c = 0; c < k; c++)
        {
            final String name = vars.get(c + 1);
            gHeld[c] = held.contains(name);
            g[c] = q.apply("initial " + name, NirMetadata.doubles(init[c + 1], n, where + " initial"));
            kSyn[c] = q.apply((exact ? "1-exp(-dt/tau_" : "dt/tau_") + name + ")",
                factor(NirMetadata.doubles(taus[c], n, where + " tau"), opt.dt(), exact));
            r[c] = q.apply("r_" + name, NirMetadata.doubles(rs[c], n, where + " r"));
        }
        last = new int[n];
        Arrays.fill(last, Integer.MIN_VALUE / 2);
        spiked = new boolean[n];
    }

    /** A population's core with its constants quantised as the engine quantises them (nearest, saturated). */
    public static Brian2Core quantised(final Node node, final Options opt, final FixedFormat fmt)
    {
        return new Brian2Core(node, opt, fmt, (label, exact) -> Arrays.stream(exact).mapToInt(fmt::quantise).toArray());
    }

    /** Currents (state variables after v). */
    public int currents()
    {
        return k;
    }

    /** The state variable an edge whose source names {@code var} adds into: 0 = v, c + 1 = current c. */
    public int variable(final String var, final String edge)
    {
        return offset(var, edge) / n;
    }

    public int[] vLeak()
    {
        return vLeak.clone();
    }

    public int[] threshold()
    {
        return th.clone();
    }

    public int[] reset()
    {
        return reset.clone();
    }

    public int[] kMem()
    {
        return kMem.clone();
    }

    public int[] kSyn(final int c)
    {
        return kSyn[c].clone();
    }

    public int[] r(final int c)
    {
        return r[c].clone();
    }

    /** v now (before the first step: its initial value). */
    public int[] v()
    {
        return v.clone();
    }

    /** Current c now (before the first step: its initial value). */
    public int[] current(final int c)
    {
        return g[c].clone();
    }

    public int refractorySteps()
    {
        return refractory;
    }

    /** Threshold {@code >} (else {@code >=}). */
    public boolean strict()
    {
        return strict;
    }

    /** Reset {@code v -= c} (else {@code v = c}). */
    public boolean subtractive()
    {
        return subtract;
    }

    /** v is {@code (unless refractory)}. */
    public boolean vHeld()
    {
        return vHeld;
    }

    /** Current c is {@code (unless refractory)}. */
    public boolean currentHeld(final int c)
    {
        return gHeld[c];
    }

    private static double[] factor(final double[] tau, final double dt, final boolean exact)
    {
        final double[] f = new double[tau.length];
        for (int i = 0; i < f.length; i++)
        {
            f[i] = exact ? -Math.expm1(-dt / tau[i]) : dt / tau[i];
        }
        return f;
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

    /** Where an edge whose source names {@code var} ({@code scfabric.target_var}; null: v) adds in the input. */
    int offset(final String var, final String edge)
    {
        final int s = var == null ? 0 : vars.indexOf(var);
        if (s < 0)
        {
            throw new NetworkException(edge + ": " + NirMetadata.TARGET_VAR + " " + var + " is not one of "
                + String.join(", ", vars));
        }
        return s * n;
    }

    int inputSize()
    {
        return (k + 1) * n;
    }

    @Override
    public int step(final int[] x, final int[] y)
    {
        final int f = fmt.fraction();
        int fired = 0;
        for (int j = 0; j < n; j++)
        {
            // Brian2's conditional write: effects delivered while refractory (or firing) miss (unless refractory) ones
            final boolean written = t - 1 - last[j] >= Math.max(refractory, 1);
            int u = vHeld && !written ? v[j] : fmt.saturate((long) v[j] + x[j]);
            for (int c = 0; c < k; c++)
            {
                if (written || !gHeld[c])
                {
                    g[c][j] = fmt.saturate((long) g[c][j] + x[(c + 1) * n + j]);
                }
            }
            if (spiked[j])
            {
                u = subtract ? fmt.saturate((long) u - reset[j]) : reset[j];
                spiked[j] = false;
            }
            final boolean notRef = t - last[j] >= refractory;
            long drive = 0;
            for (int c = 0; c < k; c++)
            {
                if (notRef || !gHeld[c])
                {
                    // sc_cuba_lif_neuron's current: i + (0 - i) k_syn, the effect already added above
                    g[c][j] = CubaLifCore.iNext(g[c][j], kSyn[c][j], 0, 0, w, f);
                }
                drive += Bits.lowSigned(((long) g[c][j] * r[c][j]) >> f, w);
            }
            if (notRef || !vHeld)
            {
                // r = 1 (2^F): the currents' sum is the core's r·i
                u = CubaLifCore.vNext(u, Bits.lowSigned(drive, w), kMem[j], one, vLeak[j], w, f);
            }
            final boolean fire = notRef && (strict ? u > th[j] : u >= th[j]);
            if (fire)
            {
                last[j] = t;
                spiked[j] = true;
                fired++;
            }
            y[j] = fire ? one : 0;
            v[j] = u;
        }
        t++;
        return fired;
    }
}
