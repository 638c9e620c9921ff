package org.scfabric.sim;

/**
 * A piece of hardware in a netlist. At elaboration it declares its ports and state
 * ({@link #declare}); once the netlist is checked it resolves the ids of what it declared
 * ({@link #bind}) and keeps them in int fields, so the hot path never looks anything up by name.
 */
public interface Component
{
    void declare(Declarations d);

    void bind(Binding b);
}
