package org.scfabric.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.record.Recorder;

/**
 * The single-threaded discrete-event kernel. Events are ordered by (time, phase, sequence); at one
 * time the phases run in this order:
 * <ol>
 *   <li>{@link #PHASE_EDGE}: every clock with an edge now: all its components compute next values,
 *       then the kernel commits them all at once (two-phase, like non-blocking assignment);</li>
 *   <li>{@link #PHASE_FAULT}: faults of this cycle: stuck-at masks are set and forced, bits flipped;</li>
 *   <li>{@link #PHASE_ACTION}: test-bench actions.</li>
 * </ol>
 * After each phase, combinational components whose inputs changed are evaluated in delta cycles
 * until every net is stable. A clock whose components are all idle is not scheduled until one of
 * their inputs changes, so idle time costs nothing.
 *
 * <p>The kernel runs the loop; faults ({@link FaultInjector}), component state of snapshots
 * ({@link ComponentStates}) and probes ({@link ProbeTracker}) live in their own classes.
 */
public final class Kernel
{
    public static final int PHASE_EDGE = 0;
    public static final int PHASE_FAULT = 1;
    public static final int PHASE_ACTION = 2;

    private static final int KIND_EDGE = 0;
    private static final int KIND_FAULT = 1;
    private static final int KIND_ACTION = 3;

    private final Design design;
    private final Signals signals;
    private final EventQueue queue = new EventQueue(256);
    private final Clock[] clocks;
    private final int[] clockInstStart;
    private final int[] clockInst;
    private final boolean[] clockScheduled;
    /** Each clock's components in instance order, one array per clock: one load less per call in the lone loop. */
    private final ClockedComponent[][] clockParts;
    /** Clocks with an edge in the queue: while all are, a changed net has no clock to wake (settle skips the walk). */
    private int scheduledCount;
    private final ClockedComponent[] clocked;
    private final CombinationalComponent[] comb;
    /** Whether the design has combinational instances (without, a settle only wakes clocks and notes probes). */
    private final boolean hasComb;
    /** Combinational instances to evaluate in this delta cycle, one bit each: read in instance order. */
    private final long[] pending;
    private final int deltaLimit;
    private int lastDeltaCount;
    private long deltaTotal;
    private int[] edgeClocks;
    private final FaultInjector faults;
    private final List<Action> actions = new ArrayList<>();
    private long processedUpTo = -1;
    private long edgeCount;

    /** Null until a recorder is attached: a kernel without probes pays one null test per change. */
    private ProbeTracker probes;

    public Kernel(final Design design)
    {
        this.design = design;
        this.signals = new Signals(design);
        this.faults = new FaultInjector(design, signals, this::wakeOwner);
        final int nInst = design.instanceCount();
        clocked = new ClockedComponent[nInst];
        comb = new CombinationalComponent[nInst];
        int nComb = 0;
        for (int i = 0; i < nInst; i++)
        {
            final Component c = design.component(i);
            if (design.instanceClock(i) >= 0)
            {
                clocked[i] = (ClockedComponent)c;
            }
            else
            {
                comb[i] = (CombinationalComponent)c;
                nComb++;
            }
        }
        hasComb = nComb > 0;
        pending = new long[(nInst + 63) >>> 6];
        // an acyclic network settles in at most (number of combinational instances) deltas
        deltaLimit = 2 * nComb + 16;

        for (int k = 0; k < design.bankCount(); k++)
        {
            for (int r = design.bankBase(k), end = r + design.bankSize(k); r < end; r++)
            {
                if (design.combFanoutEnd(r) > design.combFanoutStart(r)
                    || design.clockedFanoutEnd(r) > design.clockedFanoutStart(r))
                {
                    signals.trackBankOf(r);
                }
            }
        }

        clocks = design.clocks().toArray(new Clock[0]);
        clockInstStart = new int[clocks.length + 1];
        for (int i = 0; i < nInst; i++)
        {
            if (design.instanceClock(i) >= 0)
            {
                clockInstStart[design.instanceClock(i) + 1]++;
            }
        }
        for (int c = 0; c < clocks.length; c++)
        {
            clockInstStart[c + 1] += clockInstStart[c];
        }
        clockInst = new int[clockInstStart[clocks.length]];
        final int[] fill = Arrays.copyOf(clockInstStart, clocks.length);
        for (int i = 0; i < nInst; i++)
        {
            if (design.instanceClock(i) >= 0)
            {
                clockInst[fill[design.instanceClock(i)]++] = i;
            }
        }
        clockScheduled = new boolean[clocks.length];
        clockParts = new ClockedComponent[clocks.length][];
        for (int c = 0; c < clocks.length; c++)
        {
            clockParts[c] = new ClockedComponent[clockInstStart[c + 1] - clockInstStart[c]];
            for (int j = 0; j < clockParts[c].length; j++)
            {
                clockParts[c][j] = clocked[clockInst[clockInstStart[c] + j]];
            }
        }
        edgeClocks = new int[Math.max(4, clocks.length)];

        signals.setNow(0);
        // time-zero evaluation of all combinational logic, like Verilog's initial settle
        for (int i = 0; i < nInst; i++)
        {
            if (comb[i] != null)
            {
                comb[i].evaluate(signals);
            }
        }
        settle();
        for (int c = 0; c < clocks.length; c++)
        {
            if (clockInstStart[c + 1] > clockInstStart[c])
            {
                scheduleEdge(c, clocks[c].phase());
            }
        }
    }

    public Design design()
    {
        return design;
    }

    public Signals signals()
    {
        return signals;
    }

    public EventBus bus()
    {
        return design.bus();
    }

    /** Time of the last processed event (0 before the run starts). */
    public long now()
    {
        return signals.now();
    }

    /** Everything at or before this time has been simulated (-1 before the first run). */
    public long simulatedUpTo()
    {
        return processedUpTo;
    }

    /** Edges of {@code clock} simulated so far, skipped idle edges included. */
    public long cycles(final Clock clock)
    {
        return processedUpTo < 0 ? 0 : clock.edgesUpTo(processedUpTo);
    }

    /** Edges actually evaluated (a measure of the work done; idle edges are not counted). */
    public long evaluatedEdges()
    {
        return edgeCount;
    }

    /** Delta cycles of the last settle. */
    public int lastDeltaCount()
    {
        return lastDeltaCount;
    }

    public long deltaCycles()
    {
        return deltaTotal;
    }

    public long peek(final int signal)
    {
        return signals.get(signal);
    }

    public long peek(final String signal)
    {
        return signals.get(design.signal(signal));
    }

    /** Drive a primary input from the test bench; the logic it feeds settles at once. */
    public void poke(final int input, final long value)
    {
        if (design.kind(input) != SignalKind.INPUT)
        {
            throw new SimulationException("poke: '" + design.signalName(input) + "' is a " + design.kind(input)
                .name().toLowerCase(java.util.Locale.ROOT) + ", only primary inputs can be poked");
        }
        if (signals.now() < processedUpTo)
        {
            signals.setNow(processedUpTo); // between runs the test bench acts at the end of simulated time
        }
        signals.drive(input, value);
        settle();
    }

    public void poke(final String input, final long value)
    {
        poke(design.signal(input), value);
    }

    /** Register an action once; schedule it as often as needed without allocating. */
    public int registerAction(final Action action)
    {
        actions.add(action);
        return actions.size() - 1;
    }

    /** Run action {@code id} at {@code time} (phase {@link #PHASE_ACTION}). */
    public void schedule(final long time, final int actionId)
    {
        if (time <= processedUpTo)
        {
            throw new SimulationException("cannot schedule at time " + time + ": already simulated up to "
                + processedUpTo);
        }
        if (actionId < 0 || actionId >= actions.size())
        {
            throw new SimulationException("no action with id " + actionId);
        }
        queue.schedule(time, PHASE_ACTION, KIND_ACTION, actionId);
    }

    /**
     * Inject a fault; it takes effect at its cycle of the design's first clock, on every design:
     * components that compute many cycles per edge hear of it ({@link FaultListener}) and apply it
     * cycle by cycle themselves.
     */
    public void inject(final Fault fault)
    {
        if (clocks.length == 0)
        {
            throw new SimulationException("faults are timed in cycles of the first clock; the design has none");
        }
        faults.check(fault);
        final long time = clocks[0].edgeTime(fault.cycle());
        if (time <= processedUpTo)
        {
            throw new SimulationException("fault at cycle " + fault.cycle() + " is in the past (simulated up to time "
                + processedUpTo + ")");
        }
        queue.schedule(time, PHASE_FAULT, KIND_FAULT, faults.add(fault));
    }

    /** Attach a recorder: probed signals and spikes go to it. Call before probing. */
    public void attach(final Recorder r)
    {
        probes = new ProbeTracker(design, signals, r);
        r.begin(this);
    }

    public Recorder recorder()
    {
        return probes == null ? null : probes.recorder();
    }

    /** Record every change of a signal (needs a recorder); the initial value is recorded at once. */
    public void probe(final int signal)
    {
        if (probes == null)
        {
            throw new SimulationException("probe needs a recorder: call attach(recorder) first");
        }
        probes.add(signal, Math.max(0, processedUpTo));
    }

    public boolean isProbed(final int signal)
    {
        return probes != null && probes.isProbed(signal);
    }

    /**
     * The kernel's whole state, between runs. Probes and the recorder are not part of it: a
     * restored kernel records into whatever recorder is attached then.
     */
    public Snapshot snapshot()
    {
        return new Snapshot(design, signals, queue, clockScheduled, processedUpTo, edgeCount, faults.count(),
            ComponentStates.save(design));
    }

    /** Go back to a snapshot of this kernel's design; faults injected after it are forgotten. */
    public void restore(final Snapshot snap)
    {
        if (snap.design != design)
        {
            throw new SimulationException("snapshot belongs to another design");
        }
        signals.restore(snap.signals);
        queue.copyFrom(snap.queue);
        System.arraycopy(snap.clockScheduled, 0, clockScheduled, 0, clockScheduled.length);
        scheduledCount = 0;
        for (final boolean b : clockScheduled)
        {
            scheduledCount += b ? 1 : 0;
        }
        processedUpTo = snap.processedUpTo;
        edgeCount = snap.edgeCount;
        faults.truncate(snap.faultCount);
        snap.componentState.restore();
        if (probes != null)
        {
            probes.resync(Math.max(0, processedUpTo));
        }
    }

    /** Simulate every event at or before {@code endTime}. */
    public void runUntil(final long endTime)
    {
        final EventQueue q = queue;
        while (!q.isEmpty() && q.peekTime() <= endTime)
        {
            final long t = q.peekTime();
            if (t != signals.now())
            {
                flushProbes();
                signals.setNow(t);
            }
            if (q.peekPhase() == PHASE_EDGE)
            {
                if (clocks.length == 1 && q.size() == 1)
                {
                    runLoneClock(t, endTime);
                    continue; // it settled after its last edge
                }
                processEdges(t);
            }
            else
            {
                q.pop();
                dispatch(q.kind(), q.arg());
            }
            settle();
        }
        flushProbes();
        if (endTime > processedUpTo)
        {
            processedUpTo = endTime;
        }
    }

    /** Simulate the next {@code n} edges of {@code clock} (and everything before them). */
    public void runCycles(final Clock clock, final long n)
    {
        if (n <= 0)
        {
            return;
        }
        final long first = clock.nextEdgeAfter(processedUpTo);
        runUntil(first + (n - 1) * clock.period());
    }

    private void processEdges(final long t)
    {
        final EventQueue q = queue;
        int nClocks = 0;
        while (!q.isEmpty() && q.peekTime() == t && q.peekPhase() == PHASE_EDGE)
        {
            q.pop();
            final int c = q.arg();
            clockScheduled[c] = false;
            scheduledCount--;
            edgeClocks[nClocks++] = c;
        }
        final Signals s = signals;
        for (int k = 0; k < nClocks; k++)
        {
            final int c = edgeClocks[k];
            for (int j = clockInstStart[c], end = clockInstStart[c + 1]; j < end; j++)
            {
                clocked[clockInst[j]].edge(s);
            }
        }
        edgeCount += nClocks;
        s.commit();
        for (int k = 0; k < nClocks; k++)
        {
            final int c = edgeClocks[k];
            boolean allIdle = true;
            for (int j = clockInstStart[c], end = clockInstStart[c + 1]; j < end && allIdle; j++)
            {
                allIdle = clocked[clockInst[j]].idle(s);
            }
            // idle() sees the committed state; inputs that change later wake the clock through the fan-out
            if (!allIdle)
            {
                scheduleEdge(c, t + clocks[c].period());
            }
        }
    }

    /**
     * The design's one clock, whose next edge (at {@code t}) is the only pending event: its edges run here
     * without the queue (a pop and a schedule per edge were a tenth of a fabric's run) until the clock
     * stops or its next edge is after {@code endTime}. Nothing else can join the queue meanwhile (no
     * action or fault runs, and settle has no other clock to wake), so each edge does what
     * {@link #processEdges} then {@link #settle} would; the queue is told of each edge popped and
     * rescheduled ({@link EventQueue#passLone}), so it ends as the edge-by-edge loop leaves it (same
     * window, same sequence numbers), for snapshots and later events alike. A design without combinational
     * logic and without probes commits quietly ({@link Signals#commitQuietly}): no changed list, only
     * whether the stopped clock must be woken.
     */
    private void runLoneClock(final long first, final long endTime)
    {
        final EventQueue q = queue;
        final Signals s = signals;
        q.pop();
        final int c = q.arg();
        clockScheduled[c] = false;
        scheduledCount--;
        final long period = clocks[c].period();
        final ClockedComponent[] parts = clockParts[c];
        // no logic to evaluate and no probe to note: a settle would only wake the stopped clock when a net
        // its components read changed, so the commit keeps no changed list and says just that
        final boolean quiet = !hasComb && probes == null;
        long t = first;
        for (;;)
        {
            for (final ClockedComponent p : parts)
            {
                p.edge(s);
            }
            edgeCount++;
            boolean woken = false;
            if (quiet)
            {
                woken = s.commitQuietly();
            }
            else
            {
                s.commit();
            }
            boolean allIdle = true;
            for (int j = 0; j < parts.length && allIdle; j++)
            {
                allIdle = parts[j].idle(s);
            }
            final long next = t + period;
            if (allIdle || next > endTime)
            {
                if (!allIdle)
                {
                    scheduleEdge(c, next);
                }
                if (!quiet)
                {
                    settle();
                }
                else
                {
                    if (allIdle && woken)
                    {
                        wake(c);
                    }
                    lastDeltaCount = 0;
                }
                return;
            }
            if (!quiet)
            {
                // scheduled while the logic settles (nothing to wake), then popped: the queue only counts it
                clockScheduled[c] = true;
                scheduledCount++;
                try
                {
                    settle();
                }
                catch (final SimulationException e)
                {
                    queue.schedule(next, PHASE_EDGE, KIND_EDGE, c); // where the edge-by-edge loop had it
                    throw e;
                }
                clockScheduled[c] = false;
                scheduledCount--;
            }
            else
            {
                lastDeltaCount = 0;
            }
            q.passLone(next);
            t = next;
            flushProbes();
            s.setNow(t);
        }
    }

    private void scheduleEdge(final int c, final long at)
    {
        if (!clockScheduled[c])
        {
            clockScheduled[c] = true;
            scheduledCount++;
            queue.schedule(at, PHASE_EDGE, KIND_EDGE, c);
        }
    }

    private void wake(final int c)
    {
        if (!clockScheduled[c])
        {
            // edges at the current time have run (every other phase comes after PHASE_EDGE)
            scheduleEdge(c, clocks[c].nextEdgeAfter(signals.now()));
        }
    }

    private void dispatch(final int kind, final int arg)
    {
        switch (kind)
        {
            case KIND_FAULT -> faults.apply(arg);
            case KIND_ACTION -> actions.get(arg).run(this);
            default -> throw new IllegalStateException("unknown event kind " + kind);
        }
    }

    private void wakeOwner(final int instance)
    {
        final int c = design.instanceClock(instance);
        if (c >= 0)
        {
            wake(c);
        }
    }

    /** Evaluate combinational logic in delta cycles until no net changes. */
    private void settle()
    {
        final Signals s = signals;
        final Design d = design;
        final int[] combFanout = d.combFanout();
        final int[] clockedFanout = d.clockedFanout();
        int deltas = 0;
        final long[] bits = pending;
        final ProbeTracker p = probes;
        final int nClocks = clocks.length;
        while (s.changedCount() > 0)
        {
            int lo = Integer.MAX_VALUE;
            int hi = -1;
            final int nChanged = s.changedCount();
            for (int i = 0; i < nChanged; i++)
            {
                final int sig = s.changedSignal(i);
                if (p != null)
                {
                    p.noteIfProbed(sig);
                }
                for (int j = d.combFanoutStart(sig), end = d.combFanoutEnd(sig); j < end; j++)
                {
                    final int c = combFanout[j];
                    final int w = c >>> 6;
                    bits[w] |= 1L << c;
                    lo = Math.min(lo, w);
                    hi = Math.max(hi, w);
                }
                // a running fabric keeps its clock scheduled on every edge: then there is nothing to wake
                for (int j = d.clockedFanoutStart(sig), end = scheduledCount < nClocks ? d.clockedFanoutEnd(sig) : j;
                    j < end; j++)
                {
                    final int clock = d.instanceClock(clockedFanout[j]);
                    if (!clockScheduled[clock])
                    {
                        wake(clock);
                    }
                }
            }
            if (hi < 0)
            {
                s.clearChanged();
                break;
            }
            if (++deltas > deltaLimit)
            {
                java.util.Arrays.fill(bits, lo, hi + 1, 0L);
                throw loopError(nChanged);
            }
            s.clearChanged();
            // instance order, each once: deterministic whatever the wiring order
            for (int w = lo; w <= hi; w++)
            {
                long word = bits[w];
                bits[w] = 0L;
                while (word != 0)
                {
                    comb[(w << 6) + Long.numberOfTrailingZeros(word)].evaluate(s);
                    word &= word - 1;
                }
            }
        }
        lastDeltaCount = deltas;
        deltaTotal += deltas;
    }

    private SimulationException loopError(final int nChanged)
    {
        final StringBuilder names = new StringBuilder();
        final int shown = Math.min(nChanged, 8);
        for (int i = 0; i < shown; i++)
        {
            names.append(i == 0 ? "" : ", ").append(design.signalName(signals.changedSignal(i)));
        }
        if (nChanged > shown)
        {
            names.append(", … (").append(nChanged - shown).append(" more)");
        }
        return new SimulationException("combinational loop does not settle after " + deltaLimit
            + " delta cycles at time " + signals.now() + "; nets still changing: " + names);
    }

    private void flushProbes()
    {
        if (probes != null)
        {
            probes.flush(signals.now());
        }
    }
}
