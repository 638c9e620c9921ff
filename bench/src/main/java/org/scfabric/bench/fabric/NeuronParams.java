package org.scfabric.bench.fabric;

import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.hw.fabric.MappedNetwork;
import org.scfabric.net.Kind;
import org.scfabric.net.Node;
import org.scfabric.net.ref.Options;

/**
 * A neuron node's parameters quantised for the fabric's parameter memories, the way
 * {@code FixedPointEngine} quantises them (nearest, saturated): r, v_leak, k_mem = dt/τ (or 1 − e^(−dt/τ)
 * with the exact integrator), k_syn, w_in, v_threshold, v_reset (missing: 0). Unused ones stay 0.
 */
final class NeuronParams
{
    private NeuronParams()
    {
    }

    static byte kind(final Kind k)
    {
        return switch (k)
        {
            case I, IF -> MappedNetwork.INTEGRATE;
            case CUBA_LI, CUBA_LIF -> MappedNetwork.CURRENT;
            default -> MappedNetwork.LEAKY;
        };
    }

    /** Writes the node's parameters into rows r, v_leak, k_mem, k_syn, w_in, v_th, v_reset at {@code base}. */
    static void fill(final Node node, final Options opt, final FixedFormat fmt, final int base, final int[][] out)
    {
        final int m = node.outShape().size();
        final boolean integrate = node.kind() == Kind.I || node.kind() == Kind.IF;
        final boolean current = node.kind() == Kind.CUBA_LI || node.kind() == Kind.CUBA_LIF;
        final boolean fires = node.kind() == Kind.IF || node.kind() == Kind.LIF || node.kind() == Kind.CUBA_LIF;
        put(out[0], base, fmt, node.perElement("r", m));
        if (!integrate)
        {
            put(out[1], base, fmt, node.perElement("v_leak", m));
            put(out[2], base, fmt, factor(node.perElement(current ? "tau_mem" : "tau", m), opt));
        }
        if (current)
        {
            put(out[3], base, fmt, factor(node.perElement("tau_syn", m), opt));
            put(out[4], base, fmt, node.perElement("w_in", m));
        }
        if (fires)
        {
            put(out[5], base, fmt, node.perElement("v_threshold", m));
            put(out[6], base, fmt, node.has("v_reset") ? node.perElement("v_reset", m) : new double[m]);
        }
    }

    private static void put(final int[] row, final int base, final FixedFormat fmt, final double[] x)
    {
        for (int i = 0; i < x.length; i++)
        {
            row[base + i] = fmt.quantise(x[i]);
        }
    }

    private static double[] factor(final double[] tau, final Options opt)
    {
        final double[] k = new double[tau.length];
        for (int i = 0; i < k.length; i++)
        {
            k[i] = opt.integrator() == Options.Integrator.EXACT ? -Math.expm1(-opt.dt() / tau[i]) : opt.dt() / tau[i];
        }
        return k;
    }
}
