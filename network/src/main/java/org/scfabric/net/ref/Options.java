package org.scfabric.net.ref;

/**
 * How the float64 reference discretises time.
 *
 * @param dt seconds per step (NIR's paper uses 1e-4)
 * @param integrator {@link Integrator#EULER} (default) or {@link Integrator#EXACT}
 * @param reset {@link Reset#ZERO} (to v_reset, default) or {@link Reset#SUBTRACT}
 */
public record Options(double dt, Integrator integrator, Reset reset)
{
    /** The NIR paper's step. */
    public static final double DEFAULT_DT = 1e-4;

    public static Options defaults()
    {
        return new Options(DEFAULT_DT, Integrator.EULER, Reset.ZERO);
    }

    public Options
    {
        if (!(dt > 0) || Double.isInfinite(dt))
        {
            throw new IllegalArgumentException("dt must be a positive number of seconds, got " + dt);
        }
    }

    /** How leaky neurons advance one step. */
    public enum Integrator
    {
        /**
         * Forward Euler, v += (dt/tau)(v_leak - v + r I): as snnTorch, Norse, Nengo and SpiNNaker2 discretise
         * (the NIR paper's spikes at 460, 510, 710, 760).
         */
        EULER,
        /**
         * The exact solution for an input held over the step: v = v_inf + (v - v_inf) exp(-dt/tau) with
         * v_inf = v_leak + r I (exponential decay, as event-based and exponential-Euler simulators use).
         */
        EXACT
    }

    /** What a spike does to the membrane. */
    public enum Reset
    {
        /** v = v_reset (NIR's definition; snnTorch with reset-to-zero, Norse). */
        ZERO,
        /** v = v - v_threshold (reset by subtraction, as Sinabs and Speck do). */
        SUBTRACT
    }
}
