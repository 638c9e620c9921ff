package org.scfabric.sim;

/** What a component declares at elaboration: its ports and its named state. */
public interface Declarations
{
    /** An input port of 1..64 bits. */
    void input(String port, int width);

    /**
     * An output port of 1..64 bits. For a clocked component the output is a register (reset to 0),
     * for a combinational one a driven net.
     */
    void output(String port, int width);

    /** A registered output with a reset value (clocked components only). */
    void output(String port, int width, long resetValue);

    /** Internal state: a named register of 1..64 bits, a fault site like any other. */
    void register(String name, int width, long resetValue);

    /**
     * A bank of {@code count} registers of one width, named {@code name[0]} .. {@code name[count-1]}
     * or, where the name holds {@code %d}, with the index put there ({@code lif[%d].v} gives
     * {@code lif[0].v}, {@code lif[1].v}, ...), for components that hold many registers (a million
     * counters, an array of LIF membranes).
     * They get consecutive signal ids; write them with {@link Signals#openBank} and
     * {@link Signals#putNext}, which track the bank once per edge instead of each register.
     */
    void registerBank(String name, int width, int count, long resetValue);

    /** A memory of {@code depth} words of {@code width} bits, every bit a fault site. */
    void memory(String name, int width, int depth);
}
