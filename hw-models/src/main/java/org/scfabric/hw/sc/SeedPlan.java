package org.scfabric.hw.sc;

/** Seeds of the reference layers (docs/spec/hardware.md §2), modulo 2^16. */
public final class SeedPlan
{
    public static final int INPUT_BASE = 0xACE1;
    public static final int INPUT_STEP = 7;
    public static final int WEIGHT_BASE = 0xBEEF;
    public static final int WEIGHT_STEP = 13;

    private SeedPlan()
    {
    }

    /** Seed of input encoder i. */
    public static int input(final int i)
    {
        return (INPUT_BASE + INPUT_STEP * i) & 0xFFFF;
    }

    /** Seed of weight encoder i of a dense layer (one weight stream per input). */
    public static int weight(final int i)
    {
        return (WEIGHT_BASE + WEIGHT_STEP * i) & 0xFFFF;
    }

    /** Seed of the weight encoder of (neuron j, input i) in the matrix layer. */
    public static int matrixWeight(final int j, final int i, final int nInputs)
    {
        return weight(j * nInputs + i);
    }
}
