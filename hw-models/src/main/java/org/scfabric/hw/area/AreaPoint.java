package org.scfabric.hw.area;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.scfabric.hw.lif.CubaLifParams;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.hw.sc.LfsrTaps;

/**
 * One component at one set of Verilog parameters: what {@link AreaModel} estimates and
 * {@link YosysRunner} synthesises. The parameters are those of the Verilog top, by name, every one
 * given explicitly (Yosys results depend slightly on whether a default is set by {@code chparam}).
 */
public record AreaPoint(RtlComponent component, Map<String, Long> params)
{
    public AreaPoint
    {
        Objects.requireNonNull(component, "component");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Fibonacci LFSR of {@code width} bits with the maximal-length taps of {@link LfsrTaps#maximal}. */
    public static AreaPoint lfsr(final int width)
    {
        return lfsr(width, LfsrTaps.maximal(width));
    }

    public static AreaPoint lfsr(final int width, final int taps)
    {
        checkLfsr(width, taps);
        return of(RtlComponent.LFSR, "WIDTH", width, "TAPS", taps & 0xFFFF_FFFFL);
    }

    /** LFSR encoder (LFSR + comparator, DATA_WIDTH = LFSR_WIDTH) with maximal-length taps. */
    public static AreaPoint lfsrEncoder(final int width)
    {
        return lfsrEncoder(width, LfsrTaps.maximal(width));
    }

    public static AreaPoint lfsrEncoder(final int width, final int taps)
    {
        checkLfsr(width, taps);
        return of(RtlComponent.LFSR_ENCODER, "DATA_WIDTH", width, "LFSR_WIDTH", width, "TAPS", taps & 0xFFFF_FFFFL);
    }

    /** 16-bit Sobol generator of dimension 1..8. */
    public static AreaPoint sobol(final int dim)
    {
        return of(RtlComponent.SOBOL, "DIM", checkDim(dim));
    }

    public static AreaPoint sobolEncoder(final int dim)
    {
        return of(RtlComponent.SOBOL_ENCODER, "DIM", checkDim(dim));
    }

    /** {@code lanes} AND-gate synapses side by side. */
    public static AreaPoint synapse(final int lanes)
    {
        return of(RtlComponent.SYNAPSE, "N", positive("lanes", lanes, 4096));
    }

    /** Popcount accumulator with a COUNT_WIDTH-bit count and a LEN_WIDTH-bit stream length. */
    public static AreaPoint popcountAccumulator(final int countWidth, final int lenWidth)
    {
        return of(RtlComponent.POPCOUNT_ACC, "COUNT_WIDTH", positive("count width", countWidth, 64),
            "LEN_WIDTH", positive("length width", lenWidth, 64));
    }

    /** Popcount-to-current of {@code inputs} bits (a divider by {@code inputs}). */
    public static AreaPoint popcountToCurrent(final int inputs)
    {
        return of(RtlComponent.POPCOUNT_TO_CURRENT, "N_INPUTS", positive("inputs", inputs, 1024));
    }

    /** One LIF core. */
    public static AreaPoint lif(final LifParams p)
    {
        return of(RtlComponent.LIF, "DATA_WIDTH", p.dataWidth(), "FRACTION", p.fraction(), "V_REST", p.vRest(),
            "V_RESET", p.vReset(), "V_THRESHOLD", p.vThreshold(), "REFRACTORY_PERIOD", p.refractoryPeriod());
    }

    /** One current-based LIF core. */
    public static AreaPoint cubaLif(final CubaLifParams p)
    {
        return of(RtlComponent.CUBA_LIF, "DATA_WIDTH", p.dataWidth(), "FRACTION", p.fraction(), "V_LEAK", p.vLeak(),
            "V_RESET", p.vReset(), "V_THRESHOLD", p.vThreshold());
    }

    /** Dense layer core: inputs × neurons, 16-bit datapath (the LIF parameters must have width 16). */
    public static AreaPoint denseCore(final int inputs, final int neurons, final int lenWidth, final LifParams p)
    {
        if (p.dataWidth() != 16)
        {
            throw new IllegalArgumentException("the dense layer core is 16 bits wide; LIF width " + p.dataWidth()
                + " is not supported");
        }
        return of(RtlComponent.DENSE_CORE, "N_INPUTS", positive("inputs", inputs, 1024),
            "N_NEURONS", positive("neurons", neurons, 4096), "LEN_WIDTH", positive("length width", lenWidth, 32),
            "FRACTION", p.fraction(), "V_REST", p.vRest(), "V_RESET", p.vReset(), "V_THRESHOLD", p.vThreshold(),
            "REFRACTORY_PERIOD", p.refractoryPeriod());
    }

    /** The value of a Verilog parameter; an error naming it if absent. */
    public long param(final String name)
    {
        final Long v = params.get(name);
        if (v == null)
        {
            throw new IllegalArgumentException(component.id() + " has no parameter " + name);
        }
        return v;
    }

    public int intParam(final String name)
    {
        return Math.toIntExact(param(name));
    }

    /** LIF parameters of a {@link RtlComponent#LIF} or {@link RtlComponent#DENSE_CORE} point. */
    public LifParams lifParams()
    {
        final int w = component == RtlComponent.LIF ? intParam("DATA_WIDTH") : 16;
        return new LifParams(w, intParam("FRACTION"), intParam("V_REST"), intParam("V_RESET"), intParam("V_THRESHOLD"),
            intParam("REFRACTORY_PERIOD"));
    }

    /** Parameters of a {@link RtlComponent#CUBA_LIF} point. */
    public CubaLifParams cubaLifParams()
    {
        return new CubaLifParams(intParam("DATA_WIDTH"), intParam("FRACTION"), intParam("V_LEAK"), intParam("V_RESET"),
            intParam("V_THRESHOLD"));
    }

    /** Model estimate for a target (shorthand for {@link AreaModel#estimate}). */
    public Area estimate(final Target target)
    {
        return AreaModel.estimate(this, target);
    }

    /** Parameters as {@code NAME=value;NAME=value} (the stored-points format). */
    public String paramString()
    {
        final StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    /** Parses {@link #paramString()} back. */
    public static AreaPoint parse(final RtlComponent c, final String paramString)
    {
        final Map<String, Long> m = new LinkedHashMap<>();
        if (!paramString.isBlank())
        {
            for (final String kv : paramString.split(";"))
            {
                final int eq = kv.indexOf('=');
                if (eq <= 0)
                {
                    throw new IllegalArgumentException("malformed parameter '" + kv + "' (expected NAME=value)");
                }
                m.put(kv.substring(0, eq).trim(), Long.parseLong(kv.substring(eq + 1).trim()));
            }
        }
        return new AreaPoint(c, m);
    }

    /** Short human label of the parameters that shape the area, e.g. {@code W=16 F=8}. */
    public String label()
    {
        return switch (component)
        {
            case LFSR -> "W=" + param("WIDTH") + " taps=" + Long.bitCount(param("TAPS"));
            case LFSR_ENCODER -> "W=" + param("LFSR_WIDTH") + " taps=" + Long.bitCount(param("TAPS"));
            case SOBOL, SOBOL_ENCODER -> "DIM=" + param("DIM");
            case SYNAPSE -> "N=" + param("N");
            case POPCOUNT_ACC -> "count=" + param("COUNT_WIDTH") + " len=" + param("LEN_WIDTH");
            case POPCOUNT_TO_CURRENT -> "N=" + param("N_INPUTS");
            case LIF -> "W=" + param("DATA_WIDTH") + " F=" + param("FRACTION") + lifExtras(lifParams());
            case CUBA_LIF -> "W=" + param("DATA_WIDTH") + " F=" + param("FRACTION") + cubaExtras(cubaLifParams());
            case DENSE_CORE -> param("N_INPUTS") + "×" + param("N_NEURONS") + " len=" + param("LEN_WIDTH") + " F="
                + param("FRACTION") + lifExtras(lifParams());
        };
    }

    private static String lifExtras(final LifParams p)
    {
        final StringBuilder sb = new StringBuilder();
        if (p.vRest() != 0)
        {
            sb.append(" rest=").append(p.vRest());
        }
        if (p.vReset() != 0)
        {
            sb.append(" reset=").append(p.vReset());
        }
        if (p.vThreshold() != 1 << p.fraction())
        {
            sb.append(" th=").append(p.vThreshold());
        }
        if (p.refractoryPeriod() != 0)
        {
            sb.append(" refr=").append(p.refractoryPeriod());
        }
        return sb.toString();
    }

    private static String cubaExtras(final CubaLifParams p)
    {
        final StringBuilder sb = new StringBuilder();
        if (p.vLeak() != 0)
        {
            sb.append(" leak=").append(p.vLeak());
        }
        if (p.vReset() != 0)
        {
            sb.append(" reset=").append(p.vReset());
        }
        if (p.vThreshold() != 1 << p.fraction())
        {
            sb.append(" th=").append(p.vThreshold());
        }
        return sb.toString();
    }

    @Override
    public String toString()
    {
        return component.id() + " " + label();
    }

    private static AreaPoint of(final RtlComponent c, final Object... kv)
    {
        final Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2)
        {
            m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        }
        return new AreaPoint(c, m);
    }

    private static void checkLfsr(final int width, final int taps)
    {
        if (width < LfsrTaps.MIN_WIDTH || width > LfsrTaps.MAX_WIDTH)
        {
            throw new IllegalArgumentException("LFSR width must be " + LfsrTaps.MIN_WIDTH + ".." + LfsrTaps.MAX_WIDTH
                + ", got " + width);
        }
        if (taps == 0 || (width < 32 && (taps >>> width) != 0))
        {
            throw new IllegalArgumentException("taps 0x" + Integer.toHexString(taps) + " are not a non-empty mask of "
                + width + " bits");
        }
    }

    private static int checkDim(final int dim)
    {
        if (dim < 1 || dim > 8)
        {
            throw new IllegalArgumentException("Sobol dimension must be 1..8, got " + dim);
        }
        return dim;
    }

    private static int positive(final String what, final int v, final int max)
    {
        if (v < 1 || v > max)
        {
            throw new IllegalArgumentException(what + " must be 1.." + max + ", got " + v);
        }
        return v;
    }
}
