package org.scfabric.bench.faults;

import java.util.Arrays;
import java.util.List;

import org.scfabric.hw.Bits;
import org.scfabric.hw.component.LifArrayEdge;
import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.Signals;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;
import org.scfabric.sim.fault.FaultSites;

/**
 * Differential replay of V3 / V11 (the fixed-point Brunel core of {@code FixedPointPart}, axon delay
 * one step) for faults on every site of the design: the synapse memories (the crossbar
 * {@code core0.syn.xbar} and the axon weights {@code core0.syn.wmem}, 93 % of V3's sites) and every
 * register ({@link #runRegisters}). A synapse-memory fault changes nothing but the
 * rows the synapse unit reads, so a faulty run is the golden run plus differences: step t's
 * accumulator of neuron j is the golden one plus the contributions that differ (neurons whose spike
 * differs, and faulted rows that are read), W-bit wrapping sums being order-free; a neuron is stepped
 * with {@link LifCore#vNext} only while its input or its state differs, every other neuron's state
 * and spikes are the recording's. Early on a fault touches a handful of neurons; once the difference
 * has spread through the chaotic network every neuron is stepped, on flat arrays, still far cheaper
 * than the kernel's edges, until it dies down again ({@link #backToSparse}).
 *
 * <p>The recording: after each synapse edge (cycle 2t) the accumulators and drive registers, after
 * each core edge (2t + 1) v, rc and spike, read from the kernel's registers; the memories and the
 * constant registers at cycle 0. A memory fault at cycle c strikes after edge c (the kernel's fault
 * phase follows its edge phase) with the kernel's masks: stuck-ats set the word's and/or masks, a
 * flip inverts the stored bit and the masks still win; the design never writes these memories.
 */
final class BrunelReplay implements FaultReplay
{
    private final Kernel kernel;
    private final FaultSites sites;
    private final int n;
    private final int steps;
    private final int w;
    private final int f;
    private final long wMask;
    private final int shift;
    private final int vRest;
    /** V_REST and V_RESET as the W-bit v register holds them (sign-extended). */
    private final int vRestW;
    private final int vResetW;
    private final int vReset;
    private final int vTh;
    private final int refractory;
    private final int xbar;
    private final int wmem;
    private final int words;
    private final long lastMask;
    private final int accBase;
    private final int extBase;
    private final int vBase;
    private final int rcBase;
    private final int spikeBase;
    private final int leakSig;
    private final int gainSig;
    private final int jExtSig;

    // golden recording, step-major: [t * n + j]
    private final int[] gV;
    private final int[] gRc;
    /**
     * The LIF input of the golden run, acc + ext · j_ext: the core's current has the same low W bits
     * (all the LIF reads), and a faulty run's is this plus its accumulator difference.
     */
    private final long[] gIn;
    /** The drive registers of the golden run (register faults need acc and ext apart). */
    private final byte[] gExt;
    /** Raw values of the constant registers (fault sites too). */
    private long leakRaw;
    private long gainRaw;
    private long jExtRaw;
    private final byte[] gSpike;
    /** Neurons that spike at step t, ascending: gFired[gFiredStart[t] .. gFiredStart[t + 1]). */
    private int[] gFired;
    private final int[] gFiredStart;
    private int nFired;
    private int leakW;
    private int gainW;
    private long jExt;
    /** Golden memories as loaded: the crossbar words and the weights (sign-extended). */
    private long[] gWords;
    private long[] gWeight;
    /** Golden rows as CSR, ascending targets (from the loaded words, not from the network). */
    private int[] rowStart;
    private int[] rowTargets;
    private boolean finished;

    // per-run scratch, allocated once
    private final long[] delta;
    private final int[] touched;
    private final int[] stamp;
    private final int[] dirtyAt;
    private final int[] fV;
    private final int[] fRc;
    private final byte[] fSpike;
    private final long[] dV;
    private final long[] dRc;
    private final int[] dFired;
    private final int[] dFired2;
    private int[] curDirty;
    private int[] nextDirty;
    private final int[] cand;
    private final int[] faultedRowOf;
    private long lastCycles;
    /** Whether the last run stepped every neuron from some step on ({@link #dense}; tests count both kinds). */
    boolean lastDense;
    /**
     * Marks in {@link #stamp} and {@link #dirtyAt} are {@code epoch + t}: a new run moves the epoch
     * past the last one's marks instead of clearing the arrays.
     */
    private int epoch;
    private int recordedSteps;

    BrunelReplay(final Kernel kernel, final LifParams lif, final int neurons, final int steps)
    {
        this.kernel = kernel;
        final Design d = kernel.design();
        this.sites = d.faultSites();
        this.n = neurons;
        this.steps = steps;
        this.w = lif.dataWidth();
        this.f = lif.fraction();
        this.wMask = w == 64 ? -1L : (1L << w) - 1;
        this.shift = 64 - w;
        this.vRest = lif.vRest();
        this.vReset = lif.vReset();
        this.vTh = lif.vThreshold();
        this.refractory = lif.refractoryPeriod();
        this.vRestW = Bits.lowSigned(vRest, w);
        this.vResetW = Bits.lowSigned(vReset, w);
        this.xbar = d.memory("core0.syn.xbar");
        this.wmem = d.memory("core0.syn.wmem");
        this.words = (n + 63) >>> 6;
        this.lastMask = (n & 63) == 0 ? -1L : (1L << (n & 63)) - 1;
        this.accBase = d.signal("core0.syn.acc[0]");
        this.extBase = d.signal("drive.ext[0]");
        this.vBase = d.signal("core0.lif[0].v");
        this.rcBase = d.signal("core0.lif[0].rc");
        this.spikeBase = d.signal("core0.lif[0].spike");
        this.leakSig = d.signal("core0.leak_k");
        this.gainSig = d.signal("core0.gain_k");
        this.jExtSig = d.signal("core0.j_ext");
        final int cells = Math.multiplyExact(n, steps);
        gV = new int[cells];
        gRc = new int[cells];
        gIn = new long[cells];
        gExt = new byte[cells];
        gSpike = new byte[cells];
        gFired = new int[1024];
        gFiredStart = new int[steps + 1];
        delta = new long[n];
        touched = new int[n];
        stamp = new int[n];
        dirtyAt = new int[n];
        fV = new int[n];
        fRc = new int[n];
        fSpike = new byte[n];
        dV = new long[n];
        dRc = new long[n];
        dFired = new int[n + 1];
        dFired2 = new int[n + 1];
        vAnd = new long[n];
        vOr = new long[n];
        rcAnd = new long[n];
        rcOr = new long[n];
        spAnd = new long[n];
        spOr = new long[n];
        accAnd = new long[n];
        accOr = new long[n];
        extAnd = new long[n];
        extOr = new long[n];
        spikeReg = new long[n];
        accVal = new long[n];
        extVal = new long[n];
        curDirty = new int[n];
        nextDirty = new int[n];
        cand = new int[n];
        faultedRowOf = new int[n];
    }

    /** Bytes the recording takes for a design of n neurons and steps steps (for a memory budget). */
    static long recordingBytes(final int neurons, final int steps)
    {
        return 18L * neurons * steps + 8L * neurons * neurons / 64 * 2;
    }

    @Override
    public void record(final long cycle)
    {
        final Signals s = kernel.signals();
        final int t = (int)(cycle >>> 1);
        if (t >= steps)
        {
            return;
        }
        final int row = t * n;
        if (cycle == 0)
        {
            loadMemories(s);
            leakRaw = kernel.peek(leakSig);
            gainRaw = kernel.peek(gainSig);
            jExtRaw = kernel.peek(jExtSig);
            leakW = Bits.lowSigned(signed(leakRaw), w);
            gainW = Bits.lowSigned(signed(gainRaw), w);
            jExt = signed(jExtRaw);
        }
        if ((cycle & 1) == 0)
        {
            for (int j = 0; j < n; j++)
            {
                final long ext = kernel.peek(extBase + j);
                gIn[row + j] = kernel.peek(accBase + j) + ext * jExt;
                gExt[row + j] = (byte)ext;
            }
            return;
        }
        gFiredStart[t] = nFired;
        for (int j = 0; j < n; j++)
        {
            gV[row + j] = (int)signed(kernel.peek(vBase + j));
            gRc[row + j] = (int)kernel.peek(rcBase + j);
            final int sp = (int)kernel.peek(spikeBase + j);
            gSpike[row + j] = (byte)sp;
            if (sp != 0)
            {
                if (nFired == gFired.length)
                {
                    gFired = Arrays.copyOf(gFired, nFired * 2);
                }
                gFired[nFired++] = j;
            }
        }
        gFiredStart[t + 1] = nFired;
        recordedSteps = t + 1;
    }

    private void loadMemories(final Signals s)
    {
        gWords = new long[n * words];
        for (int a = 0; a < gWords.length; a++)
        {
            gWords[a] = s.readMemory(xbar, a);
        }
        gWeight = new long[n];
        for (int i = 0; i < n; i++)
        {
            gWeight[i] = signed(s.readMemory(wmem, i));
        }
        rowStart = new int[n + 1];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            count += rowBits(gWords, i * words, null, 0);
            rowStart[i + 1] = count;
        }
        rowTargets = new int[count];
        for (int i = 0; i < n; i++)
        {
            rowBits(gWords, i * words, rowTargets, rowStart[i]);
        }
    }

    /** The set bits of a row's words (last word masked) as targets into out[at..], ascending; their number. */
    private int rowBits(final long[] ws, final int from, final int[] out, final int at)
    {
        int m = at;
        for (int k = 0; k < words; k++)
        {
            long bits = ws[from + k];
            if (k == words - 1)
            {
                bits &= lastMask;
            }
            if (out == null)
            {
                m += Long.bitCount(bits);
                continue;
            }
            final int base = k << 6;
            while (bits != 0)
            {
                out[m++] = base + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return m - at;
    }

    @Override
    public void finish()
    {
        finished = gWords != null && recordedSteps == steps;
    }

    @Override
    public boolean handles(final List<Fault> faults)
    {
        if (!finished || faults.isEmpty())
        {
            return false;
        }
        for (final Fault x : faults)
        {
            if (sites.isMemory(x.site()) ? !memoryFault(x) : register(sites.target(x.site())) < 0)
            {
                return false;
            }
        }
        return true;
    }

    private boolean memoryFault(final Fault x)
    {
        final int m = sites.target(x.site());
        return sites.isMemory(x.site()) && (m == xbar || m == wmem);
    }

    private static final int REG_V = 0;
    private static final int REG_RC = 1;
    private static final int REG_SPIKE = 2;
    private static final int REG_ACC = 3;
    private static final int REG_EXT = 4;
    private static final int REG_LEAK = 5;
    private static final int REG_GAIN = 6;
    private static final int REG_JEXT = 7;

    /** Which register a signal is ({@code REG_*}), or −1 for one the replay does not model. */
    private int register(final int signal)
    {
        if (signal >= vBase && signal < vBase + n)
        {
            return REG_V;
        }
        if (signal >= rcBase && signal < rcBase + n)
        {
            return REG_RC;
        }
        if (signal >= spikeBase && signal < spikeBase + n)
        {
            return REG_SPIKE;
        }
        if (signal >= accBase && signal < accBase + n)
        {
            return REG_ACC;
        }
        if (signal >= extBase && signal < extBase + n)
        {
            return REG_EXT;
        }
        return signal == leakSig ? REG_LEAK : signal == gainSig ? REG_GAIN : signal == jExtSig ? REG_JEXT : -1;
    }

    /** The neuron of a per-neuron register (its index in its bank). */
    private int neuronOf(final int signal, final int reg)
    {
        return signal - switch (reg)
        {
            case REG_V -> vBase;
            case REG_RC -> rcBase;
            case REG_SPIKE -> spikeBase;
            case REG_ACC -> accBase;
            default -> extBase;
        };
    }

    // the faulted rows of a run: their words, masks and weight as the faults leave them
    private int nRows;
    private int[] rowId = new int[4];
    private long[][] rowWords = new long[4][];
    private long[][] rowAnd = new long[4][];
    private long[][] rowOr = new long[4][];
    private long[] wWord = new long[4];
    private long[] wAnd = new long[4];
    private long[] wOr = new long[4];
    private int[][] rowT = new int[4][];
    private int[] rowTCount = new int[4];
    private long[] fWeight = new long[4];

    @Override
    public long run(final List<Fault> faults, final SpikeSink sink)
    {
        final List<Fault> events = faults.size() < 2 ? faults
            : faults.stream().sorted(java.util.Comparator.comparingLong(Fault::cycle)).toList();
        Arrays.fill(faultedRowOf, -1);
        nRows = 0;
        lastBack = 0;
        boolean registers = false;
        for (final Fault x : events)
        {
            registers |= !memoryFault(x);
        }
        if (registers)
        {
            return runRegisters(events, sink);
        }
        for (final Fault x : events)
        {
            rowSlot(row(x));
        }
        // the synapse edge of step t is cycle 2t; a fault at cycle c strikes after edge c
        final int t0 = (int)(events.get(0).cycle() / 2 + 1);
        newEpoch();
        lastCycles = 0;
        lastDense = false;
        ev = 0;
        nCur = 0;
        replay(t0, events, sink);
        return t0;
    }

    /** Steps t1.. of a memory-fault run, sparse first, then dense and back as the difference spreads and dies down. */
    private void replay(final int t1, final List<Fault> events, final SpikeSink sink)
    {
        boolean dense = false;
        for (int t = t1; t < steps; dense = !dense)
        {
            t = dense ? dense(t, events, sink) : sparse(t, events, sink);
        }
    }

    /** Moves the run's marks ({@link #stamp}, {@link #dirtyAt}) past every earlier run's. */
    private void newEpoch()
    {
        if (epoch > Integer.MAX_VALUE - 2 * (steps + 2))
        {
            Arrays.fill(stamp, 0);
            Arrays.fill(dirtyAt, 0);
            epoch = 0;
        }
        epoch += steps + 2;
        base = epoch;
    }

    /** Strikes the memory faults of cycles before the synapse edge of step t (the next of {@link #ev} on). */
    private void strikeBefore(final int t, final List<Fault> events)
    {
        final long edge = 2L * t;
        boolean changed = false;
        while (ev < events.size() && events.get(ev).cycle() < edge)
        {
            strike(events.get(ev++));
            changed = true;
        }
        if (changed)
        {
            for (int r = 0; r < nRows; r++)
            {
                rowTCount[r] = rowBits(rowWords[r], 0, rowT[r], 0);
                fWeight[r] = signed(wWord[r]);
            }
        }
    }

    /**
     * Steps t1.. stepping only the neurons whose input or state differs ({@link #curDirty}, marked
     * {@code base + t1 − 1} in {@link #dirtyAt}); returns the step from which every neuron is stepped
     * (its state in {@link #dV}, {@link #dRc}, {@link #dFired}), or {@link #steps}.
     */
    private int sparse(final int t1, final List<Fault> events, final SpikeSink sink)
    {
        for (int t = t1; t < steps; t++)
        {
            strikeBefore(t, events);
            lastCycles += 2;
            final int prev = (t - 1) * n;
            final int row = t * n;
            // synapse edge: the contributions that differ from the golden run's
            int nTouched = 0;
            final int mark = base + t; // "touched or candidate at step t"
            final int wasDirty = base + t - 1; // dirtyAt of a neuron whose state differed after step t − 1
            for (int k = 0; k < nCur; k++)
            {
                final int i = curDirty[k];
                if (faultedRowOf[i] >= 0)
                {
                    continue;
                }
                final int sf = fSpike[i];
                final int sg = gSpike[prev + i];
                if (sf != sg)
                {
                    nTouched = add(rowTargets, rowStart[i], rowStart[i + 1], gWeight[i] * (sf - sg), mark, nTouched);
                }
            }
            for (int r = 0; r < nRows; r++)
            {
                final int i = rowId[r];
                final int sg = gSpike[prev + i];
                final int sf = dirtyAt[i] == wasDirty ? fSpike[i] : sg;
                if (sf != 0)
                {
                    nTouched = add(rowT[r], 0, rowTCount[r], fWeight[r], mark, nTouched);
                }
                if (sg != 0)
                {
                    nTouched = add(rowTargets, rowStart[i], rowStart[i + 1], -gWeight[i], mark, nTouched);
                }
            }
            // core edge: every neuron whose input or state differs
            int nCand = 0;
            for (int k = 0; k < nTouched; k++)
            {
                cand[nCand++] = touched[k];
            }
            for (int k = 0; k < nCur; k++)
            {
                final int j = curDirty[k];
                if (stamp[j] != mark)
                {
                    stamp[j] = mark;
                    cand[nCand++] = j;
                }
            }
            int nNext = 0;
            for (int k = 0; k < nCand; k++)
            {
                final int j = cand[k];
                final boolean was = dirtyAt[j] == wasDirty;
                final int v = was ? fV[j] : gV[prev + j];
                final int rc = was ? fRc[j] : gRc[prev + j];
                final int current = (int)(gIn[row + j] + delta[j]);
                delta[j] = 0;
                final int next = LifCore.vNext(v, leakW, gainW, current, 0, vRest, w, f);
                final boolean resting = rc != 0;
                final boolean fires = !resting & next >= vTh;
                final int nv = resting ? vRestW : fires ? vResetW : next;
                final int nrc = resting ? rc - 1 : fires ? refractory : 0;
                final int ns = fires ? 1 : 0;
                if (nv != gV[row + j] || nrc != gRc[row + j] || ns != gSpike[row + j])
                {
                    fV[j] = nv;
                    fRc[j] = nrc;
                    fSpike[j] = (byte)ns;
                    dirtyAt[j] = mark;
                    nextDirty[nNext++] = j;
                }
            }
            // this step's spikes: the golden ones of neurons that agree, the faulty ones of the rest
            for (int e = gFiredStart[t], end = gFiredStart[t + 1]; e < end; e++)
            {
                final int j = gFired[e];
                if (dirtyAt[j] != mark)
                {
                    sink.spike(t, j);
                }
            }
            for (int k = 0; k < nNext; k++)
            {
                final int j = nextDirty[k];
                if (fSpike[j] != 0)
                {
                    sink.spike(t, j);
                }
            }
            final int[] swap = curDirty;
            curDirty = nextDirty;
            nextDirty = swap;
            nCur = nNext;
            if (nCur > n / DENSE_FRACTION && t + 1 < steps)
            {
                // the difference has spread: step every neuron from here on, in plain loops
                final int row0 = t * n;
                int nF = 0;
                for (int j = 0; j < n; j++)
                {
                    final boolean differs = dirtyAt[j] == mark;
                    dV[j] = differs ? fV[j] : gV[row0 + j];
                    dRc[j] = (differs ? fRc[j] : gRc[row0 + j]) & 0xFFFF_FFFFL;
                    if ((differs ? fSpike[j] : gSpike[row0 + j]) != 0)
                    {
                        dFired[nF++] = j;
                    }
                }
                nDenseFired = nF;
                lastDense = true;
                return t + 1;
            }
        }
        return steps;
    }

    /** Above n / DENSE_FRACTION differing neurons a run steps every neuron ({@link #dense}). */
    private static final int DENSE_FRACTION = 16;
    /**
     * At most n / SPARSE_FRACTION differing neurons after a dense step (checked every
     * {@link #SPARSE_CHECK} steps) and a run goes back to stepping only those ({@link #sparse}).
     */
    private static final int SPARSE_FRACTION = 64;
    private static final int SPARSE_CHECK = 4;

    // the run's position between sparse and dense stretches
    /** Next event of the run to strike. */
    private int ev;
    /** Sparse: how many neurons differ after the last step ({@link #curDirty}). */
    private int nCur;
    /** Dense: how many neurons fired in the last step ({@link #dFired}). */
    private int nDenseFired;
    /** This run's mark base ({@link #newEpoch}). */
    private int base;
    /** Times the last run went back from dense to sparse stepping (tests count it). */
    int lastBack;

    /**
     * Steps t1.. of a run with every neuron's state in {@link #dV}, {@link #dRc} (those after step
     * t1 − 1) and the neurons that fired in step t1 − 1 in {@code dFired[0..nDenseFired)}, ascending: the
     * accumulators are still the golden ones plus the contributions that differ. Returns the step
     * from which the run is sparse again ({@link #backToSparse}), or {@link #steps}.
     */
    private int dense(final int t1, final List<Fault> events, final SpikeSink sink)
    {
        int nF = nDenseFired;
        int[] fired = dFired;
        int[] nextFired = dFired2;
        final long[] dl = delta;
        for (int t = t1; t < steps; t++)
        {
            strikeBefore(t, events);
            lastCycles += 2;
            addDifferingSpikes(t, fired, nF);
            for (int r = 0; r < nRows; r++)
            {
                final int i = rowId[r];
                if (Arrays.binarySearch(fired, 0, nF, i) >= 0)
                {
                    final int[] tg = rowT[r];
                    final long x = fWeight[r];
                    for (int e = 0, end = rowTCount[r]; e < end; e++)
                    {
                        dl[tg[e]] += x;
                    }
                }
                if (gSpike[(t - 1) * n + i] != 0)
                {
                    final long x = -gWeight[i];
                    for (int e = rowStart[i], end = rowStart[i + 1]; e < end; e++)
                    {
                        dl[rowTargets[e]] += x;
                    }
                }
            }
            final int count = LifArrayEdge.edge(dV, dRc, gIn, t * n, dl, nextFired, n, w, f, leakW, gainW, vRest,
                vReset, vTh, refractory);
            for (int k = 0; k < count; k++)
            {
                sink.spike(t, nextFired[k]);
            }
            final int[] swap = fired;
            fired = nextFired;
            nextFired = swap;
            nF = count;
            if (t % SPARSE_CHECK == SPARSE_CHECK - 1 && t + 1 < steps && backToSparse(t, fired, nF))
            {
                return t + 1;
            }
        }
        return steps;
    }

    /**
     * Adds to {@link #delta} the contributions of the spikes of step t − 1 that differ between
     * {@code fired[0..nF)} and the golden run (both lists ascending), rows no fault hit only. A method
     * of its own, called every step, so that C2 compiles it soon however seldom its callers are called.
     */
    private void addDifferingSpikes(final int t, final int[] fired, final int nF)
    {
        final long[] dl = delta;
        int a = 0;
        int b = gFiredStart[t - 1];
        final int bEnd = gFiredStart[t];
        while (a < nF || b < bEnd)
        {
            final int fi = a < nF ? fired[a] : Integer.MAX_VALUE;
            final int gi = b < bEnd ? gFired[b] : Integer.MAX_VALUE;
            if (fi == gi)
            {
                a++;
                b++;
                continue;
            }
            final int i = Math.min(fi, gi);
            if (fi < gi)
            {
                a++;
            }
            else
            {
                b++;
            }
            if (faultedRowOf[i] < 0)
            {
                final long x = fi < gi ? gWeight[i] : -gWeight[i];
                for (int e = rowStart[i], end = rowStart[i + 1]; e < end; e++)
                {
                    dl[rowTargets[e]] += x;
                }
            }
        }
    }

    /**
     * After step t of a dense stretch (state in {@link #dV}, {@link #dRc}, the neurons that fired in
     * {@code fired[0..nF)}, ascending): if at most n / {@link #SPARSE_FRACTION} neurons differ from the
     * golden run, makes them the sparse stepping's differing set (marked {@code base + t}) and says so.
     * Nothing else is carried: {@link #delta} is all 0 after an edge, and the accumulators are the
     * golden ones plus what differs, in either mode.
     */
    private boolean backToSparse(final int t, final int[] fired, final int nF)
    {
        final int row = t * n;
        final int limit = n / SPARSE_FRACTION;
        int differing = 0;
        for (int j = 0; j < n; j++)
        {
            if ((((dV[j] ^ gV[row + j]) & wMask) != 0 || (int)dRc[j] != gRc[row + j]) && ++differing > limit)
            {
                return false;
            }
        }
        // spikes that differ (state equal but for the spike cannot happen: a spike resets v and sets rc)
        for (int j = 0; j < n; j++)
        {
            fSpike[j] = 0;
        }
        for (int k = 0; k < nF; k++)
        {
            fSpike[fired[k]] = 1;
        }
        final int mark = base + t;
        int c = 0;
        for (int j = 0; j < n; j++)
        {
            if (((dV[j] ^ gV[row + j]) & wMask) != 0 || (int)dRc[j] != gRc[row + j] || fSpike[j] != gSpike[row + j])
            {
                fV[j] = Bits.lowSigned(dV[j], w);
                fRc[j] = (int)dRc[j];
                dirtyAt[j] = mark;
                curDirty[c++] = j;
            }
        }
        if (c > n / DENSE_FRACTION)
        {
            return false;
        }
        nCur = c;
        lastBack++;
        return true;
    }

    // register faults: per special neuron (slot r of rowSlot) the kernel's stuck-at masks of its
    // registers and the values the replay keeps for them; the constants' values and masks
    private final long[] vAnd;
    private final long[] vOr;
    private final long[] rcAnd;
    private final long[] rcOr;
    private final long[] spAnd;
    private final long[] spOr;
    private final long[] accAnd;
    private final long[] accOr;
    private final long[] extAnd;
    private final long[] extOr;
    private final long[] spikeReg;
    private final long[] accVal;
    private final long[] extVal;
    private final long[] constVal = new long[3];
    private final long[] constAnd = new long[3];
    private final long[] constOr = new long[3];

    /**
     * A fault set with register faults (v, rc, spike, acc, drive, constants; memory faults may come
     * along): every neuron is stepped from the step of the first fault, and the faulted registers
     * follow the kernel — a fault at cycle c strikes after edge c (a stuck-at sets its masks and
     * forces the bit, a flip inverts it, masks still win), and every later write of the register is
     * masked. acc and ext are written at the synapse edge (2t) and read at the core edge (2t + 1);
     * v, rc and spike are written at the core edge; the synapse edge reads the spike registers; the
     * spikes observed are the neurons that fire, whatever their spike register holds.
     */
    private long runRegisters(final List<Fault> events, final SpikeSink sink)
    {
        for (final Fault x : events)
        {
            final int r = rowSlot(memoryFault(x) ? row(x) : register(sites.target(x.site())) >= REG_LEAK ? -1
                : neuronOf(sites.target(x.site()), register(sites.target(x.site()))));
            if (r >= 0 && rowSlotFresh)
            {
                vAnd[r] = -1L;
                vOr[r] = 0;
                rcAnd[r] = -1L;
                rcOr[r] = 0;
                spAnd[r] = -1L;
                spOr[r] = 0;
                accAnd[r] = -1L;
                accOr[r] = 0;
                extAnd[r] = -1L;
                extOr[r] = 0;
            }
        }
        constVal[0] = leakRaw;
        constVal[1] = gainRaw;
        constVal[2] = jExtRaw;
        Arrays.fill(constAnd, -1L);
        Arrays.fill(constOr, 0L);
        final int ts = (int)(events.get(0).cycle() / 2);
        lastCycles = 0;
        lastDense = true;
        newEpoch();
        // the state after step ts − 1 (reset values before step 0)
        int nF = 0;
        int[] fired = dFired;
        int[] nextFired = dFired2;
        for (int j = 0; j < n; j++)
        {
            dV[j] = ts == 0 ? vRestW : gV[(ts - 1) * n + j];
            dRc[j] = ts == 0 ? 0 : gRc[(ts - 1) * n + j] & 0xFFFF_FFFFL;
            if (ts > 0 && gSpike[(ts - 1) * n + j] != 0)
            {
                fired[nF++] = j;
            }
        }
        for (int r = 0; r < nRows; r++)
        {
            spikeReg[r] = ts == 0 ? 0 : gSpike[(ts - 1) * n + rowId[r]];
        }
        final long[] dl = delta;
        int ev = 0;
        for (int t = ts; t < steps; t++)
        {
            lastCycles += 2;
            final int row = t * n;
            // synapse edge 2t: the golden accumulators plus the contributions that differ
            if (t > 0)
            {
                final int prev = (t - 1) * n;
                addDifferingSpikes(t, fired, nF);
                for (int r = 0; r < nRows; r++)
                {
                    final int i = rowId[r];
                    if (spikeReg[r] != 0)
                    {
                        final int[] tg = rowT[r];
                        final long x = fWeight[r];
                        for (int e = 0, end = rowTCount[r]; e < end; e++)
                        {
                            dl[tg[e]] += x;
                        }
                    }
                    if (gSpike[prev + i] != 0)
                    {
                        final long x = -gWeight[i];
                        for (int e = rowStart[i], end = rowStart[i + 1]; e < end; e++)
                        {
                            dl[rowTargets[e]] += x;
                        }
                    }
                }
            }
            for (int r = 0; r < nRows; r++)
            {
                final int i = rowId[r];
                final long ext = gExt[row + i] & 0xFFL;
                final long accRaw = (gIn[row + i] - ext * jExt + dl[i]) & wMask;
                accVal[r] = (accRaw & accAnd[r]) | accOr[r];
                extVal[r] = (ext & extAnd[r]) | extOr[r];
            }
            while (ev < events.size() && events.get(ev).cycle() == 2L * t)
            {
                apply(events.get(ev++));
            }
            // core edge 2t + 1
            final long jExtF = signed(constVal[2]);
            if (jExtF != jExt)
            {
                final long d = jExtF - jExt;
                for (int j = 0; j < n; j++)
                {
                    dl[j] += (gExt[row + j] & 0xFFL) * d;
                }
            }
            for (int r = 0; r < nRows; r++)
            {
                final int i = rowId[r];
                dl[i] = accVal[r] + extVal[r] * jExtF - gIn[row + i];
            }
            final int count = LifArrayEdge.edge(dV, dRc, gIn, row, dl, nextFired, n, w, f,
                (int)signed(constVal[0]), (int)signed(constVal[1]), vRest, vReset, vTh, refractory);
            for (int r = 0; r < nRows; r++)
            {
                final int i = rowId[r];
                dV[i] = (dV[i] & vAnd[r]) | vOr[r];
                dRc[i] = ((dRc[i] & rcAnd[r]) | rcOr[r]) & 0xFFFF_FFFFL;
                final long fires = Arrays.binarySearch(nextFired, 0, count, i) >= 0 ? 1 : 0;
                spikeReg[r] = ((fires & spAnd[r]) | spOr[r]) & 1;
            }
            for (int k = 0; k < count; k++)
            {
                sink.spike(t, nextFired[k]);
            }
            final int[] swap = fired;
            fired = nextFired;
            nextFired = swap;
            nF = count;
            while (ev < events.size() && events.get(ev).cycle() == 2L * t + 1)
            {
                apply(events.get(ev++));
            }
            if (ev == events.size() && t + 1 < steps
                && (t < ts + 2 * SPARSE_CHECK || t % SPARSE_CHECK == SPARSE_CHECK - 1)
                && registersAsGolden(fired, nF) && backToSparse(t, fired, nF))
            {
                // every fault has struck and none is left in a register: what differs is state, which
                // the memory-fault stepping carries on from (rows that no memory fault hit are golden again)
                dropGoldenRows();
                this.ev = ev;
                replay(t + 1, events, sink);
                return ts;
            }
        }
        return ts;
    }

    /**
     * Whether the registers hold no fault any more — no stuck-at mask, the constants' golden values —
     * and every special neuron's spike register equals whether it fired in {@code fired[0..nF)}.
     */
    private boolean registersAsGolden(final int[] fired, final int nF)
    {
        for (int k = 0; k < 3; k++)
        {
            if (constAnd[k] != -1L || constOr[k] != 0)
            {
                return false;
            }
        }
        if (constVal[0] != leakRaw || constVal[1] != gainRaw || constVal[2] != jExtRaw)
        {
            return false;
        }
        for (int r = 0; r < nRows; r++)
        {
            if ((vAnd[r] & rcAnd[r] & spAnd[r] & accAnd[r] & extAnd[r]) != -1L
                || (vOr[r] | rcOr[r] | spOr[r] | accOr[r] | extOr[r]) != 0
                || spikeReg[r] != (Arrays.binarySearch(fired, 0, nF, rowId[r]) >= 0 ? 1 : 0))
            {
                return false;
            }
        }
        return true;
    }

    /** Gives up the slots of rows whose crossbar words and weight are the golden ones (register faults' neurons). */
    private void dropGoldenRows()
    {
        for (int r = nRows - 1; r >= 0; r--)
        {
            final int i = rowId[r];
            if (wWord[r] != (gWeight[i] & wMask)
                || !Arrays.equals(rowWords[r], 0, words, gWords, i * words, (i + 1) * words))
            {
                continue;
            }
            faultedRowOf[i] = -1;
            final int last = --nRows;
            if (r != last)
            {
                // the last slot moves into r (its arrays swapped, so that both stay allocated)
                rowId[r] = rowId[last];
                faultedRowOf[rowId[r]] = r;
                final long[] words0 = rowWords[r];
                rowWords[r] = rowWords[last];
                rowWords[last] = words0;
                final long[] and0 = rowAnd[r];
                rowAnd[r] = rowAnd[last];
                rowAnd[last] = and0;
                final long[] or0 = rowOr[r];
                rowOr[r] = rowOr[last];
                rowOr[last] = or0;
                final int[] t0 = rowT[r];
                rowT[r] = rowT[last];
                rowT[last] = t0;
                wWord[r] = wWord[last];
                wAnd[r] = wAnd[last];
                wOr[r] = wOr[last];
                rowTCount[r] = rowTCount[last];
                fWeight[r] = fWeight[last];
            }
        }
    }

    /** A fault strikes now (after its edge): the kernel's stickBit / flipBit on the replay's copy. */
    private void apply(final Fault x)
    {
        if (memoryFault(x))
        {
            strike(x);
            final int r = faultedRowOf[row(x)];
            rowTCount[r] = rowBits(rowWords[r], 0, rowT[r], 0);
            fWeight[r] = signed(wWord[r]);
            return;
        }
        final int signal = sites.target(x.site());
        final int reg = register(signal);
        final int k = reg >= REG_LEAK ? reg - REG_LEAK : faultedRowOf[neuronOf(signal, reg)];
        final long[] and;
        final long[] or;
        final long[] val;
        final int idx;
        switch (reg)
        {
            case REG_V -> { and = vAnd; or = vOr; val = dV; idx = rowId[k]; }
            case REG_RC -> { and = rcAnd; or = rcOr; val = dRc; idx = rowId[k]; }
            case REG_SPIKE -> { and = spAnd; or = spOr; val = spikeReg; idx = k; }
            case REG_ACC -> { and = accAnd; or = accOr; val = accVal; idx = k; }
            case REG_EXT -> { and = extAnd; or = extOr; val = extVal; idx = k; }
            default -> { and = constAnd; or = constOr; val = constVal; idx = k; }
        }
        final long bit = 1L << sites.bit(x.site());
        final int m = k;
        if (x.kind() == FaultKind.FLIP)
        {
            val[idx] = ((val[idx] ^ bit) & and[m]) | or[m];
        }
        else
        {
            if (x.kind() == FaultKind.STUCK_AT_1)
            {
                or[m] |= bit;
            }
            else
            {
                and[m] &= ~bit;
            }
            val[idx] = (val[idx] & and[m]) | or[m];
        }
    }

    /** acc differences: delta[j] += x for the targets[from..to); first touch of j this step lists it. */
    private int add(final int[] targets, final int from, final int to, final long x, final int mark, final int count)
    {
        int c = count;
        for (int e = from; e < to; e++)
        {
            final int j = targets[e];
            delta[j] += x;
            if (stamp[j] != mark)
            {
                stamp[j] = mark;
                touched[c++] = j;
            }
        }
        return c;
    }

    /** The presynaptic neuron whose row (crossbar word or weight) a fault hits. */
    private int row(final Fault x)
    {
        final int word = sites.word(x.site());
        return sites.target(x.site()) == xbar ? word / words : word;
    }

    /** Whether the last {@link #rowSlot} made a new slot. */
    private boolean rowSlotFresh;

    /** The slot of neuron i's row among the run's specials, made on first need (−1 for i = −1). */
    private int rowSlot(final int i)
    {
        rowSlotFresh = false;
        if (i < 0)
        {
            return -1;
        }
        if (faultedRowOf[i] >= 0)
        {
            return faultedRowOf[i];
        }
        rowSlotFresh = true;
        if (nRows == rowId.length)
        {
            final int cap = nRows * 2;
            rowId = Arrays.copyOf(rowId, cap);
            rowWords = Arrays.copyOf(rowWords, cap);
            rowAnd = Arrays.copyOf(rowAnd, cap);
            rowOr = Arrays.copyOf(rowOr, cap);
            wWord = Arrays.copyOf(wWord, cap);
            wAnd = Arrays.copyOf(wAnd, cap);
            wOr = Arrays.copyOf(wOr, cap);
            rowT = Arrays.copyOf(rowT, cap);
            rowTCount = Arrays.copyOf(rowTCount, cap);
            fWeight = Arrays.copyOf(fWeight, cap);
        }
        final int r = nRows++;
        rowId[r] = i;
        if (rowWords[r] == null)
        {
            rowWords[r] = new long[words];
            rowAnd[r] = new long[words];
            rowOr[r] = new long[words];
            rowT[r] = new int[n];
        }
        System.arraycopy(gWords, i * words, rowWords[r], 0, words);
        Arrays.fill(rowAnd[r], -1L);
        Arrays.fill(rowOr[r], 0L);
        wWord[r] = gWeight[i] & wMask;
        wAnd[r] = -1L;
        wOr[r] = 0L;
        rowTCount[r] = rowBits(rowWords[r], 0, rowT[r], 0);
        fWeight[r] = gWeight[i];
        faultedRowOf[i] = r;
        return r;
    }

    /** A fault strikes: the kernel's {@code stickMemoryBit} / {@code flipMemoryBit} on the row's copy. */
    private void strike(final Fault x)
    {
        final long bit = 1L << sites.bit(x.site());
        final int r = faultedRowOf[row(x)];
        final long[] word;
        final long[] and;
        final long[] or;
        final int k;
        if (sites.target(x.site()) == xbar)
        {
            word = rowWords[r];
            and = rowAnd[r];
            or = rowOr[r];
            k = sites.word(x.site()) % words;
        }
        else
        {
            word = wWord;
            and = wAnd;
            or = wOr;
            k = r;
        }
        if (x.kind() == FaultKind.FLIP)
        {
            word[k] = ((word[k] ^ bit) & and[k]) | or[k];
        }
        else
        {
            if (x.kind() == FaultKind.STUCK_AT_1)
            {
                or[k] |= bit;
            }
            else
            {
                and[k] &= ~bit;
            }
            word[k] = (word[k] & and[k]) | or[k];
        }
    }

    @Override
    public long lastCycles()
    {
        return lastCycles;
    }

    private long signed(final long raw)
    {
        return (raw << shift) >> shift;
    }
}
