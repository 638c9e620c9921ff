package org.scfabric.hw.fabric;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.hw.area.Area;
import org.scfabric.hw.area.AreaModel;
import org.scfabric.hw.area.Target;
import org.scfabric.hw.lif.CubaLifParams;

/**
 * The area of a {@link MappedNetwork} on the general fabric as its RTL ({@link MappedRtl},
 * {@code rtl/fabric/sc_mapped_fabric.v}) is built, counted from the RTL's registers and the logic around them:
 * <ul>
 *   <li>registers: per core the accumulators ({@code banks × groups × neurons} words of
 *       max(accumulator bits, W + 1)), v (and i with CubaLIF), the registered reads of the images, the issue
 *       pipeline; in the router the spike FIFOs ({@code (K + 1) × D} source ids), pointers, counts, the
 *       beat pipeline and the delivery words; the controller's step and phase; the input port;</li>
 *   <li>logic: each accumulator word's next value per port, the word multiplexers of the deliveries' and the
 *       result stage's reads, v/i and FIFO read multiplexers, the neuron datapath
 *       ({@link AreaModel#cubaLif}), counters, and the read-only images kept in LUTs;</li>
 *   <li>block RAM: only the read-only images large enough for Yosys to infer it ({@link #inBlockRam}).</li>
 * </ul>
 * Constant image columns (a parameter equal for all neurons, a bank or core number that is always 0) cost
 * nothing, as Yosys folds them. Held against Yosys 0.23 by {@code MappedAreaCalibrationTest} (golden
 * figures from bench/scripts/fabric-nir-area-calibrate.sh): FF within 10 %, LUT within 30 %, block RAMs
 * exact on the calibration graphs; docs/area.md ("The general fabric") has the table. A one-neuron graph
 * is not modelled (Yosys folds its whole datapath into constants). Brian2 neurons' extra state and logic are
 * counted from a sketch of their RTL made before {@code rtl/fabric/sc_brian2_unit.v} existed, and are not
 * calibrated against it (Yosys counts far less: docs/brian2.md).
 */
public final class MappedArea
{
    private MappedArea()
    {
    }

    /** The estimate of logic and memories; {@link #memoryBits} and {@link #blocks} break the memories down. */
    public static Area estimate(final FabricParams fp, final MappedNetwork net, final Target t)
    {
        return estimate(fp, net, t, 0, 0);
    }

    /**
     * The estimate of the RTL as {@link MappedRtl} writes it, register by register (see the class comment).
     * {@code steps} and {@code inputEvents} size the input port's stored stimulus ({@code in_start},
     * {@code in_channel}), which the synthesised top carries; 0, 0 leaves it out (a chip takes its input
     * events from outside).
     */
    public static Area estimate(final FabricParams fp, final MappedNetwork net, final Target t, final int steps,
        final int inputEvents)
    {
        final Placement pl = Placement.layered(fp.cores(), net.levelStarts(), net.phases());
        final Widths x = new Widths(fp, net);
        final boolean ice = t == Target.ICE40;
        final int w = net.width();
        final int p = fp.ports();
        final int lc = fp.coreLatency();
        final int lr = fp.csrLatency();
        final int k = fp.cores();
        long lut = 0;
        long ff = 0;
        long dsp = 0;
        final Area datapath = AreaModel.cubaLif(t, new CubaLifParams(w, net.fraction(), 0, 0, 1));
        for (int c = 0; c < k; c++)
        {
            final long mem = Math.max(1, pl.size(c));
            final long words = (long)net.banks() * net.groups() * mem;     // accumulator words
            // registers: accumulators, v (and i), the registered reads of the images, the issue pipeline
            ff += words * x.acw + mem * w * (x.current ? 2 : 1) + w * (x.current ? 2L : 1L)
                + (mem > 1 ? 2L * x.idb : 0) + x.parBits + x.biasBits + w
                + 2L * x.ab + (long)lc * (x.ab + 1) + 32 + x.ob + x.crb + 5;
            // each accumulator word: its next value (a delivery, the clear, or itself) per port; the reads
            // of the deliveries (one per port) and of the result stage (one per group) are word multiplexers
            lut += words * x.acw * p + p * (mux(t, words) * x.acw + x.acw)
                + net.groups() * (mux(t, net.banks() * mem) * x.acw + 2L * (x.acw + 2) + w);
            // v and i: a write enable per word, a read multiplexer
            lut += (x.current ? 2 : 1) * (mux(t, mem) * w + (ice ? 0 : mem));
            // the images in LUTs (block RAM when large enough), the neuron datapath, counters
            lut += rom(t, mem, x.parBits + (mem > 1 ? x.idb : 0) + x.biasBits) + rom(t, net.phases(), 2L * x.ab);
            lut += datapath.lut() + 2L * x.ab + x.crb + 32 + w;
            dsp += datapath.dsp();
            if (net.brian2 != null)
            {
                // Brian2 neurons (not calibrated against sc_brian2_unit.v): per neuron its currents and refractory counter
                // as registers with a write enable and a read multiplexer each, the counter's increment and
                // compares, per current a saturating add and a multiply by r, and the per-variable input sums
                final int cur = net.brian2.currents;
                final int cb = net.brian2.counterBits();
                ff += mem * ((long)cur * w + cb);
                lut += cur * (mux(t, mem) * w + (ice ? 0 : mem)) + mux(t, mem) * cb + (ice ? 0 : mem)
                    + 4L * cb + (long)cur * (datapath.lut() / 2 + 2L * w) + (cur + 1L) * 2 * w;
                dsp += cur;
            }
        }
        // router: the spike FIFOs in registers (write enables, a read multiplexer over all of them),
        // pointers and counts, the row and fan-out images, the beat pipeline and the deliveries
        final int nf = x.nf;
        final long fifoWords = (long)nf * fp.fifoDepth();
        ff += fifoWords * x.idb + nf * (2L * x.pb + x.db + 1) + 2 + FabricParams.bitsFor(lr)
            + (nf > 1 ? x.rb : 0) + 2L * x.sb + x.eb + x.rlb + 2L * p * x.fw + (long)lr * p
            + (lr - 1L) * x.sb + p + 1;
        lut += fifoWords * (ice ? 0 : 1) + mux(t, fifoWords) * x.idb + nf * (2L * x.pb + 2L * x.db + 2)
            + 2L * x.sb + x.eb + 2L * p * x.fw;
        lut += rom(t, net.size() + net.inputs(), x.eb + x.rlb) + rom(t, Math.max(1, net.synapses()) + p, x.fw);
        if (net.sc() != null)
        {
            final long[] a = scUnits(fp, net, t);
            lut += a[0];
            ff += a[1];
            dsp += a[2];
        }
        // controller and input port
        ff += 2 + 1 + x.phb + 32 + x.ob;
        lut += 32 + x.phb + x.ob + 4;
        if (x.port && steps > 0)
        {
            final int evb = FabricParams.bitsFor(Math.max(1, inputEvents));
            final int chb = FabricParams.bitsFor(Math.max(1, net.inputs() - 1));
            ff += 2L * evb + x.crb + 1 + x.idb + 2;
            lut += rom(t, steps + 1L, evb) + rom(t, Math.max(1, inputEvents), chb) + 3L * evb + x.idb + x.crb;
        }
        return new Area(lut, ff, blockBits(fp, net, t)[0], dsp);
    }

    /**
     * The SC synapse datapath ({@link ScSynapseUnit}, docs/fabric.md "SC synapses"), {LUT, FF, DSP}, estimated from its
     * structure; held against Yosys on one graph only (a random 12-neuron LIF network, L = 64, K = 2: the whole
     * estimate +16 % LUT, +16 % FF), not calibrated:
     * <ul>
     *   <li>encoder unit: E_max encoder slots side by side, each an LFSR unrolled 64 steps (a 4-input XOR per step)
     *       and 64 16-bit comparators on carry chains (16 LUT each), the slot's LFSR register and the read and
     *       write-back multiplexers of the E LFSR states (registers, 16 bits each; the comparator inputs are
     *       constants of the network: a spike is 0xFFFF);</li>
     *   <li>stream buffer: E_max × L flip-flops; per port an L-bit AND and popcount (≈ L full adders: 2 LUT4 or 1
     *       LUT6 each) and the stream buffer's read multiplexer;</li>
     *   <li>per core the popcount-to-current converter: Y · acc (one DSP on xc7; on iCE40 Yosys 0.23 maps no
     *       SB_MAC16, as for the Q8.8 datapath) and the truncating division by L (a shift and sign correction, acw
     *       LUT, for L a power of two; a second DSP for a reciprocal multiply otherwise), and the range image;</li>
     *   <li>the weight-stream ROM: an image of streams × L bits ({@link #blockBits}).</li>
     * </ul>
     */
    static long[] scUnits(final FabricParams fp, final MappedNetwork net, final Target t)
    {
        final ScSynapses sc = net.sc();
        final boolean ice = t == Target.ICE40;
        final long l = sc.bitstream();
        final long slots = sc.maxEncodersPerSource();
        final long enc = Math.max(1, sc.encoders());
        final int p = fp.ports();
        final Placement pl = Placement.layered(fp.cores(), net.levelStarts(), net.phases());
        final int acw = Math.max(net.accumulatorBits(), net.width() + 1);
        long lut = slots * (64L + 64L * 16 + mux(t, enc) * 16) + enc * 16L * (ice ? 1 : 0);
        long ff = enc * 16L + slots * 16L + slots * l;
        lut += p * ((ice ? 2L : 1L) * l + mux(t, slots) * l);
        final boolean pow2 = Long.bitCount(l) == 1;
        long dsp = 0;
        for (int c = 0; c < fp.cores(); c++)
        {
            final long mem = Math.max(1, pl.size(c));
            lut += acw + rom(t, mem * net.groups(), sc.rangeBits());
            ff += 16 + acw;
            dsp += ice ? 0 : pow2 ? 1 : 2;
        }
        return new long[] {lut, ff, dsp};
    }

    /**
     * LUTs of an n-to-1 multiplexer of one bit with its select decoding: n − 1 on both targets (on xc7 the select
     * logic of the accumulator and FIFO reads is not shared well enough for LUT6 4:1 packing to show; the
     * calibration graphs fit n − 1, not n / 3).
     */
    static long mux(final Target t, final long n)
    {
        if (n <= 1)
        {
            return 0;
        }
        return n - 1;
    }

    /**
     * LUTs of a read-only image of {@code depth} words of {@code width} bits kept in logic: per bit, a LUT per
     * 16 (LUT4) or 64 (LUT6) words plus the multiplexer joining them; 0 when the image goes to block RAM.
     */
    static long rom(final Target t, final long depth, final long width)
    {
        if (width <= 0 || depth <= 1 || inBlockRam(t, depth, width))
        {
            return 0;
        }
        final long per = t == Target.ICE40 ? 16 : 64;
        final long leaves = (depth + per - 1) / per;
        return width * (leaves + mux(t, leaves));
    }

    /**
     * Whether Yosys 0.23 maps a read-only image to block RAM: from 128 words and 2 kbit on iCE40, 9 kbit on xc7
     * (bracketed by the calibration graphs: a 200-word 4-kbit fan-out image went to two SB_RAM40_4K on iCE40 and
     * to LUTs on xc7, braille's 47-kbit one to block RAM on both, its 45-word parameter image and every image
     * under 1 kbit to LUTs).
     */
    static boolean inBlockRam(final Target t, final long depth, final long width)
    {
        return depth >= 128 && depth * width >= (t == Target.ICE40 ? 2048 : 9216);
    }

    /** The RTL's widths ({@link MappedRtl}) and which images carry more than a constant. */
    private static final class Widths
    {
        final int idb;
        final int ab;
        final int ob;
        final int acw;
        final int crb;
        final int pb;
        final int db;
        final int rb;
        final int sb;
        final int eb;
        final int rlb;
        final int fw;
        final int phb;
        final int nf;
        final boolean port;
        final boolean current;
        final long parBits;
        final long biasBits;

        Widths(final FabricParams fp, final MappedNetwork net)
        {
            final Placement pl = Placement.layered(fp.cores(), net.levelStarts(), net.phases());
            final int w = net.width();
            final int g = net.groups();
            idb = FabricParams.bitsFor(net.size() + net.inputs() - 1);
            ab = FabricParams.bitsFor(Math.max(1, pl.maxSize()));
            // a bank or core number that is always 0 is a constant: Yosys removes its registers and logic
            ob = net.banks() > 1 ? FabricParams.bitsFor(net.banks() - 1) : 0;
            final int kb = fp.cores() > 1 ? FabricParams.bitsFor(fp.cores() - 1) : 0;
            final int gb = g > 1 ? FabricParams.bitsFor(g - 1) : 0;
            acw = Math.max(Math.max(net.accumulatorBits(), w + 1), net.weightBits());
            crb = FabricParams.bitsFor(fp.fifoDepth());
            pb = FabricParams.bitsFor(fp.fifoDepth() - 1);
            db = FabricParams.bitsFor(fp.fifoDepth());
            port = net.inputs() > 0;
            nf = fp.cores() + (port ? 1 : 0);
            rb = FabricParams.bitsFor(nf - 1);
            final int nsyn = Math.max(1, net.synapses());
            eb = FabricParams.bitsFor(nsyn);
            sb = FabricParams.bitsFor(nsyn + 2L * fp.ports());
            rlb = FabricParams.bitsFor(Math.max(1, net.maxRowLength()));
            fw = kb + ab + ob + gb + (net.sc() == null ? net.weightBits() : net.scPayloadLayout()[0]);
            phb = FabricParams.bitsFor(Math.max(1, net.phases() - 1));
            boolean cur = false;
            final boolean[] kinds = new boolean[4];
            boolean fires = false;
            boolean quiet = false;
            boolean groupsVary = false;
            for (int j = 0; j < net.size(); j++)
            {
                cur |= net.kind(j) == MappedNetwork.CURRENT;
                kinds[net.kind(j)] = true;
                fires |= net.fires(j);
                quiet |= !net.fires(j);
                groupsVary |= net.groupCount[j] != net.groupCount[0];
            }
            current = cur;
            int nk = 0;
            for (final boolean b : kinds)
            {
                nk += b ? 1 : 0;
            }
            // the parameter word: W bits per parameter that differs between neurons, kind, fires, observed and
            // group-count bits only where they differ (constant columns of an image are constants)
            parBits = (long)(net.parameterWordsPerNeuron() + brian2Words(net)) * w + (nk > 1 ? 2 : 0) + (fires && quiet ? 1 : 0) + 1
                + (groupsVary ? FabricParams.bitsFor(g) : 0);
            boolean bias = false;
            for (final int b : net.bias)
            {
                bias |= b != 0;
            }
            biasBits = bias ? (long)g * (w + 32) : 0;
        }
    }

    /** Each memory's bits (the per-core memories summed over the cores). */
    public static Map<String, Long> memoryBits(final FabricParams fp, final MappedNetwork net)
    {
        final Map<String, Long> m = new LinkedHashMap<>();
        for (final long[] mem : memories(fp, net))
        {
            if (mem[0] == 10 && mem[1] * mem[2] == 0)
            {
                continue;   // no Brian2 neurons: the entry is left out, as before they existed
            }
            if (mem[0] >= 6 && mem[0] <= 9 && net.sc() == null)
            {
                continue;   // no SC datapath
            }
            final String name = MEMORY_NAMES[(int)mem[0]];
            m.merge(name, mem[1] * mem[2], Long::sum);
        }
        return m;
    }

    private static final String[] MEMORY_NAMES = {"v", "i", "parameters", "accumulators", "rows", "fanout",
        "sc_encoders", "sc_stream", "sc_wrom", "sc_range", "brian2 state"};

    /** A Brian2 network's k_syn and r words that differ between neurons (parameter memory words). */
    private static int brian2Words(final MappedNetwork net)
    {
        return net.brian2 == null ? 0 : net.brian2.varyingWords();
    }

    /** Memories as (name index, depth, width), per core for the state and once for the router. */
    private static long[][] memories(final FabricParams fp, final MappedNetwork net)
    {
        final Placement pl = Placement.layered(fp.cores(), net.levelStarts(), net.phases());
        final int w = net.width();
        boolean current = false;
        for (int j = 0; j < net.size(); j++)
        {
            current |= net.kind(j) == MappedNetwork.CURRENT;
        }
        final int params = net.parameterWordsPerNeuron() + brian2Words(net);
        // a Brian2 neuron's currents and refractory counter
        final long b2Bits = net.brian2 == null ? 0 : (long)net.brian2.currents * w + net.brian2.counterBits();
        final long accWidth = (long)net.groups() * net.banks() * net.accumulatorBits();
        final int k = fp.cores();
        final long[][] out = new long[6 * k + 5][];
        int n = 0;
        for (int c = 0; c < k; c++)
        {
            final long s = pl.size(c);
            out[n++] = new long[] {0, s, w};
            out[n++] = new long[] {1, current ? s : 0, w};
            out[n++] = new long[] {2, s, (long)params * w};
            out[n++] = new long[] {3, s, accWidth};
            out[n++] = new long[] {10, b2Bits > 0 ? s : 0, b2Bits};
        }
        final int sources = net.size() + net.inputs();
        final int eb = FabricParams.bitsFor(Math.max(1, net.synapses()));
        final int lb = FabricParams.bitsFor(Math.max(1, net.maxRowLength()));
        out[n++] = new long[] {4, sources, eb + lb};
        final ScSynapses sc = net.sc();
        out[n++] = new long[] {5, net.synapses(), FabricParams.bitsFor(net.size() - 1)
            + FabricParams.bitsFor((long)net.banks() * net.groups() - 1)
            + (sc == null ? net.weightBits() : net.scPayloadLayout()[0])};
        // the SC datapath: LFSR states, the routed spike's streams, the weight-stream ROM, the converters' ranges
        out[n++] = new long[] {6, sc == null ? 0 : sc.encoders(), 16};
        out[n++] = new long[] {7, sc == null ? 0 : sc.maxEncodersPerSource(), sc == null ? 0 : sc.bitstream()};
        out[n++] = new long[] {8, sc == null ? 0 : sc.streams(), sc == null ? 0 : sc.bitstream()};
        for (int c = 0; c < k; c++)
        {
            out[n++] = new long[] {9, sc == null ? 0 : (long)pl.size(c) * net.groups(), sc == null ? 0 : sc.rangeBits()};
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Block RAMs of the images Yosys puts in block RAM ({@link #inBlockRam}): the per-core parameter, neuron-id
     * and bias images, the row and the fan-out images, packed by bits (Yosys splits a deep image over blocks):
     * SB_RAM40_4K 4 kbit, RAMB18 18 kbit. The accumulators, v, i and the FIFOs are registers in the RTL.
     */
    public static long blocks(final FabricParams fp, final MappedNetwork net, final Target t)
    {
        return blockBits(fp, net, t)[1];
    }

    /** {bits in block RAM, blocks}. */
    private static long[] blockBits(final FabricParams fp, final MappedNetwork net, final Target t)
    {
        final Placement pl = Placement.layered(fp.cores(), net.levelStarts(), net.phases());
        final Widths x = new Widths(fp, net);
        final long per = t == Target.ICE40 ? 4096 : 18432;
        long bits = 0;
        long blocks = 0;
        final java.util.List<long[]> images = new java.util.ArrayList<>();
        for (int c = 0; c < fp.cores(); c++)
        {
            final long mem = Math.max(1, pl.size(c));
            images.add(new long[] {mem, x.parBits + (mem > 1 ? x.idb : 0) + x.biasBits});
        }
        images.add(new long[] {net.size() + net.inputs(), x.eb + x.rlb});
        images.add(new long[] {Math.max(1, net.synapses()) + fp.ports(), x.fw});
        if (net.sc() != null)
        {
            // the weight-stream ROM, read L bits wide
            images.add(new long[] {net.sc().streams(), net.sc().bitstream()});
        }
        for (final long[] im : images)
        {
            if (im[0] > 1 && im[1] > 0 && inBlockRam(t, im[0], im[1]))
            {
                bits += im[0] * im[1];
                // Yosys splits a deep image over blocks; a shallow one still takes a block per 16 (iCE40) or
                // 18 bits of width
                blocks += Math.max((im[0] * im[1] + per - 1) / per, (im[1] + (per == 4096 ? 15 : 17)) / (per == 4096 ? 16 : 18));
            }
        }
        return new long[] {bits, blocks};
    }
}
