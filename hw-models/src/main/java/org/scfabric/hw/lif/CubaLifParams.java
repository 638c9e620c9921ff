package org.scfabric.hw.lif;

import org.scfabric.hw.Bits;

/**
 * Parameters of {@code sc_cuba_lif_neuron} (docs/spec/hardware.md §7). Voltages are
 * signed DATA_WIDTH values in Q(FRACTION). FRACTION is at most DATA_WIDTH − 1 so that a factor below 1.0
 * (dt/τ) is representable and the bits kept of every product lie within a 64-bit product.
 */
public record CubaLifParams(int dataWidth, int fraction, int vLeak, int vReset, int vThreshold)
{
    /** Q8.8: 1.0 = 256, threshold 1.0. */
    public static final CubaLifParams Q8_8 = new CubaLifParams(16, 8, 0, 0, 256);
    /** Q16.12: DATA_WIDTH 32, F 12 (1.0 = 4096), threshold 1.0. */
    public static final CubaLifParams Q16_12 = new CubaLifParams(32, 12, 0, 0, 4096);

    public CubaLifParams
    {
        if (dataWidth < 2 || dataWidth > 32)
        {
            throw new IllegalArgumentException("DATA_WIDTH must be 2..32, got " + dataWidth);
        }
        if (fraction < 0 || fraction > dataWidth - 1)
        {
            throw new IllegalArgumentException("FRACTION must be 0.." + (dataWidth - 1) + ", got " + fraction);
        }
        check("V_LEAK", vLeak, dataWidth);
        check("V_RESET", vReset, dataWidth);
        check("V_THRESHOLD", vThreshold, dataWidth);
    }

    private static void check(final String name, final int value, final int width)
    {
        if (!Bits.fitsSigned(value, width))
        {
            throw new IllegalArgumentException(name + " " + value + " does not fit signed " + width + " bits");
        }
    }

    /** The CubaLI core: the same circuit with the threshold at the largest signed value, which v never exceeds. */
    public CubaLifParams nonSpiking()
    {
        return withThreshold(Bits.mask(dataWidth - 1));
    }

    public CubaLifParams withLeak(final int v)
    {
        return new CubaLifParams(dataWidth, fraction, v, vReset, vThreshold);
    }

    public CubaLifParams withReset(final int v)
    {
        return new CubaLifParams(dataWidth, fraction, vLeak, v, vThreshold);
    }

    public CubaLifParams withThreshold(final int v)
    {
        return new CubaLifParams(dataWidth, fraction, vLeak, vReset, v);
    }
}
