package org.scfabric.sim;

/** Resolves the names a component declared into the ids the kernel uses. */
public interface Binding
{
    /** Id of the signal behind a port or register of this instance. */
    int signal(String localName);

    /** Id of a register bank of this instance (its registers are {@link #signal}(name + "[0]") onward). */
    int bank(String localName);

    /** Id of a memory of this instance. */
    int memory(String localName);

    /** The clock of this instance (null for a combinational component). */
    Clock clock();

    /** Full hierarchical name of this instance. */
    String instanceName();

    /** The design's event bus, for components that publish or receive typed events. */
    EventBus bus();
}
