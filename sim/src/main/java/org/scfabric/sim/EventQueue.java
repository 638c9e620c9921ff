package org.scfabric.sim;

import java.util.Arrays;

/**
 * Pending events ordered by (time, phase, insertion sequence): a 4-ary min-heap over flat primitive
 * arrays. Ties in time and phase pop in insertion order, so a run is deterministic on every JVM.
 *
 * <p>Each event carries an {@code int kind} and an {@code int arg}; the heap grows by doubling and
 * never shrinks, so a queue that has reached its working size allocates nothing per event.
 */
public final class EventQueue
{
    private static final int ARITY_SHIFT = 2; // 4-ary: shallower than binary, sibling keys share cache lines

    private long[] time;
    private long[] order; // phase in the top 8 bits, sequence in the low 56
    private int[] kind;
    private int[] arg;
    private int size;
    private long nextSequence;

    private long topTime;
    private int topPhase;
    private int topKind;
    private int topArg;

    public EventQueue(final int initialCapacity)
    {
        final int capacity = Math.max(16, initialCapacity);
        time = new long[capacity];
        order = new long[capacity];
        kind = new int[capacity];
        arg = new int[capacity];
    }

    public EventQueue()
    {
        this(1024);
    }

    public int size()
    {
        return size;
    }

    public boolean isEmpty()
    {
        return size == 0;
    }

    /** Enqueue an event; {@code phase} is 0..255 and orders events of equal time. */
    public void schedule(final long at, final int phase, final int eventKind, final int eventArg)
    {
        if (at < 0)
        {
            throw new IllegalArgumentException("event time must be >= 0, was " + at);
        }
        if ((phase & ~0xFF) != 0)
        {
            throw new IllegalArgumentException("event phase must be 0..255, was " + phase);
        }
        if (size == time.length)
        {
            grow();
        }
        final long ord = ((long)phase << 56) | (nextSequence++ & 0x00FF_FFFF_FFFF_FFFFL);
        siftUp(size++, at, ord, eventKind, eventArg);
    }

    /** Time of the earliest event; only valid when not empty. */
    public long peekTime()
    {
        return time[0];
    }

    /** Phase of the earliest event; only valid when not empty. */
    public int peekPhase()
    {
        return (int)(order[0] >>> 56);
    }

    /** Remove the earliest event; read it with {@link #time()}, {@link #phase()}, {@link #kind()}, {@link #arg()}. */
    public void pop()
    {
        topTime = time[0];
        topPhase = (int)(order[0] >>> 56);
        topKind = kind[0];
        topArg = arg[0];
        final int last = --size;
        if (last > 0)
        {
            siftDown(0, time[last], order[last], kind[last], arg[last]);
        }
    }

    public long time()
    {
        return topTime;
    }

    public int phase()
    {
        return topPhase;
    }

    public int kind()
    {
        return topKind;
    }

    public int arg()
    {
        return topArg;
    }

    public void clear()
    {
        size = 0;
        nextSequence = 0;
    }

    /** A copy with the same pending events and sequence counter (for snapshots). */
    public EventQueue copy()
    {
        final EventQueue q = new EventQueue(time.length);
        System.arraycopy(time, 0, q.time, 0, size);
        System.arraycopy(order, 0, q.order, 0, size);
        System.arraycopy(kind, 0, q.kind, 0, size);
        System.arraycopy(arg, 0, q.arg, 0, size);
        q.size = size;
        q.nextSequence = nextSequence;
        return q;
    }

    private static boolean before(final long t1, final long o1, final long t2, final long o2)
    {
        return t1 < t2 || (t1 == t2 && o1 < o2);
    }

    private void siftUp(int i, final long t, final long o, final int k, final int a)
    {
        while (i > 0)
        {
            final int parent = (i - 1) >>> ARITY_SHIFT;
            if (!before(t, o, time[parent], order[parent]))
            {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, t, o, k, a);
    }

    private void siftDown(int i, final long t, final long o, final int k, final int a)
    {
        final int n = size;
        while (true)
        {
            final int first = (i << ARITY_SHIFT) + 1;
            if (first >= n)
            {
                break;
            }
            int best = first;
            long bestTime = time[first];
            long bestOrder = order[first];
            final int end = Math.min(first + (1 << ARITY_SHIFT), n);
            for (int c = first + 1; c < end; c++)
            {
                if (before(time[c], order[c], bestTime, bestOrder))
                {
                    best = c;
                    bestTime = time[c];
                    bestOrder = order[c];
                }
            }
            if (!before(bestTime, bestOrder, t, o))
            {
                break;
            }
            move(best, i);
            i = best;
        }
        set(i, t, o, k, a);
    }

    private void move(final int from, final int to)
    {
        time[to] = time[from];
        order[to] = order[from];
        kind[to] = kind[from];
        arg[to] = arg[from];
    }

    private void set(final int i, final long t, final long o, final int k, final int a)
    {
        time[i] = t;
        order[i] = o;
        kind[i] = k;
        arg[i] = a;
    }

    private void grow()
    {
        final int capacity = time.length << 1;
        time = Arrays.copyOf(time, capacity);
        order = Arrays.copyOf(order, capacity);
        kind = Arrays.copyOf(kind, capacity);
        arg = Arrays.copyOf(arg, capacity);
    }
}
