package org.scfabric.bench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.bench.brunel.BrunelTranslator;
import org.scfabric.bench.brunel.Variant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scfabric translate}: how the Brian2 Brunel parameters map onto a variant (the translator's
 * output). {@code --all --markdown} prints the reference table that docs/parameters.md is made of.
 */
@Command(name = "translate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Print how the Brian2 Brunel parameters map onto a variant's parameters.",
        "tau, v_th, J, g, rate ... become floats, Q8.8 / Q16.12 integers, probabilities, stream lengths."},
    footer = {"", "Examples: scfabric translate --variant V3",
        "          scfabric translate --all --markdown > docs/parameters.md"})
public final class TranslateCommand implements Callable<Integer>
{
    @Option(names = "--variant", paramLabel = "V", description = "the variant (V1..V20)")
    String variant;

    @Option(names = "--all", description = "every variant")
    boolean all;

    @Option(names = "--neurons", defaultValue = "1000", paramLabel = "N",
        description = "network size N >= 2 (default: ${DEFAULT-VALUE})")
    String neurons;

    @Option(names = "--markdown", description = "Markdown tables (the docs/parameters.md format)")
    boolean markdown;

    @Option(names = "--json", description = "JSON instead of text")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final BiFunction<Variant, BrunelParams, Map<String, Object>> translator;

    public TranslateCommand()
    {
        this(null);
    }

    /** With a given translator (tests); null means the real one. */
    public TranslateCommand(final BiFunction<Variant, BrunelParams, Map<String, Object>> translator)
    {
        this.translator = translator;
    }

    @Override
    public Integer call() throws Exception
    {
        if (all == (variant != null))
        {
            throw new BadInputException("give either --variant V (V1..V20) or --all");
        }
        if (markdown && json)
        {
            throw new BadInputException("--markdown and --json exclude each other: choose one");
        }
        final List<Variant> list;
        if (all)
        {
            list = List.of(Variant.values());
        }
        else
        {
            list = BrunelCommand.parseVariants(variant, "--variant");
            if (list.size() != 1)
            {
                throw new BadInputException("--variant takes one variant (V1..V20); use --all for every one");
            }
        }
        final int n = OptionValues.integer(neurons, "--neurons", "an integer N >= 2");
        if (n < 2)
        {
            throw new BadInputException("--neurons " + n + ": the network needs N >= 2 neurons (0.8 N excitatory)");
        }
        final BrunelParams p = BrunelParams.ofSize(n);
        final BiFunction<Variant, BrunelParams, Map<String, Object>> t = translator != null ? translator
            : BrunelTranslator::translate;
        final Map<Variant, Map<String, Object>> maps = new LinkedHashMap<>();
        for (final Variant v : list)
        {
            maps.put(v, t.apply(v, p));
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            final Map<String, Object> root = new LinkedHashMap<>();
            maps.forEach((v, m) -> root.put(v.name(), m));
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(all ? root : maps.values().iterator().next()));
        }
        else if (markdown)
        {
            out.print(markdown(maps, p, all));
        }
        else
        {
            for (final Map.Entry<Variant, Map<String, Object>> e : maps.entrySet())
            {
                final Variant v = e.getKey();
                out.printf(Locale.ROOT, "%s  %s  (%s%s; reference: %s), N = %d%n", v.name(), v.title(n), v.domain(),
                    v.hardware() ? ", hardware" : "", v.reference(), n);
                final Map<String, String> flat = flatten(e.getValue());
                final int w = flat.keySet().stream().mapToInt(String::length).max().orElse(0);
                flat.forEach((k, val) -> out.printf(Locale.ROOT, "  %-" + w + "s  %s%n", k, val));
                if (maps.size() > 1)
                {
                    out.println();
                }
            }
        }
        out.flush();
        return 0;
    }

    /** The docs/parameters.md text. */
    static String markdown(final Map<Variant, Map<String, Object>> maps, final BrunelParams p, final boolean header)
    {
        final StringBuilder sb = new StringBuilder();
        if (header)
        {
            sb.append("# Parameter mapping: Brian2 Brunel network → the 20 variants\n\n");
            sb.append("<!-- generated by `./scfabric translate --all --markdown > docs/parameters.md`; do not edit by hand -->\n\n");
            sb.append(String.format(Locale.ROOT,
                "What `BrunelTranslator` makes of the Brian2 parameters for each variant, at N = %d (%d excitatory,"
                    + " %d inhibitory): J = %s mV, g = %s, V_th = %s mV, V_reset = %s mV, τ = %s ms, dt = %s ms,"
                    + " conn_prob = %s, η = %s → ν_ext = %s Hz, λ = %s Poisson kicks per neuron per step."
                    + " `./scfabric translate --variant V3 --neurons N` prints one variant at another size.%n%n",
                p.nTotal(), p.nExc(), p.nInh(), num(p.weightExc()), num(p.g()), num(p.vThreshold()), num(p.vReset()),
                num(p.tauMem()), num(p.dt()), num(p.connProb()), num(p.eta()), num(p.nuExt()), num(p.lambda())));
            sb.append("| variant | name | reference | domain | hardware |\n|:--|:--|:--|:--|:--|\n");
            for (final Variant v : maps.keySet())
            {
                sb.append("| [").append(v.name()).append("](#").append(v.name().toLowerCase(Locale.ROOT)).append(") | ")
                    .append(v.title(p.nTotal())).append(" | ").append(v.reference()).append(" | ").append(v.domain()).append(" | ")
                    .append(v.hardware() ? "yes" : "no").append(" |\n");
            }
            sb.append('\n');
        }
        for (final Map.Entry<Variant, Map<String, Object>> e : maps.entrySet())
        {
            final Variant v = e.getKey();
            sb.append("## ").append(v.name()).append("\n\n").append(v.title(p.nTotal())).append(" — ").append(v.domain())
                .append(v.hardware() ? ", hardware" : "").append(" (reference: ").append(v.reference()).append(")\n\n");
            sb.append("| parameter | value |\n|:--|:--|\n");
            final String cores = Integer.toString(Runtime.getRuntime().availableProcessors());
            flatten(e.getValue()).forEach((k, val) ->
            {
                // the reference must not depend on the machine that generated it
                final String shown = k.equals("threads") && val.equals(cores) ? "all cores (Runtime.availableProcessors())"
                    : val;
                sb.append("| `").append(k).append("` | ").append(shown.replace("|", "\\|")).append(" |\n");
            });
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Nested maps become dotted keys; lists and arrays are printed in brackets. */
    static Map<String, String> flatten(final Map<String, Object> m)
    {
        final Map<String, String> out = new LinkedHashMap<>();
        flatten("", m, out);
        return out;
    }

    private static void flatten(final String prefix, final Map<?, ?> m, final Map<String, String> out)
    {
        for (final Map.Entry<?, ?> e : m.entrySet())
        {
            final String k = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> sub)
            {
                flatten(k + ".", sub, out);
            }
            else
            {
                out.put(k, value(e.getValue()));
            }
        }
    }

    private static String value(final Object o)
    {
        if (o == null)
        {
            return "–";
        }
        if (o instanceof Double d)
        {
            return num(d);
        }
        if (o instanceof Float f)
        {
            final String t = Float.toString(f);
            return (t.endsWith(".0") ? t.substring(0, t.length() - 2) : t) + "f";
        }
        if (o instanceof Collection<?> c)
        {
            final List<String> parts = new ArrayList<>();
            c.forEach(x -> parts.add(value(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (o.getClass().isArray())
        {
            final List<String> parts = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(o); i++)
            {
                parts.add(value(java.lang.reflect.Array.get(o, i)));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(o);
    }

    /** Shortest exact text of a double (integers without ".0"). */
    static String num(final double d)
    {
        if (d == Math.rint(d) && Math.abs(d) < 1e15)
        {
            return Long.toString((long)d);
        }
        return Double.toString(d);
    }
}
