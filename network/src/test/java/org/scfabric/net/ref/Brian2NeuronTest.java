package org.scfabric.net.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirMetadata;

/** The brian2 population's step: Brian2's order of effects and reset, its refractoriness, its exact integrator. */
class Brian2NeuronTest
{
    static final double DT = 1e-4;

    /** One brian2 neuron (and currents, each "name:tau:init"). */
    static Brian2Neuron neuron(final double tau, final double vLeak, final double th, final String resetOp,
        final double reset, final int refractory, final double v0, final String... currents)
    {
        return neuron(true, tau, vLeak, th, resetOp, reset, refractory, v0, currents);
    }

    /** {@code held}: v is (unless refractory). */
    static Brian2Neuron neuron(final boolean held, final double tau, final double vLeak, final double th,
        final String resetOp, final double reset, final int refractory, final double v0, final String... currents)
    {
        return neuron("exact", held, tau, vLeak, th, resetOp, reset, refractory, v0, currents);
    }

    /** {@code method}: exact or euler. */
    static Brian2Neuron neuron(final String method, final boolean held, final double tau, final double vLeak,
        final double th, final String resetOp, final double reset, final int refractory, final double v0,
        final String... currents)
    {
        final Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("tau", Tensor.vector(tau));
        p.put("r", Tensor.scalar(1.0));
        p.put("v_leak", Tensor.vector(vLeak));
        p.put("v_threshold", Tensor.vector(th));
        p.put("v_reset", Tensor.vector(reset));
        final Map<String, String> m = new LinkedHashMap<>();
        m.put(NirMetadata.KIND, NirMetadata.KIND_BRIAN2);
        final StringBuilder vars = new StringBuilder("v");
        final StringBuilder init = new StringBuilder(Double.toString(v0));
        final StringBuilder taus = new StringBuilder();
        final StringBuilder rs = new StringBuilder();
        for (final String c : currents)
        {
            final String[] f = c.split(":");
            vars.append(',').append(f[0]);
            init.append(';').append(f[2]);
            taus.append(taus.length() == 0 ? "" : ";").append(f[1]);
            rs.append(rs.length() == 0 ? "" : ";").append("1.0");
        }
        m.put(NirMetadata.STATE_VARS, vars.toString());
        m.put(NirMetadata.METHOD, method);
        m.put(NirMetadata.THRESHOLD_OP, ">");
        m.put(NirMetadata.RESET_OP, resetOp);
        m.put(NirMetadata.REFRACTORY_STEPS, Integer.toString(refractory));
        m.put(NirMetadata.UNLESS_REFRACTORY, held ? "v" : "");
        m.put(NirMetadata.INITIAL, init.toString());
        if (currents.length > 0)
        {
            m.put(NirMetadata.CURRENT_TAU, taus.toString());
            m.put(NirMetadata.CURRENT_R, rs.toString());
        }
        final Network net = Network.builder().add(new Node("g", Kind.LIF, p, m, null, null)).build();
        return new Brian2Neuron(net.node("g"), new Options(DT, Options.Integrator.EXACT, Options.Reset.ZERO));
    }

    /**
     * Brian2 adds a synaptic effect after the threshold and before the reset: under v = c the effect that
     * arrives in a spike's step is overwritten, under v -= c it survives when v is not (unless refractory) (with
     * the flag, Brian2's conditional write drops it: {@link #anEffectInASpikesStepMissesAHeldVariable}). Here it
     * arrives one step later.
     */
    @Test
    void anEffectInASpikesStepIsLostUnderSetAndKeptUnderSubtract()
    {
        final double e = Math.exp(-DT / 0.01);
        for (final String op : new String[] {"=", "-="})
        {
            final Brian2Neuron n = neuron(false, 0.01, 0.0, 1.0, op, op.equals("=") ? 0.0 : 1.0, 0, 1.5);
            final double[] y = new double[1];
            assertEquals(1, n.step(new double[] {0.0}, y), "fires from 1.5 at once");
            final double fired = n.v[0];
            assertEquals(1.5 * e + 0.0 - 0.0 * e, fired);
            n.step(new double[] {0.3}, y);
            final double expected = op.equals("=") ? 0.0 : (fired + 0.3 - 1.0) * e;
            assertEquals(expected, n.v[0], 1e-15, op);
            assertEquals(0.0, y[0]);
        }
    }

    /**
     * With v (unless refractory), even a refractory period of 0 steps: Brian2's threshold clears not_refractory
     * of a neuron that fires, so the effect delivered in its spike's step is not written, under v -= c too.
     */
    @Test
    void anEffectInASpikesStepMissesAHeldVariable()
    {
        final double e = Math.exp(-DT / 0.01);
        final Brian2Neuron n = neuron(true, 0.01, 0.0, 1.0, "-=", 1.0, 0, 1.5);
        final double[] y = new double[1];
        assertEquals(1, n.step(new double[] {0.0}, y));
        final double fired = n.v[0];
        n.step(new double[] {0.3}, y);
        assertEquals((fired - 1.0) * e, n.v[0], 1e-15);
        // the next effect, delivered in a step without a spike, is written
        final double before = n.v[0];
        n.step(new double[] {0.3}, y);
        assertEquals((before + 0.3) * e, n.v[0], 1e-15);
    }

    /** A drive that crosses the threshold in one step fires exactly every max(R, 1) steps; v is held at reset. */
    @Test
    void refractoryPeriodSpacesSpikesByItsStepsAndHoldsTheMembrane()
    {
        qt().forAll(integers().between(0, 60), doubles().between(2000, 1e6)).checkAssert((r, drive) ->
        {
            final Brian2Neuron n = neuron(0.01, drive, 1.0, "=", 0.25, r, 0.0);
            final double[] y = new double[1];
            int last = -1;
            for (int t = 0; t < 300; t++)
            {
                n.step(new double[] {0.0}, y);
                if (y[0] == 1.0)
                {
                    if (last >= 0)
                    {
                        assertEquals(Math.max(r, 1), t - last, "interval");
                    }
                    last = t;
                }
                else if (last >= 0 && t - last < r)
                {
                    // held: v*1 + v_leak - v_leak*1 leaves the reset value up to one rounding of v_leak
                    assertEquals(0.25, n.v[0], Math.ulp(drive) * 2);
                }
            }
            assertTrue(last >= 0);
        });
    }

    /** exact with a current: the closed form of dv/dt = (-v + g)/tau_m, dg/dt = -g/tau_g, composed step by step. */
    @Test
    void exactIntegrationOfACurrentFollowsTheClosedForm()
    {
        for (final double tauG : new double[] {0.005, 0.02})
        {
            final double tauM = 0.02;
            final Brian2Neuron n = neuron(tauM, 0.0, 1e9, "=", 0.0, 0, 0.0, "ge:" + tauG + ":0.001");
            final double[] y = new double[1];
            final double[] x = new double[2];
            for (int t = 1; t <= 400; t++)
            {
                n.step(x, y);
                final double s = t * DT;
                final double v = tauG == tauM ? 0.001 * s / tauM * Math.exp(-s / tauM)
                    : 0.001 * tauG / (tauG - tauM) * (Math.exp(-s / tauG) - Math.exp(-s / tauM));
                assertEquals(v, n.v[0], 1e-15 + 1e-11 * Math.abs(v), "step " + t + " tau_g " + tauG);
            }
        }
    }

    /** A binomial source averages N p per step, gives 0/1 for N = 1, and repeats its draws for a seed. */
    @Test
    void binomialSourceDrawsNpOnAverageAndRepeatsForASeed()
    {
        final Node in = Network.builder().add(new Node("pi", Kind.INPUT, Map.of("shape", Tensor.vector(1000)),
            Map.of(NirMetadata.POISSON_HZ, "20.0", NirMetadata.POISSON_N, "1000", NirMetadata.SEED, "7"), null, null))
            .build().node("pi");
        final Options opt = new Options(DT, Options.Integrator.EXACT, Options.Reset.ZERO);
        final BinomialSource a = new BinomialSource(in, opt);
        final BinomialSource b = new BinomialSource(in, opt);
        final double[] ya = new double[1000];
        final double[] yb = new double[1000];
        double sum = 0;
        for (int t = 0; t < 100; t++)
        {
            a.step(null, ya);
            b.step(null, yb);
            for (int i = 0; i < 1000; i++)
            {
                assertEquals(ya[i], yb[i]);
                sum += ya[i];
            }
        }
        // N p = 2 per draw, 1e5 draws: variance N p (1 - p) each, five standard deviations
        final double mean = 2.0 * 1e5;
        assertEquals(mean, sum, 5 * Math.sqrt(1e5 * 2.0 * 0.998));
    }

    /** The tables and their guide give every u the k that the term-by-term search gives, edges of [0, 1) too. */
    @Test
    void binomialTablesDrawWhatTermByTermInversionDraws()
    {
        qt().forAll(integers().between(1, 2000), doubles().between(0, 1), longs().all()).checkAssert((n, q, seed) ->
        {
            final double p = Math.min(1.0, q * q * Math.min(1.0, 500.0 / n)); // N p <= 500, small p favoured
            final java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            for (int t = 0; t < 200; t++)
            {
                final double u = t == 0 ? 0.0 : t == 1 ? Math.nextDown(1.0) : r.nextDouble();
                assertEquals(BinomialSourceTest.inversion(n, p, u), BinomialSource.draw(n, p, u), "N " + n + " p " + p + " u " + u);
            }
        });
        for (final double p : new double[] {0.0, 1.0, 0.002, 0.5})
        {
            for (final double u : new double[] {0.0, 0.5, Math.nextDown(1.0)})
            {
                assertEquals(BinomialSourceTest.inversion(1000 / (p == 0.5 ? 10 : 1), p, u), BinomialSource.draw(1000 / (p == 0.5 ? 10
                    : 1), p, u));
            }
        }
    }

    /** The source's counter-based uniforms are SplittableRandom's own stream, draw for draw, for any seed. */
    @Test
    void binomialUniformsAreSplittableRandomsStream()
    {
        qt().forAll(longs().all()).checkAssert(seed ->
        {
            final java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            for (int d = 0; d < 1000; d++)
            {
                assertEquals(Double.doubleToRawLongBits(r.nextDouble()),
                    Double.doubleToRawLongBits(BinomialSource.uniform(seed, d)), "seed " + seed + " draw " + d);
            }
        });
    }

    /** Without currents the membrane-only loop gives the general loop's bits, step by step, on random inputs. */
    @Test
    void theMembraneOnlyLoopGivesTheGeneralLoopsBits()
    {
        qt().forAll(longs().all(), integers().between(0, 4), integers().between(0, 15)).checkAssert((seed, ref, mode) ->
        {
            final java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            final double tau = r.nextDouble(0.005, 0.03);
            final double th = r.nextDouble(0.005, 0.02);
            final String op = (mode & 1) == 0 ? "=" : "-=";
            final double reset = r.nextDouble(-0.005, 0.005);
            final String method = (mode & 8) == 0 ? "exact" : "euler";
            final double leak = r.nextDouble(-0.001, 0.001);
            final Brian2Neuron a = neuron(method, (mode & 2) == 0, tau, leak, th, op, reset, ref, 0.0);
            final Brian2Neuron b = neuron(method, (mode & 2) == 0, tau, leak, th, op, reset, ref, 0.0);
            b.membraneLoop = false;
            final double[] x = new double[1];
            final double[] ya = new double[1];
            final double[] yb = new double[1];
            int fired = 0;
            for (int t = 0; t < 300; t++)
            {
                x[0] = r.nextDouble() < 0.3 ? r.nextDouble(0, 0.006) : (mode & 4) == 0 ? 0.0 : -0.0;
                fired += a.step(x, ya);
                b.step(x, yb);
                assertEquals(Double.doubleToRawLongBits(b.v[0]), Double.doubleToRawLongBits(a.v[0]), "step " + t);
                assertEquals(yb[0], ya[0], "spike, step " + t);
            }
            assertTrue(fired > 0, "the neuron fired");
        });
    }
}
