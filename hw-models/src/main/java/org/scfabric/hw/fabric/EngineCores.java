package org.scfabric.hw.fabric;

import java.util.Arrays;

/**
 * The neuron cores of the {@link FabricEngine}: per core the issue counter, the update pipeline of
 * {@link NeuronCore}, the credits for its FIFO and the push register towards the router, over flat
 * arrays; the neurons' state, accumulators and result-stage arithmetic are the {@link CoreDatapath}'s
 * (the Brunel LIF with its drive, or a mapped network's populations). In each phase of a step a core
 * issues the local addresses its {@link Placement} gives it for that phase (the Brunel fabric: one
 * phase, all of them). The router's wires ({@code creditQ}, {@code dlvTgtQ}/{@code dlvWQ}/{@code dlvTagQ},
 * and for streamed edges {@code dlvTgt}/{@code dlvW}/{@code dlvTag}) are handed in at construction.
 */
final class EngineCores
{
    private final int k;
    private final int ports;
    private final int lc;
    private final boolean drop;
    private final Placement pl;
    /** Neurons placed: a delivery to a target at or past it reaches no core. */
    private final int n;
    private final CoreDatapath dp;

    // per core
    private final boolean[] issuing;
    private final int[] addr;
    private final int[] hiQ;
    private final int[] stepC;
    private final int[] credits;
    private final boolean[] ret;
    private final int[] stValid;
    private final int[][] stAddr;
    private final boolean[] coreBusy;

    // wires shared with the router
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

    private final EngineCounters counters;
    private final SpikeLog spikes;

    EngineCores(final FabricParams fp, final Placement pl, final CoreDatapath dp, final EngineCounters counters,
        final SpikeLog spikes, final Wires wires)
    {
        k = fp.cores();
        ports = fp.ports();
        lc = fp.coreLatency();
        drop = fp.overflow() == FabricParams.Overflow.DROP;
        this.pl = pl;
        this.n = pl.neurons();
        this.dp = dp;
        this.counters = counters;
        this.spikes = spikes;
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
        stAddr = new int[k][lc];
        issuing = new boolean[k];
        addr = new int[k];
        hiQ = new int[k];
        stepC = new int[k];
        credits = new int[k];
        Arrays.fill(credits, fp.fifoDepth());
        ret = new boolean[k];
        stValid = new int[k];
        coreBusy = new boolean[k];
    }

    /** Some core was busy at the last edge (the controller's view). */
    boolean busy()
    {
        boolean any = false;
        for (int c = 0; c < k; c++)
        {
            any |= coreBusy[c];
        }
        return any;
    }

    /** No core has anything in flight, a credit or a spike to hand over: only the router works. */
    boolean quiet()
    {
        for (int c = 0; c < k; c++)
        {
            if (issuing[c] || stValid[c] != 0 || pushValid[c] || credit[c] || ret[c])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * One edge of every core: {@code startQ}, {@code stepQ} and {@code phaseQ} from the controller,
     * {@code dv} the router's last deliveries.
     */
    void edge(final boolean startQ, final int stepQ, final int phaseQ, final int dv, final long now)
    {
        if (dv != 0)
        {
            addDeliveries(dv);
        }
        for (int c = 0; c < k; c++)
        {
            edge(c, startQ, stepQ, phaseQ, now);
        }
    }

    /** A streamed edge: only last edge's deliveries to add. */
    void accumulate(final int dv)
    {
        if (dv == 0)
        {
            return;
        }
        for (int p = 0; p < ports; p++)
        {
            if ((dv >>> p & 1) != 0)
            {
                final int j = dlvTgt[p];
                if (j >= n)
                {
                    // a target no core holds (a faulted fan-out word): every core ignores it, as in the kernel model
                    continue;
                }
                final int c = k == 1 ? 0 : pl.coreOf(j);
                dp.deliver(c, pl.addrOf(j), j, dlvTag[p], dlvW[p], stepC[c]);
            }
        }
    }

    /** After a streamed stretch: the cores stayed quiet, so nothing pushed and none busy. */
    void endStream()
    {
        for (int c = 0; c < k; c++)
        {
            pushValid[c] = false;
            coreBusy[c] = false;
        }
    }

    private void edge(final int c, final boolean startQ, final int stepQ, final int phaseQ, final long now)
    {
        final int step = startQ ? stepQ : stepC[c];
        stepC[c] = step;
        final int sv = stValid[c];
        if (!startQ && !issuing[c] && sv == 0)
        {
            // nothing in flight: only returned credits to take
            credits[c] += (creditQ[c] ? 1 : 0) + (ret[c] ? 1 : 0);
            ret[c] = false;
            pushValid[c] = false;
            coreBusy[c] = false;
            return;
        }
        int cr = credits[c] + (creditQ[c] ? 1 : 0) + (ret[c] ? 1 : 0);
        boolean spike = false;
        boolean retNext = false;
        if ((sv >>> (lc - 1) & 1) != 0)
        {
            spike = update(c, step, stepQ, now);
            retNext = !spike && !drop;
        }
        ret[c] = retNext;
        pushValid[c] = spike;
        final int hi = startQ ? pl.hi(c, phaseQ) : hiQ[c];
        final int ad = startQ ? pl.lo(c, phaseQ) : addr[c];
        final boolean iss = startQ ? ad < hi : issuing[c];
        final boolean issue = iss && (drop || cr > 0);
        if (iss && !issue)
        {
            counters.stall(now);
        }
        int stNext = (sv << 1) & ((1 << lc) - 1);
        boolean issNext = iss;
        if (issue)
        {
            stNext |= 1;
            if (!drop)
            {
                cr--;
            }
            issNext = ad + 1 < hi;
            addr[c] = ad + 1;
        }
        else if (startQ)
        {
            addr[c] = ad;
        }
        hiQ[c] = hi;
        issuing[c] = issNext;
        stValid[c] = stNext;
        if (sv != 0 || issue)
        {
            shiftAddresses(stAddr[c], issue, ad);
        }
        credits[c] = cr;
        coreBusy[c] = issNext || stNext != 0 || spike;
    }

    /**
     * Last edge's deliveries, each to its core in the step that core was in at that edge (before this
     * edge's {@link #edge(int, boolean, int, int, long)} moves it on). Done once for all cores, each target's
     * core looked up once: a core's deliveries still come before its update, in port order, and touch no
     * other core's neurons, so this is the order of doing them core by core.
     */
    private void addDeliveries(final int dv)
    {
        for (int p = 0; p < ports; p++)
        {
            if ((dv >>> p & 1) != 0)
            {
                final int j = dlvTgtQ[p];
                if (j < n)
                {
                    final int c = k == 1 ? 0 : pl.coreOf(j);
                    dp.deliver(c, pl.addrOf(j), j, dlvTagQ[p], dlvWQ[p], stepC[c]);
                }
            }
        }
    }

    /** The neuron leaving the pipeline: the datapath's update; returns whether it spiked. */
    private boolean update(final int c, final int step, final int stepQ, final long now)
    {
        counters.activeCycles[c]++;
        final int a = stAddr[c][lc - 1];
        final int id = pl.neuron(c, a);
        final boolean spike = dp.update(c, a, id, step, now);
        if (spike)
        {
            pushId[c] = id;
            spikes.add(stepQ, id, now);
        }
        return spike;
    }

    private void shiftAddresses(final int[] sa, final boolean issue, final int ad)
    {
        for (int j = lc - 1; j > 0; j--)
        {
            sa[j] = sa[j - 1];
        }
        if (issue)
        {
            sa[0] = ad;
        }
    }

    /** Copies every core's issue counter, pipeline, credits and push register in or out ({@link EngineState}). */
    void state(final EngineState s)
    {
        s.a(issuing);
        s.a(addr);
        s.a(hiQ);
        s.a(stepC);
        s.a(credits);
        s.a(ret);
        s.a(stValid);
        for (int c = 0; c < k; c++)
        {
            for (int j = 0; j < lc; j++)
            {
                stAddr[c][j] = s.live(stAddr[c][j], (stValid[c] >>> j & 1) != 0);
            }
        }
        s.a(coreBusy);
        dp.state(s);
    }
}
