package org.scfabric.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;
import org.scfabric.sim.fault.FaultSites;

/**
 * The kernel's faults: the list of those injected (an event's argument is an index into it), the
 * components told of each ({@link FaultListener}), and what a fault does when its cycle comes: a
 * stuck-at sets its mask and forces the bit, a flip inverts it once; the owner of the bit is woken.
 */
final class FaultInjector
{
    private final Design design;
    private final Signals signals;
    private final FaultSites sites;
    private final FaultListener[] listeners;
    /** Wakes the clock of an instance (the owner of a faulted bit must see it at its next edge). */
    private final IntConsumer wakeInstance;
    private final List<Fault> faults = new ArrayList<>();

    FaultInjector(final Design design, final Signals signals, final IntConsumer wakeInstance)
    {
        this.design = design;
        this.signals = signals;
        this.sites = design.faultSites();
        this.wakeInstance = wakeInstance;
        final List<FaultListener> ls = new ArrayList<>();
        for (int i = 0; i < design.instanceCount(); i++)
        {
            if (design.component(i) instanceof FaultListener l)
            {
                ls.add(l);
            }
        }
        listeners = ls.toArray(new FaultListener[0]);
    }

    /** Throws unless the fault's site exists. */
    void check(final Fault fault)
    {
        if (fault.site() >= sites.size())
        {
            throw new SimulationException("fault site " + fault.site() + " is out of range 0.." + (sites.size() - 1));
        }
    }

    /** Records a fault and tells the listeners; returns its id, the argument of its event. */
    int add(final Fault fault)
    {
        faults.add(fault);
        for (final FaultListener l : listeners)
        {
            l.faultInjected(fault);
        }
        return faults.size() - 1;
    }

    int count()
    {
        return faults.size();
    }

    /** Forgets the faults recorded after the first {@code count} (a snapshot restored). */
    void truncate(final int count)
    {
        while (faults.size() > count)
        {
            faults.remove(faults.size() - 1);
        }
    }

    /** Fault {@code id} strikes now. */
    void apply(final int id)
    {
        final Fault f = faults.get(id);
        final long site = f.site();
        final long bitMask = 1L << sites.bit(site);
        final int t = sites.target(site);
        final boolean flip = f.kind() == FaultKind.FLIP;
        final boolean one = f.kind() == FaultKind.STUCK_AT_1;
        if (sites.isMemory(site))
        {
            if (flip)
            {
                signals.flipMemoryBit(t, sites.word(site), bitMask);
            }
            else
            {
                signals.stickMemoryBit(t, sites.word(site), bitMask, one);
            }
            wakeInstance.accept(design.memoryInstance(t));
        }
        else
        {
            if (flip)
            {
                signals.flipBit(t, bitMask);
            }
            else
            {
                signals.stickBit(t, bitMask, one);
            }
            final int owner = design.driver(t);
            if (owner >= 0)
            {
                wakeInstance.accept(owner);
            }
        }
    }
}
