package org.scfabric.bench.brunel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The 20 variants of the Brunel translation (docs/spec/brunel.md §4). */
public enum Variant
{
    V1("StochasticLIFNeuron", "voltage", false),
    V2("VectorizedSCLayer", "probability", true),
    V3("FixedPointLIF Q8.8", "fixed point", true),
    V4("BitstreamSynapse + LIF", "hybrid", true),
    V5("SCIzhikevichNeuron", "voltage", false),
    V6("HomeostaticLIFNeuron", "voltage", false),
    V7("V1 + noise", "voltage", false),
    V8("V1 + refractory", "voltage", false),
    V9("V1 + post-kick", "voltage", false),
    V10("V1 + exact leak", "voltage", false),
    V11("FixedPointLIF Q16.12", "fixed point", true),
    V12("V1 + StochasticSTDPSynapse", "voltage", false),
    V13("BitstreamDotProduct", "SC", true),
    V14("V4 + Sobol", "hybrid", true),
    V15("JaxSCDenseLayer", "probability", false),
    V16("SCRecurrentLayer", "reservoir", false),
    V17("MemristiveDenseLayer", "probability", true),
    V18("V1 + Numba JIT (CSR fast path)", "voltage", false),
    V19("PyTorch CUDA (data-parallel, all cores)", "voltage", false),
    V20("vectorised NumPy", "voltage", false);

    private final String title;
    private final String domain;
    private final boolean hardware;

    Variant(final String title, final String domain, final boolean hardware)
    {
        this.title = title;
        this.domain = domain;
        this.hardware = hardware;
    }

    public String title()
    {
        return title;
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
}
