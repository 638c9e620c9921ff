package org.scfabric.net;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node of a {@link Network}: a population of neurons with per-neuron parameters, a stateless operator
 * or an input/output port.
 *
 * <p>The name is hierarchical: a node {@code lif} inside a flattened subgraph {@code lif1} is
 * {@code lif1.lif}. Parameters are keyed by their NIR names ({@code tau}, {@code v_threshold}, ...), in the
 * order the source gave them. {@code metadata} holds what NIR cannot say (refractory period, a source's
 * seed, a quantisation), under keys starting {@code scfabric.}.
 *
 * <p>Shapes are those of one sample, without a batch dimension. A node made by a front end may leave them
 * unknown (null); {@link Network.Builder#build()} infers them and hands out nodes with both set.
 */
public final class Node
{
    private final String name;
    private final Kind kind;
    private final Map<String, Tensor> params;
    private final Map<String, String> metadata;
    private final Shape inShape;
    private final Shape outShape;

    public Node(final String name, final Kind kind, final Map<String, Tensor> params,
        final Map<String, String> metadata, final Shape inShape, final Shape outShape)
    {
        if (name == null || name.isEmpty())
        {
            throw new NetworkException("a " + (kind == null ? "node" : kind.nirType()) + " node has no name");
        }
        this.name = name;
        this.kind = kind;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.inShape = inShape;
        this.outShape = outShape;
    }

    public Node(final String name, final Kind kind, final Map<String, Tensor> params)
    {
        this(name, kind, params, Map.of(), null, null);
    }

    public String name()
    {
        return name;
    }

    public Kind kind()
    {
        return kind;
    }

    /** All parameters, in the source's order. */
    public Map<String, Tensor> params()
    {
        return params;
    }

    public boolean has(final String param)
    {
        return params.containsKey(param);
    }

    /** A parameter that must be there; its absence is an error naming the node. */
    public Tensor param(final String param)
    {
        final Tensor t = params.get(param);
        if (t == null)
        {
            throw new NetworkException("node " + name + " (" + kind.nirType() + ") has no parameter " + param);
        }
        return t;
    }

    /** A parameter's values for each of {@code n} elements (scalars broadcast); an error names the node. */
    public double[] perElement(final String param, final int n)
    {
        return param(param).broadcast(n, "node " + name + " parameter " + param);
    }

    public Map<String, String> metadata()
    {
        return metadata;
    }

    /** The shape of the input (the sum of the incoming edges); null until the network is built. */
    public Shape inShape()
    {
        return inShape;
    }

    /** The shape of the output; null until the network is built. */
    public Shape outShape()
    {
        return outShape;
    }

    /** Number of neurons (the output's size) of a neuron population; 0 for every other node. */
    public int neurons()
    {
        return kind.neuron() && outShape != null ? outShape.size() : 0;
    }

    /** The same node under another name (a subgraph's nodes get their parent's prefix). */
    public Node renamed(final String newName)
    {
        return new Node(newName, kind, params, metadata, inShape, outShape);
    }

    public Node withShapes(final Shape in, final Shape out)
    {
        return new Node(name, kind, params, metadata, in, out);
    }

    public Node withParams(final Map<String, Tensor> newParams)
    {
        return new Node(name, kind, newParams, metadata, inShape, outShape);
    }

    /** The same node with metadata {@code key} set to {@code value} (the other entries kept, in their order). */
    public Node withMetadata(final String key, final String value)
    {
        final Map<String, String> m = new java.util.LinkedHashMap<>(metadata);
        m.put(key, value);
        return new Node(name, kind, params, m, inShape, outShape);
    }

    /** Same name, kind, parameters (to the bit), metadata and shapes. */
    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Node n && name.equals(n.name) && kind == n.kind && params.equals(n.params)
            && metadata.equals(n.metadata) && java.util.Objects.equals(inShape, n.inShape)
            && java.util.Objects.equals(outShape, n.outShape);
    }

    @Override
    public int hashCode()
    {
        return name.hashCode() * 31 + kind.hashCode();
    }

    @Override
    public String toString()
    {
        return name + " (" + kind.nirType() + (outShape == null ? "" : " " + inShape + " -> " + outShape) + ")";
    }

    /**
     * A convolution's 2-d parameter ({@code stride}, {@code padding}, {@code dilation}) as (height, width): one
     * value stands for both; for a Conv1d ({@code oneD}) the height is 1 with stride 1, padding 0, dilation 1;
     * {@code dflt} for both when the node has no such parameter.
     */
    public int[] convPair(final String p, final boolean oneD, final int dflt)
    {
        if (!has(p))
        {
            return new int[] {dflt, dflt};
        }
        final int[] v = param(p).ints("node " + name() + " " + p);
        if (oneD)
        {
            return new int[] {p.equals("padding") ? 0 : 1, v[0]};
        }
        return v.length == 1 ? new int[] {v[0], v[0]} : v;
    }
}
