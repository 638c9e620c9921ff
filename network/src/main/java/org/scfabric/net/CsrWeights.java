package org.scfabric.net;

/**
 * The dense (out, in) weight matrix of a sparse Linear ({@link Kind#CSR_LINEAR}), row-major as NIR's
 * {@code Linear.weight}: written beside the CSR arrays for networks small enough, so that NIR's own reader, which
 * wants a {@code weight} in every Linear, can load the file; and read back only to check it against them.
 */
public final class CsrWeights
{
    /** Dense weights are written only up to this many values (4 Mi: 32 MB of float64, N = 2048 neurons). */
    public static final long DENSE_LIMIT = 1L << 22;

    private CsrWeights()
    {
    }

    /** Whether a node's dense matrix is small enough to be written beside its CSR arrays. */
    public static boolean denseFits(final Node node)
    {
        final int[] s = Shapes.csrShape(node);
        return (long)s[0] * s[1] <= DENSE_LIMIT;
    }

    /** The dense matrix of a built (checked) sparse Linear; zeros where there is no synapse. */
    public static Tensor dense(final Node node)
    {
        final int[] s = Shapes.csrShape(node);
        final Tensor ptr = node.param("indptr");
        final Tensor idx = node.param("indices");
        final Tensor data = node.param("data");
        final boolean perInput = data.size() != idx.size();
        final double[] w = new double[Math.multiplyExact(s[0], s[1])];
        for (int j = 0; j < s[1]; j++)
        {
            for (int e = (int)ptr.get(j), end = (int)ptr.get(j + 1); e < end; e++)
            {
                w[(int)idx.get(e) * s[1] + j] = data.get(perInput ? j : e);
            }
        }
        return Tensor.adopt(Shape.of(s[0], s[1]), w, Tensor.DType.FLOAT64);
    }
}
