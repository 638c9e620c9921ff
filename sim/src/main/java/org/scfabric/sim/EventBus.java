package org.scfabric.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Typed events between components (spikes first): a hardware LIF array and a float reference neuron
 * subscribe to the same types and so see the same stimulus in one simulation. Delivery is synchronous,
 * on the kernel thread, in subscription order: deterministic.
 */
public final class EventBus
{
    /** The spike type: {@code source} is the population, {@code value} the neuron index. */
    public static final int SPIKE = 0;

    private final List<String> names = new ArrayList<>();
    private BusListener[][] listeners = new BusListener[0][];

    public EventBus()
    {
        type("spike");
    }

    /** The id of a named event type, registering it on first use. */
    public int type(final String name)
    {
        final int existing = names.indexOf(name);
        if (existing >= 0)
        {
            return existing;
        }
        names.add(name);
        listeners = Arrays.copyOf(listeners, names.size());
        listeners[names.size() - 1] = new BusListener[0];
        return names.size() - 1;
    }

    public String typeName(final int type)
    {
        return names.get(type);
    }

    public void subscribe(final int type, final BusListener listener)
    {
        final BusListener[] current = listeners[type];
        final BusListener[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = listener;
        listeners[type] = next;
    }

    public void publish(final int type, final long time, final int source, final long value)
    {
        final BusListener[] ls = listeners[type];
        for (int i = 0; i < ls.length; i++)
        {
            ls[i].onEvent(type, time, source, value);
        }
    }

    public boolean hasListeners(final int type)
    {
        return listeners[type].length > 0;
    }
}
