package org.scfabric.hw.lif;

import org.scfabric.hw.Bits;

/**
 * Parameters of {@code sc_lif_neuron} (docs/spec/hardware.md §1). Voltages are signed DATA_WIDTH values;
 * REFRACTORY_PERIOD is in cycles.
 */
public record LifParams(int dataWidth, int fraction, int vRest, int vReset, int vThreshold, int refractoryPeriod)
{
    /** Q8.8, the reference defaults: 1.0 = 256. */
    public static final LifParams Q8_8 = new LifParams(16, 8, 0, 0, 256, 0);
    /** Q16.12: the same circuit with DATA_WIDTH 32, F 12 (1.0 = 4096). */
    public static final LifParams Q16_12 = new LifParams(32, 12, 0, 0, 4096, 0);

    public LifParams
    {
        if (dataWidth < 2 || dataWidth > 32)
        {
            throw new IllegalArgumentException("DATA_WIDTH must be 2..32, got " + dataWidth);
        }
        if (fraction < 0 || fraction > 2 * dataWidth - 1)
        {
            throw new IllegalArgumentException("FRACTION must be 0.." + (2 * dataWidth - 1) + ", got " + fraction);
        }
        check("V_REST", vRest, dataWidth);
        check("V_RESET", vReset, dataWidth);
        check("V_THRESHOLD", vThreshold, dataWidth);
        if (refractoryPeriod < 0)
        {
            throw new IllegalArgumentException("REFRACTORY_PERIOD must be >= 0, got " + refractoryPeriod);
        }
    }

    private static void check(final String name, final int value, final int width)
    {
        if (!Bits.fitsSigned(value, width))
        {
            throw new IllegalArgumentException(name + " " + value + " does not fit signed " + width + " bits");
        }
    }

    public LifParams withRest(final int v)
    {
        return new LifParams(dataWidth, fraction, v, vReset, vThreshold, refractoryPeriod);
    }

    public LifParams withReset(final int v)
    {
        return new LifParams(dataWidth, fraction, vRest, v, vThreshold, refractoryPeriod);
    }

    public LifParams withThreshold(final int v)
    {
        return new LifParams(dataWidth, fraction, vRest, vReset, v, refractoryPeriod);
    }

    public LifParams withRefractory(final int cycles)
    {
        return new LifParams(dataWidth, fraction, vRest, vReset, vThreshold, cycles);
    }
}
