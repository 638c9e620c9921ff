package org.scfabric.bench.nir;

import org.scfabric.net.Node;
import org.scfabric.net.Shape;

/**
 * A Conv1d (height 1) or Conv2d node's geometry as PyTorch defines it: input (cin, h, wd), output (cout, oh, ow),
 * kernel (kh, kw), groups, and stride, padding and dilation as (y, x) pairs. Read once here for the fabric's
 * fixed-point unrolling and the SC synapse lists ({@link SynapseLists#conv}).
 */
public record ConvShape(int cin, int h, int wd, int cout, int oh, int ow, int groups, int cinPerGroup, int coutPerGroup,
    int kh, int kw, int[] stride, int[] padding, int[] dilation)
{
    public static ConvShape of(final Node node)
    {
        final Shape ws = node.param("weight").shape();
        final boolean one = ws.rank() == 3;
        final Shape is = node.inShape();
        final Shape os = node.outShape();
        final int groups = node.has("groups") ? (int)node.param("groups").get(0) : 1;
        return new ConvShape(is.dim(0), one ? 1 : is.dim(1), is.dim(is.rank() - 1), os.dim(0), one ? 1 : os.dim(1),
            os.dim(os.rank() - 1), groups, ws.dim(1), os.dim(0) / groups, one ? 1 : ws.dim(2), ws.dim(ws.rank() - 1),
            node.convPair("stride", one, 1), node.convPair("padding", one, 0), node.convPair("dilation", one, 1));
    }
}
