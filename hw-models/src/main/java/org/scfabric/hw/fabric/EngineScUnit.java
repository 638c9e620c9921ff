package org.scfabric.hw.fabric;

/**
 * The fast engine's twin of {@link ScSynapseUnit}: the encoders' LFSR states, the routed spike's streams and the
 * weight-stream ROM as flat arrays; the same encoding at the row read and the same popcounts at the delivery.
 */
final class EngineScUnit
{
    private final ScSynapses sc;
    private final int words;
    private final int[] lfsr;
    private final long[] stream;

    EngineScUnit(final ScSynapses sc)
    {
        this.sc = sc;
        this.words = sc.words;
        this.lfsr = sc.encInit.clone();
        this.stream = new long[sc.maxEncodersPerSource() * words];
    }

    /** The row read of {@code src}: its encoders run L cycles each. */
    void encode(final int src)
    {
        final int from = sc.encStart[src];
        for (int q = from, end = sc.encStart[src + 1]; q < end; q++)
        {
            lfsr[q] = ScSynapses.stream(lfsr[q], sc.encP[q], stream, (q - from) * words, words);
        }
    }

    /** The value synapse e delivers: its weight, or ±popcount(input stream AND weight stream). */
    int deliver(final int e, final int weight)
    {
        final int enc = sc.synEnc[e];
        if (enc < 0)
        {
            return weight;
        }
        final long[] rom = sc.rom;
        final int sOff = enc * words;
        final int rOff = sc.synRom[e] * words;
        int pc = 0;
        for (int w = 0; w < words; w++)
        {
            pc += Long.bitCount(stream[sOff + w] & rom[rOff + w]);
        }
        return weight < 0 ? -pc : pc;
    }
}
