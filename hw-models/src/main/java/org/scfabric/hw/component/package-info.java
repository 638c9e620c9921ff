/**
 * The bit-true components on the kernel: each hardware component of {@code rtl/} as a
 * {@link org.scfabric.sim.ClockedComponent} or {@link org.scfabric.sim.CombinationalComponent},
 * with the Verilog's port names and its state in named kernel registers (so every state bit is a
 * fault site, e.g. {@code core0.lif[3].v[15]}). The arithmetic is the pure models' own static
 * functions ({@code LifCore.vNext}, {@code Lfsr.next}, {@code PopcountToCurrent.current}, ...), and
 * property tests prove each component equal to its pure model on every cycle.
 *
 * <p>Reset: the kernel starts every register at its reset value, which is the state of the
 * Verilog after its asynchronous reset; there is no {@code rst_n} port.
 */
package org.scfabric.hw.component;
