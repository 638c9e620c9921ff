package org.scfabric.hw.fabric;

import org.scfabric.sim.Binding;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * The SC synapse datapath in the {@link SynapseRouter} of a {@link MappedNetwork} with {@link ScSynapses}, its state
 * in memories (fault sites {@code router.sc_enc[..]}, {@code router.sc_stream[..]}, {@code router.sc_wrom[..]}):
 * <ul>
 *   <li>{@code sc_enc}: per input encoder {@code p << 16 | lfsr} (comparator input and LFSR state, 32 bits);</li>
 *   <li>{@code sc_stream}: the streams of the spike being routed, {@code E × L/64} words of 64 bits (E the most
 *       encoders of one source);</li>
 *   <li>{@code sc_wrom}: the weight-stream ROM, {@code streams × L/64} words of 64 bits.</li>
 * </ul>
 * While the router reads a spike's row it also runs the source's encoders, all of them side by side, each 64 LFSR
 * steps and comparisons a cycle (an unrolled LFSR), so the row state lasts max(R, L/64) cycles; the model writes the
 * streams into {@code sc_stream} and the advanced states back at the row state's last edge. A fan-out word of an SC synapse carries {@code 1 | neg | encoder | stream} instead of a
 * weight, and the delivery stage puts {@code ±popcount(sc_stream[encoder] AND sc_wrom[stream])} on {@code dlv_w}.
 * A fixed-point synapse's word carries {@code 0 | weight}. Which encoders belong to which source is wiring
 * (as the row memory's contents are configuration), the rest is memory.
 */
final class ScSynapseUnit
{
    private final ScSynapses sc;
    private final MappedNetwork m;
    private final int words;
    private final int fixedBits;
    private final int encBits;
    private final int romBits;
    private final int payloadBits;
    private final long dlvMask;
    private int mEnc;
    private int mStream;
    private int mRom;

    ScSynapseUnit(final MappedNetwork m)
    {
        this.m = m;
        this.sc = m.sc;
        this.words = sc.words;
        int b = 2;
        for (int e = 0; e < m.synapses(); e++)
        {
            if (!sc.sc(e))
            {
                while (!org.scfabric.hw.Bits.fitsSigned(m.weight(e), b))
                {
                    b++;
                }
            }
        }
        fixedBits = b;
        encBits = FabricParams.bitsFor(Math.max(1, sc.maxEncodersPerSource() - 1));
        romBits = FabricParams.bitsFor(Math.max(1, sc.streams() - 1));
        payloadBits = 1 + Math.max(fixedBits, 1 + encBits + romBits);
        dlvMask = (1L << m.weightBits()) - 1;
    }

    /** {payload bits, encoder-index bits, stream-index bits, fixed-weight bits}: the layout of a fan-out payload. */
    int[] layout()
    {
        return new int[] {payloadBits, encBits, romBits, fixedBits};
    }

    /** Bits of a fan-out word's payload (in place of the weight). */
    int payloadBits()
    {
        return payloadBits;
    }

    void declare(final Declarations d)
    {
        d.memory("sc_enc", 2 * ScSynapses.LFSR_BITS, Math.max(1, sc.encoders()));
        d.memory("sc_stream", 64, sc.maxEncodersPerSource() * words);
        d.memory("sc_wrom", 64, Math.max(1, sc.rom.length));
    }

    void bind(final Binding b)
    {
        mEnc = b.memory("sc_enc");
        mStream = b.memory("sc_stream");
        mRom = b.memory("sc_wrom");
    }

    void load(final Signals s)
    {
        for (int q = 0; q < sc.encoders(); q++)
        {
            s.loadMemory(mEnc, q, (long)(sc.encP[q] & 0xFFFF) << ScSynapses.LFSR_BITS | (sc.encInit[q] & 0xFFFF));
        }
        for (int i = 0; i < sc.rom.length; i++)
        {
            s.loadMemory(mRom, i, sc.rom[i]);
        }
    }

    /** Synapse e's fan-out payload. */
    long payload(final int e)
    {
        if (!sc.sc(e))
        {
            return m.weight(e) & ((1L << fixedBits) - 1);
        }
        final long neg = m.weight(e) < 0 ? 1 : 0;
        return 1L << (payloadBits - 1) | neg << (encBits + romBits) | (long)sc.synEnc[e] << romBits | sc.synRom[e];
    }

    /** One encoder's stream (L ≤ 65 536: at most 1024 words). */
    private final long[] buf = new long[1024];

    /** The row read of source {@code src}: its encoders run L cycles each, their streams into sc_stream. */
    void encode(final Signals s, final int src)
    {
        if (src < 0 || src + 1 >= sc.encStart.length)
        {
            return;
        }
        final int from = sc.encStart[src];
        final int to = sc.encStart[src + 1];
        final long[] out = buf;
        final int slots = sc.maxEncodersPerSource();
        for (int q = from; q < to && q - from < slots; q++)
        {
            final long word = s.readMemory(mEnc, q);
            final int p = (int)(word >>> ScSynapses.LFSR_BITS) & 0xFFFF;
            final int next = ScSynapses.stream((int)word & 0xFFFF, p, out, 0, words);
            for (int w = 0; w < words; w++)
            {
                s.writeMemory(mStream, (q - from) * words + w, out[w]);
            }
            s.writeMemory(mEnc, q, (long)p << ScSynapses.LFSR_BITS | next);
        }
    }

    /** The delivery of a fan-out payload: a fixed weight, or ±popcount(input stream AND weight stream). */
    long deliver(final Signals s, final long payload)
    {
        if ((payload >>> (payloadBits - 1) & 1) == 0)
        {
            return org.scfabric.hw.Bits.lowSigned(payload, fixedBits) & dlvMask;
        }
        final int enc = (int)(payload >>> romBits) & ((1 << encBits) - 1);
        final int stream = (int)(payload & ((1L << romBits) - 1));
        final boolean neg = (payload >>> (encBits + romBits) & 1) != 0;
        int pc = 0;
        final int slots = sc.maxEncodersPerSource();
        final int streams = sc.streams();
        if (enc < slots && stream < streams)
        {
            for (int w = 0; w < words; w++)
            {
                pc += Long.bitCount(s.readMemory(mStream, enc * words + w) & s.readMemory(mRom, stream * words + w));
            }
        }
        // a faulty index that points past a memory reads nothing (0)
        return (neg ? -pc : pc) & dlvMask;
    }
}
