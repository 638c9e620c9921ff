package org.scfabric.bench.nir;

/**
 * The SC back end's settings ({@code --arith sc}).
 *
 * @param bitstream L, the bitstream length per step (a multiple of 64: streams are held 64 cycles to a word)
 * @param seed the run's seed; its low 16 bits are the encoders' t_index (docs/spec/hardware.md §2)
 */
public record ScConfig(int bitstream, long seed)
{
    public static final int DEFAULT_BITSTREAM = 256;
    public static final int MAX_BITSTREAM = 65_536;

    public ScConfig
    {
        if (bitstream < 64 || bitstream > MAX_BITSTREAM || bitstream % 64 != 0)
        {
            throw new IllegalArgumentException("bitstream " + bitstream + ": a multiple of 64 in 64.." + MAX_BITSTREAM);
        }
    }

    /** 64-bit words per stream. */
    public int words()
    {
        return bitstream / 64;
    }

    /** The t_index every encoder resets with. */
    public int tIndex()
    {
        return (int)(seed & 0xFFFF);
    }
}
