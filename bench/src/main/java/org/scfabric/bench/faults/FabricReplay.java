package org.scfabric.bench.faults;

import java.util.Arrays;
import java.util.List;

import org.scfabric.hw.fabric.FabricEngine;
import org.scfabric.hw.fabric.FabricNetwork;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.sim.Design;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;
import org.scfabric.sim.fault.FaultSites;

/**
 * The fabric designs' fast path ({@link FabricWorkload}): faults on the router's fan-out memory —
 * nearly every site of the design — run on the flat, cycle-exact {@link FabricEngine} instead of the
 * kernel. Nothing writes that memory and only the router's delivery stage reads it, so a stuck-at or a
 * flip there is the engine's fan-out entry changed from the fault's cycle on (the kernel's rules: a
 * stuck-at forces its bit into the stored word, a flip inverts it once, stuck bits still win). A word
 * whose target field names no neuron reaches no core in both models.
 *
 * <p>The engine's golden run is checkpointed every {@code interval} edges. A word of neuron i's row is
 * read only while i's spike is routed, which ends before the step after the next one begins, so a faulty
 * run starts at the checkpoint before the first such read after the fault (none: the run is the golden
 * one), and whenever its state equals the golden run's at a checkpoint it skips to the checkpoint before
 * the next read of a faulted word (or stops: none is left), the golden spikes in between taken from
 * the recording. Spikes are timed in steps as the kernel bench times them ({@link FabricWorkload#stepOf}).
 */
final class FabricReplay implements FaultReplay
{
    private final FabricWorkload wl;
    private final FabricParams fp;
    private final FabricNetwork net;
    private final int steps;
    private final long cycles;
    private final FaultSites sites;
    private final int fanout;
    private final int w;
    private final long wMask;
    /** Per fan-out entry, the neuron whose row holds it. */
    private final int[] owner;
    private FabricEngine engine;
    private Golden gold;
    private SpikeSink out;
    private long lastCycles;
    /** What the last run did, for tests: no faulted word read after its fault (no run at all). */
    boolean lastUnread;
    /** Whether the last run started later than its first fault (at the first read of its word). */
    boolean lastLateStart;
    /** Times the last run skipped ahead to the next read of a faulted word. */
    int lastSkips;
    /** Whether the last run stopped early: the golden state, and no faulted word read again. */
    boolean lastRejoined;

    // the faults of one run, in the order they are applied
    private int nf;
    private long[] applyAt = new long[8];
    private int[] entry = new int[8];
    private long[] bit = new long[8];
    private FaultKind[] kind = new FaultKind[8];
    private int[] neuron = new int[8];
    // the faulted words of one run: value and stuck masks
    private int nWords;
    private int[] wordEntry = new int[8];
    private long[] wordValue = new long[8];
    private long[] wordAnd = new long[8];
    private long[] wordOr = new long[8];

    FabricReplay(final FabricWorkload wl, final Design design, final FabricParams fp, final FabricNetwork net,
        final int steps, final long cycles)
    {
        this.wl = wl;
        this.fp = fp;
        this.net = net;
        this.steps = steps;
        this.cycles = cycles;
        this.sites = design.faultSites();
        this.fanout = design.memory("router.fanout");
        this.w = net.lif().dataWidth();
        this.wMask = w == 64 ? -1L : (1L << w) - 1;
        owner = new int[net.synapses()];
        for (int i = 0; i < net.size(); i++)
        {
            Arrays.fill(owner, net.rowStart(i), net.rowStart(i) + net.rowLength(i), i);
        }
    }

    /** At most this many engine checkpoints (each the engine's whole state: about 5 ints per neuron). */
    static final int MAX_CHECKPOINTS = 1024;

    /** Bytes the golden recording takes for a network of n neurons (for the heap check). */
    static long recordingBytes(final int neurons)
    {
        return (long)MAX_CHECKPOINTS * 4 * (6L * neurons + 256);
    }

    @Override
    public boolean recordsEdges()
    {
        // the engine runs its own golden run in finish()
        return false;
    }

    @Override
    public void record(final long cycle)
    {
    }

    @Override
    public void finish()
    {
        gold = wl.engineGolden(() -> new Golden(fp, net, steps, cycles, wl));
        engine = new FabricEngine(fp, net, steps).onSpikes(this::spike);
    }

    private void spike(final long edge, final int neuron)
    {
        out.spike(stepOf(edge), neuron);
    }

    /**
     * The engine's golden run, recorded once per workload and shared by every worker's replay (read
     * only): its state at every checkpoint, its spikes (edge, neuron, step) and per neuron its spike
     * edges with the last edge that may read the neuron's row for each.
     */
    static final class Golden
    {
        final int interval;
        final int checkpoints;
        final int[][] states;
        final int[] spikesBefore;
        long[] gEdge = new long[1024];
        int[] gNeuron = new int[1024];
        int gCount;
        /** Per neuron its golden spike edges, ascending: neuron i's at {@code nEdge[nStart[i] .. nStart[i+1])}. */
        final int[] nStart;
        final long[] nEdge;
        /** Per such spike, the last edge that may read its row: the start of the step after the next. */
        final long[] nReadEnd;
        /** Per golden spike (edge order), its step. */
        final int[] gStep;

        Golden(final FabricParams fp, final FabricNetwork net, final int steps, final long cycles,
            final FabricWorkload wl)
        {
            interval = (int)Math.max(64, (cycles + MAX_CHECKPOINTS - 1) / MAX_CHECKPOINTS);
            checkpoints = (int)((cycles + interval - 1) / interval);
            final FabricEngine engine = new FabricEngine(fp, net, steps).onSpikes(this::spike);
            final int len = engine.stateLength();
            states = new int[checkpoints][];
            spikesBefore = new int[checkpoints + 1];
            for (int k = 0; k < checkpoints; k++)
            {
                spikesBefore[k] = gCount;
                states[k] = new int[len];
                engine.saveState(states[k]);
                engine.runTo(Math.min(cycles, (long)(k + 1) * interval));
            }
            spikesBefore[checkpoints] = gCount;
            nStart = new int[net.size() + 1];
            for (int s = 0; s < gCount; s++)
            {
                nStart[gNeuron[s] + 1]++;
            }
            for (int i = 0; i < net.size(); i++)
            {
                nStart[i + 1] += nStart[i];
            }
            nEdge = new long[gCount];
            nReadEnd = new long[gCount];
            gStep = new int[gCount];
            final int[] fill = Arrays.copyOf(nStart, net.size());
            for (int s = 0; s < gCount; s++)
            {
                gStep[s] = (int)wl.stepOf(gEdge[s]);
                final int x = fill[gNeuron[s]]++;
                nEdge[x] = gEdge[s];
                nReadEnd[x] = wl.stepStartOf(Math.min(steps, gStep[s] + 2));
            }
        }

        private void spike(final long edge, final int neuron)
        {
            if (gCount == gEdge.length)
            {
                gEdge = Arrays.copyOf(gEdge, 2 * gCount);
                gNeuron = Arrays.copyOf(gNeuron, 2 * gCount);
            }
            gEdge[gCount] = edge;
            gNeuron[gCount++] = neuron;
        }
    }

    /** The step of the last spike: the next one is mostly in it (spikes come in edge order). */
    private int cachedStep;

    /** {@link FabricWorkload#stepOf}, without a search for a spike in the step of the last one. */
    private long stepOf(final long edge)
    {
        final int t = cachedStep;
        if (t < steps && edge >= wl.stepStartOf(t) && edge < wl.stepStartOf(t + 1))
        {
            return t;
        }
        final long step = wl.stepOf(edge);
        if (step < steps)
        {
            cachedStep = (int)step;
        }
        return step;
    }

    @Override
    public boolean handles(final List<Fault> faults)
    {
        for (final Fault f : faults)
        {
            if (!sites.isMemory(f.site()) || sites.target(f.site()) != fanout)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * The first edge at or after {@code from} at which the golden run may read a word of neuron i's row,
     * or −1: a spike at edge s is routed from edge s + 1 on, and before the step after the next begins.
     */
    private long nextRead(final int i, final long from)
    {
        for (int x = gold.nStart[i]; x < gold.nStart[i + 1]; x++)
        {
            if (gold.nReadEnd[x] >= from)
            {
                return Math.max(from, gold.nEdge[x] + 1);
            }
        }
        return -1;
    }

    @Override
    public long run(final List<Fault> faults, final SpikeSink sink)
    {
        out = sink;
        lastCycles = 0;
        lastSkips = 0;
        lastRejoined = false;
        prepare(faults);
        lastUnread = nf == 0;
        final long end = wl.stepOf(cycles - 1) + 1;
        if (nf == 0)
        {
            return end;
        }
        int j = (int)(applyAt[0] / gold.interval);
        long firstCycle = Long.MAX_VALUE;
        for (final Fault f : faults)
        {
            firstCycle = Math.min(firstCycle, f.cycle());
        }
        lastLateStart = j > (firstCycle + 1) / gold.interval;
        engine.restoreState(gold.states[j]);
        final long from = wl.stepOf((long)j * gold.interval);
        int p = gold.spikesBefore[j];
        while (p > 0 && gold.gStep[p - 1] >= from)
        {
            p--;
        }
        golden(p, gold.spikesBefore[j]);
        int fi = 0;
        try
        {
            while (true)
            {
                final long stop = Math.min(cycles, (long)(j + 1) * gold.interval);
                while (fi < nf && applyAt[fi] <= stop)
                {
                    advance(applyAt[fi]);
                    apply(fi++);
                }
                advance(stop);
                if (stop >= cycles || engine.finished())
                {
                    break;
                }
                j++;
                if (fi == nf && engine.sameState(gold.states[j]))
                {
                    final long at = (long)j * gold.interval;
                    long read = Long.MAX_VALUE;
                    for (int x = 0; x < nf; x++)
                    {
                        final long r = nextRead(neuron[x], at);
                        if (r >= 0)
                        {
                            read = Math.min(read, r);
                        }
                    }
                    if (read == Long.MAX_VALUE)
                    {
                        // the golden state and no faulted word read again: the rest is the golden run
                        golden(gold.spikesBefore[j], gold.gCount);
                        lastRejoined = true;
                        break;
                    }
                    final int k2 = (int)(read / gold.interval);
                    if (k2 > j)
                    {
                        golden(gold.spikesBefore[j], gold.spikesBefore[k2]);
                        engine.restoreState(gold.states[k2]);
                        j = k2;
                        lastSkips++;
                    }
                }
            }
        }
        finally
        {
            for (int x = 0; x < nWords; x++)
            {
                engine.setFanOut(wordEntry[x], net.target(wordEntry[x]), net.weight(wordEntry[x]));
            }
        }
        return from;
    }

    /** Runs the engine to {@code edges}, counting the edges stepped. */
    private void advance(final long edges)
    {
        final long before = engine.now();
        engine.runTo(edges);
        lastCycles += engine.now() - before;
    }

    /** The golden run's spikes {@code [a, b)} into the sink. */
    private void golden(final int a, final int b)
    {
        for (int s = a; s < b; s++)
        {
            out.spike(gold.gStep[s], gold.gNeuron[s]);
        }
    }

    /**
     * The faults with the edge count before which each is applied: its cycle + 1 (it strikes after that
     * edge), but none before the golden run's first read of a faulted word after its fault — until then the
     * faulty run is the golden one, so faults struck earlier are applied there, at once, in the order of
     * their cycles (stably: the kernel's order for faults of one cycle). No such read at all: none.
     */
    private void prepare(final List<Fault> faults)
    {
        nf = 0;
        nWords = 0;
        long first = Long.MAX_VALUE;
        for (final Fault f : faults)
        {
            final long read = nextRead(owner[sites.word(f.site())], f.cycle() + 1);
            if (read >= 0)
            {
                first = Math.min(first, read);
            }
        }
        if (first == Long.MAX_VALUE)
        {
            return;
        }
        final List<Fault> ordered = faults.size() < 2 ? faults
            : faults.stream().sorted(java.util.Comparator.comparingLong(Fault::cycle)).toList();
        for (final Fault f : ordered)
        {
            if (nf == entry.length)
            {
                final int n = 2 * nf;
                applyAt = Arrays.copyOf(applyAt, n);
                entry = Arrays.copyOf(entry, n);
                bit = Arrays.copyOf(bit, n);
                kind = Arrays.copyOf(kind, n);
                neuron = Arrays.copyOf(neuron, n);
            }
            final int e = sites.word(f.site());
            applyAt[nf] = Math.max(f.cycle() + 1, first);
            entry[nf] = e;
            bit[nf] = 1L << sites.bit(f.site());
            kind[nf] = f.kind();
            neuron[nf] = owner[e];
            nf++;
        }
    }

    /** Strikes fault x: the word as the kernel's memory holds it after the fault, into the engine's entry. */
    private void apply(final int x)
    {
        final int e = entry[x];
        int m = 0;
        while (m < nWords && wordEntry[m] != e)
        {
            m++;
        }
        if (m == nWords)
        {
            if (nWords == wordEntry.length)
            {
                final int n = 2 * nWords;
                wordEntry = Arrays.copyOf(wordEntry, n);
                wordValue = Arrays.copyOf(wordValue, n);
                wordAnd = Arrays.copyOf(wordAnd, n);
                wordOr = Arrays.copyOf(wordOr, n);
            }
            // the word as SynapseRouter.load stores it: target, then the weight's low W bits
            wordEntry[m] = e;
            wordValue[m] = (long)net.target(e) << w | net.weight(e) & wMask;
            wordAnd[m] = -1L;
            wordOr[m] = 0;
            nWords++;
        }
        switch (kind[x])
        {
            case STUCK_AT_0 -> wordAnd[m] &= ~bit[x];
            case STUCK_AT_1 -> wordOr[m] |= bit[x];
            default -> wordValue[m] ^= bit[x];
        }
        final long word = wordValue[m] & wordAnd[m] | wordOr[m];
        wordValue[m] = word;
        final long low = word & wMask;
        engine.setFanOut(e, (int)(word >>> w), (int)(low << (64 - w) >> (64 - w)));
    }

    @Override
    public long lastCycles()
    {
        return lastCycles;
    }
}
