package org.scfabric.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.bench.brunel.Variant;
import org.scfabric.bench.brunel.VariantAreaModel;
import org.scfabric.bench.fabric.BrunelFabric;
import org.scfabric.bench.report.FabricReport;
import org.scfabric.hw.area.Area;
import org.scfabric.hw.area.Target;
import org.scfabric.hw.fabric.FabricArea;
import org.scfabric.hw.fabric.FabricEngine;
import org.scfabric.hw.fabric.FabricNetwork;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.FabricResult;
import org.scfabric.hw.fabric.FabricSynth;

/** {@code scfabric area --design ...}: the fabric (estimate, and with --synth Yosys / nextpnr) or a Brunel variant. */
final class DesignArea
{
    private DesignArea()
    {
    }

    static int run(final AreaCommand c) throws IOException
    {
        final String d = c.design.trim().toLowerCase(Locale.ROOT);
        if (d.equals("fabric"))
        {
            return fabric(c);
        }
        if (d.startsWith("brunel-"))
        {
            return brunel(c, d.substring("brunel-".length()));
        }
        throw new BadInputException("unknown --design '" + c.design + "' (accepted: fabric, brunel-v2, brunel-v3, "
            + "brunel-v4, brunel-v11, brunel-v13, brunel-v14, brunel-v17)");
    }

    private static void componentOptionsUnused(final AreaCommand c, final String design)
    {
        final Object[][] all = {{"--width", c.width}, {"--taps", c.taps}, {"--dim", c.dim}, {"--inputs", c.inputs},
            {"--count-width", c.countWidth}, {"--len-width", c.lenWidth}, {"--fraction", c.fraction},
            {"--v-th", c.vTh}, {"--v-rest", c.vRest}, {"--v-reset", c.vReset}, {"--refractory", c.refractory}};
        for (final Object[] o : all)
        {
            if (o[1] != null)
            {
                throw new BadInputException("option " + o[0] + " does not apply to --design " + design);
            }
        }
    }

    private static int brunel(final AreaCommand c, final String v)
    {
        componentOptionsUnused(c, "brunel-" + v);
        final Object[][] fab = {{"--cores", c.cores}, {"--fifo-depth", c.fifoDepth}, {"--ports", c.ports},
            {"--core-latency", c.coreLatency}, {"--memory-latency", c.memoryLatency}, {"--arithmetic", c.arithmetic},
            {"--duration-ms", c.durationMs}, {"--seed", c.seed}};
        for (final Object[] o : fab)
        {
            if (o[1] != null)
            {
                throw new BadInputException("option " + o[0] + " does not apply to --design brunel-" + v);
            }
        }
        final Variant variant;
        try
        {
            variant = Variant.valueOf(v.toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException("unknown Brunel variant '" + v + "' in --design (hardware variants: v2, v3, v4,"
                + " v11, v13, v14, v17)");
        }
        if (!variant.hardware())
        {
            throw new BadInputException("Brunel " + variant + " is a software variant: it has no area");
        }
        if (c.synth)
        {
            throw new BadInputException("--synth is for components and --design fabric (the unrolled Brunel variants"
                + " have no Verilog); the estimate alone is printed without it");
        }
        if (c.neurons == null)
        {
            throw new BadInputException("--design brunel-" + v + " needs --neurons N");
        }
        if (c.neurons < 2 || c.neurons > 1_000_000)
        {
            throw new BadInputException("--neurons must be 2..1000000, got " + c.neurons);
        }
        final PrintWriter out = c.spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Brunel %s (%s), N %d, unrolled; from the component area models%n", variant,
            variant.title(c.neurons), c.neurons);
        out.printf(Locale.ROOT, "%-6s %s%n", "target", "estimate");
        for (final Target t : c.targets())
        {
            out.printf(Locale.ROOT, "%-6s %s%n", t.id(), AreaCommand.format(VariantAreaModel.of(variant, c.neurons, t)));
        }
        return 0;
    }

    private static int fabric(final AreaCommand c) throws IOException
    {
        componentOptionsUnused(c, "fabric");
        final PrintWriter out = c.spec.commandLine().getOut();
        final PrintWriter err = c.spec.commandLine().getErr();
        if (c.neurons == null)
        {
            throw new BadInputException("--design fabric needs --neurons N");
        }
        final FabricParams fp = FabricCommand.params(c.neurons, c.cores == null ? 1 : c.cores,
            c.fifoDepth == null ? 8 : c.fifoDepth, c.ports == null ? 1 : c.ports,
            c.coreLatency == null ? 2 : c.coreLatency, c.memoryLatency == null ? 1 : c.memoryLatency, 100.0,
            FabricParams.Overflow.STALL);
        final BrunelFabric.Arithmetic ar = FabricCommand.arithmetic(c.arithmetic == null ? "V3" : c.arithmetic);
        final double ms = OptionValues.durationMs(c.durationMs == null ? "100" : c.durationMs, "--duration-ms");
        final long s = OptionValues.seed(c.seed == null ? "42" : c.seed);
        final BrunelParams bp;
        try
        {
            bp = BrunelParams.ofSize(fp.neurons()).withSeed(s).withDuration(ms);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(e.getMessage());
        }
        if (c.synth && fp.neurons() > FabricCommand.MAX_SYNTH_N)
        {
            throw new BadInputException("--synth is for small fabrics (N <= " + FabricCommand.MAX_SYNTH_N + "), got N "
                + fp.neurons());
        }
        final List<Target> targets = c.targets();
        final Path synthRoot = c.synth ? OptionValues.outputDir(c.synthDir, "--synth-dir") : null;
        final FabricNetwork net = BrunelFabric.network(bp, ar);
        out.printf(Locale.ROOT, "fabric: Brunel %s, N %d, K %d, D %d, P %d, LC %d, R %d, %d synapses%n", ar,
            fp.neurons(), fp.cores(), fp.fifoDepth(), fp.ports(), fp.coreLatency(), fp.csrLatency(), net.synapses());
        FabricResult r = null;
        if (c.synth)
        {
            r = new FabricEngine(fp, net, bp.steps()).run();     // the cycles behind the real-time factor at Fmax
        }
        for (final Target t : targets)
        {
            final FabricSynth.Target ft = FabricSynth.Target.parse(t.id());
            final Area est = FabricArea.estimate(fp, net, ft);
            final long blocks = FabricArea.bramBlocks(fp, net, ft);
            if (!c.synth)
            {
                out.printf(Locale.ROOT, "%-6s %s, %d block RAMs (estimate: component models + fabric glue)%n",
                    t.id(), AreaCommand.format(est), blocks);
                continue;
            }
            err.println("area: synthesising the fabric for " + ft.title() + " in " + synthRoot.resolve(t.id()) + " ...");
            err.flush();
            final FabricSynth.Report sr = FabricSynth.run(fp, net, bp.steps(), ft, synthRoot.resolve(t.id()));
            out.print(FabricReport.synthText(sr, est, blocks, r, bp.dt()));
            if (!sr.synthesized())
            {
                out.flush();
                return 1;
            }
        }
        out.flush();
        return 0;
    }
}
