package org.scfabric.bench.brunel;

import org.scfabric.hw.area.Area;
import org.scfabric.hw.area.Target;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.hw.sc.LfsrTaps;

/**
 * Area of the hardware variants, summed from the component area models of
 * {@link org.scfabric.hw.area.AreaModel} (calibrated against Yosys, docs/area.md) for a target
 * (default iCE40: the figures in results.json). Each variant is unrolled: it instantiates its
 * components once per neuron (or per crosspoint), and this class only says how many of which; the
 * per-component figures all come from the models. Register and memory bits are counted from their
 * sizes (BRAM bits are the memories' bits, not rounded up to blocks).
 *
 * <p>The float64 LIF of the hybrid variants V4 / V14 has no Verilog and no area model: it is
 * <b>not counted</b> (their area is the stochastic front end, the popcounts and the memories).
 */
public final class VariantAreaModel
{
    /** The target of the results.json figures. */
    public static final Target DEFAULT_TARGET = Target.ICE40;

    /** Width of the LFSR / comparator encoders of the SC variants (16-bit streams). */
    static final int ENCODER_WIDTH = 16;
    static final int DRIVE_BITS = DriveSource.WIDTH;

    private VariantAreaModel()
    {
    }

    /** The area of a hardware variant of N neurons, or null for a software variant. */
    public static Area of(final Variant v, final int neurons, final Target t)
    {
        return switch (v)
        {
            case V3 -> fixedPointCore(t, neurons, LifParams.Q8_8);
            case V11 -> fixedPointCore(t, neurons, LifParams.Q16_12);
            case V4 -> hybrid(t, neurons, false);
            case V14 -> hybrid(t, neurons, true);
            case V13 -> dotProduct(t, Math.min(BrunelTranslator.DOT_UNITS, neurons),
                Math.min(BrunelTranslator.DOT_UNITS, neurons));
            case V2, V17 -> scLayer(t, Math.min(BrunelTranslator.LAYER_UNITS, neurons),
                Math.min(BrunelTranslator.LAYER_UNITS, neurons));
            default -> null;
        };
    }

    static LifParams lifOfWidth(final int w)
    {
        return w == 16 ? LifParams.Q8_8 : w == 32 ? LifParams.Q16_12
            : new LifParams(w, w / 2, 0, 0, 1 << (w / 2), 0);
    }

    /** Input adder plus accumulator of one neuron, w bits: two w-bit adders and a w-bit register. */
    static Area accumulator(final Target t, final int w)
    {
        return org.scfabric.hw.area.AreaModel.adder(t, 2L * w).plus(new Area(0, w, 0, 0));
    }

    static Area driveRegisters(final int n)
    {
        return new Area(0, (long) DRIVE_BITS * n, 0, 0);
    }

    private static Area lfsrEncoder(final Target t)
    {
        return org.scfabric.hw.area.AreaModel.lfsrEncoder(t, ENCODER_WIDTH, LfsrTaps.maximal(ENCODER_WIDTH));
    }

    /** 16-bit popcount accumulator (count and stream length). */
    private static Area popcountAcc(final Target t)
    {
        return org.scfabric.hw.area.AreaModel.popcountAccumulator(t, 16, 16);
    }

    static Area fixedPointCore(final int n, final int w)
    {
        return fixedPointCore(DEFAULT_TARGET, n, lifOfWidth(w));
    }

    /** V3 / V11: N LIF cores, accumulators, crossbar and axon-weight memories, constants, drive. */
    static Area fixedPointCore(final Target t, final int n, final LifParams lif)
    {
        final int w = lif.dataWidth();
        final long words = (n + 63L) / 64;
        return org.scfabric.hw.area.AreaModel.lif(t, lif).plus(accumulator(t, w)).times(n)
            .plus(new Area(0, 3L * w, 64L * n * words + (long) w * n, 0))
            .plus(driveRegisters(n));
    }

    static Area hybrid(final int n, final boolean sobol)
    {
        return hybrid(DEFAULT_TARGET, n, sobol);
    }

    /** V4 / V14: per neuron a presynaptic and a weight encoder (Sobol dimensions 1 and 2), an AND, a popcount. */
    static Area hybrid(final Target t, final int n, final boolean sobol)
    {
        final long words = (n + 63L) / 64;
        final Area enc = sobol
            ? org.scfabric.hw.area.AreaModel.sobolEncoder(t, 1).plus(org.scfabric.hw.area.AreaModel.sobolEncoder(t, 2))
            : lfsrEncoder(t).times(2);
        return enc.plus(org.scfabric.hw.area.AreaModel.synapse(t, 1)).plus(popcountAcc(t)).times(n)
            .plus(new Area(0, 3L * 16, 64L * n * words, 0))
            .plus(driveRegisters(n));
    }

    static Area dotProduct(final int post, final int pre)
    {
        return dotProduct(DEFAULT_TARGET, post, pre);
    }

    /** V13: pre encoders, post × pre weight encoders and ANDs, a popcount and current per post neuron, Q8.8 LIFs. */
    static Area dotProduct(final Target t, final int post, final int pre)
    {
        return lfsrEncoder(t).times(pre)
            .plus(lfsrEncoder(t).plus(org.scfabric.hw.area.AreaModel.synapse(t, 1)).times((long) post * pre))
            .plus(popcountAcc(t).plus(org.scfabric.hw.area.AreaModel.popcountToCurrent(t, pre))
                .plus(org.scfabric.hw.area.AreaModel.lif(t, LifParams.Q8_8)).plus(accumulator(t, 16)).times(post))
            .plus(driveRegisters(post));
    }

    static Area scLayer(final int in, final int out)
    {
        return scLayer(DEFAULT_TARGET, in, out);
    }

    /** V2 / V17: input encoders, one weight encoder, AND and shared popcount per crosspoint, a weight memory. */
    static Area scLayer(final Target t, final int in, final int out)
    {
        return lfsrEncoder(t).times(in)
            .plus(lfsrEncoder(t).plus(org.scfabric.hw.area.AreaModel.synapse(t, 1)).times((long) in * out))
            .plus(popcountAcc(t).times(out))
            .plus(new Area(0, 0, 16L * in * out, 0));
    }
}
