package org.scfabric.net;

import java.util.List;
import java.util.Map;

/**
 * What a node computes. The NIR primitives, under their NIR type names; the kinds that other front ends add
 * (a Brunel neuron, a Poisson source) come here too, so every back end sees one closed list.
 *
 * <p>{@link #required} parameters must be present; {@link #defaults} are those NIR's reference
 * implementation fills in when a file (of an older NIR version) lacks them.
 */
public enum Kind
{
    INPUT("Input", Role.PORT, List.of()),
    OUTPUT("Output", Role.PORT, List.of()),
    AFFINE("Affine", Role.OPERATOR, List.of("weight", "bias")),
    LINEAR("Linear", Role.OPERATOR, List.of("weight")),
    CONV1D("Conv1d", Role.OPERATOR, List.of("weight")),
    CONV2D("Conv2d", Role.OPERATOR, List.of("weight")),
    SUM_POOL_2D("SumPool2d", Role.OPERATOR, List.of("kernel_size")),
    AVG_POOL_2D("AvgPool2d", Role.OPERATOR, List.of("kernel_size")),
    FLATTEN("Flatten", Role.OPERATOR, List.of()),
    SCALE("Scale", Role.OPERATOR, List.of("scale")),
    THRESHOLD("Threshold", Role.OPERATOR, List.of("threshold")),
    /** Holds its input round(delay / dt) steps: stateful, so it may close a cycle. */
    DELAY("Delay", Role.STATEFUL_OPERATOR, List.of("delay")),
    I("I", Role.NEURON, List.of("r")),
    IF("IF", Role.NEURON, List.of("r", "v_threshold")),
    LI("LI", Role.NEURON, List.of("tau", "r", "v_leak")),
    LIF("LIF", Role.NEURON, List.of("tau", "r", "v_leak", "v_threshold")),
    CUBA_LI("CubaLI", Role.NEURON, List.of("tau_syn", "tau_mem", "r", "v_leak")),
    CUBA_LIF("CubaLIF", Role.NEURON, List.of("tau_syn", "tau_mem", "r", "v_leak", "v_threshold")),
    /**
     * The Brunel reference's neuron (docs/spec/brunel.md §3), scfabric's own: v += r·I (r optional, 1), then the Euler leak
     * v += (dt/tau)(v_leak - v), then a spike at v >= v_threshold (not >) resets to v_reset; for
     * {@code scfabric.refractory_steps} steps after a spike the input is ignored and v held at v_leak. Written
     * as a NIR {@code LIF} with {@code scfabric.kind = brunel}.
     */
    BRUNEL("LIF", Role.NEURON, List.of("tau", "v_leak", "v_threshold", "v_reset"), "brunel"),
    /**
     * A Linear whose weights are stored sparse (a 10 000-neuron network has 10^8 weights, 10^7 of them
     * non-zero): {@code indptr} (in + 1), {@code indices} (the outputs of input j are
     * indices[indptr[j] .. indptr[j+1]), ascending), {@code data} (one weight per synapse, or one per input
     * shared by all its synapses) and {@code shape} (out, in). y_i = sum over j ascending of W_ij x_j, as
     * Linear. Written as a NIR {@code Linear} with {@code scfabric.kind = csr} and no dense weight.
     */
    CSR_LINEAR("Linear", Role.OPERATOR, List.of("indptr", "indices", "data", "shape"), "csr");

    /** Where a kind stands in the graph. */
    public enum Role
    {
        /** Input or Output: carries values across the network's boundary unchanged. */
        PORT,
        /** A stateless function of this step's input. */
        OPERATOR,
        /** Not a neuron, but holds state across steps. */
        STATEFUL_OPERATOR,
        /** A population of neurons: per-neuron state and parameters. */
        NEURON
    }

    private final String nirType;
    private final Role role;
    private final List<String> required;
    private final String scfabricKind;

    Kind(final String nirType, final Role role, final List<String> required)
    {
        this(nirType, role, required, null);
    }

    Kind(final String nirType, final Role role, final List<String> required, final String scfabricKind)
    {
        this.nirType = nirType;
        this.role = role;
        this.required = required;
        this.scfabricKind = scfabricKind;
    }

    /**
     * The {@code scfabric.kind} value of a kind NIR lacks (written as its nearest NIR primitive,
     * {@link #nirType()}), or null for NIR's own primitives.
     */
    public String scfabricKind()
    {
        return scfabricKind;
    }

    /**
     * The kind of a node of NIR type {@code type} whose {@code scfabric.kind} metadata is {@code scfabricKind}
     * (null: none): one of scfabric's kinds written as that type, or null if there is none.
     */
    public static Kind of(final String type, final String scfabricKind)
    {
        if (scfabricKind == null)
        {
            return ofNirType(type);
        }
        for (final Kind k : values())
        {
            if (k.nirType.equals(type) && scfabricKind.equals(k.scfabricKind))
            {
                return k;
            }
        }
        return null;
    }

    /** The {@code scfabric.kind} values known for NIR type {@code type}, for messages. */
    public static String scfabricKinds(final String type)
    {
        final StringBuilder b = new StringBuilder();
        for (final Kind k : values())
        {
            if (k.nirType.equals(type) && k.scfabricKind != null)
            {
                b.append(b.length() == 0 ? "" : ", ").append(k.scfabricKind);
            }
        }
        return b.length() == 0 ? "none" : b.toString();
    }

    /** The NIR type name, e.g. {@code CubaLIF}. */
    public String nirType()
    {
        return nirType;
    }

    public Role role()
    {
        return role;
    }

    public boolean neuron()
    {
        return role == Role.NEURON;
    }

    /** True when the node keeps state from one step to the next (a cycle through it is computable). */
    public boolean stateful()
    {
        return role == Role.NEURON || role == Role.STATEFUL_OPERATOR;
    }

    public List<String> required()
    {
        return required;
    }

    /** Parameters NIR's reference reader fills in when absent: v_reset 0, w_in 1. */
    public Map<String, Double> defaults()
    {
        return switch (this)
        {
            case IF, LIF -> Map.of("v_reset", 0.0);
            case CUBA_LI -> Map.of("w_in", 1.0);
            case CUBA_LIF -> Map.of("v_reset", 0.0, "w_in", 1.0);
            default -> Map.of();
        };
    }

    /** The kind of a NIR type name (NIR's own primitive, not one of scfabric's), or null if there is none. */
    public static Kind ofNirType(final String type)
    {
        for (final Kind k : values())
        {
            if (k.nirType.equals(type) && k.scfabricKind == null)
            {
                return k;
            }
        }
        return null;
    }

    /** The NIR type names, for messages that say what is accepted. */
    public static String nirTypes()
    {
        final StringBuilder b = new StringBuilder();
        for (final Kind k : values())
        {
            if (k.scfabricKind == null)
            {
                b.append(b.length() == 0 ? "" : ", ").append(k.nirType);
            }
        }
        return b.toString();
    }
}
