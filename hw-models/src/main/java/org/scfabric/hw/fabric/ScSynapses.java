package org.scfabric.hw.fabric;

import org.scfabric.hw.sc.LfsrTaps;

/**
 * The stochastic-computing synapses of a {@link MappedNetwork} ({@code --arith sc}; docs/fabric.md "SC synapses",
 * the unrolled twin is {@code scfabric nir --arith sc}, docs/spec/hardware.md §2–§4):
 * <ul>
 *   <li>per source (neuron or input channel) and weighted node it feeds, one input encoder: a 16-bit LFSR and a
 *       comparator of input {@code p} ({@link #encInit}, {@link #encP}); when the source spikes the encoder runs
 *       L cycles and its L bits become the source's stream (an encoder whose source is quiet is clock-gated);</li>
 *   <li>the weight-stream ROM: per weight of every weighted node its L bits (the weight encoder is reset every
 *       step, so they are the same each step), {@link #words} 64-bit words per stream;</li>
 *   <li>per SC synapse (its fan-out word): the source's encoder it reads ({@link #synEnc}, an index among the
 *       source's encoders), its ROM stream ({@link #synRom}) and the sign (the synapse's weight, ±1); a delivery is
 *       ±popcount(input stream AND weight stream), added into the target's accumulator;</li>
 *   <li>per neuron and group the popcount-to-current converter's range Y ({@link #range}; 0: the group is not fed
 *       by SC synapses but by fixed-point ones, e.g. an identity edge, and {@link #converts} is false: no
 *       converter, wiring): at the neuron's update the group's input is
 *       {@code trunc(Y · acc / L) + bias}, saturated.</li>
 * </ul>
 */
public final class ScSynapses
{
    /** The encoders' LFSR: 16 bits, the reference taps. */
    static final int LFSR_BITS = 16;
    private static final int TAPS = LfsrTaps.reference(LFSR_BITS);
    private static final int MASK = (1 << LFSR_BITS) - 1;

    final int bitstream;
    final int words;
    final int[] encStart;
    final int[] encInit;
    final int[] encP;
    final long[] rom;
    final int[] synEnc;
    final int[] synRom;
    final int[] range;
    final boolean[] converts;

    /**
     * @param bitstream L, a multiple of 64
     * @param encStart  per source its first encoder (CSR over the N + inputs sources, one more entry at the end)
     * @param encInit   per encoder the LFSR state after reset (seed ^ t_index)
     * @param encP      per encoder its comparator input (16 bits)
     * @param rom       the weight-stream ROM, {@code L / 64} words per stream
     * @param synEnc    per synapse its encoder among its source's, or −1 for a fixed-point synapse
     * @param synRom    per synapse its ROM stream (unused for a fixed-point synapse)
     * @param range     per neuron and group ({@code j·G + g}) the converter's range Y
     * @param converts  per neuron and group, whether SC synapses feed it (a converter), or fixed-point ones
     */
    public ScSynapses(final int bitstream, final int[] encStart, final int[] encInit, final int[] encP, final long[] rom,
        final int[] synEnc, final int[] synRom, final int[] range, final boolean[] converts)
    {
        if (bitstream < 64 || bitstream % 64 != 0)
        {
            throw new IllegalArgumentException("bitstream " + bitstream + " is not a positive multiple of 64");
        }
        if (rom.length % (bitstream / 64) != 0 || synEnc.length != synRom.length || encInit.length != encP.length
            || encStart[encStart.length - 1] != encInit.length)
        {
            throw new IllegalArgumentException("malformed SC synapses");
        }
        this.bitstream = bitstream;
        this.words = bitstream / 64;
        this.encStart = encStart.clone();
        this.encInit = encInit.clone();
        this.encP = encP.clone();
        this.rom = rom.clone();
        this.synEnc = synEnc.clone();
        this.synRom = synRom.clone();
        this.range = range.clone();
        this.converts = converts.clone();
    }

    public int bitstream()
    {
        return bitstream;
    }

    /** Input encoders in all. */
    public int encoders()
    {
        return encInit.length;
    }

    /** Streams in the weight-stream ROM. */
    public int streams()
    {
        return rom.length / words;
    }

    /** The most encoders of one source (the stream buffer holds one spike's streams). */
    public int maxEncodersPerSource()
    {
        int m = 1;
        for (int s = 0; s + 1 < encStart.length; s++)
        {
            m = Math.max(m, encStart[s + 1] - encStart[s]);
        }
        return m;
    }

    /** The first encoder of source {@code src} (sources: neurons, then input channels); {@code src = N + inputs}: all. */
    public int encoderStart(final int src)
    {
        return encStart[src];
    }

    /** Whether synapse e is an SC synapse. */
    public boolean sc(final int e)
    {
        return synEnc[e] >= 0;
    }

    /** Bits of a signed delivery: ±L. */
    public int deliveryBits()
    {
        return FabricParams.bitsFor(bitstream) + 1;
    }

    /** Bits of a converter range word (signed, as the Q8.8 core reads it). */
    public int rangeBits()
    {
        int b = 2;
        for (final int y : range)
        {
            while (!org.scfabric.hw.Bits.fitsSigned(y, b))
            {
                b++;
            }
        }
        return b;
    }

    /**
     * The encoder's L cycles from LFSR state {@code state} with comparator input {@code p}: bit i of word w is
     * {@code lfsr < p} on the state before shift 64·w + i ({@code sc_bitstream_encoder}); returns the state after.
     */
    static int stream(final int state, final int p, final long[] out, final int off, final int words)
    {
        final long pu = p & MASK;
        int r = state & MASK;
        for (int w = 0; w < words; w++)
        {
            long word = 0;
            for (int i = 0; i < 64; i++)
            {
                word |= (((r & 0xFFFF_FFFFL) - pu) >>> 63) << i;
                r = ((r << 1) & MASK) | (Integer.bitCount(r & TAPS) & 1);
            }
            out[off + w] = word;
        }
        return r;
    }

    /** The popcount-to-current converter: trunc(Y · acc / L) (Java's division truncates toward zero). */
    static long current(final long range, final long acc, final int bitstream)
    {
        return range * acc / bitstream;
    }
}
