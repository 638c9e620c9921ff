package org.scfabric.sim;

/** The private state of a design's {@link StatefulComponent}s, saved and put back by instance. */
final class ComponentStates
{
    private ComponentStates()
    {
    }

    /** Per instance, the state of a stateful component, null for the others. */
    static Object[] save(final Design design)
    {
        final Object[] state = new Object[design.instanceCount()];
        for (int i = 0; i < state.length; i++)
        {
            if (design.component(i) instanceof StatefulComponent sc)
            {
                state[i] = sc.saveState();
            }
        }
        return state;
    }

    static void restore(final Design design, final Object[] state)
    {
        for (int i = 0; i < state.length; i++)
        {
            if (state[i] != null)
            {
                ((StatefulComponent)design.component(i)).restoreState(state[i]);
            }
        }
    }
}
