package org.scfabric.hw.fabric;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;
import org.scfabric.sim.record.Recorder;

/**
 * The spike FIFOs and the synapse router. Each core c has a FIFO {@code fifo<c>} of D address events
 * (a spike registered on the core's {@code push_valid} is written at the next edge if the FIFO holds
 * fewer than D; otherwise it is dropped and counted). The router, when idle, pops the first non-empty
 * FIFO in round-robin order from the last one served, reads the spike's row {@code (start, length)}
 * from {@code row} (latency R), then streams its fan-out from {@code fanout}: P consecutive synapses
 * per cycle (one beat), each beat reaching the {@code dlv_*} outputs R edges after it was issued;
 * the cores add the weights at the next edge. After the last beat the router is idle again.
 * Per spike: 1 + R + ceil(len / P) cycles of router time; with SC synapses ({@link ScSynapseUnit}) the row state
 * also runs the source's encoders, 64 bits a cycle, so it lasts max(R, L / 64) cycles instead of R.
 *
 * <p>The pop returns a credit to the core ({@code credit<c>}, one-cycle pulse). {@code busy} is high
 * while a FIFO holds a spike, a spike arrives, a row or beat is in flight or a delivery is on the outputs.
 *
 * <p>For a {@link MappedNetwork} there is one more FIFO, {@code fifo_in}, for the external input port
 * (served in the same round robin, after the cores'), the rows cover the N neurons and then the input
 * channels (source N + channel), and a fan-out word is {@code target | tag | weight}: the delivery also
 * carries the synapse's tag ({@code dlv_tag}: delay offset and accumulator group), and the weight is
 * as wide as the widest weight of the network (signed).
 */
public final class SynapseRouter implements ClockedComponent
{
    static final int IDLE = 0;
    static final int ROW = 1;
    static final int STREAM = 2;

    private final FabricParams fp;
    private final FabricNetwork net;
    private final MappedNetwork mapped;
    /** Spike FIFOs: one per core, and the input port's for a mapped network. */
    private final int k;
    /** Sources with a row: neurons, then input channels. */
    private final int sources;
    private final int srcBits;
    private final int weightBits;
    private final int tagBits;
    private final int depth;
    private final int ports;
    private final int lat;
    private final int rowLenBits;
    /** The SC synapse datapath (a mapped network with SC synapses), or null. */
    private final ScSynapseUnit sc;
    /** Bits of a fan-out word's weight field: the weight, or the SC unit's payload. */
    private final int payloadBits;
    /** Cycles of the row state: the row read (R), or with SC synapses max(R, L/64), the encoders' 64 bits a cycle. */
    private final int rowWait;

    private int[] sPushValid;
    private int[] sPushId;
    private int[] rCredit;
    private int[] rRd;
    private int[] rWr;
    private int[] rCnt;
    private int[] mFifo;
    private int rDlvValid;
    private int[] rDlvTgt;
    private int[] rDlvW;
    private int[] rDlvTag;
    private int rBusy;
    private int rState;
    private int rWait;
    private int rRr;
    private int rSrc;
    private int rPtr;
    private int rEnd;
    private int rFirst;
    private int rBeatMask0;
    private int rBeatPtr0;
    private int rBeatSrc0;
    private int rBeatFlags0;
    private int mRow;
    private int mFanout;

    // instrumentation (not hardware)
    private Recorder recorder;
    /** Spike latencies kept here directly instead (a mapped network's run: no recorder thread). */
    private org.HdrHistogram.Histogram latFirst;
    private org.HdrHistogram.Histogram latLast;
    final long[] spikeCycle;
    long dropped;
    long firstDropCycle = -1;
    long spikesPushed;
    long spikesRouted;
    long synapseReads;
    long[] occupancy;
    long firstFullCycle = -1;
    long lastLatencyFirst;

    /** Clock timing, for cycle numbers in the instrumentation: edge e is at phase + e·period. */
    long period = 1;
    long phase;

    long cycle(final Signals s)
    {
        return period == 1 ? s.now() - phase : (s.now() - phase) / period;
    }

    public SynapseRouter(final FabricParams fp, final FabricNetwork net)
    {
        this.fp = fp;
        this.net = net;
        this.mapped = null;
        this.k = fp.cores();
        this.sources = fp.neurons();
        this.srcBits = fp.idBits();
        this.weightBits = net.lif().dataWidth();
        this.tagBits = 0;
        this.depth = fp.fifoDepth();
        this.ports = fp.ports();
        this.lat = fp.csrLatency();
        this.rowLenBits = FabricParams.bitsFor(Math.max(1, net.maxRowLength()));
        this.sc = null;
        this.payloadBits = weightBits;
        this.rowWait = lat;
        this.spikeCycle = new long[fp.neurons()];
        this.occupancy = new long[depth + 1];
    }

    /** The router of a mapped network: K + 1 FIFOs (the last the input port's), rows over neurons and inputs. */
    SynapseRouter(final FabricParams fp, final MappedNetwork m)
    {
        this.fp = fp;
        this.net = null;
        this.mapped = m;
        this.k = fp.cores() + 1;
        this.sources = m.size() + m.inputs();
        this.srcBits = FabricParams.bitsFor(Math.max(1, sources - 1));
        this.weightBits = m.weightBits();
        this.tagBits = FabricParams.bitsFor(Math.max(1, m.groups() * m.banks() - 1));
        this.depth = fp.fifoDepth();
        this.ports = fp.ports();
        this.lat = fp.csrLatency();
        this.rowLenBits = FabricParams.bitsFor(Math.max(1, m.maxRowLength()));
        this.sc = m.sc() == null ? null : new ScSynapseUnit(m);
        this.payloadBits = sc == null ? weightBits : sc.payloadBits();
        this.rowWait = sc == null ? lat : Math.max(lat, m.sc().bitstream() / 64);
        this.spikeCycle = new long[sources];
        this.occupancy = new long[depth + 1];
        if (fp.idBits() + tagBits + payloadBits > 64)
        {
            throw new IllegalArgumentException("fan-out words of " + (fp.idBits() + tagBits + payloadBits)
                + " bits do not fit 64");
        }
    }

    /** Name suffix of FIFO c: the core's number, or {@code _in} for the input port's. */
    private String fifoName(final int c)
    {
        return mapped != null && c == k - 1 ? "_in" : String.valueOf(c);
    }

    /** Bits of a source id (a FIFO entry): neurons, and for a mapped network its input channels. */
    int sourceBits()
    {
        return srcBits;
    }

    int weightBits()
    {
        return weightBits;
    }

    int tagBits()
    {
        return tagBits;
    }

    void recordTo(final Recorder r)
    {
        this.recorder = r;
    }

    /** Record spike-to-first and spike-to-last-delivery latencies into these histograms (no recorder). */
    void latenciesTo(final org.HdrHistogram.Histogram first, final org.HdrHistogram.Histogram last)
    {
        this.latFirst = first;
        this.latLast = last;
    }

    static int entryBits(final FabricParams fp, final FabricNetwork net)
    {
        return fp.idBits() + net.lif().dataWidth();
    }

    int synapseBits()
    {
        return FabricParams.bitsFor(Math.max(1, synapses()));
    }

    private int synapses()
    {
        return net != null ? net.synapses() : mapped.synapses();
    }

    @Override
    public void declare(final Declarations d)
    {
        final int idb = fp.idBits();
        final int sb = srcBits;
        final int eb = synapseBits();
        final int fb = FabricParams.bitsFor(depth);
        final int pb = FabricParams.bitsFor(Math.max(0, depth - 1));
        for (int c = 0; c < k; c++)
        {
            final String x = fifoName(c);
            d.input("push_valid" + x, 1);
            d.input("push_id" + x, sb);
            d.output("credit" + x, 1);
            d.register("rd" + x, pb, 0);
            d.register("wr" + x, pb, 0);
            d.register("cnt" + x, fb, 0);
            d.memory("fifo" + x, sb, depth);
        }
        d.output("dlv_valid", ports);
        for (int p = 0; p < ports; p++)
        {
            d.output("dlv_tgt" + p, idb);
            d.output("dlv_w" + p, weightBits);
            if (mapped != null)
            {
                d.output("dlv_tag" + p, tagBits);
            }
        }
        d.output("busy", 1);
        d.register("state", 2, IDLE);
        d.register("wait", FabricParams.bitsFor(rowWait), 0);
        d.register("rr", FabricParams.bitsFor(Math.max(0, k - 1)), 0);
        d.register("src", sb, 0);
        d.register("ptr", eb, 0);
        d.register("end", eb, 0);
        d.register("first", 1, 0);
        d.registerBank("beat_mask", ports, lat, 0);
        d.registerBank("beat_ptr", eb, lat, 0);
        d.registerBank("beat_src", sb, lat, 0);
        d.registerBank("beat_flags", 2, lat, 0);
        final int rowBits = eb + rowLenBits;
        if (rowBits > 64)
        {
            throw new IllegalArgumentException("row words of " + rowBits + " bits do not fit 64");
        }
        d.memory("row", rowBits, sources);
        d.memory("fanout", mapped == null ? entryBits(fp, net) : fp.idBits() + tagBits + payloadBits,
            Math.max(1, synapses()));
        if (sc != null)
        {
            sc.declare(d);
        }
    }

    @Override
    public void bind(final Binding b)
    {
        sPushValid = new int[k];
        sPushId = new int[k];
        rCredit = new int[k];
        rRd = new int[k];
        rWr = new int[k];
        rCnt = new int[k];
        mFifo = new int[k];
        for (int c = 0; c < k; c++)
        {
            final String x = fifoName(c);
            sPushValid[c] = b.signal("push_valid" + x);
            sPushId[c] = b.signal("push_id" + x);
            rCredit[c] = b.signal("credit" + x);
            rRd[c] = b.signal("rd" + x);
            rWr[c] = b.signal("wr" + x);
            rCnt[c] = b.signal("cnt" + x);
            mFifo[c] = b.memory("fifo" + x);
        }
        rDlvValid = b.signal("dlv_valid");
        rDlvTgt = new int[ports];
        rDlvW = new int[ports];
        rDlvTag = new int[ports];
        for (int p = 0; p < ports; p++)
        {
            rDlvTgt[p] = b.signal("dlv_tgt" + p);
            rDlvW[p] = b.signal("dlv_w" + p);
            rDlvTag[p] = mapped == null ? -1 : b.signal("dlv_tag" + p);
        }
        rBusy = b.signal("busy");
        rState = b.signal("state");
        rWait = b.signal("wait");
        rRr = b.signal("rr");
        rSrc = b.signal("src");
        rPtr = b.signal("ptr");
        rEnd = b.signal("end");
        rFirst = b.signal("first");
        rBeatMask0 = b.signal("beat_mask[0]");
        rBeatPtr0 = b.signal("beat_ptr[0]");
        rBeatSrc0 = b.signal("beat_src[0]");
        rBeatFlags0 = b.signal("beat_flags[0]");
        mRow = b.memory("row");
        mFanout = b.memory("fanout");
        if (sc != null)
        {
            sc.bind(b);
        }
    }

    /** Row and fan-out memory contents from the network. */
    void load(final Signals s)
    {
        final int eb = synapseBits();
        if (mapped != null)
        {
            final long wMask = (1L << weightBits) - 1;
            for (int i = 0; i < sources; i++)
            {
                s.loadMemory(mRow, i, ((long)mapped.rowLength(i) << eb) | mapped.rowStart(i));
            }
            for (int e = 0; e < mapped.synapses(); e++)
            {
                s.loadMemory(mFanout, e, ((((long)mapped.target(e) << tagBits) | mapped.tag(e)) << payloadBits)
                    | (sc != null ? sc.payload(e) : mapped.weight(e) & wMask));
            }
            if (sc != null)
            {
                sc.load(s);
            }
            return;
        }
        final int w = net.lif().dataWidth();
        final long wMask = (1L << w) - 1;
        for (int i = 0; i < fp.neurons(); i++)
        {
            s.loadMemory(mRow, i, ((long)net.rowLength(i) << eb) | net.rowStart(i));
        }
        for (int e = 0; e < net.synapses(); e++)
        {
            s.loadMemory(mFanout, e, ((long)net.target(e) << w) | (net.weight(e) & wMask));
        }
    }

    @Override
    public void edge(final Signals s)
    {
        final long now = cycle(s);
        final int eb = synapseBits();
        // FIFO pushes (count before this edge's pop decides), occupancy statistics
        final int[] cnt = counts;
        final int[] cntNext = countsNext;
        // FIFOs whose count this edge changes (a push, the pop), and how many hold a spike after it
        long touched = 0;
        int nonEmpty = 0;
        // empty FIFOs, the usual case, counted here: k increments of one histogram bin were a chain of stores
        long empty = 0;
        try
        {
            for (int c = 0; c < k; c++)
            {
                final int n = (int)s.get(rCnt[c]);
                cnt[c] = n;
                cntNext[c] = n;
                if (n == 0)
                {
                    empty++;
                }
                else if (n <= depth)
                {
                    occupancy[n]++;
                }
                // else: a faulted count register holds more than the FIFO can (the RTL's full test still reads it as
                // full); the histogram is of the counts a working FIFO can hold
                if (s.get(rCredit[c]) != 0)
                {
                    s.setNext(rCredit[c], 0);
                }
                // a push into FIFO c reads only its own count
                if (s.get(sPushValid[c]) != 0)
                {
                    final int id = (int)s.get(sPushId[c]);
                    spikesPushed++;
                    if (cnt[c] < depth)
                    {
                        final int wr = (int)s.get(rWr[c]);
                        s.writeMemory(mFifo[c], wr, id);
                        s.setNext(rWr[c], wr + 1 == depth ? 0 : wr + 1);
                        cntNext[c]++;
                        touched |= 1L << c;
                        if (id < sources)
                        {
                            spikeCycle[id] = now - 1;
                        }
                        if (cntNext[c] == depth && firstFullCycle < 0)
                        {
                            firstFullCycle = now;
                        }
                    }
                    else
                    {
                        dropped++;
                        if (firstDropCycle < 0)
                        {
                            firstDropCycle = now;
                        }
                    }
                }
                nonEmpty += cntNext[c] > 0 ? 1 : 0;
            }
        }
        finally
        {
            occupancy[0] += empty; // also when a faulty write address stops the run mid-loop
        }

        // the delivery pipeline: the beat leaving the last stage is read and registered on dlv_*
        final int last = lat - 1;
        final long outMask = s.get(rBeatMask0 + last);
        if (outMask != 0)
        {
            final int bptr = (int)s.get(rBeatPtr0 + last);
            final int w = payloadBits;
            final long wMask = (1L << w) - 1;
            for (int p = 0; p < ports; p++)
            {
                if ((outMask >>> p & 1) != 0)
                {
                    final long word = s.readMemory(mFanout, bptr + p);
                    if (mapped == null)
                    {
                        s.setNext(rDlvTgt[p], word >>> w);
                    }
                    else
                    {
                        s.setNext(rDlvTgt[p], word >>> (w + tagBits));
                        // the tag register keeps its value when the beat's tag equals it (a row's synapses share one)
                        setIfChanged(s, rDlvTag[p], (word >>> w) & ((1L << tagBits) - 1));
                    }
                    s.setNext(rDlvW[p], sc == null ? word & wMask : sc.deliver(s, word & wMask));
                    synapseReads++;
                }
            }
            final int flags = (int)s.get(rBeatFlags0 + last);
            if (flags != 0 && latFirst != null)
            {
                final int src = (int)s.get(rBeatSrc0 + last);
                final long lat1 = now + 1 - (src < sources ? spikeCycle[src] : now);
                if ((flags & 1) != 0)
                {
                    latFirst.recordValue(lat1);
                }
                if ((flags & 2) != 0)
                {
                    latLast.recordValue(lat1);
                }
            }
            else if (flags != 0 && recorder != null)
            {
                final int src = (int)s.get(rBeatSrc0 + last);
                final long lat1 = now + 1 - (src < sources ? spikeCycle[src] : now);
                if ((flags & 1) != 0)
                {
                    recorder.latency(s.now() + period, 0, lat1);
                }
                if ((flags & 2) != 0)
                {
                    recorder.latency(s.now() + period, 1, lat1);
                }
            }
        }
        if (outMask != s.get(rDlvValid))
        {
            s.setNext(rDlvValid, outMask);
        }

        // the router FSM
        final int state = (int)s.get(rState);
        int stateNext = state;
        long beatMask = 0;
        int beatFlags = 0;
        final int ptr = (int)s.get(rPtr);
        switch (state)
        {
            case IDLE ->
            {
                final int rr = (int)s.get(rRr);
                for (int i = 0; i < k; i++)
                {
                    final int c = rr + i >= k ? rr + i - k : rr + i;
                    if (cnt[c] > 0)
                    {
                        final int rd = (int)s.get(rRd[c]);
                        final int id = (int)s.readMemory(mFifo[c], rd);
                        s.setNext(rRd[c], rd + 1 == depth ? 0 : rd + 1);
                        cntNext[c]--;
                        touched |= 1L << c;
                        nonEmpty -= cntNext[c] == 0 ? 1 : 0;
                        s.setNext(rCredit[c], 1);
                        s.setNext(rRr, c + 1 == k ? 0 : c + 1);
                        s.setNext(rSrc, id);
                        s.setNext(rWait, rowWait);
                        stateNext = ROW;
                        spikesRouted++;
                        break;
                    }
                }
            }
            case ROW ->
            {
                final int wait = (int)s.get(rWait);
                if (wait == 1)
                {
                    if (sc != null)
                    {
                        sc.encode(s, (int)s.get(rSrc));
                    }
                    final long row = s.readMemory(mRow, (int)s.get(rSrc));
                    final int start = (int)(row & ((1L << eb) - 1));
                    final int len = (int)(row >>> eb);
                    s.setNext(rPtr, start);
                    s.setNext(rEnd, start + len);
                    s.setNext(rFirst, 1);
                    stateNext = len == 0 ? IDLE : STREAM;
                }
                s.setNext(rWait, wait - 1);
            }
            default ->
            {
                final int end = (int)s.get(rEnd);
                final int n = Math.min(ports, end - ptr);
                beatMask = n == 64 ? -1L : (1L << n) - 1;
                final boolean lastBeat = ptr + ports >= end;
                final int firstQ = (int)s.get(rFirst);
                beatFlags = firstQ | (lastBeat ? 2 : 0);
                if (firstQ != 0)
                {
                    s.setNext(rFirst, 0);
                }
                s.setNext(rPtr, ptr + ports);
                if (lastBeat)
                {
                    stateNext = IDLE;
                }
            }
        }
        if (stateNext != state)
        {
            s.setNext(rState, stateNext);
        }
        // shift the beat pipeline
        boolean inFlight = beatMask != 0;
        for (int st = last; st > 0; st--)
        {
            final long m = s.get(rBeatMask0 + st - 1);
            if (m != 0 || s.get(rBeatMask0 + st) != 0)
            {
                s.setNext(rBeatMask0 + st, m);
                s.setNext(rBeatPtr0 + st, s.get(rBeatPtr0 + st - 1));
                s.setNext(rBeatSrc0 + st, s.get(rBeatSrc0 + st - 1));
                s.setNext(rBeatFlags0 + st, s.get(rBeatFlags0 + st - 1));
            }
            inFlight |= m != 0;
        }
        if (beatMask != 0 || s.get(rBeatMask0) != 0)
        {
            // only what changes: while a row streams, the mask and source stay and the flags are mostly 0
            if (beatMask != s.get(rBeatMask0))
            {
                s.setNext(rBeatMask0, beatMask);
            }
            s.setNext(rBeatPtr0, ptr);
            final long src = s.get(rSrc);
            if (src != s.get(rBeatSrc0))
            {
                s.setNext(rBeatSrc0, src);
            }
            if (beatFlags != s.get(rBeatFlags0))
            {
                s.setNext(rBeatFlags0, beatFlags);
            }
        }
        for (; touched != 0; touched &= touched - 1)
        {
            final int c = Long.numberOfTrailingZeros(touched);
            if (cntNext[c] != cnt[c])
            {
                s.setNext(rCnt[c], cntNext[c]);
            }
        }
        final int busy = nonEmpty > 0 || stateNext != IDLE || inFlight || outMask != 0 ? 1 : 0;
        if (busy != s.get(rBusy))
        {
            s.setNext(rBusy, busy);
        }
    }

    /**
     * Registers {@code v} unless the register holds it already: the same value as a write (a fault mask
     * maps a register's value to itself), without the write. {@code v} fits the register's width.
     */
    private static void setIfChanged(final Signals s, final int register, final long v)
    {
        if (v != s.get(register))
        {
            s.setNext(register, v);
        }
    }

    private final int[] counts = new int[64];
    private final int[] countsNext = new int[64];

    @Override
    public boolean idle(final Signals s)
    {
        if (s.get(rBusy) != 0 || s.get(rDlvValid) != 0)
        {
            return false;
        }
        for (int c = 0; c < k; c++)
        {
            if (s.get(sPushValid[c]) != 0 || s.get(rCredit[c]) != 0)
            {
                return false;
            }
        }
        return true;
    }
}
