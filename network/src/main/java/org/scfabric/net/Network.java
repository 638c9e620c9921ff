package org.scfabric.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The one in-memory representation of a spiking network: nodes (neuron populations, stateless operators,
 * input and output ports), edges, shapes. Every front end (NIR files, the Brunel generator, ...) produces it,
 * every back end (float64 reference, fixed point, SC) consumes it. Immutable once built.
 *
 * <p>Evaluation order, fixed here so that every back end agrees: nodes run in {@link #order() topological
 * order} of the graph without its back edges. A back edge is one that closes a cycle, found by depth-first
 * search from the Input nodes (in name order, then any node not reached, in insertion order), visiting a
 * node's successors in the order of the edge list; it carries its source's output of the previous step.
 *
 * <p>Nodes and edges are addressed by their index (insertion order) so that back ends can keep flat arrays.
 */
public final class Network
{
    private final List<Node> nodes;
    private final List<Edge> edges;
    private final Map<String, Integer> index;
    private final int[] edgeSource;
    private final int[] edgeTarget;
    private final boolean[] back;
    private final int[] order;
    private final int[][] incoming;

    private Network(final List<Node> nodes, final List<Edge> edges, final Map<String, Integer> index,
        final int[] edgeSource, final int[] edgeTarget, final boolean[] back, final int[] order)
    {
        this.nodes = Collections.unmodifiableList(nodes);
        this.edges = Collections.unmodifiableList(edges);
        this.index = index;
        this.edgeSource = edgeSource;
        this.edgeTarget = edgeTarget;
        this.back = back;
        this.order = order;
        final int[] count = new int[nodes.size()];
        for (final int t : edgeTarget)
        {
            count[t]++;
        }
        incoming = new int[nodes.size()][];
        for (int i = 0; i < count.length; i++)
        {
            incoming[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int e = 0; e < edgeTarget.length; e++)
        {
            incoming[edgeTarget[e]][count[edgeTarget[e]]++] = e;
        }
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** The nodes, in insertion order (node index = position here). */
    public List<Node> nodes()
    {
        return nodes;
    }

    /** The edges, in the order that sums inputs (edge index = position here). */
    public List<Edge> edges()
    {
        return edges;
    }

    public int size()
    {
        return nodes.size();
    }

    public Node node(final int i)
    {
        return nodes.get(i);
    }

    public Node node(final String name)
    {
        return nodes.get(indexOf(name));
    }

    public boolean contains(final String name)
    {
        return index.containsKey(name);
    }

    public int indexOf(final String name)
    {
        final Integer i = index.get(name);
        if (i == null)
        {
            throw new NetworkException("no node named " + name);
        }
        return i;
    }

    public int edgeSource(final int edge)
    {
        return edgeSource[edge];
    }

    public int edgeTarget(final int edge)
    {
        return edgeTarget[edge];
    }

    /** True if the edge closes a cycle: it carries its source's output of the previous step. */
    public boolean isBackEdge(final int edge)
    {
        return back[edge];
    }

    /** Number of back edges (each closes at least one cycle of the graph). */
    public int backEdgeCount()
    {
        int n = 0;
        for (final boolean b : back)
        {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The edges into node {@code i}, in edge-list order (the order its input is summed in). */
    public int[] incoming(final int i)
    {
        return incoming[i].clone();
    }

    /** Node indices in evaluation order: topological in the graph without back edges. */
    public int[] order()
    {
        return order.clone();
    }

    /** Indices of the nodes of one kind, in name order (Input and Output nodes are addressed by name). */
    public int[] ofKind(final Kind kind)
    {
        final List<Integer> r = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++)
        {
            if (nodes.get(i).kind() == kind)
            {
                r.add(i);
            }
        }
        r.sort((a, b) -> nodes.get(a).name().compareTo(nodes.get(b).name()));
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    public int[] inputs()
    {
        return ofKind(Kind.INPUT);
    }

    public int[] outputs()
    {
        return ofKind(Kind.OUTPUT);
    }

    /** Total neurons over all populations. */
    public long neurons()
    {
        long n = 0;
        for (final Node node : nodes)
        {
            n += node.neurons();
        }
        return n;
    }

    /** Same nodes (to the bit) and the same edges in the same order. */
    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Network n && nodes.equals(n.nodes) && edges.equals(n.edges);
    }

    @Override
    public int hashCode()
    {
        return nodes.hashCode() * 31 + edges.hashCode();
    }

    @Override
    public String toString()
    {
        return "Network" + nodes + " " + edges;
    }

    /** Collects nodes and edges; {@link #build()} checks them and infers shapes. */
    public static final class Builder
    {
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final List<Edge> edges = new ArrayList<>();

        public Builder add(final Node node)
        {
            if (nodes.putIfAbsent(node.name(), node) != null)
            {
                throw new NetworkException("two nodes are named " + node.name());
            }
            return this;
        }

        public Builder connect(final String source, final String target)
        {
            edges.add(new Edge(source, target));
            return this;
        }

        public boolean contains(final String name)
        {
            return nodes.containsKey(name);
        }

        /**
         * Checks the network (edges between existing nodes, required parameters, no cycle of stateless
         * nodes only, shapes that match along every edge), fills in parameter defaults and infers shapes.
         */
        public Network build()
        {
            final List<Node> list = new ArrayList<>();
            final Map<String, Integer> index = new HashMap<>();
            for (final Node n : nodes.values())
            {
                if (n.kind() == null)
                {
                    throw new NetworkException("node " + n.name() + " has no kind");
                }
                index.put(n.name(), list.size());
                list.add(withDefaults(n));
            }
            final int e = edges.size();
            final int[] src = new int[e];
            final int[] dst = new int[e];
            for (int i = 0; i < e; i++)
            {
                final Edge edge = edges.get(i);
                final Integer s = index.get(edge.source());
                final Integer t = index.get(edge.target());
                if (s == null || t == null)
                {
                    throw new NetworkException("edge " + edge + ": no node named " + (s == null ? edge.source()
                        : edge.target()));
                }
                src[i] = s;
                dst[i] = t;
                if (list.get(t).kind() == Kind.INPUT)
                {
                    throw new NetworkException("edge " + edge + ": " + edge.target() + " is an Input node (it takes no edges)");
                }
                if (list.get(s).kind() == Kind.OUTPUT)
                {
                    throw new NetworkException("edge " + edge + ": " + edge.source() + " is an Output node (no edge leaves it)");
                }
            }
            checkStatelessCycles(list, src, dst);
            final boolean[] back = backEdges(list, src, dst);
            final int[] order = topologicalOrder(list.size(), src, dst, back);
            Shapes.infer(list, edges, src, dst, back, order);
            return new Network(list, new ArrayList<>(edges), index, src, dst, back, order);
        }

        private static Node withDefaults(final Node n)
        {
            for (final String p : n.kind().required())
            {
                if (!n.has(p))
                {
                    throw new NetworkException("node " + n.name() + " (" + n.kind().nirType() + ") lacks parameter " + p);
                }
            }
            final Map<String, Double> defaults = n.kind().defaults();
            if (defaults.isEmpty() || n.params().keySet().containsAll(defaults.keySet()))
            {
                return n;
            }
            final Map<String, Tensor> p = new LinkedHashMap<>(n.params());
            for (final Map.Entry<String, Double> d : defaults.entrySet())
            {
                p.putIfAbsent(d.getKey(), Tensor.scalar(d.getValue()));
            }
            return n.withParams(p);
        }

        /** Successor edge lists per node, in edge-list order. */
        private static int[][] outgoing(final int n, final int[] src)
        {
            final int[] count = new int[n];
            for (final int s : src)
            {
                count[s]++;
            }
            final int[][] out = new int[n][];
            for (int i = 0; i < n; i++)
            {
                out[i] = new int[count[i]];
                count[i] = 0;
            }
            for (int e = 0; e < src.length; e++)
            {
                out[src[e]][count[src[e]]++] = e;
            }
            return out;
        }

        /** Depth-first search from the Inputs in name order, then the rest in insertion order. */
        private static boolean[] backEdges(final List<Node> list, final int[] src, final int[] dst)
        {
            final int n = list.size();
            final int[][] out = outgoing(n, src);
            final boolean[] back = new boolean[src.length];
            final byte[] state = new byte[n]; // 0 new, 1 on the stack, 2 done
            final List<Integer> roots = new ArrayList<>();
            for (int i = 0; i < n; i++)
            {
                if (list.get(i).kind() == Kind.INPUT)
                {
                    roots.add(i);
                }
            }
            roots.sort((a, b) -> list.get(a).name().compareTo(list.get(b).name()));
            for (int i = 0; i < n; i++)
            {
                roots.add(i);
            }
            final int[] stack = new int[n];
            final int[] next = new int[n];
            for (final int root : roots)
            {
                if (state[root] != 0)
                {
                    continue;
                }
                int top = 0;
                stack[0] = root;
                next[0] = 0;
                state[root] = 1;
                while (top >= 0)
                {
                    final int v = stack[top];
                    if (next[top] == out[v].length)
                    {
                        state[v] = 2;
                        top--;
                        continue;
                    }
                    final int edge = out[v][next[top]++];
                    final int w = dst[edge];
                    if (state[w] == 1)
                    {
                        back[edge] = true;
                    }
                    else if (state[w] == 0)
                    {
                        state[w] = 1;
                        top++;
                        stack[top] = w;
                        next[top] = 0;
                    }
                }
            }
            return back;
        }

        /** Kahn's algorithm over the forward edges; ties go to the node inserted first. */
        private static int[] topologicalOrder(final int n, final int[] src, final int[] dst, final boolean[] back)
        {
            final int[] indegree = new int[n];
            for (int e = 0; e < src.length; e++)
            {
                if (!back[e])
                {
                    indegree[dst[e]]++;
                }
            }
            final int[][] out = outgoing(n, src);
            final PriorityQueue<Integer> ready = new PriorityQueue<>();
            for (int i = 0; i < n; i++)
            {
                if (indegree[i] == 0)
                {
                    ready.add(i);
                }
            }
            final int[] order = new int[n];
            int k = 0;
            while (!ready.isEmpty())
            {
                final int v = ready.poll();
                order[k++] = v;
                for (final int e : out[v])
                {
                    if (!back[e] && --indegree[dst[e]] == 0)
                    {
                        ready.add(dst[e]);
                    }
                }
            }
            if (k != n)
            {
                throw new IllegalStateException("forward graph has a cycle after removing back edges");
            }
            return order;
        }

        /** A cycle through stateless nodes only would need this step's output to compute itself: refused. */
        private static void checkStatelessCycles(final List<Node> list, final int[] src, final int[] dst)
        {
            final int n = list.size();
            final int[][] out = outgoing(n, src);
            final byte[] state = new byte[n];
            final int[] stack = new int[n];
            final int[] next = new int[n];
            for (int root = 0; root < n; root++)
            {
                if (state[root] != 0 || list.get(root).kind().stateful())
                {
                    continue;
                }
                int top = 0;
                stack[0] = root;
                next[0] = 0;
                state[root] = 1;
                while (top >= 0)
                {
                    final int v = stack[top];
                    if (next[top] == out[v].length)
                    {
                        state[v] = 2;
                        top--;
                        continue;
                    }
                    final int w = dst[out[v][next[top]++]];
                    if (list.get(w).kind().stateful())
                    {
                        continue;
                    }
                    if (state[w] == 1)
                    {
                        final StringBuilder cycle = new StringBuilder();
                        int from = 0;
                        while (stack[from] != w)
                        {
                            from++;
                        }
                        for (int i = from; i <= top; i++)
                        {
                            cycle.append(list.get(stack[i]).name()).append(" -> ");
                        }
                        cycle.append(list.get(w).name());
                        throw new NetworkException("cycle of stateless nodes only (" + cycle
                            + "): a cycle needs a neuron or a Delay to carry a value to the next step");
                    }
                    if (state[w] == 0)
                    {
                        state[w] = 1;
                        top++;
                        stack[top] = w;
                        next[top] = 0;
                    }
                }
            }
        }
    }
}
