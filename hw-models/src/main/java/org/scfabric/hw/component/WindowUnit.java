package org.scfabric.hw.component;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.FaultListener;
import org.scfabric.sim.Signals;
import org.scfabric.sim.StatefulComponent;
import org.scfabric.sim.fault.Fault;

/**
 * The SC unit shape of V2, V4, V13, V14 and V17: two encoder arrays (inputs and weights), AND gates
 * and a bank of popcount registers {@code <counts>[k]}, clocked once per network step at the last
 * edge of the stream window, which it computes whole: edges {@code first .. last} = the L edges
 * ending now. The kernel tells it of every fault injected ({@link FaultListener}); it applies them
 * cycle by cycle inside the window. Its software state (the encoders' last written states, the
 * faults heard of, the subclass's statistics) goes with kernel snapshots.
 *
 * @param <M> the subclass's statistics saved with the state ({@link Void} if it has none)
 */
public abstract class WindowUnit<M> implements ClockedComponent, StatefulComponent<WindowUnit.State<M>>, FaultListener
{
    protected final int len;
    protected final EncoderArray inputs;
    protected final EncoderArray weights;
    private final String countName;
    private final int countWidth;
    private final int counts;
    protected CycleFaults faults;
    protected int countBank;
    protected int countBase;
    private long period;

    protected WindowUnit(final int len, final EncoderArray inputs, final EncoderArray weights, final String countName,
        final int countWidth, final int counts)
    {
        this.len = len;
        this.inputs = inputs;
        this.weights = weights;
        this.countName = countName;
        this.countWidth = countWidth;
        this.counts = counts;
    }

    /** A fresh kernel's fault list (faults the kernel tells this unit of go there). */
    public final void faults(final CycleFaults f)
    {
        faults = f;
        inputs.faults(f);
        weights.faults(f);
    }

    @Override
    public final void faultInjected(final Fault fault)
    {
        if (faults == null)
        {
            throw new IllegalStateException("a fault was injected before this window unit was given its fault"
                + " list (faults(CycleFaults)), which a new kernel of its design must do first");
        }
        faults.add(fault);
    }

    /** Whether popcount register k has a fault (and so must be stepped cycle by cycle). */
    public final boolean countFaulted(final int k)
    {
        return faults != null && faults.has(countBase + k);
    }

    @Override
    public final void declare(final Declarations d)
    {
        inputs.declare(d);
        weights.declare(d);
        d.registerBank(countName, countWidth, counts, 0);
        declareMore(d);
    }

    @Override
    public final void bind(final Binding b)
    {
        inputs.bind(b);
        weights.bind(b);
        countBank = b.bank(countName);
        countBase = b.signal(countName);
        period = b.clock().period();
        bindMore(b);
    }

    @Override
    public final void edge(final Signals s)
    {
        final long last = s.now();
        window(s, last - len + 1, last, last >= period ? last - period : -1);
    }

    /** Other registers and memories of the unit. */
    protected void declareMore(final Declarations d)
    {
    }

    protected void bindMore(final Binding b)
    {
    }

    /**
     * The window of edges {@code first .. last}; {@code lastWrite} is the previous window's last
     * edge (−1 before the first), for the encoders' cycle-by-cycle path.
     */
    protected abstract void window(Signals s, long first, long last, long lastWrite);

    /** The unit's statistics, for snapshots (or null); {@code M}'s equals must compare by value. */
    protected M saveMore()
    {
        return null;
    }

    protected void restoreMore(final M state)
    {
    }

    @Override
    public final State<M> saveState()
    {
        return new State<>(inputs.save(), weights.save(), faults == null ? null : faults.save(), saveMore());
    }

    @Override
    public final void restoreState(final State<M> state)
    {
        inputs.restore(state.inputs());
        weights.restore(state.weights());
        if (state.faults() != null)
        {
            faults.restore(state.faults());
        }
        restoreMore(state.more());
    }

    /**
     * A unit's software state; the record's equals compares its parts by their own (value) equals,
     * which a campaign's rejoin check relies on.
     */
    public record State<M>(EncoderArray.State inputs, EncoderArray.State weights, CycleFaults.State faults, M more)
    {
    }
}
