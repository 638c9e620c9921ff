package org.scfabric.sim;

import org.scfabric.sim.fault.Fault;

/**
 * A component that computes many hardware cycles in one kernel edge (a bitstream window). The kernel
 * applies a fault where a register is written, once per kernel edge; such a component must apply it
 * itself on every cycle inside its window, so the kernel tells it of every fault as it is injected
 * ({@link Kernel#inject}). Faults injected after a snapshot are forgotten on restore: the component's
 * record of them belongs in its {@link StatefulComponent} state.
 */
public interface FaultListener extends Component
{
    /** A fault was scheduled in the kernel (it strikes at its cycle, which may be later). */
    void faultInjected(Fault fault);
}
