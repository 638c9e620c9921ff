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
    CUBA_LIF("CubaLIF", Role.NEURON, List.of("tau_syn", "tau_mem", "r", "v_leak", "v_threshold"));

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

    Kind(final String nirType, final Role role, final List<String> required)
    {
        this.nirType = nirType;
        this.role = role;
        this.required = required;
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

    /** The kind of a NIR type name, or null if there is none. */
    public static Kind ofNirType(final String type)
    {
        for (final Kind k : values())
        {
            if (k.nirType.equals(type))
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
            b.append(b.length() == 0 ? "" : ", ").append(k.nirType);
        }
        return b.toString();
    }
}
