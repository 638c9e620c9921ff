package org.scfabric.bench.faults;

import java.util.List;
import java.util.Locale;

/** The designs a campaign can run on, by name. */
public final class Workloads
{
    /** Names accepted by {@link #of}, in the order the help lists them. */
    public static final List<String> NAMES = List.of("V3", "V4", "V11", "V14", "dense-core", "fabric-v3",
        "fabric-v11");

    private Workloads()
    {
    }

    /**
     * @param neurons    network size N
     * @param durationMs simulated time
     * @param seed       the network's seed (connectivity and drive)
     * @param cores      neuron cores of the fabric designs
     */
    public static Workload of(final String name, final int neurons, final double durationMs, final long seed,
        final int cores)
    {
        final String n = name == null ? "" : name.trim();
        switch (n.toLowerCase(Locale.ROOT))
        {
            case "fabric-v3":
                return new FabricWorkload(false, neurons, durationMs, seed, cores);
            case "fabric-v11":
                return new FabricWorkload(true, neurons, durationMs, seed, cores);
            case "v3":
                return new BrunelWorkload(org.scfabric.bench.brunel.Variant.V3, neurons, durationMs, seed);
            case "v11":
                return new BrunelWorkload(org.scfabric.bench.brunel.Variant.V11, neurons, durationMs, seed);
            case "v4":
                return new BrunelWorkload(org.scfabric.bench.brunel.Variant.V4, neurons, durationMs, seed);
            case "v14":
                return new BrunelWorkload(org.scfabric.bench.brunel.Variant.V14, neurons, durationMs, seed);
            case "dense-core":
                return new DenseCoreWorkload(neurons, durationMs, seed);
            default:
                throw new IllegalArgumentException("unknown variant '" + n + "' (accepted: " + String.join(", ", NAMES)
                    + ")");
        }
    }
}
