package org.scfabric.hw.fabric;

import org.scfabric.hw.Bits;
import org.scfabric.hw.lif.CubaLifCore;

/**
 * The datapath of a {@link MappedNetwork}: per neuron v, the synaptic current i (CubaLIF/CubaLI), its
 * parameters, and a ring of {@code banks × groups} wide accumulators. The result stage forms the
 * neuron's input from its groups exactly as the unrolled fixed-point engine does ({@code y_g = sat(acc_g
 * + b_g)}, {@code x = sat(x + y_g)} in edge order), then runs the neuron: I/IF {@code v + low_W((x r) >> F)},
 * LI/LIF {@link CubaLifCore#vNext}, CubaLI/CubaLIF {@link CubaLifCore#iNext} then vNext; a spike is
 * {@code v > v_th} (strict), then {@code v = v_reset} (or {@code v − v_th}). Observed neurons (those an
 * Output node reads) log an output event whenever their output is non-zero: a spike, or a readout's v.
 */
final class MappedDatapath implements CoreDatapath
{
    private final MappedNetwork m;
    private final int n;
    private final int g;
    private final int banks;
    private final int w;
    private final int f;
    private final long max;
    private final int[] v;
    private final int[] cur;
    private final long[] acc;
    private final boolean[] observed;
    private final OutputEvents out;
    // Brian2 neurons: the currents, the refractory counter, and the unit's operands (no allocation per update)
    private final Brian2Params b2;
    private final int[][] b2i;
    private final int[] b2age;
    private final int[] b2st;
    private final int[] b2x;
    private final int[] b2p;

    MappedDatapath(final MappedNetwork m, final boolean[] observed, final OutputEvents out)
    {
        this.m = m;
        n = m.n;
        g = m.groups;
        banks = m.banks;
        w = m.w;
        f = m.f;
        max = Bits.mask(w - 1) & 0xffffffffL;
        v = new int[n];
        cur = new int[n];
        acc = new long[(long)n * g * banks > Integer.MAX_VALUE ? fail(n, g, banks) : n * g * banks];
        this.observed = observed.clone();
        this.out = out;
        b2 = m.brian2;
        final int k = b2 == null ? 0 : b2.currents;
        b2i = new int[k][n];
        b2age = new int[b2 == null ? 0 : n];
        b2st = new int[k + 2];
        b2x = new int[k + 1];
        b2p = new int[Brian2Unit.P_CURRENT + 2 * k];
        for (int j = 0; j < n && b2 != null; j++)
        {
            if (m.kind[j] == MappedNetwork.BRIAN2)
            {
                v[j] = b2.initV[j];
                for (int c = 0; c < k; c++)
                {
                    b2i[c][j] = b2.initI[c][j];
                }
                b2age[j] = b2.cap(j);
            }
        }
    }

    private static int fail(final int n, final int g, final int b)
    {
        throw new IllegalArgumentException("accumulators of " + n + " neurons x " + g + " groups x " + b
            + " delay banks do not fit one array");
    }

    private int sat(final long x)
    {
        return (int)Math.max(-max - 1, Math.min(max, x));
    }

    @Override
    public void deliver(final int c, final int a, final int j, final int tag, final int wt, final int stepC)
    {
        if (banks == 1 && g == 1)
        {
            acc[j] += wt;   // one group, no delays: the common feed-forward case, no divisions
            return;
        }
        final int off = tag / g;
        final int bank = (int)((stepC + (long)off) % banks);
        acc[(bank * g + tag % g) * n + j] += wt;
    }

    @Override
    public boolean update(final int c, final int a, final int j, final int step, final long now)
    {
        if (m.kind[j] == MappedNetwork.BRIAN2)
        {
            return brian2(j, step, now);
        }
        final int bank = step % banks;
        int x = 0;
        final int gc = m.groupCount[j];
        for (int q = 0; q < gc; q++)
        {
            final int idx = (bank * g + q) * n + j;
            final int b = step >= m.biasFrom[j * g + q] ? m.bias[j * g + q] : 0;
            final long in = m.sc == null || !m.sc.converts[j * g + q] ? acc[idx]
                : ScSynapses.current(m.sc.range[j * g + q], acc[idx], m.sc.bitstream);
            final int y = sat(in + b);
            acc[idx] = 0;
            x = sat((long)x + y);
        }
        int u;
        switch (m.kind[j])
        {
            case MappedNetwork.INTEGRATE -> u = Bits.lowSigned((long)v[j] + Bits.lowSigned(((long)x * m.r[j]) >> f, w), w);
            case MappedNetwork.CURRENT ->
            {
                cur[j] = CubaLifCore.iNext(cur[j], m.kSyn[j], m.wIn[j], x, w, f);
                u = CubaLifCore.vNext(v[j], cur[j], m.kMem[j], m.r[j], m.vLeak[j], w, f);
            }
            default -> u = CubaLifCore.vNext(v[j], x, m.kMem[j], m.r[j], m.vLeak[j], w, f);
        }
        boolean spike = false;
        if (m.fires[j] && u > m.vTh[j])
        {
            spike = true;
            u = m.subtract ? Bits.lowSigned((long)u - m.vTh[j], w) : m.vReset[j];
        }
        v[j] = u;
        if (observed[j] && (m.fires[j] ? spike : u != 0))
        {
            out.add(step, j, now, m.fires[j] ? 1 << f : u);
        }
        return spike;
    }

    /** A Brian2 neuron: its groups summed per state variable (each sum saturated, in edge order), then the unit. */
    private boolean brian2(final int j, final int step, final long now)
    {
        final int bank = step % banks;
        final int k = b2.currents;
        java.util.Arrays.fill(b2x, 0);
        final int gc = m.groupCount[j];
        for (int q = 0; q < gc; q++)
        {
            final int idx = (bank * g + q) * n + j;
            final int b = step >= m.biasFrom[j * g + q] ? m.bias[j * g + q] : 0;
            final int y = sat(acc[idx] + b);
            acc[idx] = 0;
            final int var = b2.groupVar[j * g + q];
            b2x[var] = sat((long)b2x[var] + y);
        }
        b2st[0] = v[j];
        b2p[Brian2Unit.P_LEAK] = m.vLeak[j];
        b2p[Brian2Unit.P_KMEM] = m.kMem[j];
        b2p[Brian2Unit.P_TH] = m.vTh[j];
        b2p[Brian2Unit.P_RESET] = m.vReset[j];
        for (int q = 0; q < k; q++)
        {
            b2st[q + 1] = b2i[q][j];
            b2p[Brian2Unit.P_CURRENT + 2 * q] = b2.kSyn[q][j];
            b2p[Brian2Unit.P_CURRENT + 2 * q + 1] = b2.r[q][j];
        }
        b2st[k + 1] = b2age[j];
        final boolean spike = Brian2Unit.step(b2st, b2x, b2p, k, b2.flags[j], b2.refractory[j], w, f, max);
        v[j] = b2st[0];
        for (int q = 0; q < k; q++)
        {
            b2i[q][j] = b2st[q + 1];
        }
        b2age[j] = b2st[k + 1];
        if (spike && observed[j])
        {
            out.add(step, j, now, 1 << f);
        }
        return spike;
    }
}
