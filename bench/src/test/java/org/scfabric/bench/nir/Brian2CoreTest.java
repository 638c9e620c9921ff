package org.scfabric.bench.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirMetadata;
import org.scfabric.net.ref.FreeRun;
import org.scfabric.net.ref.Options;

/**
 * A Brian2 population on the fixed-point cores: Brian2's schedule around the CubaLIF core's update (effects of
 * the previous step, reset, update held while refractory, threshold), effects lost while refractory as Brian2's
 * conditional write loses them; and the rescaling into a format's range, exact in float64.
 */
class Brian2CoreTest
{
    private static final double DT = 1e-4;
    private static final Options OPT = new Options(DT, Options.Integrator.EULER, Options.Reset.ZERO);

    /** A Brunel-like population in SI units (θ 20 mV, reset 10 mV, τ 20 ms), {@code refractory} steps, euler. */
    private static Node population(final int n, final String resetOp, final int refractory, final String held)
    {
        final Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("tau", Tensor.scalar(0.02));
        p.put("r", Tensor.scalar(1.0));
        p.put("v_leak", Tensor.scalar(0.0));
        p.put("v_threshold", Tensor.scalar(0.02));
        p.put("v_reset", Tensor.scalar(resetOp.equals("=") ? 0.01 : 0.02));
        final Map<String, String> m = new LinkedHashMap<>();
        m.put(NirMetadata.KIND, NirMetadata.KIND_BRIAN2);
        m.put(NirMetadata.STATE_VARS, "v");
        m.put(NirMetadata.METHOD, "euler");
        m.put(NirMetadata.THRESHOLD_OP, ">");
        m.put(NirMetadata.RESET_OP, resetOp);
        m.put(NirMetadata.REFRACTORY_STEPS, Integer.toString(refractory));
        m.put(NirMetadata.UNLESS_REFRACTORY, held);
        m.put(NirMetadata.INITIAL, "0.0");
        return new Node("pop", Kind.LIF, p, m, Shape.of(n), Shape.of(n));
    }

    /** The core of a population in Q8.8, its parameters rounded as the engine rounds them, units s per volt. */
    private static Brian2Core core(final Node pop, final double s)
    {
        final FixedFormat q = FixedFormat.Q8_8;
        return new Brian2Core(Brian2Scale.scaled(Network.builder().add(pop).build(), s).node("pop"), OPT, q,
            (label, exact) -> java.util.Arrays.stream(exact).mapToInt(q::quantise).toArray());
    }

    /** Input kicks of {@code mv} millivolts, Q8.8 in units of s per volt. */
    private static int kick(final double mv, final double s)
    {
        return FixedFormat.Q8_8.quantise(mv * 1e-3 * s);
    }

    @Test
    void aKickAboveThresholdFiresThenTheNextStepResetsAndRefractorinessDropsKicks()
    {
        final double s = 2048;
        final Brian2Core c = core(population(1, "=", 3, "v"), s);
        final int[] y = new int[1];
        final int[] x = new int[1];
        // step 0: nothing arrives; v stays 0
        assertEquals(0, c.step(x, y));
        // step 1: a 25 mV kick (delivered by Brian2 in step 0) lands, the update leaks it a little: still above 20
        x[0] = kick(25, s);
        assertEquals(1, c.step(x, y));
        assertEquals(256, y[0]);
        // steps 2..4: reset to 10 mV at step 2, refractory steps 2, 3 (3 steps from the spike at 1: 2, 3 held):
        // kicks delivered while refractory or firing (steps 1..3) are lost
        final int fired = c.v[0];
        for (int t = 2; t <= 3; t++)
        {
            x[0] = kick(25, s);
            assertEquals(0, c.step(x, y), "step " + t);
            assertEquals(kick(10, s), c.v[0], "held at the reset, kicks lost (step " + t + ")");
        }
        assertTrue(fired > kick(20, s), "the firing step kept v above threshold until the reset");
        // step 4: not refractory (4 - 1 >= 3), the kick delivered in step 3 (refractory) is lost too; v leaks
        x[0] = kick(25, s);
        assertEquals(0, c.step(x, y));
        assertTrue(c.v[0] < kick(10, s) && c.v[0] > kick(9.9, s), "leaked from 10 mV only: " + c.v[0]);
        // step 5: the kick delivered in step 4 (not refractory) is written: fires again
        x[0] = kick(25, s);
        assertEquals(1, c.step(x, y));
    }

    @Test
    void withoutTheUnlessRefractoryFlagKicksReachVWhileRefractory()
    {
        final double s = 2048;
        final Brian2Core c = core(population(1, "=", 3, ""), s);
        final int[] y = new int[1];
        final int[] x = {kick(25, s)};
        c.step(x, y); // fires at step 0
        x[0] = kick(1, s);
        c.step(x, y); // reset at step 1, the kick overwritten by it
        c.step(x, y); // step 2: the kick of step 1 is kept, v then leaks (not held: no flag)
        assertTrue(c.v[0] > kick(10.9, s), "10 mV + 1 mV, leaked a little: " + c.v[0]);
    }

    @Test
    void theScaleIsThePowerOfTwoThatFitsHalfTheFormatsRange()
    {
        final Network net = Network.builder().add(population(2, "=", 20, "v")).build();
        // Q8.8: half range 64; max |value| 0.02 V: 2^11 * 0.02 = 40.96 <= 64 < 2^12 * 0.02
        assertEquals(2048.0, Brian2Scale.factor(net, FixedFormat.Q8_8));
        // Q16.12: half range 2^18; 2^23 * 0.02 = 167 772 <= 262 144
        assertEquals(Math.scalb(1.0, 23), Brian2Scale.factor(net, FixedFormat.Q16_12));
        assertEquals(1.0, Brian2Scale.factor(Network.builder().add(new Node("in", Kind.INPUT, Map.of("shape",
            Tensor.vector(3)))).build(), FixedFormat.Q8_8), "no brian2 population: no rescaling");
    }

    /** A self-driven network: a binomial source kicks the population through a Scale and a one-step Delay. */
    private static Network driven()
    {
        final Map<String, String> src = Map.of(NirMetadata.POISSON_HZ, "20.0", NirMetadata.POISSON_N, "1000",
            NirMetadata.SEED, "3");
        final double[] one = new double[50];
        java.util.Arrays.fill(one, DT);
        return Network.builder().add(new Node("in", Kind.INPUT, Map.of("shape", Tensor.vector(50)), src, null, null))
            .add(new Node("in.w", Kind.SCALE, Map.of("scale", Tensor.scalar(1e-4))))
            .add(new Node("in.delay", Kind.DELAY, Map.of("delay", Tensor.vector(one)), Map.of(NirMetadata.TARGET_VAR,
                "v", NirMetadata.DELAY_STEPS, "0"), null, null))
            .add(population(50, "=", 20, "v"))
            .connect("in", "in.w").connect("in.w", "in.delay").connect("in.delay", "pop").build();
    }

    @Test
    void theRescaledNetworkFiresTheSameSpikesInFloat64()
    {
        final Network net = driven();
        final Network scaled = Brian2Scale.scaled(net, 2048);
        assertEquals(1e-4 * 2048, scaled.node("in.w").param("scale").get(0), "the kick's weight is rescaled");
        final FreeRun.Train a = FreeRun.run(net, 3000, OPT).trains().get("pop");
        final FreeRun.Train b = FreeRun.run(scaled, 3000, OPT).trains().get("pop");
        assertTrue(a.steps().length > 100, "the source drives the population: " + a.steps().length + " spikes");
        assertArrayEquals(a.steps(), b.steps());
        assertArrayEquals(a.index(), b.index());
    }
}
