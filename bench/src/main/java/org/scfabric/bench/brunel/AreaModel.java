package org.scfabric.bench.brunel;

import org.scfabric.hw.area.Area;

/**
 * Area estimates of the hardware variants, summed from per-component counts. This is the one
 * place where they live: a first cut from the iCE40 synthesis figures of docs/components.md
 * (Yosys {@code synth_ice40} at default parameters) and plain register/memory bit counts, to be
 * refined by the area model (which will replace these constants, not the callers).
 *
 * <p>Counts per component:
 * <ul>
 *   <li>Q8.8 LIF core: 49 FF (v 16, rc 32, spike 1), 1360 LUT; W = 32: 65 FF, LUTs ×4 (the two
 *       multipliers grow with W²), no DSP (iCE40 maps multipliers to LUTs).</li>
 *   <li>input adder and accumulator of a neuron: W FF + 2·W LUT.</li>
 *   <li>LFSR encoder 18 FF, 51 LUT; Sobol encoder 34 FF, 127 LUT; AND synapse 1 LUT;
 *       popcount accumulator 33 FF, 56 LUT; popcount-to-current 762 LUT (a divider).</li>
 *   <li>float64 LIF of the hybrid variants (a floating-point datapath: add, multiply, compare):
 *       65 FF, 1200 LUT, 3 DSP — a placeholder.</li>
 *   <li>drive register: 8 FF per neuron; memories: their bits as block RAM.</li>
 * </ul>
 */
public final class AreaModel
{
    static final Area LIF_Q8_8 = new Area(1360, 49, 0, 0);
    static final Area LFSR_ENCODER = new Area(51, 18, 0, 0);
    static final Area SOBOL_ENCODER = new Area(127, 34, 0, 0);
    static final Area AND_SYNAPSE = new Area(1, 0, 0, 0);
    static final Area POPCOUNT_ACC = new Area(56, 33, 0, 0);
    static final Area POPCOUNT_TO_CURRENT = new Area(762, 0, 0, 0);
    static final Area FLOAT_LIF = new Area(1200, 65, 0, 3);
    static final int DRIVE_BITS = DriveSource.WIDTH;

    private AreaModel()
    {
    }

    /** A LIF core of data width w. */
    static Area lif(final int w)
    {
        if (w == 16)
        {
            return LIF_Q8_8;
        }
        final long scale = (long)w * w / 256;
        return new Area(LIF_Q8_8.lut() * scale, w + 32 + 1, 0, 0);
    }

    /** Input adder plus accumulator of one neuron, w bits. */
    static Area accumulator(final int w)
    {
        return new Area(2L * w, w, 0, 0);
    }

    static Area driveRegisters(final int n)
    {
        return new Area(0, (long)DRIVE_BITS * n, 0, 0);
    }

    /** V3 / V11: N LIF cores, accumulators, crossbar and axon-weight memories, constants, drive. */
    static Area fixedPointCore(final int n, final int w)
    {
        final long words = (n + 63L) / 64;
        return lif(w).plus(accumulator(w)).times(n)
            .plus(new Area(0, 3L * w, 64L * n * words + (long)w * n, 0))
            .plus(driveRegisters(n));
    }

    /** V4 / V14: per neuron a presynaptic and a weight encoder, an AND, a popcount, a float LIF. */
    static Area hybrid(final int n, final boolean sobol)
    {
        final long words = (n + 63L) / 64;
        final Area enc = sobol ? SOBOL_ENCODER : LFSR_ENCODER;
        return enc.times(2).plus(AND_SYNAPSE).plus(POPCOUNT_ACC).plus(FLOAT_LIF).times(n)
            .plus(new Area(0, 3L * 16, 64L * n * words, 0))
            .plus(driveRegisters(n));
    }

    /** V13: pre encoders, post × pre weight encoders and ANDs, a popcount and current per post neuron, Q8.8 LIFs. */
    static Area dotProduct(final int post, final int pre)
    {
        return LFSR_ENCODER.times(pre)
            .plus(LFSR_ENCODER.plus(AND_SYNAPSE).times((long)post * pre))
            .plus(POPCOUNT_ACC.plus(POPCOUNT_TO_CURRENT).plus(lif(16)).plus(accumulator(16)).times(post))
            .plus(driveRegisters(post));
    }

    /** V2 / V17: input encoders, one weight encoder, AND and shared popcount per crosspoint, a weight memory. */
    static Area scLayer(final int in, final int out)
    {
        return LFSR_ENCODER.times(in)
            .plus(LFSR_ENCODER.plus(AND_SYNAPSE).times((long)in * out))
            .plus(POPCOUNT_ACC.times(out))
            .plus(new Area(0, 0, 16L * in * out, 0));
    }
}
