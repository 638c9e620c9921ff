package org.scfabric.hw.fabric;

import java.util.Arrays;

import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;

/**
 * The neuron cores of the {@link FabricEngine}: per core the issue counter, the update pipeline of
 * {@link NeuronCore}, the two accumulator banks (one per step parity), the credits for its FIFO and
 * the push register towards the router, over flat arrays. The router's wires ({@code creditQ},
 * {@code dlvTgtQ}/{@code dlvWQ}, and for streamed edges {@code dlvTgt}/{@code dlvW}) are handed in
 * at construction.
 */
final class EngineCores
{
    private final int k;
    private final int ports;
    private final int lc;
    private final boolean drop;

    // neuron model
    private final int w;
    private final int f;
    private final int vRest;
    private final int vReset;
    private final int vTh;
    private final int refr;
    private final int leak;
    private final int gain;
    private final int jExt;
    private final int[] cdf;
    private final int[] coreOf;
    private final int[] addrOf;

    // per core
    private final int[] base;
    private final int[] size;
    private final int[][] v;
    private final int[][] rc;
    private final int[][] lfsr;
    private final int[][] acc;
    private final boolean[] issuing;
    private final int[] addr;
    private final int[] parQ;
    private final int[] credits;
    private final boolean[] ret;
    private final int[] stValid;
    private final int[][] stAddr;
    private final boolean[] coreBusy;

    // wires shared with the router
    private final boolean[] pushValid;
    private final int[] pushId;
    private final boolean[] credit;
    private final boolean[] creditQ;
    private final int[] dlvTgt;
    private final int[] dlvW;
    private final int[] dlvTgtQ;
    private final int[] dlvWQ;

    private final EngineCounters counters;
    private final SpikeLog spikes;

    EngineCores(final FabricParams fp, final FabricNetwork net, final EngineCounters counters, final SpikeLog spikes,
        final boolean[] pushValid, final int[] pushId, final boolean[] credit, final boolean[] creditQ,
        final int[] dlvTgt, final int[] dlvW, final int[] dlvTgtQ, final int[] dlvWQ)
    {
        k = fp.cores();
        ports = fp.ports();
        lc = fp.coreLatency();
        drop = fp.overflow() == FabricParams.Overflow.DROP;
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
        cdf = net.drive().cdf();
        this.counters = counters;
        this.spikes = spikes;
        this.pushValid = pushValid;
        this.pushId = pushId;
        this.credit = credit;
        this.creditQ = creditQ;
        this.dlvTgt = dlvTgt;
        this.dlvW = dlvW;
        this.dlvTgtQ = dlvTgtQ;
        this.dlvWQ = dlvWQ;
        final int n = net.size();
        coreOf = new int[n];
        addrOf = new int[n];
        base = new int[k];
        size = new int[k];
        v = new int[k][];
        rc = new int[k][];
        lfsr = new int[k][];
        acc = new int[k][];
        stAddr = new int[k][lc];
        for (int c = 0; c < k; c++)
        {
            base[c] = fp.coreBase(c);
            size[c] = fp.coreSize(c);
            v[c] = new int[size[c]];
            Arrays.fill(v[c], vRest);
            rc[c] = new int[size[c]];
            lfsr[c] = new int[size[c]];
            acc[c] = new int[2 * size[c]];
            for (int a = 0; a < size[c]; a++)
            {
                lfsr[c][a] = net.drive().initialState(base[c] + a);
                coreOf[base[c] + a] = c;
                addrOf[base[c] + a] = a;
            }
        }
        issuing = new boolean[k];
        addr = new int[k];
        parQ = new int[k];
        credits = new int[k];
        Arrays.fill(credits, fp.fifoDepth());
        ret = new boolean[k];
        stValid = new int[k];
        coreBusy = new boolean[k];
    }

    /** Some core was busy at the last edge (the controller's view). */
    boolean busy()
    {
        boolean any = false;
        for (int c = 0; c < k; c++)
        {
            any |= coreBusy[c];
        }
        return any;
    }

    /** No core has anything in flight, a credit or a spike to hand over: only the router works. */
    boolean quiet()
    {
        for (int c = 0; c < k; c++)
        {
            if (issuing[c] || stValid[c] != 0 || pushValid[c] || credit[c] || ret[c])
            {
                return false;
            }
        }
        return true;
    }

    /** One edge of every core: {@code startQ}/{@code parOut} from the controller, {@code dv} the router's last deliveries. */
    void edge(final boolean startQ, final int parOut, final int stepQ, final int dv, final long now)
    {
        for (int c = 0; c < k; c++)
        {
            edge(c, startQ, parOut, stepQ, dv, now);
        }
    }

    /** A streamed edge: only last edge's deliveries to add, into the next step's bank. */
    void accumulate(final int dv)
    {
        if (dv == 0)
        {
            return;
        }
        final int sz0 = k == 1 ? size[0] : 0;
        for (int p = 0; p < ports; p++)
        {
            if ((dv >>> p & 1) != 0)
            {
                final int j = dlvTgt[p];
                final int c = k == 1 ? 0 : coreOf[j];
                final int sz = k == 1 ? sz0 : size[c];
                acc[c][(1 - parQ[c]) * sz + addrOf[j]] += dlvW[p];
            }
        }
    }

    /** After a streamed stretch: the cores stayed quiet, so nothing pushed and none busy. */
    void endStream()
    {
        for (int c = 0; c < k; c++)
        {
            pushValid[c] = false;
            coreBusy[c] = false;
        }
    }

    private void edge(final int c, final boolean startQ, final int parOut, final int stepQ, final int dv,
        final long now)
    {
        final int parC = parQ[c];
        final int par = startQ ? parOut : parC;
        parQ[c] = par;
        if (dv != 0)
        {
            addDeliveries(c, (1 - parC) * size[c], dv);
        }
        final int sv = stValid[c];
        if (!startQ && !issuing[c] && sv == 0)
        {
            // nothing in flight: only returned credits to take
            credits[c] += (creditQ[c] ? 1 : 0) + (ret[c] ? 1 : 0);
            ret[c] = false;
            pushValid[c] = false;
            coreBusy[c] = false;
            return;
        }
        int cr = credits[c] + (creditQ[c] ? 1 : 0) + (ret[c] ? 1 : 0);
        boolean spike = false;
        boolean retNext = false;
        if ((sv >>> (lc - 1) & 1) != 0)
        {
            spike = update(c, par, stepQ, now);
            retNext = !spike && !drop;
        }
        ret[c] = retNext;
        pushValid[c] = spike;
        final boolean iss = startQ || issuing[c];
        final int ad = startQ ? 0 : addr[c];
        final boolean issue = iss && (drop || cr > 0);
        if (iss && !issue)
        {
            counters.stall(now);
        }
        int stNext = (sv << 1) & ((1 << lc) - 1);
        boolean issNext = iss;
        if (issue)
        {
            stNext |= 1;
            if (!drop)
            {
                cr--;
            }
            issNext = ad + 1 < size[c];
            addr[c] = ad + 1;
        }
        else if (startQ)
        {
            addr[c] = ad;
        }
        issuing[c] = issNext;
        stValid[c] = stNext;
        if (sv != 0 || issue)
        {
            shiftAddresses(stAddr[c], issue, ad);
        }
        credits[c] = cr;
        coreBusy[c] = issNext || stNext != 0 || spike;
    }

    /** Last edge's deliveries for this core into the accumulator bank at {@code bank}. */
    private void addDeliveries(final int c, final int bank, final int dv)
    {
        final int sz = size[c];
        final int b = base[c];
        final int[] accC = acc[c];
        for (int p = 0; p < ports; p++)
        {
            if ((dv >>> p & 1) != 0)
            {
                final int a = dlvTgtQ[p] - b;
                if (a >= 0 && a < sz)
                {
                    accC[bank + a] += dlvWQ[p];
                }
            }
        }
    }

    /** The neuron leaving the pipeline: drive, accumulated current, bit-true LIF step; returns whether it spiked. */
    private boolean update(final int c, final int par, final int stepQ, final long now)
    {
        counters.activeCycles[c]++;
        final int a = stAddr[c][lc - 1];
        final int[] accC = acc[c];
        final int accIdx = par * size[c] + a;
        final int lf = PoissonDrive.leap(lfsr[c][a]);
        lfsr[c][a] = lf;
        final int current = accC[accIdx] + PoissonDrive.kicks(lf, cdf) * jExt;
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
        if (spike)
        {
            final int id = base[c] + a;
            pushId[c] = id;
            spikes.add(stepQ, id, now);
        }
        return spike;
    }

    private void shiftAddresses(final int[] sa, final boolean issue, final int ad)
    {
        for (int j = lc - 1; j > 0; j--)
        {
            sa[j] = sa[j - 1];
        }
        if (issue)
        {
            sa[0] = ad;
        }
    }
}
