package org.scfabric.bench.brunel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The 20 variants of the Brunel translation (docs/spec/brunel.md §4). Each has two names: what scfabric
 * runs ({@link #title(int)}: arithmetic, structure, threads — everything here is Java on the CPU), and
 * the reference benchmark's name for it ({@link #reference()}), which often names a framework or class
 * (PyTorch, JAX, Numba, NumPy, SC…) that scfabric does not run. Reports keep the two apart.
 */
public enum Variant
{
    V1("float64 LIF, one object per neuron", "StochasticLIFNeuron", "voltage", false),
    V2("SC layer 100x100, LFSR streams of 1024 bits", "VectorizedSCLayer", "probability", true),
    V3("bit-true Q8.8 LIF (sc_lif_neuron)", "FixedPointLIF Q8.8", "fixed point", true),
    V4("LFSR-stream synapses (256 bits) + float64 LIF", "BitstreamSynapse + LIF", "hybrid", true),
    V5("float64 Izhikevich, dt 0.25 ms", "SCIzhikevichNeuron", "voltage", false),
    V6("float64 LIF, adaptive threshold", "HomeostaticLIFNeuron", "voltage", false),
    V7("float64 LIF + Gaussian noise", "V1 + noise", "voltage", false),
    V8("float64 LIF, 5-step refractory period", "V1 + refractory", "voltage", false),
    V9("float64 LIF, leak before the kicks", "V1 + post-kick", "voltage", false),
    V10("float64 LIF, exact exponential leak", "V1 + exact leak", "voltage", false),
    V11("bit-true Q16.12 LIF (32-bit sc_lif_neuron)", "FixedPointLIF Q16.12", "fixed point", true),
    V12("float64 LIF + stochastic STDP on 2000 synapses", "V1 + StochasticSTDPSynapse", "voltage", false),
    V13("SC dot product 50x50 (256 bits) + Q8.8 LIF", "BitstreamDotProduct", "SC", true),
    V14("Sobol-stream synapses (256 bits) + float64 LIF", "V4 + Sobol", "hybrid", true),
    V15("float32 LIF, dense-layer update, 1 thread", "JaxSCDenseLayer", "probability", false),
    V16("float64 reservoir of 100 units", "SCRecurrentLayer", "reservoir", false),
    V17("SC layer 100x100 with device defects, LFSR streams of 256 bits", "MemristiveDenseLayer", "probability",
        true),
    V18("float64 LIF, CSR arrays, one loop", "V1 + Numba JIT (CSR fast path)", "voltage", false),
    /** Its title names the threads it runs on at a given N: see {@link #title(int)}. */
    V19("float32 LIF, CSR arrays, data-parallel", "PyTorch CUDA (data-parallel)", "voltage", false),
    V20("float64 LIF, whole-array passes", "vectorised NumPy", "voltage", false);

    private final String title;
    private final String reference;
    private final String domain;
    private final boolean hardware;

    Variant(final String title, final String reference, final String domain, final boolean hardware)
    {
        this.title = title;
        this.reference = reference;
        this.domain = domain;
        this.hardware = hardware;
    }

    /**
     * What scfabric runs for this variant at {@code neurons} neurons: the {@code name} of reports. V19's
     * thread count depends on N (one thread per {@value Float32Population#GRAIN} neurons, at most one per
     * core), so its title states the count it will use.
     */
    public String title(final int neurons)
    {
        if (this == V19)
        {
            final int t = Float32Population.threadsFor(neurons);
            return "float32 LIF, CSR arrays, " + t + (t == 1 ? " thread" : " threads");
        }
        return title;
    }

    /** The reference benchmark's name for the variant (its backend or class), not what scfabric runs. */
    public String reference()
    {
        return reference;
    }

    public String domain()
    {
        return domain;
    }

    /** Built from the bit-true hardware components (and so has an area estimate). */
    public boolean hardware()
    {
        return hardware;
    }

    /**
     * Parses a list like {@code V1,V3}, {@code v1, v20} or {@code all}, in the order given, without
     * duplicates; one clear error for an unknown name.
     */
    public static List<Variant> parseList(final String spec)
    {
        if (spec == null || spec.isBlank())
        {
            throw new IllegalArgumentException("no variant given (accepted: V1..V20 separated by commas, or all)");
        }
        if (spec.trim().equalsIgnoreCase("all"))
        {
            return List.of(values());
        }
        final List<Variant> out = new ArrayList<>();
        for (final String part : spec.split(","))
        {
            final String name = part.trim().toUpperCase(Locale.ROOT);
            Variant found = null;
            for (final Variant v : values())
            {
                if (v.name().equals(name))
                {
                    found = v;
                }
            }
            if (found == null)
            {
                throw new IllegalArgumentException("unknown variant '" + part.trim()
                    + "' (accepted: V1..V20 separated by commas, or all)");
            }
            if (!out.contains(found))
            {
                out.add(found);
            }
        }
        return out;
    }

    /** Variants with a refractory period that {@code --refractory-ms} sets (V1's is none by default). */
    public static final java.util.Set<Variant> REFRACTORY = java.util.EnumSet.of(V1, V3, V8, V11, V13);
    /** Variants whose synaptic delay {@code --delay-ms} sets (the others keep the reference's one step). */
    public static final java.util.Set<Variant> DELAY = java.util.EnumSet.of(V1, V3, V11);
    /** The longest delay of the fixed-point cores' axon line (delay − 1 bits in one register), in steps. */
    public static final int MAX_FIXED_DELAY_STEPS = 64;

    /**
     * Why this variant cannot run with p's delay or refractory period, or null when it can: a variant that
     * would silently ignore a value the user gave would report figures of a network nobody asked for.
     */
    public String refuses(final BrunelParams p)
    {
        if (p.delaySteps() != 1 && !DELAY.contains(this))
        {
            return name() + " has the reference's fixed one-step delay; a delay other than dt runs on " + names(DELAY);
        }
        if (p.delaySteps() > MAX_FIXED_DELAY_STEPS && (this == V3 || this == V11))
        {
            return name() + "'s axon delay line holds at most " + MAX_FIXED_DELAY_STEPS + " steps ("
                + MAX_FIXED_DELAY_STEPS * p.dt() + " ms)";
        }
        if (p.refractoryGiven() && !REFRACTORY.contains(this))
        {
            return name() + " has no refractory period; --refractory-ms applies to " + names(REFRACTORY);
        }
        return null;
    }

    private static String names(final java.util.Set<Variant> s)
    {
        return String.join(", ", s.stream().map(Variant::name).toList());
    }
}
