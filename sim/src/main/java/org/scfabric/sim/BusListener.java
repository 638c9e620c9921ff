package org.scfabric.sim;

/** Receives typed events from the {@link EventBus}; all primitive, so delivery allocates nothing. */
@FunctionalInterface
public interface BusListener
{
    void onEvent(int type, long time, int source, long value);
}
