package org.scfabric.hw.fabric;

/**
 * Which core serves which neuron, at which local address, and which addresses a core issues in each
 * phase of a step. Two policies:
 * <ul>
 *   <li>{@link #contiguous}: core c serves neurons [floor(c·N/K), floor((c+1)·N/K)), one phase (the
 *       Brunel fabric);</li>
 *   <li>{@link #layered}: by layer, balanced — every level's neurons are split evenly over the K cores
 *       (core c gets the slice [floor(c·n_l/K), floor((c+1)·n_l/K)) of level l), so all cores work in
 *       every phase; a core's local addresses hold its slices in level order, so each phase issues one
 *       contiguous address range.</li>
 * </ul>
 */
public final class Placement
{
    private final int k;
    private final int[] size;
    private final int[][] neuronAt;
    private final int[] coreOf;
    private final int[] addrOf;
    private final int[][] lo;
    private final int[][] hi;

    private Placement(final int k, final int n, final int phases)
    {
        this.k = k;
        size = new int[k];
        neuronAt = new int[k][];
        coreOf = new int[n];
        addrOf = new int[n];
        lo = new int[k][phases];
        hi = new int[k][phases];
    }

    /** The Brunel fabric's placement: contiguous blocks, every neuron in the one phase. */
    public static Placement contiguous(final FabricParams fp)
    {
        final int k = fp.cores();
        final Placement p = new Placement(k, fp.neurons(), 1);
        for (int c = 0; c < k; c++)
        {
            final int b = fp.coreBase(c);
            p.size[c] = fp.coreSize(c);
            p.neuronAt[c] = new int[p.size[c]];
            for (int a = 0; a < p.size[c]; a++)
            {
                p.neuronAt[c][a] = b + a;
                p.coreOf[b + a] = c;
                p.addrOf[b + a] = a;
            }
            p.hi[c][0] = p.size[c];
        }
        return p;
    }

    /** Balanced by layer: {@code levelStart[l]..levelStart[l+1]} are the neurons of phase l (phase 0: none). */
    public static Placement layered(final int k, final int[] levelStart, final int phases)
    {
        final int n = levelStart[phases];
        final Placement p = new Placement(k, n, phases);
        final int[] fill = new int[k];
        final int[][] at = new int[k][n];
        for (int l = 0; l < phases; l++)
        {
            final int s = levelStart[l];
            final int nl = levelStart[l + 1] - s;
            for (int c = 0; c < k; c++)
            {
                final int from = s + (int)((long)c * nl / k);
                final int to = s + (int)((long)(c + 1) * nl / k);
                p.lo[c][l] = fill[c];
                for (int j = from; j < to; j++)
                {
                    at[c][fill[c]] = j;
                    p.coreOf[j] = c;
                    p.addrOf[j] = fill[c]++;
                }
                p.hi[c][l] = fill[c];
            }
        }
        for (int c = 0; c < k; c++)
        {
            p.size[c] = fill[c];
            p.neuronAt[c] = java.util.Arrays.copyOf(at[c], fill[c]);
        }
        return p;
    }

    public int cores()
    {
        return k;
    }

    /** Neurons served by core c. */
    public int size(final int c)
    {
        return size[c];
    }

    /** The neuron at local address a of core c. */
    public int neuron(final int c, final int a)
    {
        return neuronAt[c][a];
    }

    public int coreOf(final int j)
    {
        return coreOf[j];
    }

    /** Neurons placed (an address event for j >= this reaches no core). */
    public int neurons()
    {
        return coreOf.length;
    }

    public int addrOf(final int j)
    {
        return addrOf[j];
    }

    /** First local address core c issues in phase ph. */
    public int lo(final int c, final int ph)
    {
        return lo[c][ph];
    }

    /** One past the last local address core c issues in phase ph. */
    public int hi(final int c, final int ph)
    {
        return hi[c][ph];
    }

    /** The largest number of neurons on one core (the depth of a core's state memories). */
    public int maxSize()
    {
        int m = 0;
        for (final int s : size)
        {
            m = Math.max(m, s);
        }
        return m;
    }
}
