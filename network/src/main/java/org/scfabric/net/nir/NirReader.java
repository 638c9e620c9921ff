package org.scfabric.net.nir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;

import org.scfabric.net.CsrWeights;
import org.scfabric.net.Edge;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;

/**
 * Reads a NIR file (HDF5, NIR 0.1.x to 1.x) into a {@link Network}, with jHDF (pure Java).
 *
 * <p>Layout: group {@code node} with dataset {@code type} = {@code NIRGraph}, group {@code nodes} (one subgroup
 * per node: {@code type} and its parameters) and {@code edges}, an (E, 2) array of byte strings; a
 * {@code version} at the root. Nested {@code NIRGraph} nodes are flattened: their nodes get the prefix
 * {@code graph.}, their Input and Output nodes are spliced out (an edge into the subgraph goes on to what its
 * Input feeds; what feeds its Output goes on to the edge out of it), and their internal edges take the place
 * in the edge list just after the first edge into the subgraph. An endpoint may name the subgraph
 * ({@code lif1}, when it has one Input or Output) or one of its ports ({@code lif1.input}).
 *
 * <p>Parameters are widened exactly to float64 (float32, float64 or integer datasets); NIR 1.x's
 * {@code input_type}/{@code output_type} groups become the {@code shape} of Input and Output and the
 * {@code input_type} of Flatten; a convolution's padding {@code "valid"}/{@code "same"} becomes numbers;
 * string datasets in a {@code metadata} group become node metadata.
 *
 * <p>One repair, for files snnTorch writes for a recurrent layer as a subgraph: the neuron node is named
 * after the layer ({@code lif1}) while the subgraph's edges call it {@code lif}. When, inside a subgraph,
 * the edges name exactly one node that is missing and exactly one non-port node is named by no edge, that
 * node takes the name the edges use (so it becomes {@code lif1.lif}, as in the flat file). Anything else
 * that names a missing node is an error.
 */
public final class NirReader
{
    private static final int HDF5_SIGNATURE_LENGTH = 8;

    private NirReader()
    {
    }

    /** Reads a NIR file; every problem is a {@link NetworkException} of one line naming the file and the node or edge. */
    public static Network read(final Path file)
    {
        final String where = file.toString();
        if (Files.isDirectory(file))
        {
            throw new NetworkException(where + " is a folder, not a NIR file (give a .nir file)");
        }
        if (!Files.isRegularFile(file))
        {
            throw new NetworkException(where + ": no such file");
        }
        checkSignature(file, where);
        try (HdfFile hdf = new HdfFile(file))
        {
            return readOpen(hdf, where);
        }
        catch (final NetworkException e)
        {
            throw new NetworkException(where + ": " + e.getMessage(), e);
        }
        catch (final RuntimeException e)
        {
            if (String.valueOf(e.getMessage()).contains("signature"))
            {
                throw new NetworkException(where + ": not an HDF5 file (no HDF5 signature); a .nir file is HDF5", e);
            }
            // jHDF signals a damaged or truncated file with assorted runtime exceptions (HdfException,
            // BufferUnderflowException, IllegalArgumentException, ...): one line, no stack trace
            throw new NetworkException(where + ": cannot read it as HDF5, truncated or damaged ("
                + oneLine(e) + ")", e);
        }
    }

    private static void checkSignature(final Path file, final String where)
    {
        final byte[] head = new byte[HDF5_SIGNATURE_LENGTH];
        int n = 0;
        try (InputStream in = Files.newInputStream(file))
        {
            int r;
            while (n < 8 && (r = in.read(head, n, 8 - n)) > 0)
            {
                n += r;
            }
        }
        catch (final IOException e)
        {
            throw new NetworkException(where + ": cannot read (" + e.getMessage() + ")", e);
        }
        // the superblock may also sit at 512, 1024, ... (after a user block), where jHDF looks for it; only
        // a file too short for any superblock is refused here
        if (n < HDF5_SIGNATURE_LENGTH)
        {
            throw new NetworkException(where + ": not an HDF5 file (" + n + " bytes); a .nir file is HDF5");
        }
    }

    private static String oneLine(final Throwable e)
    {
        final String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').replace('\r', ' ').trim();
    }

    private static Network readOpen(final HdfFile hdf, final String where)
    {
        checkVersion(hdf);
        final io.jhdf.api.Node root = hdf.getChild("node");
        if (!(root instanceof Group g))
        {
            throw new NetworkException("no group 'node' at the root: not a NIR file");
        }
        final String type = string(g, "type", "node");
        if (!"NIRGraph".equals(type))
        {
            throw new NetworkException("the root node is a " + type + ", not a NIRGraph");
        }
        final Map<String, Node> all = new LinkedHashMap<>();
        final List<Edge> edges = new ArrayList<>();
        final Set<String> passThrough = new LinkedHashSet<>();
        // csr nodes' dense weights (node name -> weight), checked against their CSR arrays after the build
        final Map<String, Tensor> dense = new LinkedHashMap<>();
        flatten(g, "", all, edges, passThrough, dense);
        final Network.Builder b = Network.builder();
        for (final Node n : all.values())
        {
            if (!passThrough.contains(n.name()))
            {
                b.add(n);
            }
        }
        final List<PortCheck> checks = new ArrayList<>();
        for (final Edge e : splice(edges, passThrough, all, checks))
        {
            b.connect(e.source(), e.target());
        }
        final Network net = b.build();
        for (final Map.Entry<String, Tensor> d : dense.entrySet())
        {
            // a csr node's dense weight (written for NIR's own reader) must say what its CSR arrays say
            final Tensor w = d.getValue();
            if (!CsrWeights.dense(net.node(d.getKey())).equals(Tensor.adopt(w.shape(), w.data(), Tensor.DType.FLOAT64)))
            {
                throw new NetworkException("node " + d.getKey() + " (Linear, csr): its weight and its indptr/indices/"
                    + "data disagree");
            }
        }
        for (final PortCheck c : checks)
        {
            if (!net.contains(c.node()))
            {
                continue; // another port: checked where it meets a real node
            }
            final Node n = net.node(c.node());
            final Shape s = c.into() ? n.inShape() : n.outShape();
            if (s.size() != c.port().size())
            {
                throw new NetworkException("edge " + c.edge() + ": shapes do not match, " + (c.into()
                    ? c.edge().source() + " is " + c.port() + " but " + c.node() + " takes " + s
                    : c.node() + " gives " + s + " but " + c.edge().target() + " is " + c.port()));
            }
        }
        return net;
    }

    private static void checkVersion(final HdfFile hdf)
    {
        String v = null;
        final Attribute a = hdf.getAttribute("version");
        if (a != null)
        {
            v = text(a.getData());
        }
        else if (hdf.getChild("version") instanceof Dataset d)
        {
            v = text(d.getData());
        }
        if (v == null)
        {
            return; // NIR 0.1 files may lack it; the layout decides
        }
        final String major = v.trim().split("\\.")[0];
        if (!major.equals("0") && !major.equals("1"))
        {
            throw new NetworkException("NIR version " + v + " is not supported (0.1.x to 1.x are)");
        }
    }

    /**
     * Adds the nodes of graph {@code g} (prefixed) to {@code all} and its edges, with endpoints resolved to
     * flattened names, to {@code edges}. A subgraph's Input and Output nodes are added to {@code passThrough}
     * (they become edges later).
     */
    private static void flatten(final Group g, final String prefix, final Map<String, Node> b, final List<Edge> out,
        final Set<String> passThrough, final Map<String, Tensor> dense)
    {
        final io.jhdf.api.Node nodesNode = g.getChild("nodes");
        if (!(nodesNode instanceof Group nodes))
        {
            throw new NetworkException("graph " + label(prefix) + " has no group 'nodes'");
        }
        final List<String[]> rawEdges = edges(g, prefix);
        final Map<String, Group> subgraphs = new LinkedHashMap<>();
        final Map<String, String> kinds = new LinkedHashMap<>();
        for (final io.jhdf.api.Node child : nodes.getChildren().values())
        {
            if (!(child instanceof Group ng))
            {
                throw new NetworkException("node " + prefix + child.getName() + " is not a group");
            }
            kinds.put(child.getName(), string(ng, "type", prefix + child.getName()));
        }
        final Map<String, String> rename = repairNames(prefix, kinds, rawEdges);
        for (final Map.Entry<String, String> k : kinds.entrySet())
        {
            final String local = rename.getOrDefault(k.getKey(), k.getKey());
            final String name = prefix + local;
            final Group ng = (Group) nodes.getChild(k.getKey());
            if (k.getValue().equals("NIRGraph"))
            {
                subgraphs.put(local, ng);
                continue;
            }
            final Kind nirKind = Kind.ofNirType(k.getValue());
            if (nirKind == null)
            {
                throw new NetworkException("node " + name + ": unknown NIR type '" + k.getValue() + "' (known: "
                    + Kind.nirTypes() + ", NIRGraph)");
            }
            final Node read = readNode(ng, name, nirKind);
            final Node node = scfabricKind(read, k.getValue(), dense);
            final Kind kind = node.kind();
            b.put(name, node);
            if (!prefix.isEmpty() && (kind == Kind.INPUT || kind == Kind.OUTPUT))
            {
                passThrough.add(name);
            }
        }
        // subgraphs: their internal edges go right after the first edge into them
        final Map<String, List<Edge>> subEdges = new LinkedHashMap<>();
        for (final Map.Entry<String, Group> s : subgraphs.entrySet())
        {
            final List<Edge> se = new ArrayList<>();
            flatten(s.getValue(), prefix + s.getKey() + ".", b, se, passThrough, dense);
            subEdges.put(s.getKey(), se);
        }
        for (final String[] e : rawEdges)
        {
            final String src = endpoint(prefix, e[0], rename, subgraphs, b, Kind.OUTPUT, e);
            final String dst = endpoint(prefix, e[1], rename, subgraphs, b, Kind.INPUT, e);
            out.add(new Edge(src, dst));
            final String sub = subgraphOf(e[1], rename, subgraphs);
            if (sub != null && subEdges.get(sub) != null)
            {
                out.addAll(subEdges.put(sub, null));
            }
        }
        for (final List<Edge> rest : subEdges.values())
        {
            if (rest != null)
            {
                out.addAll(rest);
            }
        }
    }

    private static String label(final String prefix)
    {
        return prefix.isEmpty() ? "(root)" : prefix.substring(0, prefix.length() - 1);
    }

    /** The snnTorch subgraph repair described in the class comment; empty at the root and when not needed. */
    private static Map<String, String> repairNames(final String prefix, final Map<String, String> kinds,
        final List<String[]> rawEdges)
    {
        if (prefix.isEmpty())
        {
            return Map.of();
        }
        final Set<String> missing = new LinkedHashSet<>();
        final Set<String> named = new LinkedHashSet<>();
        for (final String[] e : rawEdges)
        {
            for (final String end : e)
            {
                final String head = end.contains(".") ? end.substring(0, end.indexOf('.')) : end;
                if (kinds.containsKey(end) || kinds.containsKey(head))
                {
                    named.add(kinds.containsKey(end) ? end : head);
                }
                else
                {
                    missing.add(end);
                }
            }
        }
        final List<String> unnamed = new ArrayList<>();
        for (final Map.Entry<String, String> k : kinds.entrySet())
        {
            if (!named.contains(k.getKey()) && !k.getValue().equals("Input") && !k.getValue().equals("Output"))
            {
                unnamed.add(k.getKey());
            }
        }
        if (missing.size() == 1 && unnamed.size() == 1)
        {
            return Map.of(unnamed.get(0), missing.iterator().next());
        }
        return Map.of();
    }

    private static String subgraphOf(final String end, final Map<String, String> rename, final Map<String, Group> subgraphs)
    {
        if (subgraphs.containsKey(end))
        {
            return end;
        }
        final int dot = end.indexOf('.');
        return dot > 0 && subgraphs.containsKey(end.substring(0, dot)) ? end.substring(0, dot) : null;
    }

    /** The flattened name of an edge endpoint; {@code port} is the kind a subgraph endpoint resolves to. */
    private static String endpoint(final String prefix, final String end, final Map<String, String> rename,
        final Map<String, Group> subgraphs, final Map<String, Node> b, final Kind port, final String[] edge)
    {
        final String edgeName = prefix + edge[0] + " -> " + prefix + edge[1];
        if (b.containsKey(prefix + end))
        {
            return prefix + end;
        }
        final String sub = subgraphOf(end, rename, subgraphs);
        if (sub == null)
        {
            throw new NetworkException("edge " + edgeName + ": no node named " + prefix + end);
        }
        if (!end.equals(sub))
        {
            // sub.port: must be one of its Input/Output nodes, already added under that name
            throw new NetworkException("edge " + edgeName + ": no node named " + prefix + end);
        }
        final List<String> ports = new ArrayList<>();
        final Group nodes = (Group) subgraphs.get(sub).getChild("nodes");
        for (final io.jhdf.api.Node child : nodes.getChildren().values())
        {
            if (child instanceof Group ng && port.nirType().equals(string(ng, "type", child.getName())))
            {
                ports.add(prefix + sub + "." + child.getName());
            }
        }
        if (ports.size() != 1)
        {
            throw new NetworkException("edge " + edgeName + ": subgraph " + prefix + sub + " has " + ports.size() + " "
                + port.nirType() + " nodes; name one (" + prefix + sub + ".NAME)");
        }
        return ports.get(0);
    }

    /**
     * A subgraph port's declared shape against the real node on the other side of one of its edges, checked
     * once the network is built ({@code into}: the port feeds {@code node}).
     */
    private record PortCheck(Edge edge, String node, Shape port, boolean into)
    {
    }

    /** Replaces every path through a subgraph port by direct edges, keeping the edge-list order. */
    private static List<Edge> splice(final List<Edge> edges, final Set<String> passThrough,
        final Map<String, Node> all, final List<PortCheck> checks)
    {
        List<Edge> cur = edges;
        for (final String p : passThrough)
        {
            final Node port = all.get(p);
            if (port.has("shape"))
            {
                final Shape ps = Shape.of(port.param("shape").ints("node " + p + " shape"));
                for (final Edge e : cur)
                {
                    if (e.target().equals(p))
                    {
                        checks.add(new PortCheck(e, e.source(), ps, false));
                    }
                    else if (e.source().equals(p))
                    {
                        checks.add(new PortCheck(e, e.target(), ps, true));
                    }
                }
            }
            final List<String> targets = new ArrayList<>();
            for (final Edge e : cur)
            {
                if (e.source().equals(p))
                {
                    targets.add(e.target());
                }
            }
            final List<Edge> next = new ArrayList<>();
            for (final Edge e : cur)
            {
                if (e.source().equals(p))
                {
                    continue;
                }
                if (e.target().equals(p))
                {
                    for (final String t : targets)
                    {
                        next.add(new Edge(e.source(), t));
                    }
                    continue;
                }
                next.add(e);
            }
            cur = next;
        }
        return cur;
    }

    private static List<String[]> edges(final Group g, final String prefix)
    {
        final io.jhdf.api.Node en = g.getChild("edges");
        if (en == null)
        {
            return List.of();
        }
        if (!(en instanceof Dataset d))
        {
            throw new NetworkException("graph " + label(prefix) + ": 'edges' is not a dataset");
        }
        final int[] dims = d.getDimensions();
        if (d.isEmpty() || dims.length == 0 || dims[0] == 0)
        {
            return List.of();
        }
        if (dims.length != 2 || dims[1] != 2)
        {
            throw new NetworkException("graph " + label(prefix) + ": edges must be an (E, 2) array, it is "
                + java.util.Arrays.toString(dims));
        }
        final Object flat = d.getDataFlat();
        if (!(flat instanceof Object[] a))
        {
            throw new NetworkException("graph " + label(prefix) + ": edges must be strings");
        }
        final List<String[]> r = new ArrayList<>();
        for (int i = 0; i < dims[0]; i++)
        {
            r.add(new String[] {text(a[2 * i]), text(a[2 * i + 1])});
        }
        return r;
    }

    /**
     * The node as scfabric's own kind when its metadata names one ({@code scfabric.kind}): a {@code brunel}
     * LIF, a {@code csr} Linear; an Input stays an Input (a {@code numpy_poisson} source is told by its
     * metadata). An unknown value is an error naming the node and the values known for its type.
     */
    private static Node scfabricKind(final Node node, final String type, final Map<String, Tensor> dense)
    {
        final String sk = node.metadata().get(NirMetadata.KIND);
        if (sk == null || node.kind() == Kind.INPUT && sk.equals(NirMetadata.NUMPY_POISSON)
            || node.kind() == Kind.LIF && sk.equals(NirMetadata.KIND_BRIAN2))
        {
            // a brian2 population stays a LIF node: its metadata says how it steps (docs/brian2.md)
            return node;
        }
        final Kind kind = Kind.of(type, sk);
        if (kind == null)
        {
            throw new NetworkException("node " + node.name() + ": " + NirMetadata.KIND + " '" + sk + "' is not known for a "
                + type + " node (known: " + (type.equals("Input") ? NirMetadata.NUMPY_POISSON
                : type.equals("LIF") ? Kind.scfabricKinds(type) + ", " + NirMetadata.KIND_BRIAN2 : Kind.scfabricKinds(type))
                + ")");
        }
        Map<String, Tensor> params = node.params();
        if (kind == Kind.CSR_LINEAR && params.containsKey("weight"))
        {
            // the dense copy for NIR's own reader: checked against the CSR arrays once the network is built
            params = new LinkedHashMap<>(params);
            dense.put(node.name(), params.remove("weight"));
        }
        return new Node(node.name(), kind, params, node.metadata(), null, null);
    }

    private static Node readNode(final Group ng, final String name, final Kind kind)
    {
        final Map<String, Tensor> params = new LinkedHashMap<>();
        final Map<String, String> meta = new LinkedHashMap<>();
        for (final io.jhdf.api.Node c : ng.getChildren().values())
        {
            final String p = c.getName();
            if (p.equals("type"))
            {
                continue;
            }
            if (c instanceof Group sub)
            {
                if (p.equals("metadata"))
                {
                    readMetadata(sub, name, meta);
                }
                else if (kind == Kind.INPUT && p.equals("input_type") || kind == Kind.OUTPUT && p.equals("output_type")
                    || kind == Kind.FLATTEN && p.equals("input_type"))
                {
                    // NIR 1.x: {port name: shape}, one port per node here. Other nodes' input_type/output_type
                    // restate what shape inference finds from the edges, so they are not kept as parameters
                    final Tensor t = onlyTensor(sub, name, p);
                    if (t != null)
                    {
                        params.put(kind == Kind.FLATTEN ? "input_type" : "shape", t);
                    }
                }
                continue;
            }
            final Dataset d = (Dataset) c;
            if (d.isEmpty())
            {
                continue;
            }
            final Object data = d.isScalar() ? d.getData() : d.getDataFlat();
            if (data instanceof String || data instanceof String[])
            {
                final String s = text(data instanceof String[] a ? a[0] : data);
                if (p.equals("padding") && (kind == Kind.CONV1D || kind == Kind.CONV2D))
                {
                    params.put(p, namedPadding(ng, name, kind, s));
                    continue;
                }
                throw new NetworkException("node " + name + " parameter " + p + ": expected numbers, got text '" + s + "'");
            }
            params.put(p, tensor(d, data, name + " parameter " + p));
        }
        if ((kind == Kind.INPUT || kind == Kind.OUTPUT) && params.containsKey("input_type") && !params.containsKey("shape"))
        {
            params.put("shape", params.remove("input_type"));
        }
        checkValues(name, params, meta);
        return new Node(name, kind, params, meta, null, null);
    }

    /**
     * Values no simulator can run: a NaN or infinite parameter, a time constant that is not positive, a negative
     * delay, an arithmetic scfabric does not have. Refused here, naming the node, before they become NaN figures.
     */
    static void checkValues(final String name, final Map<String, Tensor> params, final Map<String, String> meta)
    {
        for (final Map.Entry<String, Tensor> e : params.entrySet())
        {
            final String p = e.getKey();
            final double[] v = e.getValue().data();
            for (int i = 0; i < v.length; i++)
            {
                final String at = v.length == 1 ? "" : " (element " + i + ")";
                if (!Double.isFinite(v[i]))
                {
                    throw new NetworkException("node " + name + " parameter " + p + at + " is " + v[i]
                        + "; parameters must be finite numbers");
                }
                if (p.startsWith("tau") && v[i] <= 0)
                {
                    throw new NetworkException("node " + name + " parameter " + p + at + " is " + v[i]
                        + "; a time constant must be > 0 seconds");
                }
                if (p.equals("delay") && v[i] < 0)
                {
                    throw new NetworkException("node " + name + " parameter delay" + at + " is " + v[i]
                        + "; a delay must be >= 0 seconds");
                }
            }
        }
        final String arith = meta.get(NirMetadata.ARITH);
        if (arith != null && !List.of("float64", "q8.8", "q16.12", "sc").contains(arith))
        {
            throw new NetworkException("node " + name + " metadata " + NirMetadata.ARITH + " is '" + arith
                + "'; accepted: float64, q8.8, q16.12, sc");
        }
    }

    private static Tensor onlyTensor(final Group sub, final String name, final String p)
    {
        Tensor t = null;
        for (final io.jhdf.api.Node c : sub.getChildren().values())
        {
            if (c instanceof Dataset d && !d.isEmpty())
            {
                if (t != null)
                {
                    throw new NetworkException("node " + name + " " + p + ": more than one port; scfabric takes one");
                }
                t = tensor(d, d.isScalar() ? d.getData() : d.getDataFlat(), name + " " + p);
            }
        }
        return t;
    }

    private static void readMetadata(final Group sub, final String name, final Map<String, String> meta)
    {
        for (final io.jhdf.api.Node c : sub.getChildren().values())
        {
            if (c instanceof Dataset d && !d.isEmpty())
            {
                final Object v = d.isScalar() ? d.getData() : d.getDataFlat();
                if (v instanceof String || v instanceof String[])
                {
                    meta.put(c.getName(), text(v instanceof String[] a ? a[0] : v));
                }
                else if (v instanceof Number n)
                {
                    meta.put(c.getName(), n.toString());
                }
            }
        }
    }

    /** PyTorch's padding="valid" (none) or "same" (stride 1, symmetric: d(k-1) must be even). */
    private static Tensor namedPadding(final Group ng, final String name, final Kind kind, final String s)
    {
        final int dims = kind == Kind.CONV1D ? 1 : 2;
        if (s.equals("valid"))
        {
            return Tensor.vector(new double[dims]);
        }
        if (!s.equals("same"))
        {
            throw new NetworkException("node " + name + " padding '" + s + "': expected numbers, 'valid' or 'same'");
        }
        final Dataset w = (Dataset) ng.getChild("weight");
        final int[] wd = w.getDimensions();
        final double[] dil = ng.getChild("dilation") instanceof Dataset dd
            ? tensor(dd, dd.isScalar() ? dd.getData() : dd.getDataFlat(), name + " dilation").broadcast(dims, name + " dilation")
            : new double[] {1, 1};
        final double[] pad = new double[dims];
        for (int i = 0; i < dims; i++)
        {
            final int total = (int) dil[i] * (wd[wd.length - dims + i] - 1);
            if (total % 2 != 0)
            {
                throw new NetworkException("node " + name + ": padding 'same' would be asymmetric here (kernel "
                    + wd[wd.length - dims + i] + ", dilation " + (int) dil[i] + "); give numbers");
            }
            pad[i] = total / 2;
        }
        return Tensor.vector(pad);
    }

    private static Tensor tensor(final Dataset d, final Object data, final String what)
    {
        final Shape shape = Shape.of(d.isScalar() ? new int[0] : d.getDimensions());
        if (data instanceof Number n)
        {
            final Tensor.DType t = n instanceof Float ? Tensor.DType.FLOAT32 : n instanceof Double
                ? Tensor.DType.FLOAT64 : n instanceof Integer ? Tensor.DType.INT32 : Tensor.DType.INT64;
            return new Tensor(shape, new double[] {n.doubleValue()}, t);
        }
        if (data instanceof Boolean bool)
        {
            return new Tensor(shape, new double[] {bool ? 1 : 0}, Tensor.DType.INT64);
        }
        if (data instanceof float[] f)
        {
            final double[] r = new double[f.length];
            for (int i = 0; i < f.length; i++)
            {
                r[i] = f[i];
            }
            return Tensor.adopt(shape, r, Tensor.DType.FLOAT32);
        }
        if (data instanceof double[] v)
        {
            return Tensor.adopt(shape, v, Tensor.DType.FLOAT64);
        }
        final double[] r;
        if (data instanceof long[] l)
        {
            r = new double[l.length];
            for (int i = 0; i < l.length; i++)
            {
                r[i] = l[i];
            }
        }
        else if (data instanceof int[] l)
        {
            final double[] v = new double[l.length];
            for (int i = 0; i < l.length; i++)
            {
                v[i] = l[i];
            }
            return Tensor.adopt(shape, v, Tensor.DType.INT32);
        }
        else if (data instanceof short[] l)
        {
            r = new double[l.length];
            for (int i = 0; i < l.length; i++)
            {
                r[i] = l[i];
            }
        }
        else if (data instanceof byte[] l)
        {
            r = new double[l.length];
            for (int i = 0; i < l.length; i++)
            {
                r[i] = l[i];
            }
        }
        else if (data instanceof boolean[] l)
        {
            r = new double[l.length];
            for (int i = 0; i < l.length; i++)
            {
                r[i] = l[i] ? 1 : 0;
            }
        }
        else
        {
            throw new NetworkException(what + ": unsupported data type " + d.getJavaType());
        }
        return Tensor.adopt(shape, r, Tensor.DType.INT64);
    }

    private static String string(final Group g, final String child, final String name)
    {
        final io.jhdf.api.Node c = g.getChild(child);
        if (!(c instanceof Dataset d))
        {
            throw new NetworkException("node " + name + " has no '" + child + "' dataset");
        }
        final String s = text(d.isScalar() ? d.getData() : d.getDataFlat());
        if (s == null)
        {
            throw new NetworkException("node " + name + ": '" + child + "' is not a string");
        }
        return s;
    }

    /** A string from a jHDF value: String, a one-element String[] or raw bytes. */
    private static String text(final Object o)
    {
        if (o instanceof String s)
        {
            return s.trim().replace("\0", "");
        }
        if (o instanceof String[] a && a.length == 1)
        {
            return text(a[0]);
        }
        if (o instanceof byte[] b)
        {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8).replace("\0", "").trim();
        }
        return null;
    }
}
