package org.scfabric.bench.brunel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.Shape;
import org.scfabric.net.Tensor;
import org.scfabric.net.nir.NirMetadata;
import org.scfabric.net.ref.Options;

/**
 * A Brunel variant as a {@link Network}: the one path by which {@code scfabric nir} runs what the variant runs
 * (docs/nir.md, "Brunel through NIR").
 *
 * <pre>
 *  drive (Input, numpy_poisson) -&gt; kick (Scale J) -&gt; neurons (brunel) -&gt; synapses (Linear, csr) -+
 *                                                       ^      \-&gt; output                            |
 *                                                       +---------- back edge: the previous step ------+
 * </pre>
 *
 * The drive is an Input scfabric fills itself with numpy's {@code poisson(λ, N)} from {@code default_rng(seed)}
 * after the N² connectivity uniforms; {@code kick} scales the counts by J; the synapses are the connectivity's CSR
 * rows (presynaptic neuron i's targets, one weight per row: +J or −g·J). The back edge into {@code neurons} is the
 * one-step synaptic delay. Input order of {@code neurons}: kick first, so its input is {@code ext·J + syn}, V1's.
 *
 * <p>Variants that map: V1, V18, V20 (the float64 reference, no refractory period), V8 (5 refractory steps), V3
 * and V11 (the reference's fixed-point core: 2 refractory steps, run with {@code --arith q8.8} / {@code q16.12}).
 */
public final class BrunelNir
{
    private BrunelNir()
    {
    }

    /** Whether {@code v} maps onto the network model (the others are refused with {@link #refusal}). */
    public static boolean maps(final Variant v)
    {
        return switch (v)
        {
            case V1, V3, V8, V11, V18, V20 -> true;
            default -> false;
        };
    }

    /** One line saying why a variant does not export, and which do. */
    public static String refusal(final Variant v)
    {
        return "--export-nir: " + v.name() + " (" + v.reference() + ") does not map onto the network model's "
            + "nodes; V1, V3, V8, V11, V18 and V20 do";
    }

    /** The arithmetic a variant's network is meant for ({@code scfabric.arith}): float64, q8.8 or q16.12. */
    public static String arith(final Variant v)
    {
        return switch (v)
        {
            case V3 -> "q8.8";
            case V11 -> "q16.12";
            default -> "float64";
        };
    }

    /** Refractory steps of a variant's neuron: {@code --refractory-ms} when given, else the variant's own. */
    static int refractory(final Variant v, final BrunelParams p)
    {
        return p.refractorySteps(switch (v)
        {
            case V3, V11 -> BrunelTranslator.FIXED_REFRACTORY;
            case V8 -> CsrLifPopulation.REFRACTORY_STEPS;
            default -> 0;
        });
    }

    /** The step {@code scfabric nir --dt} must be: the parameters' dt in seconds. */
    public static double dtSeconds(final BrunelParams p)
    {
        return p.dt() / 1000;
    }

    /** The network {@code variant} runs on {@code net}; a variant that does not map is a {@link NetworkException}. */
    public static Network of(final BrunelNetwork net, final Variant variant)
    {
        if (!maps(variant))
        {
            throw new NetworkException(refusal(variant));
        }
        final BrunelParams p = net.params();
        if (p.delaySteps() != 1)
        {
            // the brunel kind's recurrent edge carries the previous step: one step of delay, no more
            throw new NetworkException("a synaptic delay of " + p.delaySteps() + " steps is not exported "
                + "(the exported network has the reference's one step, --delay-ms " + p.dt() + ")");
        }
        final int n = net.size();
        final double tau = p.tauMem() / 1000;
        // the float64 path computes dt/τ from seconds: it must be V1's α to the bit
        if (dtSeconds(p) / tau != p.dt() / p.tauMem())
        {
            throw new NetworkException("dt/tau in seconds (" + dtSeconds(p) / tau + ") is not the reference's "
                + p.dt() / p.tauMem() + " to the bit: this network cannot be written exactly");
        }
        final Connectivity c = net.connectivity();
        final Network.Builder b = Network.builder();

        final Map<String, String> driveMeta = new LinkedHashMap<>();
        driveMeta.put(NirMetadata.KIND, NirMetadata.NUMPY_POISSON);
        driveMeta.put(NirMetadata.SEED, Long.toString(p.seed()));
        driveMeta.put(NirMetadata.POISSON_LAMBDA, Double.toString(p.lambda()));
        driveMeta.put(NirMetadata.DRAWS_BEFORE, Long.toString((long)n * n));
        b.add(new Node("drive", Kind.INPUT, Map.of("shape", ints64(n)), driveMeta, null, null));

        b.add(new Node("kick", Kind.SCALE, Map.of("scale", Tensor.scalar(p.weightExc()))));

        final Map<String, Tensor> neuron = new LinkedHashMap<>();
        neuron.put("tau", Tensor.scalar(tau));
        // v += r·I with r = 1: NIR's LIF has r, and NIR's own reader wants it
        neuron.put("r", Tensor.scalar(1.0));
        neuron.put("v_leak", Tensor.scalar(p.vRest()));
        neuron.put("v_threshold", Tensor.scalar(p.vThreshold()));
        neuron.put("v_reset", Tensor.scalar(p.vReset()));
        final Map<String, String> neuronMeta = new LinkedHashMap<>();
        neuronMeta.put(NirMetadata.KIND, Kind.BRUNEL.scfabricKind());
        neuronMeta.put(NirMetadata.REFRACTORY_STEPS, Integer.toString(refractory(variant, p)));
        neuronMeta.put(NirMetadata.ARITH, arith(variant));
        b.add(new Node("neurons", Kind.BRUNEL, neuron, neuronMeta, null, null));

        final Map<String, Tensor> syn = new LinkedHashMap<>();
        syn.put("indptr", ints32(c.rowStarts()));
        syn.put("indices", ints32(c.targets()));
        final double[] w = new double[n];
        final FloatLif m = new FloatLif(p);
        for (int i = 0; i < n; i++)
        {
            w[i] = m.weight(i);
        }
        syn.put("data", Tensor.vector(w));
        syn.put("shape", new Tensor(Shape.of(2), new double[] {n, n}, Tensor.DType.INT64));
        b.add(new Node("synapses", Kind.CSR_LINEAR, syn, Map.of(NirMetadata.KIND, Kind.CSR_LINEAR.scfabricKind()),
            null, null));

        b.add(new Node("output", Kind.OUTPUT, Map.of()));
        b.connect("drive", "kick").connect("kick", "neurons").connect("neurons", "synapses")
            .connect("synapses", "neurons").connect("neurons", "output");
        return b.build();
    }

    /** The options {@code scfabric nir} runs the network with: the parameters' dt. */
    public static Options options(final BrunelParams p)
    {
        return new Options(dtSeconds(p), Options.Integrator.EULER, Options.Reset.ZERO);
    }

    private static Tensor ints64(final int... v)
    {
        final double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++)
        {
            d[i] = v[i];
        }
        return Tensor.adopt(Shape.of(v.length), d, Tensor.DType.INT64);
    }

    private static Tensor ints32(final int[] v)
    {
        final double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++)
        {
            d[i] = v[i];
        }
        return Tensor.adopt(Shape.of(v.length), d, Tensor.DType.INT32);
    }
}
