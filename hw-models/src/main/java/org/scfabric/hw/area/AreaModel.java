package org.scfabric.hw.area;

import org.scfabric.hw.lif.CubaLifParams;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.hw.sc.SobolDirections;

/**
 * Area models of the components: LUT, FF, BRAM bits and DSP as functions of their parameters, for
 * iCE40 ({@code synth_ice40}, LUT4) and Xilinx 7-series ({@code synth_xilinx -abc9}, LUT6).
 *
 * <p>Each model follows the structure of the Verilog in {@code rtl/}: flip-flops are counted
 * exactly (the registers Yosys keeps, after it merges equal ones); DSP48E1 tiles are counted the way
 * Yosys's {@code mul2dsp} splits a multiplier; LUTs are a sum of structural terms (bits of adders and
 * counters, partial-product bits of multipliers in LUTs, XOR trees, a divider by a constant) whose
 * coefficients were calibrated against Yosys 0.23 by a minimax fit of the relative error over many
 * parameter values (not only the table's). docs/area.md has the formulas and the errors.
 */
public final class AreaModel
{
    /** LUT coefficients of one target. */
    private record Coeffs(
        int lutInputs,
        double resetInverter,
        double encPerBit, double encPerTap, double encOddWidth, double encBase,
        double sobolPerXor, double sobolBase, double sobolEncPerXor, double sobolEncBase,
        double popCount, double popLen, double popBase,
        double p2cPerInput, int p2cShiftFrom, double p2cShiftDiv, double p2cBase, double p2cDivPerInput,
        double p2cDivPerBit, double p2cDivPerZero, double p2cDivBase,
        double lifPerProductBit, double lifPerBit, double lifPerPartialSumBit, double lifBase,
        double densePerInput, double densePerNeuron, double denseBase)
    {
    }

    // Calibrated against Yosys 0.23 (synth_ice40; synth_xilinx -abc9) by minimax fits of the relative LUT
    // error over sweeps wider than the table of docs/area.md, with the table's points held within ±14 %.
    private static final Coeffs ICE40 = new Coeffs(4, 1,
        3.446, 0, 0, 1.982,
        2.973, 53.93, 2.104, 100.99,
        1.0112, 2.382, 1.1685,
        5.951, 4, 85.48, 62.631, 7.983, 29.72, 23.657, 652.541,
        2.8933, 0, 0, 42.34,
        91.83, 78.24, -77.68);

    private static final Coeffs XC7 = new Coeffs(6, 0,
        2.162, 1.297, 3.027, -2.595,
        1.939, 60.105, 2.147, 54.753,
        0.996, 1.3265, 1.6549,
        1.493, 2, 16.268, 14.399, 1.767, 14.036, 19.013, 87.251,
        0, 4.269, 0.214, 45.096,
        64.01, 104.01, 22.23);

    // CubaLIF (sc_cuba_lif_neuron): minimax fit of the relative LUT error over the table's cuba-lif points (Yosys 0.23)
    private static final double CUBA_ICE40_PER_PRODUCT_BIT = 2.755;
    private static final double CUBA_ICE40_PER_BIT = 0;
    private static final double CUBA_ICE40_BASE = -55;
    private static final double CUBA_XC7_PER_BIT = 2.85;
    private static final double CUBA_XC7_PER_PARTIAL_SUM_BIT = 0.295;
    private static final double CUBA_XC7_BASE = 20;

    private AreaModel()
    {
    }

    private static Coeffs coeffs(final Target t)
    {
        return t == Target.ICE40 ? ICE40 : XC7;
    }

    /** The estimate for a point (dispatches on its component). */
    public static Area estimate(final AreaPoint p, final Target t)
    {
        return switch (p.component())
        {
            case LFSR -> lfsr(t, p.intParam("WIDTH"), (int) p.param("TAPS"));
            case LFSR_ENCODER -> lfsrEncoder(t, p.intParam("LFSR_WIDTH"), (int) p.param("TAPS"));
            case SOBOL -> sobol(t, p.intParam("DIM"));
            case SOBOL_ENCODER -> sobolEncoder(t, p.intParam("DIM"));
            case SYNAPSE -> synapse(t, p.intParam("N"));
            case POPCOUNT_ACC -> popcountAccumulator(t, p.intParam("COUNT_WIDTH"), p.intParam("LEN_WIDTH"));
            case POPCOUNT_TO_CURRENT -> popcountToCurrent(t, p.intParam("N_INPUTS"));
            case LIF -> lif(t, p.lifParams());
            case CUBA_LIF -> cubaLif(t, p.cubaLifParams());
            case DENSE_CORE -> denseLayerCore(t, p.intParam("N_INPUTS"), p.intParam("N_NEURONS"),
                p.intParam("LEN_WIDTH"), p.lifParams());
        };
    }

    /**
     * {@code sc_lfsr}: W flops (with enable); the feedback is an XOR tree of the taps; on iCE40 one more
     * LUT inverts the active-low reset ({@code SB_DFFR} resets on high).
     */
    public static Area lfsr(final Target t, final int width, final int taps)
    {
        final Coeffs c = coeffs(t);
        return new Area(round(c.resetInverter + xorLuts(Integer.bitCount(taps), c.lutInputs)), width, 0, 0);
    }

    /**
     * {@code sc_bitstream_encoder}: W state flops, the {@code fresh} flag and {@code bit_out} (W + 2 FF);
     * per bit a seed mux (t_index seed, zero check) feeding the shift and a W-bit unsigned comparator.
     * On xc7 the feedback taps and an odd width add LUTs too (fitted terms); ABC's packing of the LUT6s
     * still scatters by up to about ±15 % between neighbouring widths (docs/area.md).
     */
    public static Area lfsrEncoder(final Target t, final int width, final int taps)
    {
        final Coeffs c = coeffs(t);
        final double lut = c.encPerBit * width + c.encPerTap * Integer.bitCount(taps) + c.encOddWidth * (width & 1)
            + c.encBase;
        return new Area(round(lut), width + 2L, 0, 0);
    }

    /**
     * {@code sc_sobol}: counter 16, point 16 and {@code fresh} (33 FF); LUTs grow with the XOR trees
     * that compute the start point from {@code start_index} (see {@link #sobolStartXorLuts}).
     */
    public static Area sobol(final Target t, final int dim)
    {
        final Coeffs c = coeffs(t);
        return new Area(round(c.sobolPerXor * sobolStartXorLuts(dim) + c.sobolBase), 33, 0, 0);
    }

    /** {@code sc_sobol_encoder}: the generator plus a registered 16-bit comparator (34 FF). */
    public static Area sobolEncoder(final Target t, final int dim)
    {
        final Coeffs c = coeffs(t);
        return new Area(round(c.sobolEncPerXor * sobolStartXorLuts(dim) + c.sobolEncBase), 34, 0, 0);
    }

    /** {@code sc_bitstream_synapse}: one AND (one LUT) per lane, no flop. */
    public static Area synapse(final Target t, final int lanes)
    {
        return new Area(lanes, 0, 0, 0);
    }

    /**
     * {@code sc_popcount_acc}: count C, left L and done (C + L + 1 FF); an incrementer of C bits, a
     * decrementer of L bits with its zero and one checks.
     */
    public static Area popcountAccumulator(final Target t, final int countWidth, final int lenWidth)
    {
        final Coeffs c = coeffs(t);
        return new Area(round(c.popCount * countWidth + c.popLen * lenWidth + c.popBase), countWidth + lenWidth + 1L,
            0, 0);
    }

    /**
     * {@code sc_dotproduct_to_current}: combinational. A popcount of N bits, a 17 × (CW+1) signed product
     * (one DSP48E1 on xc7, LUTs on iCE40) and a signed division by N. For N a power of two the division
     * is a shift with a rounding correction (from N = 2 on xc7, N = 4 on iCE40). Otherwise Yosys builds a
     * restoring divider by the constant: write N = 2^t · m with m odd; the t low divisor bits are zero and fold
     * away, so each stage's subtract-and-compare is as wide as m, and its constant-propagated cells depend on
     * m's bits: the LUTs grow with m's bit length and with its zero bits (the fit makes a zero bit cost
     * more than a one), plus the popcount, which grows with N.
     */
    public static Area popcountToCurrent(final Target t, final int inputs)
    {
        final Coeffs c = coeffs(t);
        final int cw = ceilLog2(inputs + 1);
        final int pw = 18 + cw;
        final long dsp = t == Target.XC7 ? dsp48(17, cw + 1, pw) : 0;
        final double lut;
        if (Integer.bitCount(inputs) == 1)
        {
            lut = c.p2cPerInput * inputs + (inputs >= c.p2cShiftFrom ? c.p2cShiftDiv : 0) + c.p2cBase;
        }
        else
        {
            final int odd = inputs >> Integer.numberOfTrailingZeros(inputs);
            final int oddBits = 32 - Integer.numberOfLeadingZeros(odd);
            lut = c.p2cDivPerInput * inputs + c.p2cDivPerBit * oddBits + c.p2cDivPerZero * (oddBits - Integer.bitCount(odd))
                + c.p2cDivBase;
        }
        return new Area(round(lut), 0, 0, dsp);
    }

    /**
     * {@code sc_lif_neuron}: v (v_out is the same register), spike and the 32-bit refractory counter:
     * W + 33 FF. Two signed products truncated to W + F bits, the leak {@code (V_REST − v) · leak_k}
     * ((W+1) × W) and the input {@code I_t · gain_k} (W × W): on iCE40 in LUTs, costed by their
     * partial-product bits; on xc7 in DSP48E1 tiles whose partial sums are LUT adders. Plus three
     * W-bit adds, the threshold compare and the refractory counter.
     */
    public static Area lif(final Target t, final LifParams p)
    {
        final Coeffs c = coeffs(t);
        final int w = p.dataWidth();
        final int y = w + p.fraction();
        final double lut = c.lifPerProductBit * (productBits(w + 1, w, y) + productBits(w, w, y)) + c.lifPerBit * w
            + c.lifPerPartialSumBit * (partialSumBits(w + 1, w, y) + partialSumBits(w, w, y)) + c.lifBase;
        final long dsp = t == Target.XC7 ? dsp48(w + 1, w, y) + dsp48(w, w, y) : 0;
        return new Area(round(lut), w + 33L, 0, dsp);
    }

    /**
     * {@code sc_cuba_lif_neuron}: v and i (v_out and i_out are the same registers) and spike: 2W + 1 FF.
     * Four signed products truncated to W + F bits: {@code I_t · w_in} and {@code i_next · r_k} (W × W),
     * {@code (drive − i) · k_syn} ((W+1) × W) and {@code (V_LEAK − v + ri) · k_mem} ((W+2) × W); on iCE40
     * in LUTs, costed by their partial-product bits, on xc7 DSP48E1 tiles plus LUT adders for their partial
     * sums; besides, the W-bit adds and the threshold compare. Coefficients fitted to the table's points.
     */
    public static Area cubaLif(final Target t, final CubaLifParams p)
    {
        final int w = p.dataWidth();
        final int y = w + p.fraction();
        final long pp = 2 * productBits(w, w, y) + productBits(w + 1, w, y) + productBits(w + 2, w, y);
        final long ps = 2 * partialSumBits(w, w, y) + partialSumBits(w + 1, w, y) + partialSumBits(w + 2, w, y);
        final double lut = t == Target.ICE40
            ? CUBA_ICE40_PER_PRODUCT_BIT * pp + CUBA_ICE40_PER_BIT * w + CUBA_ICE40_BASE
            : CUBA_XC7_PER_BIT * w + CUBA_XC7_PER_PARTIAL_SUM_BIT * ps + CUBA_XC7_BASE;
        final long dsp = t == Target.XC7 ? 2 * dsp48(w, w, y) + dsp48(w + 1, w, y) + dsp48(w + 2, w, y) : 0;
        return new Area(round(lut), 2L * w + 1, 0, dsp);
    }

    /**
     * The combinational datapath of {@link #lif} alone (no state: a time-multiplexed core keeps v and
     * the refractory count in memory), with the leak and gain factors given as <b>constants</b>, as the
     * fabric's cores take them: a product by a constant c is a shift plus one adder of W + F bits per
     * further set bit of |c| (Yosys folds it so), the rest is the LIF's subtract, two adds and the
     * threshold compare (the terms of {@link #lif} other than its two products).
     */
    public static Area lifDatapath(final Target t, final LifParams p, final long leak, final long gain)
    {
        final Coeffs c = coeffs(t);
        final int w = p.dataWidth();
        final int y = w + p.fraction();
        final double lut = c.lifPerBit * w + c.lifBase + adder(t, constantProductAdds(leak) * (long) y).lut()
            + adder(t, constantProductAdds(gain) * (long) y).lut();
        return new Area(round(lut), 0, 0, 0);
    }

    /**
     * The next-state logic of an LFSR advanced {@code steps} shifts in one cycle (a leap): each state bit
     * becomes an XOR of state bits, built as {@link #xorLuts} trees; the state itself is counted by the
     * caller (it may live in memory).
     */
    public static Area lfsrLeap(final Target t, final int width, final long taps, final int steps)
    {
        final long[] rows = new long[width];            // rows[b]: which original bits XOR into bit b
        for (int b = 0; b < width; b++)
        {
            rows[b] = 1L << b;
        }
        for (int s = 0; s < steps; s++)
        {
            long fb = 0;
            for (int b = 0; b < width; b++)
            {
                if ((taps >>> b & 1) != 0)
                {
                    fb ^= rows[b];
                }
            }
            System.arraycopy(rows, 0, rows, 1, width - 1);
            rows[0] = fb;
        }
        long luts = 0;
        for (final long r : rows)
        {
            luts += xorLuts(Long.bitCount(r), coeffs(t).lutInputs);
        }
        return new Area(luts, 0, 0, 0);
    }

    /** A ripple adder (or subtractor, or incrementer) of {@code bits}: one LUT per bit on a carry chain. */
    public static Area adder(final Target t, final long bits)
    {
        return new Area(Math.max(0, bits), 0, 0, 0);
    }

    /** A register of {@code bits} with its incrementer (a counter). */
    public static Area counter(final Target t, final int bits)
    {
        return adder(t, bits).plus(new Area(0, bits, 0, 0));
    }

    /** Adders of a product by the constant c: one per set bit of |c| beyond the first (0 for a power of two). */
    static long constantProductAdds(final long c)
    {
        return Math.max(0, Long.bitCount(Math.abs(c)) - 1);
    }

    /**
     * {@code sc_dense_layer_core} (16 bits): 2N encoders with constant seeds (17 FF each; their equal
     * {@code fresh} flags merge into one), N ANDs, one popcount-to-current, M LIF cores (49 FF each)
     * and the run control (LEN + 2 FF). All neurons see the same I_t and gain, so Yosys shares the input
     * product: it is counted once, the leak product M times.
     */
    public static Area denseLayerCore(final Target t, final int inputs, final int neurons, final int lenWidth,
        final LifParams p)
    {
        final Coeffs c = coeffs(t);
        final int y = 16 + p.fraction();
        final Area p2c = popcountToCurrent(t, inputs);
        final double leak = c.lifPerProductBit * productBits(17, 16, y) + c.lifPerPartialSumBit * partialSumBits(17, 16, y);
        final double in = c.lifPerProductBit * productBits(16, 16, y) + c.lifPerPartialSumBit * partialSumBits(16, 16, y);
        final double lut = p2c.lut() + in + neurons * (leak + c.densePerNeuron) + c.densePerInput * inputs
            + c.popLen * (lenWidth - 16) + c.denseBase;
        final long ff = 34L * inputs + 1 + neurons * 49L + lenWidth + 2;
        final long dsp = t == Target.XC7 ? p2c.dsp() + dsp48(16, 16, y) + neurons * dsp48(17, 16, y) : 0;
        return new Area(round(lut), ff, 0, dsp);
    }

    // ---- structure ----

    /** LUTs of an XOR (or any associative gate) tree of {@code n} inputs built from k-input LUTs. */
    static long xorLuts(final int n, final int k)
    {
        return n <= 1 ? 0 : (n - 1 + k - 2) / (k - 1);
    }

    /**
     * Partial-product bits of an a × b array multiplier whose result is used up to bit y − 1: pairs
     * (i, j), i &lt; a, j &lt; b, i + j &lt; y.
     */
    static long productBits(final int a, final int b, final int y)
    {
        long n = 0;
        for (int i = 0; i < a; i++)
        {
            n += Math.max(0, Math.min(b, y - i));
        }
        return n;
    }

    /**
     * DSP48E1 tiles of a signed a × b product (result bits used: y), as Yosys's {@code mul2dsp} tiles
     * it for xc7: at most 25 × 18 per tile, wider operands split into 17-bit slices (one bit of sign
     * headroom); below 2 × 2 or 9 result bits it stays in LUTs.
     */
    public static long dsp48(final int a0, final int b0, final int y)
    {
        final int a = Math.max(a0, b0);
        final int b = Math.min(a0, b0);
        if (b < 2 || y < 9)
        {
            return 0;
        }
        if (a > 25)
        {
            final int n = (a - 9) / 17;
            return n * sliceTiles(18, b, Math.min(y, b + 18)) + sliceTiles(a - 17 * n, b, b + a - 17 * n);
        }
        if (b > 18)
        {
            final int n = (b - 2) / 17;
            return n * dsp48(a, 18, Math.min(y, a + 18)) + dsp48(a, b - 17 * n, a + b - 17 * n);
        }
        return 1;
    }

    /**
     * Tiles of one slice of a split A operand: mul2dsp keeps the slice on the A side, so a B wider than 18
     * splits it again even when B would fit the 25-bit A port (measured: 26 × 24 takes 4 tiles, not 2).
     */
    private static long sliceTiles(final int a, final int b, final int y)
    {
        if (b > 18)
        {
            final int n = (b - 2) / 17;
            return n * dsp48(a, 18, Math.min(y, a + 18)) + dsp48(a, b - 17 * n, a + b - 17 * n);
        }
        return dsp48(a, b, y);
    }

    /** Bits of the adders that sum a product's DSP tiles: (tiles − 1) × y. */
    static long partialSumBits(final int a, final int b, final int y)
    {
        return Math.max(0, dsp48(a, b, y) - 1) * (long) y;
    }

    /**
     * LUT4s of the XOR trees that compute a Sobol start point from {@code start_index}: output bit b is
     * the XOR of the index bits whose Gray-code bit selects a direction number with bit b set.
     */
    static long sobolStartXorLuts(final int dim)
    {
        final int[] v = SobolDirections.of(dim);
        long luts = 0;
        for (int b = 0; b < 16; b++)
        {
            int mask = 0;
            for (int k = 0; k < 16; k++)
            {
                if ((v[k] >>> b & 1) != 0)
                {
                    mask ^= 1 << k;             // gray bit k = s[k] ^ s[k+1]
                    mask ^= k < 15 ? 1 << (k + 1) : 0;
                }
            }
            luts += xorLuts(Integer.bitCount(mask), 4);
        }
        return luts;
    }

    static int ceilLog2(final int n)
    {
        return 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    private static long round(final double x)
    {
        return Math.max(0, Math.round(x));
    }
}
