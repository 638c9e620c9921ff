package org.scfabric.bench.nir;

import org.scfabric.net.Node;

/**
 * The synapses of a weighted node as (output, input, weight index) triples, three equal-length arrays: the order
 * and the weight indices by which the SC back end ({@code nir --arith sc}) and its fabric twin number the weight
 * streams, so both read them from one place.
 */
public final class SynapseLists
{
    private SynapseLists()
    {
    }

    /** A Linear/Affine node: weight (i, j) is index i·cols + j. */
    public static int[][] dense(final Node node)
    {
        final int rows = node.param("weight").shape().dim(0);
        final int cols = node.param("weight").shape().dim(1);
        final int[][] s = new int[3][rows * cols];
        for (int i = 0, k = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++, k++)
            {
                s[0][k] = i;
                s[1][k] = j;
                s[2][k] = k;
            }
        }
        return s;
    }

    /**
     * A csr Linear: row j of the CSR lists input j's targets; the weight is input j's (one per input, as the Brunel
     * export's axons) or the synapse's own.
     */
    public static int[][] csr(final Node node)
    {
        final double[] ptr = node.param("indptr").data();
        final double[] idx = node.param("indices").data();
        final boolean perInput = node.param("data").data().length != idx.length;
        final int[][] s = new int[3][idx.length];
        for (int j = 0; j + 1 < ptr.length; j++)
        {
            for (int e = (int)ptr[j], end = (int)ptr[j + 1]; e < end; e++)
            {
                s[0][e] = (int)idx[e];
                s[1][e] = j;
                s[2][e] = perInput ? j : e;
            }
        }
        return s;
    }
}
