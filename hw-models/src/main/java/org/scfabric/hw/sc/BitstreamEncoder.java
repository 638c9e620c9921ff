package org.scfabric.hw.sc;

/**
 * A comparator encoder: a W-bit number source r and a registered output
 * {@code bit_out <= (r < x)} (unsigned, r before it advances). {@link LfsrEncoderModel} and
 * {@link SobolEncoderModel} share it, so a design can swap one stream source for the other.
 */
public interface BitstreamEncoder
{
    /** Asynchronous reset; {@code tIndex} selects the start point of the source. */
    void reset(int tIndex);

    /** Phase 1 of an edge: next bit_out and next source state from the current values. */
    void eval(int x);

    /** Phase 2 of an edge. */
    void commit();

    /** One rising edge; returns the new {@code bit_out}. */
    default int clock(final int x)
    {
        eval(x);
        commit();
        return bitOut();
    }

    /**
     * 64 edges with a constant {@code x}. Bit i of the result is {@code bit_out} after the (i+1)-th
     * edge, so the result equals 64 calls of {@link #clock(int)}; the state ends where they leave it.
     */
    long clock64(int x);

    /** The registered output bit, 0 or 1. */
    int bitOut();

    /** The number source's current value (what the next edge compares). */
    int source();

    /** Width of x and of the source, in bits. */
    int width();

    /** Stuck-at masks on the {@code bit_out} register (bit 0 of each mask). */
    void bitFault(int and, int or);
}
