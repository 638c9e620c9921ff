package org.scfabric.hw.fabric;

import java.util.Arrays;

import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;

/**
 * The fabric's fast path: the same machine as {@link Fabric} — the same registers, the same
 * edge-by-edge behaviour of the cores, FIFOs, router and controller — evaluated in one loop over
 * primitive fields instead of as kernel components, with the stretches in which only the router
 * streams a row computed in one go. Everything observable is what the kernel model gives, cycle for
 * cycle: spikes, cycles per step, latencies, FIFO occupancy, stalls and drops
 * (FabricEngineTest proves it over random architectures). No fault sites, no waveforms: use
 * {@link Fabric} for those.
 */
public final class FabricEngine
{
    private final FabricParams fp;
    private final FabricNetwork net;
    private final int steps;
    private final int k;
    private final int ports;
    private final int lc;
    private final int lr;
    private final int depth;
    private final boolean drop;

    // network
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
    private final int[] rowStart;
    private final int[] rowLen;
    private final int[] target;
    private final int[] weight;
    private final int[] coreOf;
    private final int[] addrOf;

    // cores
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
    private final boolean[] pushValid;
    private final int[] pushId;
    private final boolean[] coreBusy;

    // router
    private final int[][] fifo;
    private final int[] rd;
    private final int[] wr;
    private final int[] cnt;
    private final boolean[] credit;
    private int state;
    private int wait;
    private int rr;
    private int src;
    private int ptr;
    private int end;
    private boolean first;
    private final int[] beatMask;
    private final int[] beatPtr;
    private final int[] beatSrc;
    private final int[] beatFlags;
    private int dlvValid;
    private final int[] dlvTgt;
    private final int[] dlvW;
    private boolean routerBusy;

    // controller
    private int run;
    private boolean start;
    private int par;
    private int step;

    // instrumentation
    private long now;
    private final long[] spikeCycle;
    private final EngineCounters counters;
    private final long[] occupancy;
    private final SpikeLog spikes;

    public FabricEngine(final FabricParams fp, final FabricNetwork net, final int steps)
    {
        if (fp.neurons() != net.size())
        {
            throw new IllegalArgumentException("the architecture has " + fp.neurons() + " neurons, the network "
                + net.size());
        }
        if (steps < 1)
        {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.fp = fp;
        this.net = net;
        this.steps = steps;
        k = fp.cores();
        ports = fp.ports();
        lc = fp.coreLatency();
        lr = fp.csrLatency();
        depth = fp.fifoDepth();
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
        final int n = net.size();
        rowStart = new int[n];
        rowLen = new int[n];
        for (int i = 0; i < n; i++)
        {
            rowStart[i] = net.rowStart(i);
            rowLen[i] = net.rowLength(i);
        }
        target = new int[net.synapses()];
        weight = new int[net.synapses()];
        for (int e = 0; e < target.length; e++)
        {
            target[e] = net.target(e);
            weight[e] = net.weight(e);
        }
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
        ret = new boolean[k];
        Arrays.fill(credits, depth);
        stValid = new int[k];
        pushValid = new boolean[k];
        pushId = new int[k];
        coreBusy = new boolean[k];
        fifo = new int[k][depth];
        rd = new int[k];
        wr = new int[k];
        cnt = new int[k];
        credit = new boolean[k];
        beatMask = new int[lr];
        beatPtr = new int[lr];
        beatSrc = new int[lr];
        beatFlags = new int[lr];
        dlvTgt = new int[ports];
        dlvW = new int[ports];
        spikeCycle = new long[n];
        counters = new EngineCounters(steps, k, depth);
        occupancy = counters.occupancy;
        spikes = new SpikeLog(steps);
    }

    /** Also keep the edge of every spike ({@link #spikeTimes()}); off by default. */
    public FabricEngine keepSpikeTimes()
    {
        spikes.keepTimes();
        return this;
    }

    /** Pairs (edge, neuron) of every spike in edge order, after {@link #run()} with {@link #keepSpikeTimes()}. */
    public long[] spikeTimes()
    {
        return spikes.times();
    }

    /** Run every step. */
    public FabricResult run()
    {
        final long t0 = System.nanoTime();
        while (run != 2)
        {
            cycle();
        }
        final double wall = (System.nanoTime() - t0) / 1e9;
        return counters.result(fp, steps, spikes, wall, now);
    }

    /** One clock edge of the whole fabric: every unit reads the values of the last edge, then all commit. */
    private void cycle()
    {
        if (state == SynapseRouter.STREAM && run == 1 && !start && quietCores())
        {
            streamRow();
            return;
        }
        // values of the last edge that cross units
        final boolean startQ = start;
        final int parOut = par;
        stepQ = step;
        final int dv = dlvValid;

        // ---- controller
        boolean anyCoreBusy = false;
        for (int c = 0; c < k; c++)
        {
            anyCoreBusy |= coreBusy[c];
        }
        final boolean routerBusyQ = routerBusy;
        if (run == 0)
        {
            start = true;
            par = 0;
            run = 1;
            counters.startCycle[0] = now;
        }
        else if (run == 1)
        {
            if (startQ)
            {
                start = false;
            }
            else if (!routerBusyQ && !anyCoreBusy)
            {
                counters.startCycle[step + 1] = now;
                if (step + 1 == steps)
                {
                    run = 2;
                }
                else
                {
                    start = true;
                    par = 1 - par;
                    step++;
                }
            }
        }

        // ---- router (reads the cores' push registers of the last edge before the cores update them)
        routerEdge();

        // ---- cores
        for (int c = 0; c < k; c++)
        {
            coreEdge(c, startQ, parOut, dv);
        }
        now++;
    }

    /** No core has anything in flight, a credit or a spike to hand over: only the router works. */
    private boolean quietCores()
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

    /**
     * The edges in which the router streams the rest of a row while every core is quiet: nothing but
     * the beats, their deliveries into the accumulators and the FIFO occupancy changes, so those edges
     * are computed in one loop (the controller waits: the router is busy; no FIFO moves).
     */
    private void streamRow()
    {
        long occ = 0;
        for (int c = 0; c < k; c++)
        {
            occupancy[cnt[c]]++;
        }
        final int last = lr - 1;
        final int sz0 = k == 1 ? size[0] : 0;
        while (true)
        {
            // the cores add last edge's deliveries into the next step's bank
            final int dv = dlvValid;
            if (dv != 0)
            {
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
            occ++;
            // the router: the beat leaving the pipeline, then the next beat
            final int outMask = deliverBeat(last);
            final int ptrQ = ptr;
            final int nl = Math.min(ports, end - ptrQ);
            final boolean lastBeat = ptrQ + ports >= end;
            for (int st = last; st > 0; st--)
            {
                beatMask[st] = beatMask[st - 1];
                beatPtr[st] = beatPtr[st - 1];
                beatSrc[st] = beatSrc[st - 1];
                beatFlags[st] = beatFlags[st - 1];
            }
            beatMask[0] = (int)((1L << nl) - 1);
            beatPtr[0] = ptrQ;
            beatSrc[0] = src;
            beatFlags[0] = (first ? 1 : 0) | (lastBeat ? 2 : 0);
            first = false;
            ptr = ptrQ + ports;
            now++;
            if (lastBeat)
            {
                state = SynapseRouter.IDLE;
                break;
            }
        }
        // every edge of the batch saw the same FIFO counts
        for (int c = 0; c < k; c++)
        {
            occupancy[cnt[c]] += occ - 1;
        }
        routerBusy = true;
        for (int c = 0; c < k; c++)
        {
            pushValid[c] = false;
            coreBusy[c] = false;
        }
    }

    private final boolean[] creditQ = new boolean[64];
    private final boolean[] pushValidQ = new boolean[64];
    private final int[] pushIdQ = new int[64];
    private final int[] dlvTgtQ = new int[32];
    private final int[] dlvWQ = new int[32];

    /**
     * The beat leaving the delivery pipeline (stage {@code last}): its synapses become this edge's
     * deliveries (added by the cores next edge) and, on a spike's first or last beat, its latency is
     * recorded. Returns the beat's port mask, which is also the new {@code dlvValid}.
     */
    private int deliverBeat(final int last)
    {
        final int outMask = beatMask[last];
        if (outMask != 0)
        {
            final int bptr = beatPtr[last];
            for (int p = 0; p < ports; p++)
            {
                if ((outMask >>> p & 1) != 0)
                {
                    dlvTgt[p] = target[bptr + p];
                    dlvW[p] = weight[bptr + p];
                    counters.synapseReads++;
                }
            }
            final int flags = beatFlags[last];
            if (flags != 0)
            {
                final long l = now + 1 - spikeCycle[beatSrc[last]];
                if ((flags & 1) != 0)
                {
                    counters.latFirst.recordValue(l);
                }
                if ((flags & 2) != 0)
                {
                    counters.latLast.recordValue(l);
                }
            }
        }
        dlvValid = outMask;
        return outMask;
    }

    private void routerEdge()
    {
        for (int c = 0; c < k; c++)
        {
            creditQ[c] = credit[c];
            pushValidQ[c] = pushValid[c];
            pushIdQ[c] = pushId[c];
            credit[c] = false;
        }
        System.arraycopy(dlvTgt, 0, dlvTgtQ, 0, ports);
        System.arraycopy(dlvW, 0, dlvWQ, 0, ports);
        boolean anyCount = false;
        final int[] cntNow = cntQ;
        for (int c = 0; c < k; c++)
        {
            final int n = cnt[c];
            cntNow[c] = n;
            occupancy[n]++;
        }
        for (int c = 0; c < k; c++)
        {
            if (pushValidQ[c])
            {
                final int id = pushIdQ[c];
                if (cntNow[c] < depth)
                {
                    fifo[c][wr[c]] = id;
                    wr[c] = wr[c] + 1 == depth ? 0 : wr[c] + 1;
                    cnt[c]++;
                    spikeCycle[id] = now - 1;
                    if (cnt[c] == depth)
                    {
                        counters.full(now);
                    }
                }
                else
                {
                    counters.drop(now);
                }
            }
        }
        // delivery pipeline output
        final int last = lr - 1;
        final int outMask = deliverBeat(last);
        // FSM
        int bm = 0;
        int bf = 0;
        final int ptrQ = ptr;
        final int srcQ = src;
        switch (state)
        {
            case SynapseRouter.IDLE ->
            {
                for (int i = 0; i < k; i++)
                {
                    final int c = rr + i >= k ? rr + i - k : rr + i;
                    if (cntNow[c] > 0)
                    {
                        src = fifo[c][rd[c]];
                        rd[c] = rd[c] + 1 == depth ? 0 : rd[c] + 1;
                        cnt[c]--;
                        credit[c] = true;
                        rr = c + 1 == k ? 0 : c + 1;
                        wait = lr;
                        state = SynapseRouter.ROW;
                        break;
                    }
                }
            }
            case SynapseRouter.ROW ->
            {
                if (wait == 1)
                {
                    ptr = rowStart[srcQ];
                    end = ptr + rowLen[srcQ];
                    first = true;
                    state = rowLen[srcQ] == 0 ? SynapseRouter.IDLE : SynapseRouter.STREAM;
                }
                wait--;
            }
            default ->
            {
                final int nl = Math.min(ports, end - ptrQ);
                bm = (int)((1L << nl) - 1);
                final boolean lastBeat = ptrQ + ports >= end;
                bf = (first ? 1 : 0) | (lastBeat ? 2 : 0);
                first = false;
                ptr = ptrQ + ports;
                if (lastBeat)
                {
                    state = SynapseRouter.IDLE;
                }
            }
        }
        boolean inFlight = bm != 0;
        for (int st = last; st > 0; st--)
        {
            beatMask[st] = beatMask[st - 1];
            beatPtr[st] = beatPtr[st - 1];
            beatSrc[st] = beatSrc[st - 1];
            beatFlags[st] = beatFlags[st - 1];
            inFlight |= beatMask[st] != 0;
        }
        beatMask[0] = bm;
        beatPtr[0] = ptrQ;
        beatSrc[0] = srcQ;
        beatFlags[0] = bf;
        for (int c = 0; c < k; c++)
        {
            anyCount |= cnt[c] > 0;
        }
        routerBusy = anyCount || state != SynapseRouter.IDLE || inFlight || outMask != 0;
    }

    private final int[] cntQ = new int[64];

    private void coreEdge(final int c, final boolean startQ, final int parOut, final int dv)
    {
        final int parC = parQ[c];
        final int par = startQ ? parOut : parC;
        parQ[c] = par;
        final int sz = size[c];
        final int[] accC = acc[c];
        if (dv != 0)
        {
            final int bankNext = (1 - parC) * sz;
            final int b = base[c];
            for (int p = 0; p < ports; p++)
            {
                if ((dv >>> p & 1) != 0)
                {
                    final int a = dlvTgtQ[p] - b;
                    if (a >= 0 && a < sz)
                    {
                        accC[bankNext + a] += dlvWQ[p];
                    }
                }
            }
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
        boolean retNext = false;
        boolean spike = false;
        final int[] sa = stAddr[c];
        if ((sv >>> (lc - 1) & 1) != 0)
        {
            counters.activeCycles[c]++;
            final int a = sa[lc - 1];
            final int accIdx = par * sz + a;
            final int lf = PoissonDrive.leap(lfsr[c][a]);
            lfsr[c][a] = lf;
            final int current = accC[accIdx] + PoissonDrive.kicks(lf, cdf) * jExt;
            accC[accIdx] = 0;
            final int r = rc[c][a];
            if (r != 0)
            {
                v[c][a] = vRest;
                rc[c][a] = r - 1;
            }
            else
            {
                final int next = LifCore.vNext(v[c][a], leak, gain, current, 0, vRest, w, f);
                spike = next >= vTh;
                v[c][a] = spike ? vReset : next;
                rc[c][a] = spike ? refr : 0;
            }
            if (spike)
            {
                final int id = base[c] + a;
                pushId[c] = id;
                spikes.add(stepQ, id, now);
            }
            else
            {
                retNext = !drop;
            }
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
            issNext = ad + 1 < sz;
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
            for (int j = lc - 1; j > 0; j--)
            {
                sa[j] = sa[j - 1];
            }
            if (issue)
            {
                sa[0] = ad;
            }
        }
        credits[c] = cr;
        coreBusy[c] = issNext || stNext != 0 || spike;
    }

    /** The controller's step register before this edge: the step of every spike at this edge. */
    private int stepQ;
}
