package org.scfabric.sim.fault;

import java.util.Arrays;

import org.scfabric.sim.Design;

/**
 * Every bit of every signal and memory word of a design, as one numbered list: signal bits first (in
 * signal order, bit 0 first), then memory bits (memory, word, bit). A site's number is stable for a
 * given design, so a campaign can name faults by number and shard them. Names look like
 * {@code core0.lif[12].v[15]} and {@code weights.mem[7][3]}.
 */
public final class FaultSites
{
    private final Design design;
    private final long[] signalStart; // first site of each signal, plus one past the end
    private final long[] memoryStart; // first site of each memory, plus one past the end

    private FaultSites(final Design design)
    {
        this.design = design;
        signalStart = new long[design.signalCount() + 1];
        for (int s = 0; s < design.signalCount(); s++)
        {
            signalStart[s + 1] = signalStart[s] + design.width(s);
        }
        memoryStart = new long[design.memoryCount() + 1];
        memoryStart[0] = signalStart[design.signalCount()];
        for (int m = 0; m < design.memoryCount(); m++)
        {
            memoryStart[m + 1] = memoryStart[m] + (long)design.memoryDepth(m) * design.memoryWidth(m);
        }
    }

    public static FaultSites of(final Design design)
    {
        return new FaultSites(design);
    }

    public Design design()
    {
        return design;
    }

    public long size()
    {
        return memoryStart[memoryStart.length - 1];
    }

    public boolean isMemory(final long site)
    {
        check(site);
        return site >= memoryStart[0];
    }

    /** The signal id (for a signal site) or memory id (for a memory site). */
    public int target(final long site)
    {
        check(site);
        if (site < memoryStart[0])
        {
            return upper(signalStart, site);
        }
        return upper(memoryStart, site);
    }

    /** The memory word of a memory site, -1 for a signal site. */
    public int word(final long site)
    {
        if (!isMemory(site))
        {
            return -1;
        }
        final int m = target(site);
        return (int)((site - memoryStart[m]) / design.memoryWidth(m));
    }

    public int bit(final long site)
    {
        check(site);
        if (site < memoryStart[0])
        {
            return (int)(site - signalStart[target(site)]);
        }
        final int m = target(site);
        return (int)((site - memoryStart[m]) % design.memoryWidth(m));
    }

    /** The site number of bit {@code bit} of a signal. */
    public long signalBit(final int signal, final int bit)
    {
        if (bit < 0 || bit >= design.width(signal))
        {
            throw new IllegalArgumentException(design.signalName(signal) + " has bits 0.." + (design.width(signal) - 1)
                + ", not " + bit);
        }
        return signalStart[signal] + bit;
    }

    /** The site number of bit {@code bit} of word {@code word} of a memory. */
    public long memoryBit(final int memory, final int word, final int bit)
    {
        if (word < 0 || word >= design.memoryDepth(memory) || bit < 0 || bit >= design.memoryWidth(memory))
        {
            throw new IllegalArgumentException(design.memoryName(memory) + " has words 0.."
                + (design.memoryDepth(memory) - 1) + " of bits 0.." + (design.memoryWidth(memory) - 1));
        }
        return memoryStart[memory] + (long)word * design.memoryWidth(memory) + bit;
    }

    public String name(final long site)
    {
        final StringBuilder sb = new StringBuilder(48);
        appendName(site, sb);
        return sb.toString();
    }

    private void appendName(final long site, final StringBuilder sb)
    {
        final int t = target(site);
        if (site < memoryStart[0])
        {
            sb.append(design.signalName(t)).append('[').append(site - signalStart[t]).append(']');
        }
        else
        {
            final long off = site - memoryStart[t];
            final int w = design.memoryWidth(t);
            sb.append(design.memoryName(t)).append('[').append(off / w).append("][").append(off % w).append(']');
        }
    }

    /**
     * The sites whose names match the glob, in site order. A glob that matches nothing is an error
     * naming the glob, since a campaign over no sites is never what was meant.
     */
    public long[] select(final String glob)
    {
        final Glob g = Glob.compile(glob);
        final long total = size();
        if (g.matchesEverything())
        {
            if (total > Integer.MAX_VALUE - 8)
            {
                throw new IllegalArgumentException("site glob '" + glob + "' selects " + total + " sites; at most "
                    + (Integer.MAX_VALUE - 8) + " can be selected at once");
            }
            final long[] all = new long[(int)total];
            Arrays.setAll(all, i -> i);
            return all;
        }
        final String prefix = g.literalPrefix();
        long[] out = new long[64];
        int n = 0;
        final StringBuilder sb = new StringBuilder(64);
        final int nSignals = design.signalCount();
        for (int t = 0; t < nSignals + design.memoryCount(); t++)
        {
            // every site name of a signal or memory starts with its name and '[': skip the whole target when
            // that cannot agree with the glob's literal prefix
            final String head = (t < nSignals ? design.signalName(t) : design.memoryName(t - nSignals)) + "[";
            if (!head.regionMatches(0, prefix, 0, Math.min(head.length(), prefix.length())))
            {
                continue;
            }
            final long from = t < nSignals ? signalStart[t] : memoryStart[t - nSignals];
            final long to = t < nSignals ? signalStart[t + 1] : memoryStart[t - nSignals + 1];
            for (long site = from; site < to; site++)
            {
                sb.setLength(0);
                appendName(site, sb);
                if (g.matches(sb))
                {
                    if (n == out.length)
                    {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = site;
                }
            }
        }
        if (n == 0)
        {
            throw new IllegalArgumentException("site glob '" + glob + "' matches none of the " + total
                + " fault sites (e.g. " + (total > 0 ? name(0) : "none") + ")");
        }
        return Arrays.copyOf(out, n);
    }

    private void check(final long site)
    {
        if (site < 0 || site >= size())
        {
            throw new IllegalArgumentException("fault site " + site + " is out of range 0.." + (size() - 1));
        }
    }

    private static int upper(final long[] starts, final long site)
    {
        int lo = 0;
        int hi = starts.length - 2;
        while (lo < hi)
        {
            final int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= site)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        // skip zero-size entries (empty memories cannot exist, but keep the search total)
        while (lo + 1 < starts.length - 1 && starts[lo + 1] <= site)
        {
            lo++;
        }
        return lo;
    }
}
