package org.scfabric.hw.fabric;

import org.scfabric.hw.area.Area;

/**
 * The area estimate of a fabric from its parts, before any synthesis: K neuron cores (LIF datapath,
 * LFSR leap and Poisson table, pipeline and read-modify-write registers, state and accumulators in
 * block RAM when P = 1, in registers when P > 1), K spike FIFOs of D × ⌈log2 N⌉ bits (registers:
 * their read is combinational), the router and the controller; memories in block RAM per word width
 * and depth.
 *
 * <p>The per-part coefficients were fitted to Yosys 0.23 ({@code synth_ice40}, {@code synth_xilinx},
 * flattened) of {@code rtl/fabric/sc_fabric.v} at Q8.8, N 16..64, K 1..4, D 4..32, P 1..2, LC 2..3
 * (docs/fabric.md lists the points and the errors); the core terms scale with W / 16 for Q16.12.
 * {@code scfabric fabric --synth} prints this estimate beside the synthesis figures, with the error.
 */
public final class FabricArea
{
    private FabricArea()
    {
    }

    /** One term per part: LUT = core·K + fifo·(K·D·IDB) + base + pipe·K·(LC − 2) + accRegs·(2·N·W) when P > 1. */
    private record Coeffs(double lutCore, double lutFifoBit, double lutBase, double lutPipe, double lutAccBit,
        double ffCore, double ffFifoBit, double ffBase, double ffPipe, double ffAccBit, int dspPerCore)
    {
    }

    private static final Coeffs ICE40 = new Coeffs(673.75, 1.406, 48.13, 30.46, 3.80, 330.27, 0.888, 154.04, -5.94,
        0.866, 0);
    private static final Coeffs XC7 = new Coeffs(517.12, 0.513, -84.85, 35.52, 2.33, 199.72, 0.157, 118.30, 6.74,
        0.958, 2);

    public static Area estimate(final FabricParams fp, final FabricNetwork net, final FabricSynth.Target t)
    {
        final Coeffs c = t == FabricSynth.Target.ICE40 ? ICE40 : XC7;
        final int k = fp.cores();
        final int w = net.lif().dataWidth();
        final double scale = w / 16.0;
        final double fifoBits = (double)k * fp.fifoDepth() * fp.idBits();
        final double accBits = fp.ports() > 1 ? 2.0 * fp.neurons() * w : 0;
        final double lut = c.lutCore * k * scale + c.lutFifoBit * fifoBits + c.lutBase
            + c.lutPipe * k * (fp.coreLatency() - 2) + c.lutAccBit * accBits * Math.max(1, fp.ports() - 1);
        final double ff = c.ffCore * k * scale + c.ffFifoBit * fifoBits + c.ffBase + c.ffPipe * k * (fp.coreLatency() - 2)
            + c.ffAccBit * accBits;
        final long blocks = bramBlocks(fp, net, t);
        final long bits = t == FabricSynth.Target.ICE40 ? blocks * 4096 : blocks * 18432;
        return new Area(Math.max(0, Math.round(lut)), Math.max(0, Math.round(ff)), bits, (long)c.dspPerCore * k);
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
