package org.scfabric.hw.sc;

/**
 * {@code sc_bitstream_synapse}: combinational {@code post = pre & w}, the unipolar SC multiply
 * (P(post) = p * w for independent streams); twin of {@code rtl/sc_bitstream_synapse.v}.
 * Lanes are bits: one int carries up to 32 synapses, one long 64 stream cycles of one synapse.
 */
public final class AndSynapse
{
    private AndSynapse()
    {
    }

    public static int post(final int pre, final int w)
    {
        return pre & w;
    }

    /** 64 cycles at once: the AND is bitwise, so words of stream bits AND like single bits. */
    public static long post64(final long pre, final long w)
    {
        return pre & w;
    }

    /** Ones of {@code pre & w} over a block of stream words: AND then popcount, 64 cycles per step. */
    public static int andPopcount(final long[] pre, final long[] w, final int words)
    {
        int count = 0;
        for (int i = 0; i < words; i++)
        {
            count += Long.bitCount(pre[i] & w[i]);
        }
        return count;
    }
}
