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
    private final int[][] v;
    private final int[][] rc;
    private final int[][] lfsr;
    private final int[][] acc;

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
        v = new int[k][];
        rc = new int[k][];
        lfsr = new int[k][];
        acc = new int[k][];
        for (int c = 0; c < k; c++)
        {
            size[c] = pl.size(c);
            v[c] = new int[size[c]];
            Arrays.fill(v[c], vRest);
            rc[c] = new int[size[c]];
            lfsr[c] = new int[size[c]];
            acc[c] = new int[2 * size[c]];
            for (int a = 0; a < size[c]; a++)
            {
                lfsr[c][a] = net.drive().initialState(pl.neuron(c, a));
            }
        }
    }

    @Override
    public void deliver(final int c, final int a, final int j, final int tag, final int wt, final int stepC)
    {
        acc[c][(1 - (stepC & 1)) * size[c] + a] += wt;
    }

    @Override
    public boolean update(final int c, final int a, final int j, final int step, final long now)
    {
        final int[] accC = acc[c];
        final int accIdx = (step & 1) * size[c] + a;
        final int lf = PoissonDrive.leap(lfsr[c][a]);
        lfsr[c][a] = lf;
        final int current = accC[accIdx] + kick[lf & 0xFFFF] * jExt;
        accC[accIdx] = 0;
        final int r = rc[c][a];
        if (r != 0)
        {
            v[c][a] = vRest;
            rc[c][a] = r - 1;
            return false;
        }
        final int next = LifCore.vNext(v[c][a], leak, gain, current, 0, vRest, w, f);
        final boolean spike = next >= vTh;
        v[c][a] = spike ? vReset : next;
        rc[c][a] = spike ? refr : 0;
        return spike;
    }

    @Override
    public void state(final EngineState s)
    {
        for (int c = 0; c < v.length; c++)
        {
            s.a(v[c]);
            s.a(rc[c]);
            s.a(lfsr[c]);
            s.a(acc[c]);
        }
    }
}
