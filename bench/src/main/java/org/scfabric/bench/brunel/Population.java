package org.scfabric.bench.brunel;

import org.scfabric.sim.Binding;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.EventBus;
import org.scfabric.sim.Signals;
import org.scfabric.sim.StatefulComponent;

/**
 * A clocked component that updates a population once per network step: it reads the step's kicks
 * from the drive registers {@code drive.ext[j]} (a {@link RegisterRef}), calls {@link #update}, and reports
 * each spike to the raster and on the event bus ({@code SPIKE}, source = the part's population id,
 * value = neuron). Model state outside the kernel's registers is saved and restored with kernel
 * snapshots ({@link #saveModel}, {@link #restoreModel}); the raster is cut back with it.
 *
 * @param <M> the model's saved state ({@link Void} for a model with none outside registers)
 */
abstract class Population<M> implements ClockedComponent, StatefulComponent<Population.State<M>>
{
    protected final int[] ext;
    private final RegisterRef drive;
    private final SpikeRaster raster;
    private final int population;
    private EventBus bus;
    private long period;
    private long phase;

    /**
     * @param drive the drive registers it reads (null: none)
     */
    Population(final RegisterRef drive, final SpikeRaster raster, final int population)
    {
        this.drive = drive;
        this.ext = new int[drive == null ? 0 : drive.size()];
        this.raster = raster;
        this.population = population;
    }

    @Override
    public final void declare(final Declarations d)
    {
        declareState(d);
    }

    @Override
    public final void bind(final Binding b)
    {
        bus = b.bus();
        period = b.clock().period();
        phase = b.clock().phase();
        bindState(b);
    }

    @Override
    public final void edge(final Signals s)
    {
        final int[] e = ext;
        final int base = e.length == 0 ? 0 : drive.base();
        for (int j = 0; j < e.length; j++)
        {
            e[j] = (int)s.get(base + j);
        }
        update(s, (int)((s.now() - phase) / period));
    }

    /** Registers and memories of the population (none for a software model). */
    void declareState(final Declarations d)
    {
    }

    void bindState(final Binding b)
    {
    }

    /** One network step: {@link #ext} holds the kicks; report spikes with {@link #spike}, ascending. */
    abstract void update(Signals s, int step);

    /** Reports {@code neurons[0..count)}, which fired in this step, ascending. */
    final void publish(final Signals s, final int step, final int[] neurons, final int count)
    {
        for (int k = 0; k < count; k++)
        {
            spike(s, step, neurons[k]);
        }
    }

    final void spike(final Signals s, final int step, final int neuron)
    {
        raster.add(step, neuron);
        bus.publish(EventBus.SPIKE, s.now(), population, neuron);
    }

    final EventBus bus()
    {
        return bus;
    }

    final int population()
    {
        return population;
    }

    /** Variant-specific figures after the run. */
    java.util.Map<String, Double> extras()
    {
        return java.util.Map.of();
    }

    /** A deep copy of the model's state outside registers, or null; {@code M}'s equals compares by value. */
    M saveModel()
    {
        return null;
    }

    void restoreModel(final M state)
    {
    }

    @Override
    public final State<M> saveState()
    {
        return new State<>(raster.count(), saveModel());
    }

    @Override
    public final void restoreState(final State<M> state)
    {
        raster.truncate(state.spikes());
        restoreModel(state.model());
    }

    /**
     * The raster's length and the model's state; the record's equals compares the model by its own
     * (value) equals, which a campaign's rejoin check relies on.
     */
    record State<M>(int spikes, M model)
    {
    }
}
