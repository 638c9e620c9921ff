package org.scfabric.hw.fabric;

import java.util.Arrays;

import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;

/**
 * The Brunel fabric's datapath ({@link FabricNetwork}): per neuron v, the refractory count, the drive
 * LFSR and two accumulator banks by step parity; the result stage leaps the LFSR, draws the Poisson
 * kicks, forms {@code I = acc[par] + kicks·J_ext} and runs the bit-true LIF ({@link LifCore#vNext}).
 * Every delivery goes to the next step's bank (tags unused: every synapse has offset 1).
 */
final class LifDriveDatapath implements CoreDatapath
{
    private final int w;
    private final int f;
    private final int vRest;
    private final int vReset;
    private final int vTh;
    private final int refr;
    private final int leak;
    private final int gain;
    private final int jExt;
    private final byte[] kick;
    private final int[] size;
    /** Per core, the index of its first neuron in the flat arrays (its banks start at twice that in acc). */
    private final int[] base;
    // flat over all cores (one array each, not one per core: one load fewer per access in the hot loop)
    private final int[] v;
    private final int[] rc;
    private final int[] lfsr;
    /** Core c's two banks by step parity: {@code acc[2·base[c] + parity·size[c] + a]}. */
    private final int[] acc;

    LifDriveDatapath(final FabricNetwork net, final Placement pl)
    {
        final LifParams p = net.lif();
        w = p.dataWidth();
        f = p.fraction();
        vRest = p.vRest();
        vReset = p.vReset();
        vTh = p.vThreshold();
        refr = p.refractoryPeriod();
        leak = net.leak();
        gain = net.gain();
        jExt = net.jExt();
        kick = net.drive().kickTable();
        final int k = pl.cores();
        size = new int[k];
        base = new int[k];
        int total = 0;
        for (int c = 0; c < k; c++)
        {
            size[c] = pl.size(c);
            base[c] = total;
            total += size[c];
        }
        v = new int[total];
        Arrays.fill(v, vRest);
        rc = new int[total];
        lfsr = new int[total];
        acc = new int[2 * total];
        for (int c = 0; c < k; c++)
        {
            for (int a = 0; a < size[c]; a++)
            {
                lfsr[base[c] + a] = net.drive().initialState(pl.neuron(c, a));
            }
        }
    }

    @Override
    public void deliver(final int c, final int a, final int j, final int tag, final int wt, final int stepC)
    {
        acc[2 * base[c] + (1 - (stepC & 1)) * size[c] + a] += wt;
    }

    @Override
    public boolean update(final int c, final int a, final int j, final int step, final long now)
    {
        final int x = base[c] + a;
        final int accIdx = 2 * base[c] + (step & 1) * size[c] + a;
        final int lf = PoissonDrive.leap(lfsr[x]);
        lfsr[x] = lf;
        final int current = acc[accIdx] + kick[lf & 0xFFFF] * jExt;
        acc[accIdx] = 0;
        final int r = rc[x];
        if (r != 0)
        {
            v[x] = vRest;
            rc[x] = r - 1;
            return false;
        }
        final int next = LifCore.vNext(v[x], leak, gain, current, 0, vRest, w, f);
        final boolean spike = next >= vTh;
        v[x] = spike ? vReset : next;
        rc[x] = spike ? refr : 0;
        return spike;
    }

    @Override
    public void state(final EngineState s)
    {
        s.a(v);
        s.a(rc);
        s.a(lfsr);
        s.a(acc);
    }
}
