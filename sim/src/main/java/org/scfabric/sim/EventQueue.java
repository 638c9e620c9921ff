package org.scfabric.sim;

import java.util.Arrays;

/**
 * Pending events ordered by (time, phase, insertion sequence). Ties in time and phase pop in
 * insertion order, so a run is deterministic on every JVM.
 *
 * <p>A calendar queue: events within {@code slots} ticks of the last popped time sit in a wheel of
 * per-tick FIFO lists (flat int links, an occupancy bitmap to find the next busy tick); events
 * further out wait in an {@link EventHeap} and move into the wheel as time reaches them. Clock edges
 * and near-future events, nearly all of a simulation's, cost O(1). Nodes are recycled through a free
 * list: a queue at its working size allocates nothing per event.
 */
public final class EventQueue
{
    private final int slotMask;
    private final int[] head;
    private final int[] tail;
    private final long[] busy; // one bit per slot

    private long[] nodeTime;
    private long[] nodeOrder; // phase in the top 8 bits, sequence in the low 56
    private int[] nodeKind;
    private int[] nodeArg;
    private int[] nodeNext;
    private int freeList = -1;
    private int nodesUsed;

    private final EventHeap far;
    private long base; // the wheel holds times in [base, base + slots)
    private int wheelCount;
    private long nextSequence;

    /** The wheel's earliest node, or −1 when not known (found again on the next look). */
    private int headNode = -1;

    private long topTime;
    private int topPhase;
    private int topKind;
    private int topArg;

    /**
     * @param initialCapacity events held before the first growth
     * @param slots width of the wheel in ticks, a power of two
     */
    public EventQueue(final int initialCapacity, final int slots)
    {
        if (Integer.bitCount(slots) != 1 || slots < 64)
        {
            throw new IllegalArgumentException("slots must be a power of two >= 64, was " + slots);
        }
        slotMask = slots - 1;
        head = new int[slots];
        tail = new int[slots];
        Arrays.fill(head, -1);
        busy = new long[slots >>> 6];
        final int capacity = Math.max(16, initialCapacity);
        nodeTime = new long[capacity];
        nodeOrder = new long[capacity];
        nodeKind = new int[capacity];
        nodeArg = new int[capacity];
        nodeNext = new int[capacity];
        far = new EventHeap(16);
    }

    public EventQueue(final int initialCapacity)
    {
        this(initialCapacity, 1 << 14);
    }

    public EventQueue()
    {
        this(1024);
    }

    public int size()
    {
        return wheelCount + far.size();
    }

    public boolean isEmpty()
    {
        return size() == 0;
    }

    /** Enqueue an event; {@code phase} is 0..255 and orders events of equal time. */
    public void schedule(final long at, final int phase, final int eventKind, final int eventArg)
    {
        if (at < base)
        {
            throw new IllegalArgumentException("event time " + at + " is before the last popped time " + base);
        }
        if ((phase & ~0xFF) != 0)
        {
            throw new IllegalArgumentException("event phase must be 0..255, was " + phase);
        }
        final long ord = ((long)phase << 56) | (nextSequence++ & 0x00FF_FFFF_FFFF_FFFFL);
        if (at - base <= slotMask)
        {
            insert(at, ord, eventKind, eventArg);
        }
        else
        {
            far.push(at, ord, eventKind, eventArg);
        }
    }

    /** Time of the earliest event; only valid when not empty. */
    public long peekTime()
    {
        if (wheelCount == 0)
        {
            return far.peekTime();
        }
        return nodeTime[headNode()];
    }

    /** Phase of the earliest event; only valid when not empty. */
    public int peekPhase()
    {
        if (wheelCount == 0)
        {
            return far.peekPhase();
        }
        return (int)(nodeOrder[headNode()] >>> 56);
    }

    /** The kernel looks at the head 3–4 times per event: the bitmap is scanned once, then cached. */
    private int headNode()
    {
        int n = headNode;
        if (n < 0)
        {
            n = head[firstBusySlot()];
            headNode = n;
        }
        return n;
    }

    /** Remove the earliest event; read it with {@link #time()}, {@link #phase()}, {@link #kind()}, {@link #arg()}. */
    public void pop()
    {
        if (wheelCount == 0)
        {
            advanceTo(far.peekTime());
        }
        final int n = headNode();
        final int slot = (int)nodeTime[n] & slotMask;
        topTime = nodeTime[n];
        topPhase = (int)(nodeOrder[n] >>> 56);
        topKind = nodeKind[n];
        topArg = nodeArg[n];
        final int next = nodeNext[n];
        head[slot] = next;
        // a slot holds one time only: its next node, if any, is the new head
        headNode = next;
        if (next < 0)
        {
            busy[slot >>> 6] &= ~(1L << slot);
        }
        nodeNext[n] = freeList;
        freeList = n;
        wheelCount--;
        if (topTime != base)
        {
            advanceTo(topTime);
        }
    }

    /**
     * On an empty queue, what {@code schedule(at, …)} then {@code pop()} of that event would leave (its
     * sequence number spent, the window moved to {@code at}), for a kernel that runs a lone periodic event
     * outside the queue. The popped event's fields are not set.
     */
    void passLone(final long at)
    {
        if (wheelCount != 0 || !far.isEmpty() || at < base)
        {
            throw new IllegalStateException("passLone needs an empty queue and a time not before " + base);
        }
        nextSequence++;
        base = at;
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

    /** A copy with the same pending events and sequence counter (for snapshots). */
    public EventQueue copy()
    {
        final EventQueue c = new EventQueue(16, slotMask + 1);
        System.arraycopy(head, 0, c.head, 0, head.length);
        System.arraycopy(tail, 0, c.tail, 0, tail.length);
        System.arraycopy(busy, 0, c.busy, 0, busy.length);
        c.nodeTime = nodeTime.clone();
        c.nodeOrder = nodeOrder.clone();
        c.nodeKind = nodeKind.clone();
        c.nodeArg = nodeArg.clone();
        c.nodeNext = nodeNext.clone();
        c.freeList = freeList;
        c.nodesUsed = nodesUsed;
        c.far.copyFrom(far);
        c.base = base;
        c.wheelCount = wheelCount;
        c.nextSequence = nextSequence;
        c.headNode = headNode;
        return c;
    }

    /**
     * Becomes a copy of {@code src} (same pending events and sequence counter) in its own arrays,
     * grown only when {@code src} holds more nodes: a kernel restores a snapshot per faulty run
     * without allocating.
     */
    public void copyFrom(final EventQueue src)
    {
        if (src.slotMask != slotMask)
        {
            throw new IllegalArgumentException("queues of " + (src.slotMask + 1) + " and " + (slotMask + 1)
                + " slots");
        }
        System.arraycopy(src.head, 0, head, 0, head.length);
        System.arraycopy(src.tail, 0, tail, 0, tail.length);
        System.arraycopy(src.busy, 0, busy, 0, busy.length);
        final int used = src.nodesUsed;
        if (nodeTime.length < used)
        {
            nodeTime = new long[src.nodeTime.length];
            nodeOrder = new long[src.nodeTime.length];
            nodeKind = new int[src.nodeTime.length];
            nodeArg = new int[src.nodeTime.length];
            nodeNext = new int[src.nodeTime.length];
        }
        System.arraycopy(src.nodeTime, 0, nodeTime, 0, used);
        System.arraycopy(src.nodeOrder, 0, nodeOrder, 0, used);
        System.arraycopy(src.nodeKind, 0, nodeKind, 0, used);
        System.arraycopy(src.nodeArg, 0, nodeArg, 0, used);
        System.arraycopy(src.nodeNext, 0, nodeNext, 0, used);
        freeList = src.freeList;
        nodesUsed = used;
        far.copyFrom(src.far);
        base = src.base;
        wheelCount = src.wheelCount;
        nextSequence = src.nextSequence;
        headNode = src.headNode;
    }

    /** Move the wheel's window to start at {@code time} and pull in far events that now fall inside. */
    private void advanceTo(final long time)
    {
        base = time;
        final EventHeap f = far;
        while (!f.isEmpty() && f.peekTime() - base <= slotMask)
        {
            f.pop();
            insert(f.time(), f.order(), f.kind(), f.arg());
        }
    }

    private void insert(final long at, final long ord, final int eventKind, final int eventArg)
    {
        int n = freeList;
        if (n >= 0)
        {
            freeList = nodeNext[n];
        }
        else
        {
            if (nodesUsed == nodeTime.length)
            {
                growNodes();
            }
            n = nodesUsed++;
        }
        nodeTime[n] = at;
        nodeOrder[n] = ord;
        nodeKind[n] = eventKind;
        nodeArg[n] = eventArg;
        final int slot = (int)at & slotMask;
        final int h = head[slot];
        if (h < 0)
        {
            nodeNext[n] = -1;
            head[slot] = n;
            tail[slot] = n;
            busy[slot >>> 6] |= 1L << slot;
        }
        else if (nodeOrder[tail[slot]] <= ord)
        {
            // the common case: same or later phase, later sequence
            nodeNext[n] = -1;
            nodeNext[tail[slot]] = n;
            tail[slot] = n;
        }
        else if (ord < nodeOrder[h])
        {
            nodeNext[n] = h;
            head[slot] = n;
            if (headNode == h)
            {
                headNode = n;
            }
        }
        else
        {
            int p = h;
            while (nodeOrder[nodeNext[p]] <= ord)
            {
                p = nodeNext[p];
            }
            nodeNext[n] = nodeNext[p];
            nodeNext[p] = n;
        }
        wheelCount++;
        if (headNode >= 0 && at < nodeTime[headNode])
        {
            headNode = n; // an earlier time than the cached head's: it is the head now
        }
    }

    /** The first busy slot at or after the window start, wrapping once around the wheel. */
    private int firstBusySlot()
    {
        final long[] b = busy;
        final int start = (int)base & slotMask;
        int w = start >>> 6;
        long bits = b[w] & (-1L << start);
        final int words = b.length;
        for (int i = 0; i <= words; i++)
        {
            if (bits != 0)
            {
                return (w << 6) + Long.numberOfTrailingZeros(bits);
            }
            w = w + 1 == words ? 0 : w + 1;
            bits = b[w];
        }
        throw new IllegalStateException("event wheel is empty");
    }

    private void growNodes()
    {
        final int capacity = nodeTime.length << 1;
        nodeTime = Arrays.copyOf(nodeTime, capacity);
        nodeOrder = Arrays.copyOf(nodeOrder, capacity);
        nodeKind = Arrays.copyOf(nodeKind, capacity);
        nodeArg = Arrays.copyOf(nodeArg, capacity);
        nodeNext = Arrays.copyOf(nodeNext, capacity);
    }
}
