package org.scfabric.bench.brian2;

import java.util.Arrays;
import java.util.Map;

import org.scfabric.net.Kind;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirMetadata;

/**
 * Realised synapses (pre i, post j, weight w) as the project's sparse {@code csr} Linear: one column per source
 * neuron, its targets ascending. Synapses between the same pair are summed in Brian2's order (a dense Linear
 * holds one weight per pair too), so the csr Linear computes what the dense one did, bit for bit. Brunel's
 * panel C has 1.6·10⁷ synapses: a dense matrix was 1.25·10⁸ weights per pathway, this is the synapses alone.
 */
final class SparseSynapses
{
    private SparseSynapses()
    {
    }

    /**
     * The csr Linear of the synapses {@code pick} (indices into i, j, w, in Brian2's order) from {@code ns} sources
     * onto {@code nt} targets. Weights shared by all synapses of each source are written once per source.
     */
    static Node linear(final String name, final int nt, final int ns, final long[] i, final long[] j, final double[] w,
        final int[] pick)
    {
        final int m = pick.length;
        final int[] ptr = new int[ns + 1];
        for (final int k : pick)
        {
            ptr[(int) i[k] + 1]++;
        }
        for (int s = 0; s < ns; s++)
        {
            ptr[s + 1] += ptr[s];
        }
        // stable by source: each column keeps Brian2's order of its synapses
        final int[] fill = Arrays.copyOf(ptr, ns);
        final int[] tgt = new int[m];
        final double[] wt = new double[m];
        for (final int k : pick)
        {
            final int at = fill[(int) i[k]]++;
            tgt[at] = (int) j[k];
            wt[at] = w[k];
        }
        // sort each column by target (stable), summing the weights of a pair in Brian2's order
        final int[] outPtr = new int[ns + 1];
        int out = 0;
        long[] keys = new long[0];
        for (int s = 0; s < ns; s++)
        {
            final int a = ptr[s];
            final int b = ptr[s + 1];
            if (!ascending(tgt, a, b))
            {
                if (keys.length < b - a)
                {
                    keys = new long[b - a];
                }
                for (int e = a; e < b; e++)
                {
                    keys[e - a] = (long) tgt[e] << 32 | (e - a);
                }
                Arrays.sort(keys, 0, b - a);
                final int[] t2 = new int[b - a];
                final double[] w2 = new double[b - a];
                for (int e = 0; e < b - a; e++)
                {
                    t2[e] = (int) (keys[e] >>> 32);
                    w2[e] = wt[a + (int) (keys[e] & 0xffffffffL)];
                }
                System.arraycopy(t2, 0, tgt, a, b - a);
                System.arraycopy(w2, 0, wt, a, b - a);
            }
            for (int e = a; e < b; e++)
            {
                if (e > a && tgt[e] == tgt[out - 1])
                {
                    wt[out - 1] += wt[e];
                }
                else
                {
                    tgt[out] = tgt[e];
                    // 0.0 + w, as a dense matrix's entry summed from 0.0
                    wt[out] = 0.0 + wt[e];
                    out++;
                }
            }
            outPtr[s + 1] = out;
        }
        return node(name, nt, ns, outPtr, Arrays.copyOf(tgt, out), Arrays.copyOf(wt, out));
    }

    /** Source k feeds target {@code offset + k} with weight 1: a population's slice (a Brian2 subgroup). */
    static Node embedding(final String name, final int nt, final int ns, final int offset)
    {
        final int[] ptr = new int[ns + 1];
        final int[] tgt = new int[ns];
        final double[] wt = new double[ns];
        for (int k = 0; k < ns; k++)
        {
            ptr[k + 1] = k + 1;
            tgt[k] = offset + k;
            wt[k] = 1.0;
        }
        return node(name, nt, ns, ptr, tgt, wt);
    }

    private static boolean ascending(final int[] t, final int a, final int b)
    {
        for (int e = a + 1; e < b; e++)
        {
            if (t[e] <= t[e - 1])
            {
                return false;
            }
        }
        return true;
    }

    private static Node node(final String name, final int nt, final int ns, final int[] ptr, final int[] tgt,
        final double[] wt)
    {
        // one weight per source when every synapse of a source carries the same (Brunel's J and -gJ): 10^4 values
        // instead of 10^7
        final double[] perSource = new double[ns];
        // (not when there are as many synapses as sources: the reader would take the values as one per synapse)
        boolean shared = wt.length != ns;
        for (int s = 0; s < ns && shared; s++)
        {
            for (int e = ptr[s]; e < ptr[s + 1]; e++)
            {
                if (e == ptr[s])
                {
                    perSource[s] = wt[e];
                }
                else if (Double.doubleToRawLongBits(wt[e]) != Double.doubleToRawLongBits(perSource[s]))
                {
                    shared = false;
                    break;
                }
            }
        }
        final Map<String, Tensor> p = new java.util.LinkedHashMap<>();
        p.put("indptr", ints(ptr));
        p.put("indices", ints(tgt));
        p.put("data", Tensor.adopt(Shape.of(shared ? ns : wt.length), shared ? perSource : wt, Tensor.DType.FLOAT64));
        p.put("shape", Tensor.adopt(Shape.of(2), new double[] {nt, ns}, Tensor.DType.INT64));
        return new Node(name, Kind.CSR_LINEAR, p, Map.of(NirMetadata.KIND, Kind.CSR_LINEAR.scfabricKind()), null,
            null);
    }

    private static Tensor ints(final int[] v)
    {
        final double[] d = new double[v.length];
        for (int k = 0; k < v.length; k++)
        {
            d[k] = v[k];
        }
        return Tensor.adopt(Shape.of(v.length), d, Tensor.DType.INT32);
    }
}
