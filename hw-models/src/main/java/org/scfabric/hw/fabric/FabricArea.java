package org.scfabric.hw.fabric;

import org.scfabric.hw.area.Area;
import org.scfabric.hw.area.AreaModel;
import org.scfabric.hw.area.Target;

/**
 * The area estimate of a fabric, built from the component area models of {@link AreaModel} plus the
 * parts only the fabric has. Per core: the LIF datapath with constant leak and gain
 * ({@link AreaModel#lifDatapath}), the 16-step leap of the 32-bit drive LFSR ({@link AreaModel#lfsrLeap}),
 * the input-current and read-modify-write adders and the issue/credit counters ({@link AreaModel#adder},
 * {@link AreaModel#counter}); its registers are counted from {@code rtl/fabric/sc_fabric.v} (pipeline,
 * issue control, read-modify-write; on Xilinx also the registered reads of the small memories, which
 * become LUT RAM there). The router: K FIFOs of D × ⌈log2 N⌉ bits (registers on iCE40, their read is
 * combinational; LUT RAM on Xilinx), pointers and counts, the FSM and the beat pipeline. The memories
 * (state, drive LFSRs, accumulators when P = 1, rows, fan-out) are block RAM bits ({@link #bramBlocks}).
 *
 * <p>What the component models cannot know — the Poisson threshold table, multiplexers around the
 * memories, the FSM's decode, what Yosys merges — is a small set of fabric "glue" terms (per core, per
 * FIFO bit, per extra pipeline stage, per accumulator register bit when P &gt; 1, a constant), fitted by
 * least squares to the residual of the parts against Yosys 0.23 on the seven Brunel fabrics of
 * {@code bench/scripts/fabric-synth.sh}. docs/fabric.md lists every point and its error.
 */
public final class FabricArea
{
    private FabricArea()
    {
    }

    /** XAPP052 taps 32, 22, 2, 1 of the drive LFSR (as in sc_fabric_core). */
    static final long DRIVE_TAPS = 0x80200003L;

    /** Glue of one target: LUT and FF per core, per FIFO bit, per extra stage (LC − 2), per accumulator bit (P > 1), constant. */
    private record Glue(double lutCore, double lutFifoBit, double lutPipe, double lutAccBit, double lutBase,
        double ffCore, double ffFifoBit, double ffPipe, double ffAccBit, double ffBase, int dspPerCore)
    {
    }

    // Least squares on the residual (Yosys − parts) of the seven Brunel fabrics of fabric-synth.sh (docs/fabric.md).
    // ICE40 per core: the Poisson threshold table, memory-port multiplexers and registers Yosys keeps outside
    // the block RAMs. XC7 per core FF is negative: Yosys folds ~42 of the registers counted into LUT-RAM reads.
    private static final Glue ICE40 = new Glue(539.096, 1.140, 11.122, 3.451, -37.884,
        181.352, -0.077, 2.527, -0.137, 36.404, 0);
    private static final Glue XC7 = new Glue(303.289, 0.585, 0.099, 2.166, -114.042,
        -41.755, 0.019, 0.980, 0.031, 3.027, 2);

    static Target target(final FabricSynth.Target t)
    {
        return t == FabricSynth.Target.ICE40 ? Target.ICE40 : Target.XC7;
    }

    /** The estimate: {@link #parts} plus the fitted glue. */
    public static Area estimate(final FabricParams fp, final FabricNetwork net, final FabricSynth.Target t)
    {
        final Glue g = t == FabricSynth.Target.ICE40 ? ICE40 : XC7;
        final Area parts = parts(fp, net, t);
        final int k = fp.cores();
        final int w = net.lif().dataWidth();
        final double scale = w / 16.0;
        final double fifoBits = (double) k * fp.fifoDepth() * fp.idBits();
        final double accBits = fp.ports() > 1 ? 2.0 * fp.neurons() * w * (fp.ports() - 1) : 0;
        final double stages = (double) k * (fp.coreLatency() - 2);
        final double lut = parts.lut() + g.lutCore * k * scale + g.lutFifoBit * fifoBits + g.lutPipe * stages
            + g.lutAccBit * accBits + g.lutBase;
        final double ff = parts.ff() + g.ffCore * k * scale + g.ffFifoBit * fifoBits + g.ffPipe * stages
            + g.ffAccBit * accBits + g.ffBase;
        return new Area(Math.max(0, Math.round(lut)), Math.max(0, Math.round(ff)), parts.bramBits(),
            (long) g.dspPerCore * k);
    }

    /** The parts the component models and the RTL's registers give, before the glue (BRAM bits included). */
    public static Area parts(final FabricParams fp, final FabricNetwork net, final FabricSynth.Target ft)
    {
        final Target t = target(ft);
        final int w = net.lif().dataWidth();
        final int k = fp.cores();
        final int d = fp.fifoDepth();
        final int p = fp.ports();
        final int lc = fp.coreLatency();
        final int lr = fp.csrLatency();
        final int idb = fp.idBits();
        final int rcb = FabricParams.bitsFor(net.lif().refractoryPeriod());
        final int crb = FabricParams.bitsFor(d);
        Area a = Area.ZERO;
        for (int c = 0; c < k; c++)
        {
            final int ab = FabricParams.bitsFor(fp.coreSize(c) - 1);
            // datapath: drive leap, kicks · J_ext + accumulator, the LIF with constant leak and gain
            a = a.plus(AreaModel.lifDatapath(t, net.lif(), net.leak(), net.gain()))
                .plus(AreaModel.lfsrLeap(t, 32, DRIVE_TAPS, 16))
                .plus(AreaModel.adder(t, w));
            // issue: address counter, credit counter; pipeline valid and address registers
            a = a.plus(AreaModel.counter(t, ab)).plus(AreaModel.counter(t, crb))
                .plus(new Area(0, 5L + idb + lc + (long) lc * ab, 0, 0));   // push_valid/id, busy, issuing, par, ret
            if (lc >= 2)
            {
                a = a.plus(new Area(0, 32L + 2L * w + rcb, 0, 0));            // drive stage registers
            }
            if (p == 1)
            {
                // read-modify-write of the accumulator bank: adder, two address and data stages
                a = a.plus(AreaModel.adder(t, w)).plus(new Area(0, 2L + 2L * ab + 2L * w, 0, 0));
            }
            else
            {
                a = a.plus(AreaModel.adder(t, (long) p * w)).plus(new Area(0, 2L * fp.coreSize(c) * w + w, 0, 0));
            }
            if (t == Target.XC7)
            {
                a = a.plus(new Area(0, (long) w + rcb + 32 + (p == 1 ? 2L * w : 0), 0, 0));  // LUT-RAM reads
            }
        }
        // router: FIFOs (registers on iCE40, LUT RAM on Xilinx), pointers and counts, FSM, beats, delivery
        final int db = FabricParams.bitsFor(d);
        final int pb = FabricParams.bitsFor(d - 1);
        final int eb = FabricParams.bitsFor(Math.max(1, net.synapses()));
        final long fifoBits = (long) k * d * idb;
        a = a.plus(t == Target.ICE40 ? new Area(0, fifoBits, 0, 0) : Area.ZERO)
            .plus(AreaModel.counter(t, pb).plus(AreaModel.counter(t, pb)).plus(AreaModel.counter(t, db)).times(k))
            .plus(AreaModel.counter(t, eb)).plus(AreaModel.adder(t, eb))
            .plus(new Area(0, k + 2L + FabricParams.bitsFor(lr) + FabricParams.bitsFor(k - 1) + idb + eb + 1
                + (long) lr * (p + eb) + p + (long) p * (idb + w) + 1, 0, 0));
        // controller: step counter, run state, start, par
        a = a.plus(AreaModel.counter(t, 32)).plus(new Area(0, 4, 0, 0));
        final long blocks = bramBlocks(fp, net, ft);
        return a.plus(new Area(0, 0, ft == FabricSynth.Target.ICE40 ? blocks * 4096 : blocks * 18432, 0));
    }

    /** Block RAMs: iCE40 SB_RAM40_4K (256 x 16), Xilinx RAMB18 (only the fan-out memory is large enough). */
    public static long bramBlocks(final FabricParams fp, final FabricNetwork net, final FabricSynth.Target t)
    {
        final int w = net.lif().dataWidth();
        final long fanoutBits = (long)Math.max(1, net.synapses()) * (fp.idBits() + w);
        if (t == FabricSynth.Target.XC7)
        {
            return fanoutBits > 8192 ? (fanoutBits + 18431) / 18432 : 0;
        }
        long blocks = 0;
        for (int c = 0; c < fp.cores(); c++)
        {
            final long depth = (fp.coreSize(c) + 255) / 256;
            // v (W), drive LFSR (32), accumulators (2 x W, P = 1 only); the refractory count shares a block
            blocks += depth * ((w + 15) / 16 + 2 + (fp.ports() == 1 ? 2L * ((w + 15) / 16) : 0));
        }
        blocks += (fp.neurons() + 255) / 256;                  // rows
        blocks += Math.max(1, (fanoutBits + 4095) / 4096);     // fan-out
        return blocks;
    }
}
