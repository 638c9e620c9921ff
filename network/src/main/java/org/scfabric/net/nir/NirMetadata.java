package org.scfabric.net.nir;

import java.util.List;

/**
 * The node metadata keys through which scfabric says in a NIR file what NIR cannot: each is a string dataset
 * in the node's {@code metadata} group. Readers that do not know scfabric ignore them and see the node as its
 * NIR type says. Only the keys listed here may start {@code scfabric.}: the writer refuses any other, so that
 * every key a file carries is one that docs/nir.md explains. Numbers are written as Java's
 * {@link Double#toString(double)} or {@link Long#toString(long)} gives them (exact round trip), in SI units.
 */
public final class NirMetadata
{
    /** The prefix of scfabric's keys. */
    public static final String PREFIX = "scfabric.";

    /**
     * A neuron or source model of scfabric that NIR lacks (e.g. {@code brunel} for the reference's neuron, which
     * adds its kicks, leaks, then fires at v >= threshold); the node's NIR type is the nearest primitive.
     */
    public static final String KIND = "scfabric.kind";

    /** Refractory period of a neuron population, seconds. */
    public static final String REFRACTORY_S = "scfabric.refractory_s";

    /** Synaptic delay on the edges leaving the node, seconds (when it is not a NIR Delay node of its own). */
    public static final String DELAY_S = "scfabric.delay_s";

    /** A Poisson source: rate of each channel in Hz (an Input node driven by scfabric's numpy-exact stream). */
    public static final String POISSON_HZ = "scfabric.poisson_hz";

    /** The seed of a source's random stream (an integer >= 0). */
    public static final String SEED = "scfabric.seed";

    /** The arithmetic chosen for the node: {@code float64}, {@code q8.8}, {@code q16.12} or {@code sc}. */
    public static final String ARITH = "scfabric.arith";

    /** SC bitstream length in cycles, when {@link #ARITH} is {@code sc}. */
    public static final String BITSTREAM = "scfabric.bitstream";

    /** Every key scfabric writes, in the order docs/nir.md lists them. */
    public static final List<String> KEYS = List.of(KIND, REFRACTORY_S, DELAY_S, POISSON_HZ, SEED, ARITH, BITSTREAM);

    private NirMetadata()
    {
    }

    /** True for a key under scfabric's prefix that is not one of {@link #KEYS}. */
    public static boolean unknownScfabricKey(final String key)
    {
        return key.startsWith(PREFIX) && !KEYS.contains(key);
    }
}
