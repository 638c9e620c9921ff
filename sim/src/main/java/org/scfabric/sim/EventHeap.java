package org.scfabric.sim;

import java.util.Arrays;

/**
 * Events ordered by (time, phase, sequence): a 4-ary min-heap over flat primitive arrays. The
 * {@link EventQueue} keeps its far-future events here. The caller supplies the sequence, so events
 * moved between structures keep their original order.
 *
 * <p>Each event carries an {@code int kind} and an {@code int arg}; the heap grows by doubling and
 * never shrinks, so a queue that has reached its working size allocates nothing per event.
 */
final class EventHeap
{
    private static final int ARITY_SHIFT = 2; // 4-ary: shallower than binary, sibling keys share cache lines

    private long[] time;
    private long[] order; // phase in the top 8 bits, sequence in the low 56
    private int[] kind;
    private int[] arg;
    private int size;

    private long topTime;
    private long topOrder;
    private int topPhase;
    private int topKind;
    private int topArg;

    EventHeap(final int initialCapacity)
    {
        final int capacity = Math.max(16, initialCapacity);
        time = new long[capacity];
        order = new long[capacity];
        kind = new int[capacity];
        arg = new int[capacity];
    }

    EventHeap()
    {
        this(1024);
    }

    int size()
    {
        return size;
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    /** Enqueue an event with its (phase, sequence) order word. */
    void push(final long at, final long ord, final int eventKind, final int eventArg)
    {
        if (size == time.length)
        {
            grow();
        }
        siftUp(size++, at, ord, eventKind, eventArg);
    }

    long peekOrder()
    {
        return order[0];
    }

    long order()
    {
        return topOrder;
    }

    /** Time of the earliest event; only valid when not empty. */
    long peekTime()
    {
        return time[0];
    }

    /** Phase of the earliest event; only valid when not empty. */
    int peekPhase()
    {
        return (int)(order[0] >>> 56);
    }

    /** Remove the earliest event; read it with {@link #time()}, {@link #phase()}, {@link #kind()}, {@link #arg()}. */
    void pop()
    {
        topTime = time[0];
        topOrder = order[0];
        topPhase = (int)(order[0] >>> 56);
        topKind = kind[0];
        topArg = arg[0];
        final int last = --size;
        if (last > 0)
        {
            siftDown(0, time[last], order[last], kind[last], arg[last]);
        }
    }

    long time()
    {
        return topTime;
    }

    int phase()
    {
        return topPhase;
    }

    int kind()
    {
        return topKind;
    }

    int arg()
    {
        return topArg;
    }

    void clear()
    {
        size = 0;
    }

    /** Make this heap an exact copy of another. */
    void copyFrom(final EventHeap other)
    {
        // into the arrays it has when they are large enough: restoring a snapshot allocates nothing
        final int n = other.size;
        if (time.length < n)
        {
            time = new long[other.time.length];
            order = new long[other.time.length];
            kind = new int[other.time.length];
            arg = new int[other.time.length];
        }
        System.arraycopy(other.time, 0, time, 0, n);
        System.arraycopy(other.order, 0, order, 0, n);
        System.arraycopy(other.kind, 0, kind, 0, n);
        System.arraycopy(other.arg, 0, arg, 0, n);
        size = n;
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
