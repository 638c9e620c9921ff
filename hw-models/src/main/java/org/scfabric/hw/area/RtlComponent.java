package org.scfabric.hw.area;

import java.util.List;
import java.util.Locale;

/** The hardware components that have an area model, each with its Verilog top and sources in {@code rtl/}. */
public enum RtlComponent
{
    LFSR("lfsr", "sc_lfsr", "sc_lfsr.v"),
    LFSR_ENCODER("lfsr-encoder", "sc_bitstream_encoder", "sc_bitstream_encoder.v"),
    SOBOL("sobol", "sc_sobol", "sc_sobol.v"),
    SOBOL_ENCODER("sobol-encoder", "sc_sobol_encoder", "sc_sobol.v", "sc_sobol_encoder.v"),
    SYNAPSE("synapse", "sc_bitstream_synapse", "sc_bitstream_synapse.v"),
    POPCOUNT_ACC("popcount-acc", "sc_popcount_acc", "sc_popcount_acc.v"),
    POPCOUNT_TO_CURRENT("popcount-to-current", "sc_dotproduct_to_current", "sc_dotproduct_to_current.v"),
    LIF("lif", "sc_lif_neuron", "sc_lif_neuron.v"),
    CUBA_LIF("cuba-lif", "sc_cuba_lif_neuron", "sc_cuba_lif_neuron.v"),
    DENSE_CORE("dense-core", "sc_dense_layer_core", "sc_bitstream_encoder.v", "sc_bitstream_synapse.v",
        "sc_dotproduct_to_current.v", "sc_lif_neuron.v", "sc_dense_layer_core.v");

    private final String id;
    private final String top;
    private final List<String> sources;

    RtlComponent(final String id, final String top, final String... sources)
    {
        this.id = id;
        this.top = top;
        this.sources = List.of(sources);
    }

    /** Name on the command line and in tables, e.g. {@code lif}, {@code dense-core}. */
    public String id()
    {
        return id;
    }

    /** Verilog top module. */
    public String top()
    {
        return top;
    }

    /** Verilog sources, relative to {@code rtl/}, in reading order. */
    public List<String> sources()
    {
        return sources;
    }

    /** Parses an id such as {@code lif} or {@code popcount-to-current}; one clear error otherwise. */
    public static RtlComponent parse(final String s)
    {
        final String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (final RtlComponent c : values())
        {
            if (c.id.equals(k) || c.top.equals(k))
            {
                return c;
            }
        }
        final StringBuilder ids = new StringBuilder();
        for (final RtlComponent c : values())
        {
            ids.append(ids.length() == 0 ? "" : ", ").append(c.id);
        }
        throw new IllegalArgumentException("unknown component '" + s + "' (accepted: " + ids + ")");
    }
}
