package org.scfabric.hw.fabric;

/**
 * The synapse router of the {@link FabricEngine}: the spike FIFOs (one per core, and one for the
 * external input port of a mapped network), the round-robin
 * pick, the row fetch and the delivery pipeline of {@link SynapseRouter}, over flat arrays. The wires
 * it shares with the cores are arrays handed in at construction: it reads {@code pushValid}/{@code pushId},
 * writes {@code credit} and the deliveries {@code dlvTgt}/{@code dlvW}, and keeps last edge's copies
 * ({@code creditQ}, {@code dlvTgtQ}, {@code dlvWQ}) for the cores to read after it has moved on.
 */
final class EngineRouter
{
    private final int k;
    private final int ports;
    private final int lr;
    private final int depth;
    private final int[] rowStart;
    private final int[] rowLen;
    private final int[] target;
    private final int[] weight;
    private final int[] tag;
    private final EngineCounters counters;
    private final long[] occupancy;
    /** Per neuron, the edge its last spike was pushed (latency origin). */
    private final long[] spikeCycle;

    // FIFOs
    private final int[][] fifo;
    private final int[] rd;
    private final int[] wr;
    private final int[] cnt;
    private final int[] cntQ;

    // wires shared with the cores
    private final boolean[] pushValid;
    private final int[] pushId;
    private final boolean[] credit;
    private final boolean[] creditQ;
    private final int[] dlvTgt;
    private final int[] dlvW;
    private final int[] dlvTag;
    private final int[] dlvTgtQ;
    private final int[] dlvWQ;
    private final int[] dlvTagQ;
    private final boolean[] pushValidQ;
    private final int[] pushIdQ;

    // FSM and delivery pipeline
    int state;
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
    /** The SC synapse datapath, or null. */
    private final EngineScUnit sc;
    /** Cycles of the row state (see {@link SynapseRouter}). */
    private final int rowWait;

    /** Port mask of this edge's deliveries. */
    int dlvValid;
    boolean busy;

    /**
     * @param fifos the spike FIFOs: one per core, and one more for the external input port when the
     *              network has inputs (round robin over all of them)
     */
    EngineRouter(final FabricParams fp, final FanOut fo, final int fifos, final EngineCounters counters,
        final Wires wires)
    {
        k = fifos;
        ports = fp.ports();
        lr = fp.csrLatency();
        depth = fp.fifoDepth();
        rowStart = fo.rowStart;
        rowLen = fo.rowLen;
        target = fo.target;
        weight = fo.weight;
        tag = fo.tag;
        sc = fo.sc == null ? null : new EngineScUnit(fo.sc);
        rowWait = fo.sc == null ? lr : Math.max(lr, fo.sc.bitstream() / 64);
        this.counters = counters;
        occupancy = counters.occupancy;
        spikeCycle = new long[fo.sources];
        fifo = new int[k][depth];
        rd = new int[k];
        wr = new int[k];
        cnt = new int[k];
        cntQ = new int[k];
        this.pushValid = wires.pushValid;
        this.pushId = wires.pushId;
        this.credit = wires.credit;
        this.creditQ = wires.creditQ;
        this.dlvTgt = wires.dlvTgt;
        this.dlvW = wires.dlvW;
        this.dlvTag = wires.dlvTag;
        this.dlvTgtQ = wires.dlvTgtQ;
        this.dlvWQ = wires.dlvWQ;
        this.dlvTagQ = wires.dlvTagQ;
        pushValidQ = new boolean[k];
        pushIdQ = new int[k];
        beatMask = new int[lr];
        beatPtr = new int[lr];
        beatSrc = new int[lr];
        beatFlags = new int[lr];
    }

    /** One edge: take last edge's pushes into the FIFOs, deliver the oldest beat, step the FSM. */
    void edge(final long now)
    {
        latchInputs();
        pushSpikes(now);
        final int outMask = deliverBeat(now);
        final int ptrQ = ptr;
        final int srcQ = src;
        final int bf;
        int bm = 0;
        switch (state)
        {
            case SynapseRouter.IDLE ->
            {
                pick();
                bf = 0;
            }
            case SynapseRouter.ROW ->
            {
                fetchRow(srcQ);
                bf = 0;
            }
            default ->
            {
                final int nl = Math.min(ports, end - ptrQ);
                bm = (int)((1L << nl) - 1);
                bf = nextBeat(ptrQ);
            }
        }
        final boolean inFlight = shiftPipeline(bm, ptrQ, srcQ, bf) || bm != 0;
        boolean anyCount = false;
        for (int c = 0; c < k; c++)
        {
            anyCount |= cnt[c] > 0;
        }
        busy = anyCount || state != SynapseRouter.IDLE || inFlight || outMask != 0;
    }

    /** Last edge's values that the cores read after the router has moved on; FIFO occupancy of this edge. */
    private void latchInputs()
    {
        // plain loops, one pass: a few elements each, where System.arraycopy's call costs more than the copy
        for (int c = 0; c < k; c++)
        {
            creditQ[c] = credit[c];
            pushValidQ[c] = pushValid[c];
            pushIdQ[c] = pushId[c];
            credit[c] = false;
            final int n = cnt[c];
            cntQ[c] = n;
            occupancy[n]++;
        }
        for (int p = 0; p < ports; p++)
        {
            dlvTgtQ[p] = dlvTgt[p];
            dlvWQ[p] = dlvW[p];
            dlvTagQ[p] = dlvTag[p];
        }
    }

    private void pushSpikes(final long now)
    {
        for (int c = 0; c < k; c++)
        {
            if (!pushValidQ[c])
            {
                continue;
            }
            if (cntQ[c] < depth)
            {
                final int id = pushIdQ[c];
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

    /** Idle: take the next spike round-robin from the first non-empty FIFO (as counted last edge). */
    private void pick()
    {
        for (int i = 0; i < k; i++)
        {
            final int c = rr + i >= k ? rr + i - k : rr + i;
            if (cntQ[c] > 0)
            {
                src = fifo[c][rd[c]];
                rd[c] = rd[c] + 1 == depth ? 0 : rd[c] + 1;
                cnt[c]--;
                credit[c] = true;
                rr = c + 1 == k ? 0 : c + 1;
                wait = rowWait;
                state = SynapseRouter.ROW;
                return;
            }
        }
    }

    /** Row: after the CSR latency the row's bounds are known; an empty row goes straight back to idle. */
    private void fetchRow(final int srcQ)
    {
        if (wait == 1)
        {
            if (sc != null)
            {
                sc.encode(srcQ);
            }
            ptr = rowStart[srcQ];
            end = ptr + rowLen[srcQ];
            first = true;
            state = rowLen[srcQ] == 0 ? SynapseRouter.IDLE : SynapseRouter.STREAM;
        }
        wait--;
    }

    /** Stream: advance past the beat at {@code ptrQ}; returns its flags (1 first beat, 2 last beat). */
    private int nextBeat(final int ptrQ)
    {
        final boolean lastBeat = ptrQ + ports >= end;
        final int bf = (first ? 1 : 0) | (lastBeat ? 2 : 0);
        first = false;
        ptr = ptrQ + ports;
        if (lastBeat)
        {
            state = SynapseRouter.IDLE;
        }
        return bf;
    }

    /** Shift the delivery pipeline by one stage; returns whether a beat is still inside it. */
    private boolean shiftPipeline(final int bm, final int ptrQ, final int srcQ, final int bf)
    {
        boolean inFlight = false;
        for (int st = lr - 1; st > 0; st--)
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
        return inFlight;
    }

    /**
     * The beat leaving the delivery pipeline: its synapses become this edge's deliveries (added by the
     * cores next edge) and, on a spike's first or last beat, its latency is recorded. Returns the
     * beat's port mask, which is also the new {@code dlvValid}.
     */
    private int deliverBeat(final long now)
    {
        final int last = lr - 1;
        final int outMask = beatMask[last];
        if (outMask != 0)
        {
            final int bptr = beatPtr[last];
            for (int p = 0; p < ports; p++)
            {
                if ((outMask >>> p & 1) != 0)
                {
                    dlvTgt[p] = target[bptr + p];
                    dlvW[p] = sc == null ? weight[bptr + p] : sc.deliver(bptr + p, weight[bptr + p]);
                    dlvTag[p] = tag[bptr + p];
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

    // ---- streaming a row while the cores are quiet (see FabricEngine.streamRow)

    /** Before a streamed stretch: its first edge's FIFO occupancy. */
    void beginStream()
    {
        for (int c = 0; c < k; c++)
        {
            occupancy[cnt[c]]++;
        }
    }

    /** One streamed edge: deliver the oldest beat, then issue the next; returns whether it was the row's last. */
    boolean streamBeat(final long now)
    {
        deliverBeat(now);
        final int ptrQ = ptr;
        final int nl = Math.min(ports, end - ptrQ);
        final boolean lastBeat = ptrQ + ports >= end;
        shiftPipeline((int)((1L << nl) - 1), ptrQ, src, (first ? 1 : 0) | (lastBeat ? 2 : 0));
        first = false;
        ptr = ptrQ + ports;
        return lastBeat;
    }

    /**
     * After a streamed stretch of {@code edges} edges: every one of them saw the same FIFO counts; the
     * router is idle again if the stretch ended with the row's last beat, else still streaming.
     */
    void endStream(final long edges, final boolean lastBeat)
    {
        if (lastBeat)
        {
            state = SynapseRouter.IDLE;
        }
        for (int c = 0; c < k; c++)
        {
            occupancy[cnt[c]] += edges - 1;
        }
        busy = true;
    }

    /**
     * Copies the FIFOs, the FSM, the delivery pipeline and the wires it drives in or out
     * ({@link EngineState}); registers nothing reads in the state they are in (a beat stage without a
     * beat, the row registers while idle, a delivery or push without its valid bit) are saved as 0, so
     * that two states equal in everything that can matter compare equal. The last-edge copies
     * ({@code *Q}), rewritten before they are read at every edge, and the latency origins follow the
     * mark: restored, not compared.
     */
    void state(final EngineState s)
    {
        for (int c = 0; c < k; c++)
        {
            s.a(fifo[c]);
        }
        s.a(rd);
        s.a(wr);
        s.a(cnt);
        state = s.i(state);
        final boolean rowLive = state != SynapseRouter.IDLE;
        wait = s.live(wait, rowLive);
        rr = s.i(rr);
        src = s.live(src, rowLive);
        ptr = s.live(ptr, rowLive);
        end = s.live(end, rowLive);
        first = s.live(first ? 1 : 0, rowLive) != 0;
        for (int st = 0; st < lr; st++)
        {
            beatMask[st] = s.i(beatMask[st]);
            final boolean beat = beatMask[st] != 0;
            beatPtr[st] = s.live(beatPtr[st], beat);
            beatSrc[st] = s.live(beatSrc[st], beat);
            beatFlags[st] = s.live(beatFlags[st], beat);
        }
        dlvValid = s.i(dlvValid);
        busy = s.b(busy);
        for (int p = 0; p < ports; p++)
        {
            final boolean d = (dlvValid >>> p & 1) != 0;
            dlvTgt[p] = s.live(dlvTgt[p], d);
            dlvW[p] = s.live(dlvW[p], d);
            dlvTag[p] = s.live(dlvTag[p], d);
        }
        s.a(pushValid);
        for (int c = 0; c < k; c++)
        {
            pushId[c] = s.live(pushId[c], pushValid[c]);
        }
        s.a(credit);
    }

    /** The part of {@link #state} after the mark: dead copies and instrumentation a restored run needs. */
    void auxState(final EngineState s)
    {
        s.a(cntQ);
        s.a(pushValidQ);
        s.a(pushIdQ);
        s.a(creditQ);
        s.a(dlvTgtQ);
        s.a(dlvWQ);
        s.a(dlvTagQ);
        s.a(spikeCycle);
    }

}
