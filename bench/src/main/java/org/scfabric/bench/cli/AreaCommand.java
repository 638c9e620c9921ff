package org.scfabric.bench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.scfabric.hw.area.Area;
import org.scfabric.hw.area.AreaPoint;
import org.scfabric.hw.area.AreaTable;
import org.scfabric.hw.area.RtlComponent;
import org.scfabric.hw.area.SynthResult;
import org.scfabric.hw.area.Target;
import org.scfabric.hw.area.YosysException;
import org.scfabric.hw.area.YosysRunner;
import org.scfabric.hw.lif.CubaLifParams;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.hw.sc.LfsrTaps;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scfabric area}: the area model's estimate of one component (LUT, FF, BRAM bits, DSP) for
 * iCE40 and/or Xilinx 7-series, and with {@code --synth} the Yosys figures of the same Verilog beside it.
 */
@Command(name = "area", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Estimate the FPGA area of a component (LUT, FF, BRAM bits, DSP); with --synth, synthesise "
        + "its Verilog with Yosys and show both.",
        "Models and their errors against Yosys: docs/area.md."},
    footer = {"", "Components and their options:",
        "  lfsr, lfsr-encoder    --width W (3..32) [--taps MASK]",
        "                        (default taps: maximal length)",
        "  sobol, sobol-encoder  --dim D (1..8)",
        "  synapse               --inputs N  (AND lanes)",
        "  popcount-acc          --count-width C --len-width L",
        "  popcount-to-current   --inputs N",
        "  lif                   --width W [--fraction F] [--v-th N] [--v-rest N]",
        "                        [--v-reset N] [--refractory R]",
        "  cuba-lif              --width W [--fraction F] [--v-th N]",
        "                        [--v-rest N (V_LEAK)] [--v-reset N]",
        "  dense-core            --inputs N --neurons M [--len-width L] [--fraction F]",
        "                        [--v-th N] ... (16-bit)",
        "", "Designs (--design):",
        "  fabric                --neurons N [--cores K --fifo-depth D --ports P",
        "                        --core-latency L --memory-latency L",
        "                        --arithmetic V3|V11 --duration-ms T --seed S]",
        "                        (N <= 256 with --synth)",
        "  brunel-v2|v3|v4|v11|v13|v14|v17  --neurons N  (component models; no --synth)",
        "", "Examples:", "  scfabric area --component lif --width 16 --target ice40",
        "  scfabric area --design fabric --neurons 16 --cores 1 --fifo-depth 4 \\",
        "      --target ice40 --synth",
        "  scfabric area --design brunel-v3 --neurons 1000",
        "  scfabric area --component dense-core --inputs 16 --neurons 10 --synth"})
public final class AreaCommand implements Callable<Integer>
{
    @Option(names = "--design", paramLabel = "NAME",
        description = "a whole design instead of a component: fabric (the time-multiplexed fabric, Brunel network;"
            + " --synth runs Yosys and for ice40 nextpnr-ice40 for Fmax) or brunel-v2|v3|v4|v11|v13|v14|v17 (an"
            + " unrolled Brunel variant of --neurons N, from the component models)")
    String design;

    @Option(names = "--cores", paramLabel = "K", description = "fabric: neuron cores (default 1)")
    Integer cores;

    @Option(names = "--fifo-depth", paramLabel = "D", description = "fabric: spike FIFO depth (default 8)")
    Integer fifoDepth;

    @Option(names = "--ports", paramLabel = "P", description = "fabric: fan-out read ports (default 1)")
    Integer ports;

    @Option(names = "--core-latency", paramLabel = "L", description = "fabric: core pipeline latency (default 2)")
    Integer coreLatency;

    @Option(names = "--memory-latency", paramLabel = "L", description = "fabric: row / fan-out read latency (default 1)")
    Integer memoryLatency;

    @Option(names = "--arithmetic", paramLabel = "V", description = "fabric: V3 (Q8.8, default) or V11 (Q16.12)")
    String arithmetic;

    @Option(names = "--duration-ms", paramLabel = "T",
        description = "fabric: simulated time for the cycle count behind the real-time factor at Fmax (default 100)")
    String durationMs;

    @Option(names = "--seed", paramLabel = "S", description = "fabric: network seed (default 42)")
    String seed;

    @Option(names = "--synth-dir", paramLabel = "DIR", defaultValue = "out/area/synth",
        description = "fabric: where synthesis writes its Verilog and logs (default: ${DEFAULT-VALUE})")
    String synthDir;

    @Option(names = "--component", paramLabel = "NAME",
        description = "lfsr, lfsr-encoder, sobol, sobol-encoder, synapse, popcount-acc, popcount-to-current, lif, "
            + "dense-core")
    String component;

    @Option(names = "--target", paramLabel = "ice40|xc7|all", defaultValue = "all",
        description = "FPGA family (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--synth", description = "also synthesise with Yosys (needs yosys on PATH) and show the error")
    boolean synth;

    @Option(names = "--width", paramLabel = "W", description = "data width (lfsr, lfsr-encoder, lif)")
    Integer width;

    @Option(names = "--taps", paramLabel = "MASK", description = "LFSR tap mask, decimal or 0x hex (bit k taps state bit k)")
    String taps;

    @Option(names = "--dim", paramLabel = "D", description = "Sobol dimension 1..8")
    Integer dim;

    @Option(names = {"--inputs", "-n"}, paramLabel = "N", description = "inputs (synapse lanes, popcount-to-current, "
        + "dense-core)")
    Integer inputs;

    @Option(names = "--neurons", paramLabel = "M", description = "neurons of a dense-core, the fabric or a Brunel variant")
    Integer neurons;

    @Option(names = "--count-width", paramLabel = "C", description = "popcount-acc count width")
    Integer countWidth;

    @Option(names = "--len-width", paramLabel = "L", description = "stream-length width (popcount-acc; dense-core, default 16)")
    Integer lenWidth;

    @Option(names = "--fraction", paramLabel = "F", description = "LIF fraction bits (default: 8 for W 16, 12 for W 32, else W/2)")
    Integer fraction;

    @Option(names = "--v-th", paramLabel = "N", description = "LIF V_THRESHOLD (default: 1.0 = 2^F)")
    Integer vTh;

    @Option(names = "--v-rest", paramLabel = "N", description = "LIF V_REST (default: 0)")
    Integer vRest;

    @Option(names = "--v-reset", paramLabel = "N", description = "LIF V_RESET (default: 0)")
    Integer vReset;

    @Option(names = "--refractory", paramLabel = "R", description = "LIF REFRACTORY_PERIOD (default: 0)")
    Integer refractory;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException
    {
        if (design != null)
        {
            if (component != null)
            {
                throw new BadInputException("give either --component or --design, not both");
            }
            return DesignArea.run(this);
        }
        if (component == null)
        {
            throw new BadInputException("give --component NAME or --design NAME (see --help)");
        }
        for (final Object[] o : new Object[][] {{"--cores", cores}, {"--fifo-depth", fifoDepth}, {"--ports", ports},
            {"--core-latency", coreLatency}, {"--memory-latency", memoryLatency}, {"--arithmetic", arithmetic},
            {"--duration-ms", durationMs}, {"--seed", seed}})
        {
            if (o[1] != null)
            {
                throw new BadInputException("option " + o[0] + " applies to --design fabric, not to a component");
            }
        }
        final AreaPoint point = point();
        final List<Target> targets = targets();
        final PrintWriter out = spec.commandLine().getOut();
        final List<SynthResult> synthesised = new ArrayList<>();
        if (synth)
        {
            try
            {
                final YosysRunner yosys = YosysRunner.locate();
                for (final Target t : targets)
                {
                    synthesised.add(yosys.synthesize(point, t));
                }
            }
            catch (final YosysException e)
            {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
                return 1;
            }
        }
        out.println(point);
        if (synth)
        {
            out.printf(Locale.ROOT, "%-6s %-28s %-28s %-10s %s%n", "target", "estimate", "yosys", "LUT error", "carry");
        }
        else
        {
            out.printf(Locale.ROOT, "%-6s %s%n", "target", "estimate");
        }
        for (int i = 0; i < targets.size(); i++)
        {
            final Target t = targets.get(i);
            final Area e = point.estimate(t);
            if (synth)
            {
                final SynthResult r = synthesised.get(i);
                final String carry = r.carry() + (t == Target.ICE40 ? " SB_CARRY" : " CARRY4")
                    + (r.inv() > 0 ? ", " + r.inv() + " INV" : "");
                out.printf(Locale.ROOT, "%-6s %-28s %-28s %-10s %s%n", t.id(), format(e), format(r.area()),
                    percent(AreaTable.relativeError(e.lut(), r.area().lut())), carry);
            }
            else
            {
                out.printf(Locale.ROOT, "%-6s %s%n", t.id(), format(e));
            }
        }
        return 0;
    }

    static String format(final Area a)
    {
        return a.lut() + " LUT, " + a.ff() + " FF, " + a.dsp() + " DSP" + (a.bramBits() > 0 ? ", " + a.bramBits()
            + " BRAM bits" : "");
    }

    private static String percent(final double e)
    {
        return String.format(Locale.ROOT, "%+.1f %%", 100 * e);
    }

    List<Target> targets()
    {
        if (target.trim().equalsIgnoreCase("all"))
        {
            return List.of(Target.values());
        }
        try
        {
            return List.of(Target.parse(target));
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException("unknown --target '" + target + "' (accepted: ice40, xc7, all)");
        }
    }

    AreaPoint point()
    {
        final RtlComponent c;
        try
        {
            c = RtlComponent.parse(component);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
        try
        {
            return switch (c)
            {
                case LFSR, LFSR_ENCODER -> lfsrPoint(c);
                case SOBOL, SOBOL_ENCODER ->
                {
                    only(c, "--dim");
                    final int d = need(c, "--dim", dim);
                    yield c == RtlComponent.SOBOL ? AreaPoint.sobol(d) : AreaPoint.sobolEncoder(d);
                }
                case SYNAPSE ->
                {
                    only(c, "--inputs");
                    yield AreaPoint.synapse(need(c, "--inputs", inputs));
                }
                case POPCOUNT_ACC ->
                {
                    only(c, "--count-width --len-width");
                    yield AreaPoint.popcountAccumulator(need(c, "--count-width", countWidth),
                        need(c, "--len-width", lenWidth));
                }
                case POPCOUNT_TO_CURRENT ->
                {
                    only(c, "--inputs");
                    yield AreaPoint.popcountToCurrent(need(c, "--inputs", inputs));
                }
                case LIF ->
                {
                    only(c, "--width --fraction --v-th --v-rest --v-reset --refractory");
                    yield AreaPoint.lif(lifParams(need(c, "--width", width)));
                }
                case CUBA_LIF ->
                {
                    only(c, "--width --fraction --v-th --v-rest --v-reset");
                    yield AreaPoint.cubaLif(cubaLifParams(need(c, "--width", width)));
                }
                case DENSE_CORE ->
                {
                    only(c, "--inputs --neurons --len-width --fraction --v-th --v-rest --v-reset --refractory");
                    yield AreaPoint.denseCore(need(c, "--inputs", inputs), need(c, "--neurons", neurons),
                        lenWidth == null ? 16 : lenWidth, lifParams(16));
                }
            };
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
    }

    private AreaPoint lfsrPoint(final RtlComponent c)
    {
        only(c, "--width --taps");
        final int w = need(c, "--width", width);
        if (w < LfsrTaps.MIN_WIDTH || w > LfsrTaps.MAX_WIDTH)
        {
            throw new BadInputException("--width must be 3..32 for " + c.id() + ", got " + w);
        }
        final int mask = taps == null ? LfsrTaps.maximal(w) : parseMask(taps);
        return c == RtlComponent.LFSR ? AreaPoint.lfsr(w, mask) : AreaPoint.lfsrEncoder(w, mask);
    }

    private static int parseMask(final String s)
    {
        try
        {
            final String t = s.trim().toLowerCase(Locale.ROOT);
            return (int) (t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t));
        }
        catch (final NumberFormatException e)
        {
            throw new BadInputException("--taps '" + s + "' is not a number (decimal or 0x hex)");
        }
    }

    private LifParams lifParams(final int w)
    {
        if (w < 2 || w > 32)
        {
            throw new BadInputException("--width must be 2..32 for lif, got " + w);
        }
        final int f = fraction != null ? fraction : w == 16 ? 8 : w == 32 ? 12 : w / 2;
        if (f < 0 || f > 2 * w - 1)
        {
            throw new BadInputException("--fraction must be 0.." + (2 * w - 1) + " for width " + w + ", got " + f);
        }
        final long one = Math.min(1L << Math.min(f, 62), (1L << (w - 1)) - 1);
        final long th = vTh != null ? vTh : one;
        if (refractory != null && refractory < 0)
        {
            throw new BadInputException("--refractory must be >= 0, got " + refractory);
        }
        return new LifParams(w, f, vRest == null ? 0 : vRest, vReset == null ? 0 : vReset, (int) th,
            refractory == null ? 0 : refractory);
    }

    /** The current-based core: --v-rest gives its V_LEAK; F at most W - 1 (a factor dt/tau below 1 must fit). */
    private CubaLifParams cubaLifParams(final int w)
    {
        if (w < 2 || w > 32)
        {
            throw new BadInputException("--width must be 2..32 for cuba-lif, got " + w);
        }
        final int f = fraction != null ? fraction : w == 16 ? 8 : w == 32 ? 12 : w / 2;
        if (f < 0 || f > w - 1)
        {
            throw new BadInputException("--fraction must be 0.." + (w - 1) + " for cuba-lif of width " + w + ", got " + f);
        }
        final long th = vTh != null ? vTh : 1L << f;
        return new CubaLifParams(w, f, vRest == null ? 0 : vRest, vReset == null ? 0 : vReset, (int) th);
    }

    private static int need(final RtlComponent c, final String option, final Integer v)
    {
        if (v == null)
        {
            throw new BadInputException(c.id() + " needs " + option);
        }
        return v;
    }

    /** Rejects options that do not apply to the component (so a typo'd combination is not silently ignored). */
    private void only(final RtlComponent c, final String allowed)
    {
        final List<String> applicable = List.of(allowed.split(" "));
        final Object[][] all = {{"--width", width}, {"--taps", taps}, {"--dim", dim}, {"--inputs", inputs},
            {"--neurons", neurons}, {"--count-width", countWidth}, {"--len-width", lenWidth}, {"--fraction", fraction},
            {"--v-th", vTh}, {"--v-rest", vRest}, {"--v-reset", vReset}, {"--refractory", refractory}};
        for (final Object[] o : all)
        {
            if (o[1] != null && !applicable.contains((String) o[0]))
            {
                throw new BadInputException("option " + o[0] + " does not apply to " + c.id() + " (it takes "
                    + String.join(", ", applicable) + ")");
            }
        }
    }
}
