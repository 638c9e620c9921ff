package org.scfabric.net.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirMetadata;

/**
 * The Brian2 population without currents has three loops — the general one, the membrane-only one (parameters per
 * neuron) and the uniform one (parameters shared) — and they give the same bits, neuron by neuron, on any ranges.
 */
class Brian2LoopsTest
{
    /** A population of n neurons; mode's bits choose the variant, bit 5 parameters shared by every neuron. */
    static Brian2Neuron population(final SplittableRandom r, final int n, final int mode, final int refractory)
    {
        final boolean shared = (mode & 32) != 0;
        final double[] tau = new double[n];
        final double[] leak = new double[n];
        final double[] th = new double[n];
        final double[] reset = new double[n];
        final double[] v0 = new double[n];
        for (int j = 0; j < n; j++)
        {
            tau[j] = shared && j > 0 ? tau[0] : r.nextDouble(0.002, 0.03);
            leak[j] = shared && j > 0 ? leak[0] : (mode & 16) == 0 ? 0.0 : r.nextDouble(-0.002, 0.012);
            th[j] = shared && j > 0 ? th[0] : r.nextDouble(0.005, 0.02);
            reset[j] = shared && j > 0 ? reset[0] : r.nextDouble(-0.005, 0.005);
            v0[j] = r.nextDouble(-0.01, 0.025);
        }
        final Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("tau", Tensor.vector(tau));
        p.put("r", Tensor.scalar(1.0));
        p.put("v_leak", Tensor.vector(leak));
        p.put("v_threshold", Tensor.vector(th));
        p.put("v_reset", Tensor.vector(reset));
        final Map<String, String> m = new LinkedHashMap<>();
        m.put(NirMetadata.KIND, NirMetadata.KIND_BRIAN2);
        m.put(NirMetadata.STATE_VARS, "v");
        m.put(NirMetadata.METHOD, (mode & 1) == 0 ? "exact" : "euler");
        m.put(NirMetadata.THRESHOLD_OP, (mode & 2) == 0 ? ">" : ">=");
        m.put(NirMetadata.RESET_OP, (mode & 4) == 0 ? "=" : "-=");
        m.put(NirMetadata.REFRACTORY_STEPS, Integer.toString(refractory));
        m.put(NirMetadata.UNLESS_REFRACTORY, (mode & 8) == 0 ? "v" : "");
        m.put(NirMetadata.INITIAL, Arrays.stream(v0).mapToObj(Double::toString).collect(Collectors.joining(",")));
        final Network net = Network.builder().add(new Node("g", Kind.LIF, p, m, null, null)).build();
        return new Brian2Neuron(net.node("g"), new Options(Brian2NeuronTest.DT, Options.Integrator.EXACT,
            Options.Reset.ZERO));
    }

    /**
     * On random parameters, shared or per neuron, variants (exact or Euler, > or >=, v = c or v -= c, v held or not,
     * a leak or none, refractory 0 to 6 steps), inputs (some -0.0, some large enough to fire at once) and ranges (the
     * step cut into up to four ranges at random points): every membrane, spike and count the same in the three loops.
     */
    @Test
    void theThreeLoopsGiveTheSameBitsOnRandomPopulationsAndRanges()
    {
        qt().forAll(longs().all(), integers().between(2, 60), integers().between(0, 63), integers().between(0, 6))
            .checkAssert((seed, n, mode, ref) ->
            {
                final Brian2Neuron fast = population(new SplittableRandom(seed), n, mode, ref);
                final Brian2Neuron perNeuron = population(new SplittableRandom(seed), n, mode, ref);
                final Brian2Neuron general = population(new SplittableRandom(seed), n, mode, ref);
                assertEquals((mode & 32) != 0, fast.uniform(),
                    "the uniform loop is taken iff the parameters are shared");
                perNeuron.uniformLoop = false;
                general.membraneLoop = false;
                final Brian2Neuron[] loops = {fast, perNeuron, general};
                final SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
                final double[] x = new double[n];
                final double[][] y = new double[3][n];
                long fired = 0;
                for (int t = 0; t < 120; t++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        final double d = r.nextDouble();
                        x[j] = d < 0.2 ? -0.0 : d < 0.3 ? 0.03 : d < 0.6 ? 0.0 : r.nextDouble(-0.004, 0.008);
                    }
                    final int[] cut = cuts(r, n);
                    for (int c = 0; c + 1 < cut.length; c++)
                    {
                        final int[] count = new int[3];
                        for (int l = 0; l < 3; l++)
                        {
                            count[l] = loops[l].step(x, y[l], cut[c], cut[c + 1], t);
                        }
                        assertEquals(count[2], count[0], "fired in " + cut[c] + ".." + cut[c + 1] + ", step " + t);
                        assertEquals(count[2], count[1], "fired in " + cut[c] + ".." + cut[c + 1] + ", step " + t);
                        fired += count[0];
                    }
                    for (int l = 0; l < 2; l++)
                    {
                        for (int j = 0; j < n; j++)
                        {
                            assertEquals(Double.doubleToRawLongBits(general.v[j]),
                                Double.doubleToRawLongBits(loops[l].v[j]), "loop " + l + ": v of " + j + ", step " + t);
                            assertEquals(Double.doubleToRawLongBits(y[2][j]), Double.doubleToRawLongBits(y[l][j]),
                                "loop " + l + ": spike of " + j + ", step " + t);
                        }
                    }
                }
                assertTrue(fired > 0, "the population fired");
            });
    }

    /** 0 = c0 <= c1 <= ... = n: one to four ranges at random points (some empty). */
    private static int[] cuts(final SplittableRandom r, final int n)
    {
        final int parts = r.nextInt(1, 5);
        final int[] c = new int[parts + 1];
        c[parts] = n;
        for (int i = 1; i < parts; i++)
        {
            c[i] = r.nextInt(0, n + 1);
        }
        Arrays.sort(c, 1, parts);
        return c;
    }

    /** Parameters count as shared only when their bits are: 0.0 and -0.0 are two values. */
    @Test
    void parametersAreSharedOnlyWhenTheirBitsAre()
    {
        final Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("tau", Tensor.vector(0.02, 0.02));
        p.put("r", Tensor.scalar(1.0));
        p.put("v_leak", Tensor.vector(0.0, -0.0));
        p.put("v_threshold", Tensor.vector(0.02, 0.02));
        p.put("v_reset", Tensor.vector(0.0, 0.0));
        final Map<String, String> m = new LinkedHashMap<>(Map.of(NirMetadata.KIND, NirMetadata.KIND_BRIAN2,
            NirMetadata.STATE_VARS, "v", NirMetadata.METHOD, "exact", NirMetadata.THRESHOLD_OP, ">",
            NirMetadata.RESET_OP, "=", NirMetadata.REFRACTORY_STEPS, "0", NirMetadata.INITIAL, "0.0"));
        final Network net = Network.builder().add(new Node("g", Kind.LIF, p, m, null, null)).build();
        final Options opt = new Options(Brian2NeuronTest.DT, Options.Integrator.EXACT, Options.Reset.ZERO);
        assertFalse(new Brian2Neuron(net.node("g"), opt).uniform());
        p.put("v_leak", Tensor.vector(-0.0, -0.0));
        final Network same = Network.builder().add(new Node("g", Kind.LIF, p, m, null, null)).build();
        assertTrue(new Brian2Neuron(same.node("g"), opt).uniform());
    }
}
