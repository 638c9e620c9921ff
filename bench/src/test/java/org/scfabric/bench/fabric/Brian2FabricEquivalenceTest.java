package org.scfabric.bench.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.bench.nir.FixedPointEngine;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.MappedFabric;
import org.scfabric.hw.fabric.MappedResult;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirMetadata;
import org.scfabric.net.ref.Options;

/**
 * A Brian2 network on the general fabric (the Brian2 datapath: refractory counter, reset modes, threshold compare,
 * conditional write, exact/euler constants, several currents; Brian2's sources as address events from the host)
 * fires, population by population and step by step, exactly the spikes of {@code scfabric nir --arith q8.8} and
 * {@code q16.12} ({@link FixedPointEngine}), for random Brian2-like networks (what {@code scfabric brian2} writes:
 * populations with random refractory periods, resets, thresholds, unless-refractory flags, zero to two currents,
 * initial values; csr synapses with delays into any state variable, recurrent ones too; PoissonInput on whole
 * groups and on subgroups, PoissonGroups, SpikeGeneratorGroups) and random architectures; and the kernel
 * components equal the fast engine cycle for cycle on them.
 */
public class Brian2FabricEquivalenceTest
{
    static final double DT = 1e-4;
    private static final String[] CURRENTS = {"ge", "gi"};

    private static String list(final SplittableRandom r, final int n, final double lo, final double hi)
    {
        if (r.nextBoolean())
        {
            return Double.toString(lo + (hi - lo) * r.nextDouble());
        }
        final double[] x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = lo + (hi - lo) * r.nextDouble();
        }
        return NirMetadata.join(x);
    }

    private static Tensor perNeuron(final SplittableRandom r, final int n, final double lo, final double hi)
    {
        final double[] x = NirMetadata.doubles(list(r, n, lo, hi), n, "test");
        return Tensor.of(Shape.of(n), x);
    }

    /** A population as {@code Translation} writes it: SI units, {@code currents} exponential currents. */
    static Node population(final String name, final int n, final int currents, final SplittableRandom r,
        final StringBuilder desc)
    {
        final Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("tau", perNeuron(r, n, 0.005, 0.03));
        p.put("r", Tensor.scalar(1.0));
        // v_leak up to above threshold: a constant drive, as IF_curve_LIF's v0
        p.put("v_leak", perNeuron(r, n, -0.005, 0.03));
        final double th = 0.015 + 0.01 * r.nextDouble();
        p.put("v_threshold", r.nextBoolean() ? Tensor.scalar(th) : perNeuron(r, n, 0.015, 0.025));
        final boolean subtract = r.nextInt(4) == 0;
        p.put("v_reset", subtract ? Tensor.scalar(th) : perNeuron(r, n, -0.002, 0.012));
        final Map<String, String> m = new LinkedHashMap<>();
        m.put(NirMetadata.KIND, NirMetadata.KIND_BRIAN2);
        final List<String> vars = new ArrayList<>(List.of("v"));
        final List<String> held = new ArrayList<>();
        if (r.nextBoolean())
        {
            held.add("v");
        }
        final StringBuilder init = new StringBuilder(list(r, n, -0.005, 0.018));
        final List<String> taus = new ArrayList<>();
        final List<String> rs = new ArrayList<>();
        for (int c = 0; c < currents; c++)
        {
            vars.add(CURRENTS[c]);
            if (r.nextBoolean())
            {
                held.add(CURRENTS[c]);
            }
            init.append(';').append(list(r, n, -0.003, 0.005));
            taus.add(list(r, n, 0.002, 0.012));
            rs.add(list(r, n, 0.5, 2.0));
        }
        final String method = r.nextBoolean() ? "exact" : "euler";
        final String thOp = r.nextBoolean() ? ">" : ">=";
        final int refractory = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(25);
        m.put(NirMetadata.STATE_VARS, String.join(",", vars));
        m.put(NirMetadata.METHOD, method);
        m.put(NirMetadata.THRESHOLD_OP, thOp);
        m.put(NirMetadata.RESET_OP, subtract ? "-=" : "=");
        m.put(NirMetadata.REFRACTORY_STEPS, Integer.toString(refractory));
        m.put(NirMetadata.REFRACTORY_S, Double.toString(refractory * DT));
        m.put(NirMetadata.UNLESS_REFRACTORY, String.join(",", held));
        m.put(NirMetadata.INITIAL, init.toString());
        if (currents > 0)
        {
            m.put(NirMetadata.CURRENT_TAU, String.join(";", taus));
            m.put(NirMetadata.CURRENT_R, String.join(";", rs));
        }
        desc.append(name).append(' ').append(n).append(" (").append(method).append(", v ").append(thOp).append(", reset ")
            .append(subtract ? "-=" : "=").append(", ref ").append(refractory).append(", held ").append(held)
            .append(", currents ").append(currents).append("), ");
        return new Node(name, Kind.LIF, p, m, Shape.of(n), Shape.of(n));
    }

    /** A csr Linear from ns sources to nt targets, each pair with probability {@code pc}, weights in volts. */
    static Node synapses(final String name, final int nt, final int ns, final double pc, final double wmax,
        final boolean shared, final SplittableRandom r)
    {
        final int[] ptr = new int[ns + 1];
        final List<Integer> tgt = new ArrayList<>();
        final List<Double> wt = new ArrayList<>();
        final double[] perSource = new double[ns];
        for (int s = 0; s < ns; s++)
        {
            perSource[s] = wmax * (2 * r.nextDouble() - 0.6);
            for (int t = 0; t < nt; t++)
            {
                if (r.nextDouble() < pc)
                {
                    tgt.add(t);
                    wt.add(wmax * (2 * r.nextDouble() - 0.6));
                }
            }
            ptr[s + 1] = tgt.size();
        }
        final Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("indptr", ints(ptr));
        p.put("indices", ints(tgt.stream().mapToInt(Integer::intValue).toArray()));
        final double[] w = shared && tgt.size() != ns ? perSource : wt.stream().mapToDouble(Double::doubleValue).toArray();
        p.put("data", Tensor.of(Shape.of(w.length), w));
        p.put("shape", Tensor.adopt(Shape.of(2), new double[] {nt, ns}, Tensor.DType.INT64));
        return new Node(name, Kind.CSR_LINEAR, p, Map.of(NirMetadata.KIND, Kind.CSR_LINEAR.scfabricKind()), null, null);
    }

    private static Tensor ints(final int[] v)
    {
        return Tensor.adopt(Shape.of(v.length), Arrays.stream(v).asDoubleStream().toArray(), Tensor.DType.INT32);
    }

    /** Brian2's delay of {@code steps} into {@code var}: a Delay of steps + 1 (Translation's). */
    static Node delay(final String name, final int n, final int steps, final String var)
    {
        final double[] d = new double[n];
        Arrays.fill(d, (steps + 1) * DT);
        return new Node(name, Kind.DELAY, Map.of("delay", Tensor.of(Shape.of(n), d)), Map.of(NirMetadata.DELAY_STEPS,
            Integer.toString(steps), NirMetadata.TARGET_VAR, var), null, null);
    }

    /** A random Brian2-like network; {@code desc} gets a description for failure messages. */
    public static Network randomNetwork(final SplittableRandom r, final StringBuilder desc)
    {
        final Network.Builder b = Network.builder();
        final int pops = 1 + r.nextInt(3);
        final int[] size = new int[pops];
        final int[] cur = new int[pops];
        for (int q = 0; q < pops; q++)
        {
            size[q] = 1 + r.nextInt(8);
            cur[q] = r.nextInt(3);
            b.add(population("P" + q, size[q], cur[q], r, desc));
        }
        int sources = 0;
        // synapses between (and within) populations
        final int links = r.nextInt(4);
        for (int e = 0; e < links; e++)
        {
            final int s = r.nextInt(pops);
            final int t = r.nextInt(pops);
            final String var = cur[t] == 0 || r.nextInt(3) == 0 ? "v" : CURRENTS[r.nextInt(cur[t])];
            final int d = (s == t ? 0 : 0) + r.nextInt(4);
            final String base = "S" + e;
            b.add(synapses(base + ".w", size[t], size[s], 0.3 + 0.6 * r.nextDouble(), 0.008, r.nextBoolean(), r));
            b.add(delay(base + ".delay", size[t], d, var));
            b.connect("P" + s, base + ".w").connect(base + ".w", base + ".delay").connect(base + ".delay", "P" + t);
            desc.append(base).append(" P").append(s).append("->P").append(t).append(':').append(var).append(" d")
                .append(d).append(", ");
        }
        // sources: PoissonInput (whole group or a subgroup), PoissonGroup, SpikeGeneratorGroup
        final int inputs = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(2);
        for (int k = 0; k < inputs; k++)
        {
            final int t = r.nextInt(pops);
            final String var = cur[t] == 0 || r.nextInt(3) == 0 ? "v" : CURRENTS[r.nextInt(cur[t])];
            final String name = "in" + k;
            switch (r.nextInt(3))
            {
                case 0 ->
                {
                    // PoissonInput: binomial counts of N sources per neuron, one weight
                    final int off = r.nextInt(size[t]);
                    final int n = r.nextBoolean() ? size[t] : 1 + r.nextInt(size[t] - off);
                    final int sub = n == size[t] ? 0 : off;
                    b.add(new Node(name, Kind.INPUT, Map.of("shape", Tensor.vector(n)), Map.of(NirMetadata.POISSON_HZ,
                        Double.toString(50 + 2000 * r.nextDouble()), NirMetadata.POISSON_N, Integer.toString(
                            1 + r.nextInt(60)), NirMetadata.SEED, Long.toString(r.nextInt(1000) + sources++)), null, null));
                    final double[] w = new double[n];
                    Arrays.fill(w, 0.004 * (r.nextDouble() - 0.2));
                    b.add(new Node(name + ".w", Kind.SCALE, Map.of("scale", Tensor.of(Shape.of(n), w))));
                    b.connect(name, name + ".w");
                    String last = name + ".w";
                    if (n != size[t])
                    {
                        final int[] ptr = new int[n + 1];
                        final int[] idx = new int[n];
                        for (int i = 0; i < n; i++)
                        {
                            ptr[i + 1] = i + 1;
                            idx[i] = sub + i;
                        }
                        final Map<String, Tensor> p = new LinkedHashMap<>();
                        p.put("indptr", ints(ptr));
                        p.put("indices", ints(idx));
                        final double[] ones = new double[n];
                        Arrays.fill(ones, 1.0);
                        p.put("data", Tensor.of(Shape.of(n), ones));
                        p.put("shape", Tensor.adopt(Shape.of(2), new double[] {size[t], n}, Tensor.DType.INT64));
                        b.add(new Node(name + ".embed", Kind.CSR_LINEAR, p, Map.of(NirMetadata.KIND,
                            Kind.CSR_LINEAR.scfabricKind()), null, null));
                        b.connect(last, name + ".embed");
                        last = name + ".embed";
                    }
                    b.add(delay(name + ".delay", size[t], 0, var));
                    b.connect(last, name + ".delay").connect(name + ".delay", "P" + t);
                    desc.append(name).append(" PoissonInput ").append(n).append(n != size[t] ? " at " + sub : "")
                        .append("->P").append(t).append(':').append(var).append(", ");
                    continue;
                }
                case 1 ->
                {
                    final int n = 1 + r.nextInt(10);
                    b.add(new Node(name, Kind.INPUT, Map.of("shape", Tensor.vector(n)), Map.of(NirMetadata.POISSON_HZ,
                        Double.toString(100 + 2000 * r.nextDouble()), NirMetadata.POISSON_N, "1", NirMetadata.SEED,
                        Long.toString(r.nextInt(1000) + sources++)), null, null));
                    desc.append(name).append(" PoissonGroup ").append(n);
                }
                default ->
                {
                    final int n = 1 + r.nextInt(6);
                    final int count = r.nextInt(80);
                    final long[] st = new long[count];
                    final long[] ix = new long[count];
                    for (int q = 0; q < count; q++)
                    {
                        st[q] = r.nextInt(120);
                        ix[q] = r.nextInt(n);
                    }
                    b.add(new Node(name, Kind.INPUT, Map.of("shape", Tensor.vector(n)), Map.of(NirMetadata.SPIKE_STEPS,
                        join(st), NirMetadata.SPIKE_INDEX, join(ix)), null, null));
                    desc.append(name).append(" SpikeGenerator ").append(n).append(" (").append(count).append(")");
                }
            }
            final int d = r.nextInt(3);
            final int n = b.build().node(name).outShape().size();
            b.add(synapses(name + ".w", size[t], n, 0.3 + 0.7 * r.nextDouble(), 0.012, r.nextBoolean(), r));
            b.add(delay(name + ".delay", size[t], d, var));
            b.connect(name, name + ".w").connect(name + ".w", name + ".delay").connect(name + ".delay", "P" + t);
            desc.append("->P").append(t).append(':').append(var).append(" d").append(d).append(", ");
        }
        return b.build();
    }

    private static String join(final long[] x)
    {
        final StringBuilder s = new StringBuilder();
        for (int i = 0; i < x.length; i++)
        {
            s.append(i == 0 ? "" : ",").append(x[i]);
        }
        return s.toString();
    }

    /**
     * Runs the network {@code steps} steps on the unrolled engine and on the fabric; asserts equal spikes per
     * population and step; returns the spikes.
     */
    static long compare(final Network net, final NirMapping map, final FabricParams fp, final Options opt,
        final FixedFormat fmt, final int steps, final boolean kernel, final String where)
    {
        final FixedPointEngine e = new FixedPointEngine(net, opt, fmt);
        final int[][] ev = SourceEvents.events(net, map, opt, steps, fmt.fraction(), fmt.width());
        final MappedFabric mf = new MappedFabric(fp, map.network(), map.observed());
        final MappedResult fast = mf.run(ev[0], ev[1], steps);
        if (kernel)
        {
            NirFabricKernelTest.assertSame(fast, mf.runKernel(ev[0], ev[1], steps), "kernel: " + where);
        }
        long spikes = 0;
        for (int t = 0; t < steps; t++)
        {
            e.advance();
            final int[] got = fast.fabric().spikes()[t];
            final List<Integer> want = new ArrayList<>();
            for (final NirMapping.Population p : map.populations())
            {
                final int[] y = e.output(net.indexOf(p.name()));
                for (int i = 0; i < y.length; i++)
                {
                    if (y[i] != 0)
                    {
                        want.add(p.base() + i);
                    }
                }
            }
            final int[] w = want.stream().mapToInt(Integer::intValue).sorted().toArray();
            final int[] g = got.clone();
            Arrays.sort(g);
            assertArrayEquals(w, g, "spikes of step " + t + ": " + where);
            spikes += w.length;
        }
        return spikes;
    }

    @Test
    void theFabricFiresTheSpikesOfTheUnrolledEngineOnRandomBrian2NetworksAndArchitectures()
    {
        final AtomicInteger spiking = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();
        qt().withExamples(300).forAll(longs().all(), integers().between(1, 6), integers().between(0, 35),
            integers().between(0, 63)).checkAssert((seed, k, dp, bits) ->
            {
                final SplittableRandom r = new SplittableRandom(seed);
                final StringBuilder desc = new StringBuilder();
                final Network net = randomNetwork(r, desc);
                final FixedFormat fmt = (bits & 1) == 0 ? FixedFormat.Q8_8 : FixedFormat.Q16_12;
                final Options opt = new Options(DT, Options.Integrator.EULER, Options.Reset.ZERO);
                final NirMapping map = NirMapping.map(net, opt, fmt);
                final int n = map.network().size();
                final FabricParams fp = new FabricParams(n, Math.min(k, n), 1 + dp % 9, 1 + dp / 9,
                    1 + (bits >> 2 & 3), 1 + (bits >> 4 & 1), 100.0, FabricParams.Overflow.STALL);
                final String where = desc + "| K " + fp.cores() + " D " + fp.fifoDepth() + " P " + fp.ports() + " LC "
                    + fp.coreLatency() + " R " + fp.csrLatency() + " " + fmt.name();
                runs.incrementAndGet();
                if (compare(net, map, fp, opt, fmt, 150, (bits & 32) != 0, where) > 0)
                {
                    spiking.incrementAndGet();
                }
            });
        assertTrue(spiking.get() * 2 > runs.get(), "most random networks must spike for the property to mean "
            + "anything: " + spiking + " of " + runs);
    }

    @Test
    void aNetworkMixingBrian2SourcesWithInputsThatNeedAStimulusIsRefused()
    {
        final SplittableRandom r = new SplittableRandom(1);
        final Network net = Network.builder().add(population("P", 2, 0, r, new StringBuilder()))
            .add(new Node("ext", Kind.INPUT, Map.of("shape", Tensor.vector(2))))
            .add(new Node("src", Kind.INPUT, Map.of("shape", Tensor.vector(2)), Map.of(NirMetadata.POISSON_HZ, "100",
                NirMetadata.POISSON_N, "1", NirMetadata.SEED, "1"), null, null))
            .add(synapses("a.w", 2, 2, 1, 0.01, false, r)).add(delay("a.delay", 2, 0, "v"))
            .add(synapses("b.w", 2, 2, 1, 0.01, false, r)).add(delay("b.delay", 2, 0, "v"))
            .connect("ext", "a.w").connect("a.w", "a.delay").connect("a.delay", "P")
            .connect("src", "b.w").connect("b.w", "b.delay").connect("b.delay", "P").build();
        final Options opt = new Options(DT, Options.Integrator.EULER, Options.Reset.ZERO);
        final Exception e = org.junit.jupiter.api.Assertions.assertThrows(org.scfabric.net.NetworkException.class,
            () -> NirMapping.map(net, opt, FixedFormat.Q8_8));
        assertTrue(e.getMessage().contains("src drives itself") && e.getMessage().contains("ext needs --input"),
            e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    /** SC synapses on a Brian2 capture are not mapped (nobody has put the converter and the counts together). */
    @Test
    void scSynapsesOnABrian2NetworkAreRefusedInOneLine()
    {
        final SplittableRandom r = new SplittableRandom(3);
        final Network net = Network.builder().add(population("P", 2, 0, r, new StringBuilder()))
            .add(new Node("src", Kind.INPUT, Map.of("shape", Tensor.vector(2)), Map.of(NirMetadata.POISSON_HZ, "100",
                NirMetadata.POISSON_N, "1", NirMetadata.SEED, "1"), null, null))
            .add(synapses("b.w", 2, 2, 1, 0.01, false, r)).add(delay("b.delay", 2, 0, "v"))
            .connect("src", "b.w").connect("b.w", "b.delay").connect("b.delay", "P").build();
        final Options opt = new Options(DT, Options.Integrator.EULER, Options.Reset.ZERO);
        assertEquals(2, NirMapping.map(net, opt, FixedFormat.Q8_8).network().size(), "maps in fixed point");
        final Exception e = org.junit.jupiter.api.Assertions.assertThrows(org.scfabric.net.NetworkException.class,
            () -> NirMapping.map(net, opt, FixedFormat.Q8_8, new org.scfabric.bench.nir.ScConfig(64, 1)));
        assertTrue(e.getMessage().equals("not mappable onto the fabric with --arith sc: SC synapses on a Brian2 capture are "
            + "not mapped (run it with scfabric nir --arith sc, or on the fabric in q8.8 or q16.12)"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    /** A count too large for the format (c·2^F would saturate) is refused in one line, naming the source. */
    @Test
    void aPoissonCountTheFormatCannotHoldIsRefused()
    {
        final SplittableRandom r = new SplittableRandom(2);
        final Network net = Network.builder().add(population("P", 1, 0, r, new StringBuilder()))
            .add(new Node("src", Kind.INPUT, Map.of("shape", Tensor.vector(1)), Map.of(NirMetadata.POISSON_HZ, "9000",
                NirMetadata.POISSON_N, "500", NirMetadata.SEED, "1"), null, null))
            .add(new Node("src.w", Kind.SCALE, Map.of("scale", Tensor.vector(1e-5)))).add(delay("src.delay", 1, 0, "v"))
            .connect("src", "src.w").connect("src.w", "src.delay").connect("src.delay", "P").build();
        final Options opt = new Options(DT, Options.Integrator.EULER, Options.Reset.ZERO);
        final NirMapping map = NirMapping.map(net, opt, FixedFormat.Q8_8);
        final Exception e = org.junit.jupiter.api.Assertions.assertThrows(org.scfabric.net.NetworkException.class,
            () -> SourceEvents.events(net, map, opt, 5, 8, 16));
        assertTrue(e.getMessage().startsWith("input src drew ") && e.getMessage().endsWith(
            "the format holds at most 127 per element and step"), e.getMessage());
        // Q16.12 holds it (at most 2^19 - 1 per element and step)
        final NirMapping wide = NirMapping.map(net, opt, FixedFormat.Q16_12);
        assertEquals(5, SourceEvents.events(net, wide, opt, 5, 12, 32)[0].length - 1);
    }

    /** The command line: a self-driven file runs on the fabric and under a fault campaign without input options. */
    @Test
    void fabricAndFaultsRunAFileThatDrivesItself(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir)
        throws Exception
    {
        final Options opt = new Options(DT, Options.Integrator.EULER, Options.Reset.ZERO);
        Network net = null;
        for (long seed = 0; net == null; seed++)
        {
            // the first random network with sources that fires
            final Network n = randomNetwork(new SplittableRandom(seed), new StringBuilder());
            final NirMapping m = NirMapping.map(n, opt, FixedFormat.Q8_8);
            if (n.inputs().length > 0 && compare(n, m, FabricParams.of(m.network().size(), 1), opt, FixedFormat.Q8_8,
                100, false, "seed " + seed) > 20)
            {
                net = n;
            }
        }
        final java.nio.file.Path file = dir.resolve("self.nir");
        org.scfabric.net.nir.NirWriter.write(net, file);
        final org.scfabric.bench.cli.Cli.Run f = org.scfabric.bench.cli.Cli.run("fabric", "--network", file.toString(),
            "--steps", "100", "--cores", "2", "--json", dir.resolve("f.json").toString());
        assertEquals(0, f.code(), f.err());
        assertTrue(f.out().contains("identical to the unrolled network"), f.out());
        final com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
            dir.resolve("f.json").toFile());
        assertTrue(j.get("spike_counts").has("P0"), j.get("spike_counts").toString());
        final org.scfabric.bench.cli.Cli.Run c = org.scfabric.bench.cli.Cli.run("faults", "--network", file.toString(),
            "--steps", "60", "--cores", "2", "--sites", "*", "--sample", "5", "--json", dir.resolve("c.json").toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("5 items"), c.out());
    }
}
