package org.scfabric.bench.brian2;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirMetadata;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A captured Brian2 network as scfabric's network model (docs/brian2.md, "What the NIR file holds"):
 * <ul>
 * <li>each NeuronGroup: a LIF node ({@code scfabric.kind = brian2}) with per-neuron τ, v_leak, threshold and
 * reset, its currents, method, refractory steps and realised initial values in metadata;</li>
 * <li>each Synapses' {@code on_pre} target and delay: a sparse ({@code csr}) Linear (the realised i, j and weights, summed per
 * pair) into a Delay of Brian2's delay + 1 steps that names the target variable;</li>
 * <li>each PoissonInput: an Input node drawing binomial(N, rate·dt), a Scale by the weight, a Delay of one
 * step; each PoissonGroup: such an Input with N = 1, feeding its synapses as a group does;</li>
 * <li>each SpikeGeneratorGroup: an Input that plays its spikes ({@code scfabric.spike_steps}, {@code spike_index}),
 * feeding its synapses as a group does.</li>
 * </ul>
 */
public final class Translation
{
    /** The network, its dt (s) and the number of steps of the captured run. */
    public record Result(Network network, double dt, int steps, long synapses)
    {
    }

    private Translation()
    {
    }

    public static Result of(final CaptureReader cap, final long seed) throws IOException
    {
        final JsonNode r = cap.root();
        final double dt = r.get("dt").asDouble();
        final Parts b = new Parts(dt);
        final Map<String, Integer> sizes = new LinkedHashMap<>();
        int sources = 0;
        for (final JsonNode g : r.get("spike_generators"))
        {
            // a spike list: Brian2's times rounded to steps by the shim, as Brian2's own timebins
            final long[] steps = cap.longs(g.get("step"));
            final long[] index = cap.longs(g.get("index"));
            final int n = g.get("n").asInt();
            b.add(new Node(g.get("name").asText(), Kind.INPUT, Map.of("shape", Tensor.vector(n)), Map.of(
                NirMetadata.SPIKE_STEPS, longs(steps), NirMetadata.SPIKE_INDEX, longs(index)), null, null));
            sizes.put(g.get("name").asText(), n);
        }
        for (final JsonNode g : r.get("groups"))
        {
            final int n = g.get("n").asInt();
            final String name = g.get("name").asText();
            final Map<String, Tensor> p = new LinkedHashMap<>();
            p.put("tau", Tensor.of(Shape.of(n), cap.doubles(g.get("tau"))));
            p.put("r", Tensor.scalar(1.0));
            p.put("v_leak", Tensor.of(Shape.of(n), cap.doubles(g.get("v_leak"))));
            p.put("v_threshold", Tensor.of(Shape.of(n), cap.doubles(g.get("threshold"))));
            p.put("v_reset", Tensor.of(Shape.of(n), cap.doubles(g.get("reset"))));
            final Map<String, String> m = new LinkedHashMap<>();
            m.put(NirMetadata.KIND, NirMetadata.KIND_BRIAN2);
            final List<String> vars = new ArrayList<>(List.of(g.get("membrane").asText()));
            final List<String> held = new ArrayList<>();
            if (g.get("unless_refractory").asBoolean())
            {
                held.add(vars.get(0));
            }
            final StringBuilder init = new StringBuilder(NirMetadata.join(cap.doubles(g.get("init"))));
            final List<String> taus = new ArrayList<>();
            final List<String> rs = new ArrayList<>();
            for (final JsonNode c : g.get("currents"))
            {
                vars.add(c.get("name").asText());
                if (c.get("unless_refractory").asBoolean())
                {
                    held.add(c.get("name").asText());
                }
                init.append(';').append(NirMetadata.join(cap.doubles(c.get("init"))));
                taus.add(NirMetadata.join(cap.doubles(c.get("tau"))));
                rs.add(NirMetadata.join(cap.doubles(c.get("r"))));
            }
            m.put(NirMetadata.STATE_VARS, String.join(",", vars));
            m.put(NirMetadata.METHOD, g.get("method").asText());
            m.put(NirMetadata.DT, Double.toString(dt));
            m.put(NirMetadata.THRESHOLD_OP, g.get("threshold_op").asText());
            m.put(NirMetadata.RESET_OP, g.get("reset_op").asText());
            m.put(NirMetadata.REFRACTORY_STEPS, Integer.toString(g.get("refractory_steps").asInt()));
            m.put(NirMetadata.REFRACTORY_S, Double.toString(g.get("refractory_steps").asInt() * dt));
            m.put(NirMetadata.UNLESS_REFRACTORY, String.join(",", held));
            m.put(NirMetadata.INITIAL, init.toString());
            if (!taus.isEmpty())
            {
                m.put(NirMetadata.CURRENT_TAU, String.join(";", taus));
                m.put(NirMetadata.CURRENT_R, String.join(";", rs));
            }
            b.add(new Node(name, Kind.LIF, p, m, null, null));
            sizes.put(name, n);
        }
        for (final JsonNode pg : r.get("poisson_groups"))
        {
            final int n = pg.get("n").asInt();
            final String name = pg.get("name").asText();
            b.add(new Node(name, Kind.INPUT, Map.of("shape", Tensor.vector(n)), Map.of(NirMetadata.POISSON_HZ,
                NirMetadata.join(cap.doubles(pg.get("rates"))), NirMetadata.POISSON_N, "1", NirMetadata.SEED,
                Long.toString(seed + sources++)), null, null));
            sizes.put(name, n);
        }
        long synapses = 0;
        for (final JsonNode s : r.get("synapses"))
        {
            final String name = s.get("name").asText();
            final String src = s.get("source").asText();
            final String dst = s.get("target").asText();
            final int ns = sizes.get(src);
            final int nt = sizes.get(dst);
            final long[] i = cap.longs(s.get("i"));
            final long[] j = cap.longs(s.get("j"));
            final long[] d = cap.longs(s.get("delay_steps"));
            if (i.length == 0)
            {
                continue; // connect() made no synapse (p = 0, or a small p on a small group): nothing to translate
            }
            synapses += i.length;
            for (final JsonNode on : s.get("on_pre"))
            {
                final String var = on.get("var").asText();
                final double[] w = cap.doubles(on.get("weight"));
                // one sparse Linear + Delay per distinct delay, in increasing delay
                final TreeMap<Long, int[]> byDelay = byDelay(d);
                for (final Map.Entry<Long, int[]> e : byDelay.entrySet())
                {
                    final String base = name + "." + var + (byDelay.size() > 1 ? ".d" + e.getKey() : "");
                    b.add(SparseSynapses.linear(base + ".w", nt, ns, i, j, w, e.getValue()));
                    b.add(delay(base + ".delay", nt, e.getKey(), dt, var));
                    b.connect(src, base + ".w").connect(base + ".w", base + ".delay").connect(base + ".delay", dst);
                }
            }
        }
        for (final JsonNode pi : r.get("poisson_inputs"))
        {
            final String name = pi.get("name").asText();
            final String dst = pi.get("target").asText();
            final int size = pi.get("size").asInt();
            final int off = pi.get("offset").asInt();
            final int nt = sizes.get(dst);
            final String var = pi.get("var").asText();
            b.add(new Node(name, Kind.INPUT, Map.of("shape", Tensor.vector(size)), Map.of(NirMetadata.POISSON_HZ,
                Double.toString(pi.get("rate").asDouble()), NirMetadata.POISSON_N,
                Integer.toString(pi.get("N").asInt()), NirMetadata.SEED, Long.toString(seed + sources++)), null, null));
            b.add(new Node(name + ".w", Kind.SCALE, Map.of("scale", Tensor.of(Shape.of(size),
                filled(size, pi.get("weight").asDouble())))));
            b.connect(name, name + ".w");
            String last = name + ".w";
            if (size != nt)
            {
                b.add(SparseSynapses.embedding(name + ".embed", nt, size, off));
                b.connect(last, name + ".embed");
                last = name + ".embed";
            }
            b.add(delay(name + ".delay", nt, 0, dt, var));
            b.connect(last, name + ".delay").connect(name + ".delay", dst);
        }
        return new Result(b.network(), dt, r.get("steps").asInt(), synapses);
    }

    /**
     * Nodes and edges, built into a network whose delays are exact: a Delay holds Brian2's delay + 1 steps, but
     * one step less where its synapses close a cycle (group -> Linear -> Delay -> group), because the cycle's
     * back edge already carries the previous step's values (docs/nir.md, evaluation order).
     */
    private static final class Parts
    {
        private final double dt;
        private final List<Node> nodes = new ArrayList<>();
        private final List<String[]> edges = new ArrayList<>();

        Parts(final double dt)
        {
            this.dt = dt;
        }

        Parts add(final Node n)
        {
            nodes.add(n);
            return this;
        }

        Parts connect(final String s, final String t)
        {
            edges.add(new String[] {s, t});
            return this;
        }

        Network network()
        {
            final Network first = build(java.util.Set.of());
            final java.util.Set<String> closing = new java.util.TreeSet<>();
            for (int e = 0; e < first.edges().size(); e++)
            {
                if (!first.isBackEdge(e))
                {
                    continue;
                }
                final Node src = first.node(first.edgeSource(e));
                final Node dst = first.node(first.edgeTarget(e));
                if (src.metadata().containsKey(NirMetadata.DELAY_STEPS))
                {
                    closing.add(src.name());
                }
                else
                {
                    // the back edge enters the chain before its Delay: group -> (Linear ->) Delay
                    String at = dst.name();
                    for (int hop = 0; hop < 3 && !first.node(at).metadata().containsKey(NirMetadata.DELAY_STEPS); hop++)
                    {
                        at = next(at);
                    }
                    if (at == null || !first.node(at).metadata().containsKey(NirMetadata.DELAY_STEPS))
                    {
                        throw new NetworkException("edge " + first.edges().get(e) + " closes a cycle without a "
                            + "synaptic Delay on it");
                    }
                    closing.add(at);
                }
            }
            return closing.isEmpty() ? first : build(closing);
        }

        private String next(final String name)
        {
            if (name == null)
            {
                return null;
            }
            for (final String[] e : edges)
            {
                if (e[0].equals(name))
                {
                    return e[1];
                }
            }
            return null;
        }

        private Network build(final java.util.Set<String> closing)
        {
            final Network.Builder b = Network.builder();
            for (final Node n : nodes)
            {
                if (closing.contains(n.name()))
                {
                    final long steps = Long.parseLong(n.metadata().get(NirMetadata.DELAY_STEPS));
                    final int size = n.param("delay").size();
                    b.add(new Node(n.name(), Kind.DELAY, Map.of("delay", Tensor.of(Shape.of(size), filled(size,
                        steps * dt))), n.metadata(), null, null));
                }
                else
                {
                    b.add(n);
                }
            }
            for (final String[] e : edges)
            {
                b.connect(e[0], e[1]);
            }
            return b.build();
        }
    }

    private static double[] filled(final int n, final double v)
    {
        final double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static String longs(final long[] a)
    {
        final StringBuilder b = new StringBuilder(a.length * 6);
        for (int k = 0; k < a.length; k++)
        {
            b.append(k == 0 ? "" : ",").append(a[k]);
        }
        return b.toString();
    }

    /** The synapses of each delay (steps), in Brian2's order within each. */
    private static TreeMap<Long, int[]> byDelay(final long[] d)
    {
        if (java.util.Arrays.stream(d).allMatch(x -> x == d[0]))
        {
            // one delay (Brunel's, CUBA's): every synapse, without a box per synapse
            final TreeMap<Long, int[]> one = new TreeMap<>();
            one.put(d.length == 0 ? 0L : d[0], java.util.stream.IntStream.range(0, d.length).toArray());
            return one;
        }
        final TreeMap<Long, int[]> counts = new TreeMap<>();
        for (final long x : d)
        {
            counts.computeIfAbsent(x, k -> new int[1])[0]++;
        }
        final TreeMap<Long, int[]> picks = new TreeMap<>();
        for (final Map.Entry<Long, int[]> e : counts.entrySet())
        {
            picks.put(e.getKey(), new int[e.getValue()[0]]);
        }
        final Map<Long, int[]> at = new java.util.HashMap<>();
        for (int k = 0; k < d.length; k++)
        {
            final int[] pos = at.computeIfAbsent(d[k], x -> new int[1]);
            picks.get(d[k])[pos[0]++] = k;
        }
        return picks;
    }

    /** Brian2 adds an effect after the target's threshold; the brian2 population adds it one step later. */
    private static Node delay(final String name, final int n, final long steps, final double dt, final String var)
    {
        // one value per neuron: the node's shape is then its own, however a reader orders the cycle it closes
        return new Node(name, Kind.DELAY, Map.of("delay", Tensor.of(Shape.of(n), filled(n, (steps + 1) * dt))), Map.of(
            NirMetadata.DELAY_STEPS, Long.toString(steps), NirMetadata.TARGET_VAR, var), null, null);
    }
}
