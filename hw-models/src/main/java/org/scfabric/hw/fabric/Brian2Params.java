package org.scfabric.hw.fabric;

/**
 * The Brian2 neurons of a {@link MappedNetwork} ({@link MappedNetwork#BRIAN2}): what their datapath needs beyond
 * the LIF parameters the network already holds (v_leak, k_mem, v_threshold, v_reset in its rows). Per neuron: the
 * refractory period in steps, the population's switches ({@link #flags}: threshold {@code >} or {@code >=}, reset
 * {@code v = c} or {@code v -= c}, which state variables Brian2's {@code (unless refractory)} holds), up to
 * {@link #currents()} exponential currents each with its factor k_syn (1 − e^(−dt/τ) or dt/τ) and its weight r into
 * v, and the initial values of v and the currents. Per neuron and accumulator group: the state variable the group
 * adds into (0 = v, c + 1 = current c), Brian2's {@code on_pre} target.
 *
 * <p>In hardware the switches and refractory period are per-population configuration (wires of the core's FSM);
 * k_syn, r and the initial values are memory words where they differ between neurons, constants where they do not.
 */
public final class Brian2Params
{
    /** {@link #flags}: spike on {@code v > v_th} (else {@code v >= v_th}). */
    public static final int STRICT = 1;
    /** {@link #flags}: reset {@code v -= v_reset} (else {@code v = v_reset}). */
    public static final int SUBTRACT = 2;
    /** {@link #flags}: v is {@code (unless refractory)}. */
    public static final int V_HELD = 4;
    /** {@link #flags}: current c is {@code (unless refractory)} when bit {@code HELD_CURRENT << c} is set. */
    public static final int HELD_CURRENT = 8;

    final int currents;
    final int[] refractory;
    final int[] flags;
    final int[][] kSyn;
    final int[][] r;
    final int[] initV;
    final int[][] initI;
    final byte[] groupVar;

    /**
     * @param refractory per neuron, its refractory period in steps (0 for neurons that are not Brian2's)
     * @param flags      per neuron, {@link #STRICT} | {@link #SUBTRACT} | {@link #V_HELD} | HELD_CURRENT bits
     * @param kSyn       per current c and neuron, k_syn in the format (0 where the neuron has no current c)
     * @param r          per current c and neuron, the current's weight into v in the format
     * @param initV      per neuron, v at step 0 (the network's other neurons start at 0)
     * @param initI      per current c and neuron, its value at step 0
     * @param groupVar   per neuron j and group g ({@code j·groups + g}), the state variable the group adds into
     */
    public Brian2Params(final int[] refractory, final int[] flags, final int[][] kSyn, final int[][] r, final int[] initV,
        final int[][] initI, final byte[] groupVar)
    {
        this.currents = kSyn.length;
        if (r.length != currents || initI.length != currents || currents > 8)
        {
            throw new IllegalArgumentException("0 to 8 currents, each with k_syn, r and an initial value");
        }
        for (final int x : refractory)
        {
            if (x < 0 || x > (1 << 20))
            {
                throw new IllegalArgumentException("a refractory period of " + x + " steps (0 to 2^20 accepted)");
            }
        }
        this.refractory = refractory.clone();
        this.flags = flags.clone();
        this.kSyn = deep(kSyn);
        this.r = deep(r);
        this.initV = initV.clone();
        this.initI = deep(initI);
        this.groupVar = groupVar.clone();
    }

    private static int[][] deep(final int[][] a)
    {
        final int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++)
        {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** The most currents of any Brian2 neuron. */
    public int currents()
    {
        return currents;
    }

    /** The largest value the refractory counter holds: max(R, 1) + 1 (see {@link Brian2Unit}). */
    int cap(final int j)
    {
        return Math.max(refractory[j], 1) + 1;
    }

    /** Bits of the refractory counter: enough for the largest cap. */
    public int counterBits()
    {
        int m = 2;
        for (int j = 0; j < refractory.length; j++)
        {
            m = Math.max(m, cap(j));
        }
        return FabricParams.bitsFor(m);
    }

    /** The currents' k_syn and r that differ between neurons: one parameter memory word each. */
    public int varyingWords()
    {
        int words = 0;
        for (final int[][] a : new int[][][] {kSyn, r})
        {
            for (final int[] x : a)
            {
                for (int j = 1; j < x.length; j++)
                {
                    if (x[j] != x[0])
                    {
                        words++;
                        break;
                    }
                }
            }
        }
        return words;
    }
}
