package org.scfabric.bench.fabric;

import java.util.List;

import org.scfabric.bench.nir.Brian2Core;
import org.scfabric.bench.nir.Brian2Scale;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.hw.fabric.Brian2Params;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.nir.NirMetadata;
import org.scfabric.net.ref.Options;

/**
 * A network's Brian2 populations ({@code scfabric.kind = brian2}) for the fabric's Brian2 datapath: each
 * population's constants quantised exactly as {@code scfabric nir --arith} quantises them ({@link Brian2Core#quantised}
 * on the rescaled network), written into the mapping's parameter rows (v_leak, k_mem, v_threshold, v_reset) and the
 * {@link Brian2Params} (refractory period, switches, currents, initial values, the variable each group adds into).
 */
final class Brian2Populations
{
    private final Network net;
    private final Options opt;
    private final FixedFormat fmt;
    private final int groups;
    private final int[] refractory;
    private final int[] flags;
    private final int[][] kSyn;
    private final int[][] r;
    private final int[] initV;
    private final int[][] initI;
    private final byte[] groupVar;

    private Brian2Populations(final Network net, final Options opt, final FixedFormat fmt, final int total,
        final int groups, final int currents)
    {
        this.net = net;
        this.opt = opt;
        this.fmt = fmt;
        this.groups = groups;
        refractory = new int[total];
        flags = new int[total];
        kSyn = new int[currents][total];
        r = new int[currents][total];
        initV = new int[total];
        initI = new int[currents][total];
        groupVar = new byte[total * groups];
    }

    /** Null when none of {@code populations} is a Brian2 population. */
    static Brian2Populations of(final Network net, final List<Integer> populations, final Options opt,
        final FixedFormat fmt, final int total, final int groups)
    {
        int currents = -1;
        for (final int v : populations)
        {
            final Node node = net.node(v);
            if (Brian2Scale.isBrian2(node))
            {
                currents = Math.max(currents, node.metadata().getOrDefault(NirMetadata.STATE_VARS, "v").split(",").length - 1);
            }
        }
        if (currents > 8)
        {
            throw new org.scfabric.net.NetworkException("not mappable onto the fabric: a Brian2 population with "
                + currents + " currents (the Brian2 datapath has at most 8)");
        }
        return currents < 0 ? null : new Brian2Populations(net, opt, fmt, total, groups, currents);
    }

    /** Population v (neurons base ..): its constants, and the variable each incoming edge (group) adds into. */
    void fill(final int v, final int base, final int[] incoming, final int[][] params)
    {
        final Node node = net.node(v);
        final Brian2Core core = Brian2Core.quantised(node, opt, fmt);
        final int m = node.outShape().size();
        final int[] leak = core.vLeak();
        final int[] km = core.kMem();
        final int[] th = core.threshold();
        final int[] rs = core.reset();
        final int[] v0 = core.v();
        int fl = (core.strict() ? Brian2Params.STRICT : 0) | (core.subtractive() ? Brian2Params.SUBTRACT : 0)
            | (core.vHeld() ? Brian2Params.V_HELD : 0);
        for (int c = 0; c < core.currents(); c++)
        {
            fl |= core.currentHeld(c) ? Brian2Params.HELD_CURRENT << c : 0;
        }
        for (int i = 0; i < m; i++)
        {
            final int j = base + i;
            params[1][j] = leak[i];
            params[2][j] = km[i];
            params[5][j] = th[i];
            params[6][j] = rs[i];
            initV[j] = v0[i];
            refractory[j] = core.refractorySteps();
            flags[j] = fl;
        }
        for (int c = 0; c < core.currents(); c++)
        {
            final int[] ks = core.kSyn(c);
            final int[] rc = core.r(c);
            final int[] g0 = core.current(c);
            for (int i = 0; i < m; i++)
            {
                kSyn[c][base + i] = ks[i];
                r[c][base + i] = rc[i];
                initI[c][base + i] = g0[i];
            }
        }
        for (int g = 0; g < incoming.length; g++)
        {
            final Node src = net.node(net.edgeSource(incoming[g]));
            final int var = core.variable(src.metadata().get(NirMetadata.TARGET_VAR), "edge " + net.edges().get(
                incoming[g]));
            for (int i = 0; i < m; i++)
            {
                groupVar[(base + i) * groups + g] = (byte)var;
            }
        }
    }

    Brian2Params params()
    {
        return new Brian2Params(refractory, flags, kSyn, r, initV, initI, groupVar);
    }
}
