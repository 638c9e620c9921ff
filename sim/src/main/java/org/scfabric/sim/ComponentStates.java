package org.scfabric.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The private state of a design's {@link StatefulComponent}s at one moment, each kept with the
 * component it came from, so that putting it back or comparing it needs no cast.
 */
public final class ComponentStates
{
    private final Entry<?>[] entries;

    private ComponentStates(final Entry<?>[] entries)
    {
        this.entries = entries;
    }

    /** The state of every stateful component of {@code design}, in instance order. */
    public static ComponentStates save(final Design design)
    {
        final List<Entry<?>> saved = new ArrayList<>();
        for (int i = 0; i < design.instanceCount(); i++)
        {
            if (design.component(i) instanceof StatefulComponent<?> sc)
            {
                final Entry<?> e = entry(sc);
                if (e != null)
                {
                    saved.add(e);
                }
            }
        }
        return new ComponentStates(saved.toArray(new Entry<?>[0]));
    }

    /** Put every saved state back into its component (it may be done more than once). */
    public void restore()
    {
        for (final Entry<?> e : entries)
        {
            e.restore();
        }
    }

    /**
     * Whether every component's state now equals the saved one (by the states' {@code equals}: value
     * by value); stops at the first difference.
     */
    public boolean matchCurrent()
    {
        for (final Entry<?> e : entries)
        {
            if (!e.matchesCurrent())
            {
                return false;
            }
        }
        return true;
    }

    /** A component without state to save (null) has no entry: nothing to restore or compare. */
    private static <S> Entry<S> entry(final StatefulComponent<S> component)
    {
        final S state = component.saveState();
        return state == null ? null : new Entry<>(component, state);
    }

    private static final class Entry<S>
    {
        private final StatefulComponent<S> component;
        private final S state;

        Entry(final StatefulComponent<S> component, final S state)
        {
            this.component = component;
            this.state = state;
        }

        void restore()
        {
            component.restoreState(state);
        }

        boolean matchesCurrent()
        {
            return state.equals(component.saveState());
        }
    }
}
