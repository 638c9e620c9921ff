package org.scfabric.bench.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scfabric.bench.nir.Agreement;
import org.scfabric.net.Network;
import org.scfabric.net.ref.ArithmeticRun;
import org.scfabric.net.ref.Probe;

/**
 * The parts of a {@code scfabric nir} report beyond the runs' own tables: the agreement of every spiking node
 * with float64, the probed neuron's membrane (membrane.csv) and the plots ({@link NirPlots}).
 */
public final class NirReport
{
    private NirReport()
    {
    }

    /** The runs compared with float64: every run but float64 itself. */
    private static List<ArithmeticRun> compared(final List<ArithmeticRun> runs)
    {
        final List<ArithmeticRun> r = new ArrayList<>();
        for (final ArithmeticRun a : runs)
        {
            if (!a.arith().equals("float64"))
            {
                r.add(a);
            }
        }
        return r;
    }

    /** Per arithmetic, per spiking node: the fraction of neurons with float64's spike count. */
    public static Map<String, Map<String, Double>> layerAgreement(final ArithmeticRun ref,
        final List<ArithmeticRun> runs)
    {
        final Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        for (final ArithmeticRun r : compared(runs))
        {
            m.put(r.arith(), Agreement.layers(ref, r));
        }
        return m;
    }

    /** The table "agreement per layer" of results.md (nothing when no run is compared or nothing spikes). */
    public static void layers(final StringBuilder md, final ArithmeticRun ref, final List<ArithmeticRun> runs)
    {
        final Map<String, Map<String, Double>> m = layerAgreement(ref, runs);
        if (m.isEmpty() || ref.neuronSpikes().isEmpty())
        {
            return;
        }
        md.append("\nAgreement per layer: the fraction of each spiking node's neurons whose spike count equals "
            + "float64's.\n\n| node | neurons | float64 spikes |");
        for (final String a : m.keySet())
        {
            md.append(' ').append(a).append(" |");
        }
        md.append("\n|---|---:|---:|").append("---:|".repeat(m.size())).append('\n');
        for (final Map.Entry<String, long[]> e : ref.neuronSpikes().entrySet())
        {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d |", e.getKey(), e.getValue().length,
                ref.spikeCounts().get(e.getKey())));
            for (final Map<String, Double> byNode : m.values())
            {
                final Double f = byNode.get(e.getKey());
                md.append(f == null ? " - |" : String.format(Locale.ROOT, " %.3f |", f));
            }
            md.append('\n');
        }
    }

    /**
     * membrane.csv (the probed neuron after each step: a column per arithmetic, float64 first) and, with
     * {@code plots}, raster-ARITH.png per run, membrane.png and agreement.png; their links in results.md.
     *
     * @param ref the float64 run the others are compared with (null: none)
     */
    public static void outputs(final Path dir, final StringBuilder md, final Network net, final ArithmeticRun ref,
        final List<ArithmeticRun> runs, final Probe probe, final boolean plots) throws IOException
    {
        final Map<String, double[]> traces = new LinkedHashMap<>();
        if (ref != null && ref.probe() != null)
        {
            traces.put("float64", ref.probe());
        }
        for (final ArithmeticRun r : runs)
        {
            if (r.probe() != null && !traces.containsKey(r.arith()))
            {
                traces.put(r.arith(), r.probe());
            }
        }
        if (probe != null && !traces.isEmpty())
        {
            writeTraces(dir.resolve("membrane.csv"), traces);
            md.append(String.format(Locale.ROOT, "%nProbe %s (%s): its membrane after each step in membrane.csv%s.%n",
                probe.label(net), net.node(probe.node()).kind().nirType(), traces.values().iterator().next().length
                    < runs.get(0).steps() ? " (the first " + Probe.MAX_STEPS + " steps)" : ""));
        }
        if (!plots)
        {
            return;
        }
        md.append("\n## Plots\n\n");
        for (final ArithmeticRun r : runs)
        {
            final String png = "raster-" + r.arith() + ".png";
            NirPlots.raster(dir.resolve(png), "Output spikes, " + r.arith(), r);
            md.append("![output raster, ").append(r.arith()).append("](").append(png).append(")\n\n");
        }
        if (probe != null && !traces.isEmpty())
        {
            NirPlots.membrane(dir.resolve("membrane.png"), "Membrane of " + probe.label(net) + " per arithmetic",
                traces);
            md.append("![membrane of ").append(probe.label(net)).append("](membrane.png)\n\n");
        }
        if (ref != null && !compared(runs).isEmpty())
        {
            NirPlots.agreement(dir.resolve("agreement.png"), "Spike-count agreement with float64 per layer",
                new ArrayList<>(ref.neuronSpikes().keySet()), layerAgreement(ref, runs));
            md.append("![agreement per layer](agreement.png)\n");
        }
    }

    /** step, then one column per arithmetic; values as Java prints a double (they read back exactly). */
    static void writeTraces(final Path csv, final Map<String, double[]> traces) throws IOException
    {
        int n = 0;
        for (final double[] t : traces.values())
        {
            n = Math.max(n, t.length);
        }
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8))
        {
            w.write("step," + String.join(",", traces.keySet()) + "\n");
            final StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++)
            {
                line.setLength(0);
                line.append(i);
                for (final double[] t : traces.values())
                {
                    line.append(',');
                    if (i < t.length)
                    {
                        line.append(t[i]);
                    }
                }
                w.write(line.append('\n').toString());
            }
        }
    }
}
