package org.scfabric.bench.brunel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.random.GlibcMath;

/**
 * The parameter mapping of every variant: how the Brian2 Brunel parameters become floats, Q8.8 or
 * Q16.12 integers, probabilities and stream lengths (docs/spec/brunel.md §4; the reference's
 * {@code brunel_translator.py}). The constants here are the ones the variants run with.
 * Integer conversions truncate toward zero, as Python's {@code int()} does.
 */
public final class BrunelTranslator
{
    /** Refractory cycles of the fixed-point LIF (V3, V11, V13). */
    public static final int FIXED_REFRACTORY = 2;
    /** Bitstream length of the hybrid synapses (V4, V14), the dot product (V13) and V17. */
    public static final int HYBRID_LENGTH = 256;
    /** Bitstream length of V2. */
    public static final int LAYER_LENGTH = 1024;
    /** V17's stream length (the reference's MemristiveDenseLayer). */
    public static final int MEMRISTIVE_LENGTH = 256;
    /** Units of the probability-domain layers V2, V16, V17 (the reference's 100-neuron subset). */
    public static final int LAYER_UNITS = 100;
    /** Post neurons and synapses per neuron of V13. */
    public static final int DOT_UNITS = 50;
    /** P(1) of a spiking presynaptic neuron's stream in V13 (the reference's 0.8). */
    public static final double DOT_PRE_PROB = 0.8;
    /** Full scale of the 16-bit comparator encoders. */
    public static final int X_FULL = 0xFFFF;

    private BrunelTranslator()
    {
    }

    /** A probability as the encoders' unsigned 16-bit comparator value: round(p · 65536), at most 0xFFFF. */
    public static int probabilityToX(final double p)
    {
        if (!(p >= 0) || p > 1)
        {
            throw new IllegalArgumentException("a probability must be in [0, 1], got " + p);
        }
        return (int)Math.min(X_FULL, Math.round(p * 65536.0));
    }

    /** w = clip(J / V_th, 0.001, 0.999): the synaptic weight of the hybrid and STDP variants. */
    public static double weightProbability(final BrunelParams p)
    {
        return Math.min(0.999, Math.max(0.001, p.weightExc() / p.vThreshold()));
    }

    /** The inhibitory weight probability of the hybrid variants: min(g · w, 0.999). */
    public static double inhibitoryProbability(final BrunelParams p)
    {
        return Math.min(p.g() * weightProbability(p), 0.999);
    }

    /** The per-step probability of one external synapse firing: ν_ext · dt / 1000. */
    public static double externalProbability(final BrunelParams p)
    {
        return Math.min(1.0, p.nuExt() * p.dt() / 1000.0);
    }

    /** The Izhikevich drive per 0.25 ms step, in the order of {@link BrunelParams#lambda()}. */
    public static double izhikevichLambda(final BrunelParams p)
    {
        return p.cE() * p.eta() * p.nuThr() * IZH_DT / 1000;
    }

    static final double IZH_DT = 0.25;
    static final double IZH_SCALE = 10.0;

    /** Izhikevich steps: the duration in steps of 0.25 ms. */
    public static int izhikevichSteps(final BrunelParams p)
    {
        return (int)Math.round(p.durationMs() / IZH_DT);
    }

    /** Weight scale of V5: 10 / max(J, 0.01) (about 10 current units per excitatory spike). */
    public static double izhikevichScale(final BrunelParams p)
    {
        return IZH_SCALE / Math.max(p.weightExc(), 0.01);
    }

    /** The ordered parameter mapping of a variant. */
    public static Map<String, Object> translate(final Variant v, final BrunelParams p)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        switch (v)
        {
            case V1, V18, V20 -> voltage(m, p);
            case V2 -> layer(m, p, LAYER_LENGTH);
            case V3 -> fixed(m, p, 16, 8);
            case V4 -> hybrid(m, p, "LFSR");
            case V5 -> izhikevich(m, p);
            case V6 ->
            {
                voltage(m, p);
                m.put("target_rate", CsrLifPopulation.HOMEO_TARGET);
                m.put("adaptation_rate", CsrLifPopulation.HOMEO_RATE);
                m.put("trace_decay", 0.95);
                m.put("v_th_min", CsrLifPopulation.HOMEO_MIN);
                m.put("v_th_max", 10 * p.vThreshold());
            }
            case V7 ->
            {
                voltage(m, p);
                m.put("noise_std", CsrLifPopulation.NOISE_STD);
                m.put("noise_per_step", CsrLifPopulation.NOISE_STD * Math.sqrt(p.dt()));
                m.put("noise_stream", "default_rng(seed + 7 * 2**64).standard_normal(N) per step");
            }
            case V8 ->
            {
                voltage(m, p);
                m.put("refractory_steps", p.refractorySteps(CsrLifPopulation.REFRACTORY_STEPS));
                m.put("refractory_v", p.vRest());
            }
            case V9 ->
            {
                voltage(m, p);
                m.put("order", "leak, threshold, reset, then v += ext·J + syn");
            }
            case V10 ->
            {
                voltage(m, p);
                m.put("leak_factor", GlibcMath.exp(-p.dt() / p.tauMem()));
            }
            case V11 -> fixed(m, p, 32, 12);
            case V12 ->
            {
                voltage(m, p);
                m.put("stdp_synapses", StdpPopulation.PLASTIC);
                m.put("stdp_length", StdpPopulation.LENGTH);
                m.put("w_init_prob", weightProbability(p));
                m.put("w_init_count", StdpPopulation.initialCount(p));
                m.put("learning_rate", StdpPopulation.LEARNING_RATE);
                m.put("window_steps", StdpPopulation.WINDOW);
                m.put("ltd_ratio", StdpPopulation.LTD_RATIO);
                m.put("weight_mv", "count / 256 · v_th");
            }
            case V13 -> dotProduct(m, p);
            case V14 -> hybrid(m, p, "Sobol");
            case V15 -> float32(m, p, 1, "v' = v + (v_rest − v)·α + I");
            case V16 -> reservoir(m, p);
            case V17 ->
            {
                layer(m, p, MEMRISTIVE_LENGTH);
                m.put("variability_std", ScLayerPart.VARIABILITY);
                m.put("stuck_rate", ScLayerPart.STUCK_RATE);
            }
            case V19 -> float32(m, p, Float32Population.threadsFor(p.nTotal()), "v += I; v += α·(v_rest − v)");
        }
        return m;
    }

    private static void voltage(final Map<String, Object> m, final BrunelParams p)
    {
        m.put("precision", "float64");
        m.put("v_threshold", p.vThreshold());
        m.put("v_reset", p.vReset());
        m.put("v_rest", p.vRest());
        m.put("tau_mem", p.tauMem());
        m.put("dt", p.dt());
        m.put("alpha", p.dt() / p.tauMem());
        m.put("weight_exc", p.weightExc());
        m.put("weight_inh", p.weightExc() * -p.g());
        m.put("ext_weight", p.weightExc());
        m.put("lambda", p.lambda());
    }

    private static void fixed(final Map<String, Object> m, final BrunelParams p, final int width, final int frac)
    {
        final double scale = 1 << frac;
        m.put("data_width", width);
        m.put("fraction", frac);
        m.put("leak_k", Math.max(1, (int)((p.dt() / p.tauMem()) * scale)));
        m.put("gain_k", 1 << frac);
        m.put("v_threshold_q", (int)(p.vThreshold() * scale));
        m.put("v_reset_q", (int)(p.vReset() * scale));
        m.put("j_exc_q", (int)(p.weightExc() * scale));
        m.put("j_inh_q", (int)(p.weightInh() * scale));
        m.put("refractory", p.refractorySteps(FIXED_REFRACTORY));
        m.put("v_rest_q", (int)(p.vRest() * scale));
        m.put("lambda", p.lambda());
    }

    private static void hybrid(final Map<String, Object> m, final BrunelParams p, final String encoder)
    {
        m.put("encoder", encoder.equals("LFSR") ? "16-bit LFSR + comparator" : "16-bit Sobol + comparator");
        if (!encoder.equals("LFSR"))
        {
            m.put("pre_dimension", HybridScPart.SOBOL_PRE_DIMENSION);
            m.put("weight_dimension", HybridScPart.SOBOL_WEIGHT_DIMENSION);
        }
        m.put("bitstream_length", HYBRID_LENGTH);
        m.put("w_exc_prob", weightProbability(p));
        m.put("w_inh_prob", inhibitoryProbability(p));
        m.put("w_exc_x", probabilityToX(weightProbability(p)));
        m.put("w_inh_x", probabilityToX(inhibitoryProbability(p)));
        m.put("spike_x", probabilityToX(1.0));
        m.put("popcount_scale", p.vThreshold() / HYBRID_LENGTH);
        m.put("v_threshold", p.vThreshold());
        m.put("v_reset", p.vReset());
        m.put("v_rest", p.vRest());
        m.put("alpha", p.dt() / p.tauMem());
        m.put("ext_weight", p.weightExc());
        m.put("lambda", p.lambda());
    }

    private static void izhikevich(final Map<String, Object> m, final BrunelParams p)
    {
        final double s = izhikevichScale(p);
        m.put("a", IzhikevichPopulation.A);
        m.put("b", IzhikevichPopulation.B);
        m.put("c", IzhikevichPopulation.C);
        m.put("d", IzhikevichPopulation.D);
        m.put("dt", IZH_DT);
        m.put("steps", izhikevichSteps(p));
        m.put("v_peak", IzhikevichPopulation.V_PEAK);
        m.put("bias_current", IzhikevichPopulation.BIAS);
        m.put("weight_scale", s);
        m.put("weight_exc", p.weightExc() * s);
        m.put("weight_inh", p.weightInh() * s);
        m.put("ext_weight", p.weightExc() * s);
        m.put("lambda", izhikevichLambda(p));
    }

    private static void dotProduct(final Map<String, Object> m, final BrunelParams p)
    {
        final int units = Math.min(DOT_UNITS, p.nTotal());
        m.put("post_neurons", units);
        m.put("synapses_per_neuron", units);
        m.put("bitstream_length", HYBRID_LENGTH);
        m.put("w_prob", weightProbability(p));
        m.put("w_x", probabilityToX(weightProbability(p)));
        m.put("pre_prob", DOT_PRE_PROB);
        m.put("pre_x", probabilityToX(DOT_PRE_PROB));
        m.put("y_min_q", 0);
        m.put("y_max_q", (int)(p.vThreshold() * 256));
        fixed(m, p, 16, 8);
    }

    private static void float32(final Map<String, Object> m, final BrunelParams p, final int threads, final String form)
    {
        m.put("precision", "float32");
        m.put("threads", threads);
        m.put("update", form);
        m.put("v_threshold", (float)p.vThreshold());
        m.put("v_reset", (float)p.vReset());
        m.put("v_rest", (float)p.vRest());
        m.put("alpha", (float)(p.dt() / p.tauMem()));
        m.put("weight_exc", (float)p.weightExc());
        m.put("weight_inh", (float)(p.weightExc() * -p.g()));
        m.put("lambda", p.lambda());
    }

    private static void reservoir(final Map<String, Object> m, final BrunelParams p)
    {
        m.put("units", Math.min(LAYER_UNITS, p.nTotal()));
        m.put("w_in_max", p.weightExc() / p.vThreshold());
        m.put("w_rec_max", ReservoirPopulation.W_REC_MAX);
        m.put("input", "clip(ext / 10, 0, 1)");
        m.put("update", "state = clip(W_in·x + W_rec·state, 0, 1)");
        m.put("weights_stream", "default_rng(seed + 16 * 2**64): W_in then W_rec, row-major");
        m.put("lambda", p.lambda());
    }

    private static void layer(final Map<String, Object> m, final BrunelParams p, final int length)
    {
        final int units = Math.min(LAYER_UNITS, p.nTotal());
        m.put("inputs", units);
        m.put("neurons", units);
        m.put("bitstream_length", length);
        m.put("conn_prob", p.connProb());
        m.put("weight_prob", p.weightExc() / p.vThreshold());
        m.put("weight_x", probabilityToX(p.weightExc() / p.vThreshold()));
        m.put("ext_prob", externalProbability(p));
        m.put("ext_x", probabilityToX(externalProbability(p)));
        m.put("encoder", "16-bit LFSR + comparator, SEED_INIT of the reference seed plan, t_index from the seed");
    }
}
