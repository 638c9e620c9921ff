package org.scfabric.sim;

/**
 * The values of a running design: every signal in flat {@code long} arrays (current and next), every
 * memory word in one flat array, and the fault masks applied where values are written. Components
 * see the design through this class only: {@link #get} reads a current value, {@link #setNext}
 * writes a register's next value (committed by the kernel after the edge), {@link #drive} drives a
 * combinational net.
 *
 * <p>A fault is a pair of masks per signal (and per memory word): the written value becomes
 * {@code (v & and) | or}. A fault-free design has {@code and = -1, or = 0}, so it pays one AND and
 * one OR per write and no branch.
 */
public final class Signals
{
    private final long[] cur;
    private final long[] next;
    private final long[] widthMask;
    private final long[] faultAnd;
    private final long[] faultOr;
    private final int[] width;

    private final long[] mem;
    private final long[] memAnd;
    private final long[] memOr;
    /** Whether a stuck-at mask is set on some word of the memory; without one a write is stored as it is. */
    private final boolean[] memMasked;
    private final int[] memBase;
    private final int[] memDepth;
    private final long[] memMask;
    /** Bumped whenever a word of the memory may change: loaded, written, a fault applied, a snapshot restored. */
    private final int[] memVersion;

    private int[] dirty;
    private int dirtyCount;
    private final int[] dirtyStamp;
    private int dirtyEpoch = 1;

    private int[] memWriteIndex = new int[64];
    private long[] memWriteValue = new long[64];
    private int memWriteCount;

    private int[] changed;
    private int changedCount;
    private final int[] changedStamp;
    private int changedEpoch = 1;

    private final int[] bankBase;
    private final int[] bankEnd;
    /** A bank whose registers are read by other logic or probed must report changes; others need not. */
    private final boolean[] bankTracked;
    /** Whether a fault mask is set on some register of the bank; without one a commit is a copy. */
    private final boolean[] bankMasked;
    /** The bank of each signal, or −1. */
    private final int[] bankOf;
    private int[] dirtyBanks;
    private int dirtyBankCount;
    private final int[] bankStamp;

    private long now;

    /** Signals with a clocked reader: a change of one wakes a stopped clock ({@link #commitQuietly}). */
    private final boolean[] wakes;

    Signals(final Design d)
    {
        final int n = d.signalCount();
        cur = new long[n];
        next = new long[n];
        widthMask = new long[n];
        faultAnd = new long[n];
        faultOr = new long[n];
        width = new int[n];
        for (int s = 0; s < n; s++)
        {
            width[s] = d.width(s);
            widthMask[s] = Design.mask(d.width(s));
            faultAnd[s] = -1L;
            cur[s] = d.resetValue(s);
            next[s] = cur[s];
        }
        mem = new long[d.memoryWords()];
        memAnd = new long[d.memoryWords()];
        java.util.Arrays.fill(memAnd, -1L);
        memOr = new long[d.memoryWords()];
        memMasked = new boolean[d.memoryCount()];
        memBase = new int[d.memoryCount()];
        memDepth = new int[d.memoryCount()];
        memMask = new long[d.memoryCount()];
        memVersion = new int[d.memoryCount()];
        for (int m = 0; m < d.memoryCount(); m++)
        {
            memBase[m] = d.memoryBase(m);
            memDepth[m] = d.memoryDepth(m);
            memMask[m] = Design.mask(d.memoryWidth(m));
        }
        final int nBanks = d.bankCount();
        bankBase = new int[nBanks];
        bankEnd = new int[nBanks];
        bankTracked = new boolean[nBanks];
        bankMasked = new boolean[nBanks];
        bankOf = new int[n];
        java.util.Arrays.fill(bankOf, -1);
        for (int k = 0; k < nBanks; k++)
        {
            bankBase[k] = d.bankBase(k);
            bankEnd[k] = d.bankBase(k) + d.bankSize(k);
            java.util.Arrays.fill(bankOf, bankBase[k], bankEnd[k], k);
        }
        dirtyBanks = new int[Math.max(4, nBanks)];
        bankStamp = new int[nBanks];
        dirty = new int[Math.max(16, n)];
        dirtyStamp = new int[n];
        changed = new int[Math.max(16, n)];
        changedStamp = new int[n];
        wakes = new boolean[n];
        for (int s = 0; s < n; s++)
        {
            wakes[s] = d.clockedFanoutEnd(s) > d.clockedFanoutStart(s);
        }
    }

    /** Current time in base ticks. */
    public long now()
    {
        return now;
    }

    /** Current value of a signal, zero-extended. */
    public long get(final int signal)
    {
        return cur[signal];
    }

    /** Current value of a signal read as signed two's complement of its width. */
    public long getSigned(final int signal)
    {
        final int shift = 64 - width[signal];
        return (cur[signal] << shift) >> shift;
    }

    /** Bit {@code bit} of a signal, 0 or 1. */
    public int bit(final int signal, final int bit)
    {
        return (int)(cur[signal] >>> bit) & 1;
    }

    /** The next value of a register, committed after every component on this edge has run. */
    public void setNext(final int register, final long value)
    {
        next[register] = value & widthMask[register];
        if (dirtyStamp[register] != dirtyEpoch)
        {
            dirtyStamp[register] = dirtyEpoch;
            dirty[dirtyCount++] = register;
        }
    }

    /** Announce that this edge writes registers of a bank with {@link #putNext}; once per edge is enough. */
    public void openBank(final int bank)
    {
        if (bankStamp[bank] != dirtyEpoch)
        {
            bankStamp[bank] = dirtyEpoch;
            dirtyBanks[dirtyBankCount++] = bank;
        }
    }

    /**
     * Opens a bank and sets the next value of each of its registers, {@code values[k]} for its k-th
     * register (as many values as registers), cut to the bank's width; returns the OR of the values
     * before the cut, so that a caller can tell in one test whether any did not fit.
     */
    public long putNextBank(final int bank, final int[] values)
    {
        final int base = bankBase[bank];
        if (values.length != bankEnd[bank] - base)
        {
            throw new SimulationException("bank " + bank + " has " + (bankEnd[bank] - base) + " registers, "
                + values.length + " values were given");
        }
        openBank(bank);
        final long[] nx = next;
        final long mask = widthMask[base];
        long or = 0;
        for (int k = 0; k < values.length; k++)
        {
            final long v = values[k];
            or |= v;
            nx[base + k] = v & mask;
        }
        return or;
    }

    /**
     * The current value of every signal, indexed by signal id, for a component's SIMD loop over its
     * own register banks. Read only: writes go through {@link #putNext} or {@link #putNextBank}.
     */
    public long[] currentValues()
    {
        return cur;
    }

    /**
     * Every signal's current value (by id), then every memory word (memory by memory, word by word) into
     * {@code dst[0 .. signals + memory words)}: two bulk copies, where a checkpoint read them one by one.
     */
    public void copyValues(final long[] dst)
    {
        System.arraycopy(cur, 0, dst, 0, cur.length);
        System.arraycopy(mem, 0, dst, cur.length, mem.length);
    }

    /** {@link #putNextBank(int, int[])} for {@code long} values, {@code values[from .. from + registers)}. */
    public void putNextBank(final int bank, final long[] values, final int from)
    {
        final int base = bankBase[bank];
        final int n = bankEnd[bank] - base;
        if (from < 0 || from + n > values.length)
        {
            throw new SimulationException("bank " + bank + " has " + n + " registers, "
                + (values.length - from) + " values were given");
        }
        openBank(bank);
        final long[] nx = next;
        final long mask = widthMask[base];
        for (int k = 0; k < n; k++)
        {
            nx[base + k] = values[from + k] & mask;
        }
    }

    /** The next value of a register of a bank opened at this edge ({@link #openBank}). */
    public void putNext(final int register, final long value)
    {
        next[register] = value & widthMask[register];
    }

    /** Drive a combinational net now; a change wakes its readers in the next delta cycle. */
    public void drive(final int net, final long value)
    {
        final long v = (value & widthMask[net] & faultAnd[net]) | faultOr[net];
        if (v != cur[net])
        {
            cur[net] = v;
            markChanged(net);
        }
    }

    /** A memory word as stored (synchronous designs read memories at the edge). */
    public long readMemory(final int memory, final int address)
    {
        return mem[memIndex(memory, address)];
    }

    /**
     * A number that changes whenever a word of the memory may have changed (a load, a write, a fault
     * applied to it, a snapshot restored): a component that keeps a faster copy of a memory's contents
     * checks it to know the copy still holds.
     */
    public int memoryVersion(final int memory)
    {
        return memVersion[memory];
    }

    /** Write a memory word at this edge's commit, like a register. */
    public void writeMemory(final int memory, final int address, final long value)
    {
        final int idx = memIndex(memory, address);
        memVersion[memory]++;
        if (memWriteCount == memWriteIndex.length)
        {
            memWriteIndex = java.util.Arrays.copyOf(memWriteIndex, memWriteCount * 2);
            memWriteValue = java.util.Arrays.copyOf(memWriteValue, memWriteCount * 2);
        }
        memWriteIndex[memWriteCount] = idx;
        // the masks cannot change before the commit: applied here, and only where a memory has one (the masks
        // of a large memory are two more cache misses per write at the commit)
        final long v = value & memMask[memory];
        memWriteValue[memWriteCount++] = memMasked[memory] ? (v & memAnd[idx]) | memOr[idx] : v;
    }

    /** Initial memory contents (before the run, or from a test bench between runs); fault masks apply. */
    public void loadMemory(final int memory, final int address, final long value)
    {
        final int idx = memIndex(memory, address);
        memVersion[memory]++;
        mem[idx] = (value & memMask[memory] & memAnd[idx]) | memOr[idx];
    }

    private void commitBank(final int bank)
    {
        final long[] c = cur;
        final long[] nx = next;
        final long[] and = faultAnd;
        final long[] or = faultOr;
        final int end = bankEnd[bank];
        if (bankTracked[bank])
        {
            for (int r = bankBase[bank]; r < end; r++)
            {
                final long v = (nx[r] & and[r]) | or[r];
                if (v != c[r])
                {
                    c[r] = v;
                    markChanged(r);
                }
            }
        }
        else if (bankMasked[bank])
        {
            for (int r = bankBase[bank]; r < end; r++)
            {
                c[r] = (nx[r] & and[r]) | or[r];
            }
        }
        else
        {
            // no mask in the bank: (next & -1) | 0 is next
            System.arraycopy(nx, bankBase[bank], c, bankBase[bank], end - bankBase[bank]);
        }
    }

    // ---- for the kernel only: time, change tracking, faults, snapshots ----

    void setNow(final long time)
    {
        now = time;
    }

    /** Registers of the bank holding {@code signal} report changes on commit (read by logic or probed). */
    void trackBankOf(final int signal)
    {
        if (bankOf[signal] >= 0)
        {
            bankTracked[bankOf[signal]] = true;
        }
    }

    /** Signals changed since the last {@link #clearChanged}, each once. */
    int changedCount()
    {
        return changedCount;
    }

    int changedSignal(final int i)
    {
        return changed[i];
    }

    void clearChanged()
    {
        changedCount = 0;
        changedEpoch++;
    }

    /** A stuck-at on one bit of a signal: its masks from now on, and its value forced at once. */
    void stickBit(final int signal, final long bitMask, final boolean one)
    {
        if (one)
        {
            faultOr[signal] |= bitMask;
        }
        else
        {
            faultAnd[signal] &= ~bitMask;
        }
        if (bankOf[signal] >= 0)
        {
            bankMasked[bankOf[signal]] = true; // its bank's commits apply masks from now on
        }
        force(signal, (cur[signal] & faultAnd[signal]) | faultOr[signal]);
    }

    /** A transient flip of one bit of a signal; stuck-at masks still win. */
    void flipBit(final int signal, final long bitMask)
    {
        force(signal, ((cur[signal] ^ bitMask) & faultAnd[signal]) | faultOr[signal]);
    }

    /** A stuck-at on one bit of a memory word, applied to the stored word at once. */
    void stickMemoryBit(final int memory, final int word, final long bitMask, final boolean one)
    {
        final int idx = memBase[memory] + word;
        if (one)
        {
            memOr[idx] |= bitMask;
        }
        else
        {
            memAnd[idx] &= ~bitMask;
        }
        memMasked[memory] = true;
        // a write not yet committed (one from outside an edge) takes the mask too, as it did at the commit
        for (int i = 0; i < memWriteCount; i++)
        {
            if (memWriteIndex[i] == idx)
            {
                memWriteValue[i] = (memWriteValue[i] & memAnd[idx]) | memOr[idx];
            }
        }
        mem[idx] = (mem[idx] & memAnd[idx]) | memOr[idx];
        memVersion[memory]++;
    }

    void flipMemoryBit(final int memory, final int word, final long bitMask)
    {
        final int idx = memBase[memory] + word;
        mem[idx] = ((mem[idx] ^ bitMask) & memAnd[idx]) | memOr[idx];
        memVersion[memory]++;
    }

    /** A value set from outside the logic (a fault), current and next alike. */
    private void force(final int signal, final long value)
    {
        if (value != cur[signal])
        {
            cur[signal] = value;
            next[signal] = value;
            markChanged(signal);
        }
    }

    /** A copy of every value and mask (for a snapshot). */
    SignalState save()
    {
        return new SignalState(cur.clone(), next.clone(), faultAnd.clone(), faultOr.clone(), mem.clone(),
            memAnd.clone(), memOr.clone(), memMasked.clone(), now);
    }

    /** Back to a saved state, between runs: nothing pending, every memory's copies stale. */
    void restore(final SignalState st)
    {
        System.arraycopy(st.cur(), 0, cur, 0, cur.length);
        System.arraycopy(st.next(), 0, next, 0, next.length);
        System.arraycopy(st.faultAnd(), 0, faultAnd, 0, faultAnd.length);
        System.arraycopy(st.faultOr(), 0, faultOr, 0, faultOr.length);
        recomputeBankMasks();
        System.arraycopy(st.mem(), 0, mem, 0, mem.length);
        System.arraycopy(st.memAnd(), 0, memAnd, 0, memAnd.length);
        System.arraycopy(st.memOr(), 0, memOr, 0, memOr.length);
        System.arraycopy(st.memMasked(), 0, memMasked, 0, memMasked.length);
        for (int m = 0; m < memVersion.length; m++)
        {
            memVersion[m]++;
        }
        now = st.now();
        dirtyCount = 0;
        dirtyBankCount = 0;
        memWriteCount = 0;
        changedCount = 0;
    }

    /** The masks were replaced wholesale (a snapshot restored): find the banks that have one. */
    private void recomputeBankMasks()
    {
        for (int k = 0; k < bankBase.length; k++)
        {
            boolean any = false;
            for (int r = bankBase[k]; r < bankEnd[k] && !any; r++)
            {
                any = faultAnd[r] != -1L || faultOr[r] != 0;
            }
            bankMasked[k] = any;
        }
    }

    private int memIndex(final int memory, final int address)
    {
        if (address < 0 || address >= memDepth[memory])
        {
            throw new SimulationException("memory access out of range: address " + address + " of a memory with "
                + memDepth[memory] + " words (memory id " + memory + ")");
        }
        return memBase[memory] + address;
    }

    void markChanged(final int signal)
    {
        if (changedStamp[signal] != changedEpoch)
        {
            changedStamp[signal] = changedEpoch;
            changed[changedCount++] = signal;
        }
    }

    /**
     * {@link #commit} for a design whose changed list nobody reads (no combinational logic, no probes): the
     * same values, no list; returns whether a signal with a clocked reader changed, which is all that a
     * settle would have used the list for (waking a stopped clock).
     */
    boolean commitQuietly()
    {
        boolean wake = false;
        final long[] c = cur;
        final long[] nx = next;
        final long[] and = faultAnd;
        final long[] or = faultOr;
        final boolean[] w = wakes;
        final int n = dirtyCount;
        for (int i = 0; i < n; i++)
        {
            final int r = dirty[i];
            final long v = (nx[r] & and[r]) | or[r];
            if (v != c[r])
            {
                c[r] = v;
                wake |= w[r];
            }
        }
        dirtyCount = 0;
        final int nb = dirtyBankCount;
        for (int i = 0; i < nb; i++)
        {
            final int bank = dirtyBanks[i];
            if (bankTracked[bank])
            {
                for (int r = bankBase[bank], end = bankEnd[bank]; r < end; r++)
                {
                    final long v = (nx[r] & and[r]) | or[r];
                    if (v != c[r])
                    {
                        c[r] = v;
                        wake |= w[r];
                    }
                }
            }
            else
            {
                commitBank(bank);
            }
        }
        dirtyBankCount = 0;
        dirtyEpoch++;
        final int m = memWriteCount;
        for (int i = 0; i < m; i++)
        {
            mem[memWriteIndex[i]] = memWriteValue[i];
        }
        memWriteCount = 0;
        return wake;
    }

    /** Commit every written register and memory word; returns nothing, changes go to the changed list. */
    void commit()
    {
        final int n = dirtyCount;
        for (int i = 0; i < n; i++)
        {
            final int r = dirty[i];
            final long v = (next[r] & faultAnd[r]) | faultOr[r];
            if (v != cur[r])
            {
                cur[r] = v;
                markChanged(r);
            }
        }
        dirtyCount = 0;
        final int nb = dirtyBankCount;
        for (int i = 0; i < nb; i++)
        {
            commitBank(dirtyBanks[i]);
        }
        dirtyBankCount = 0;
        dirtyEpoch++;
        final int m = memWriteCount;
        for (int i = 0; i < m; i++)
        {
            mem[memWriteIndex[i]] = memWriteValue[i];
        }
        memWriteCount = 0;
    }
}
