package org.scfabric.bench.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.hw.area.Area;
import org.scfabric.hw.area.Target;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.MappedArea;
import org.scfabric.hw.fabric.MappedNetwork;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.Options;

/**
 * {@link MappedArea} against Yosys 0.23's cell counts of the general fabric's RTL, stored in
 * {@code area/mapped-yosys.csv} by bench/scripts/fabric-nir-area-calibrate.sh (K 1 or 2, D 64, P 1 or 2, LC 2, LR 1,
 * 100 steps of Poisson input at 400 Hz, both targets). Runs no synthesis: an RTL or model change that moves
 * them apart fails here until the script is re-run and the model re-derived.
 */
class MappedAreaCalibrationTest
{
    /** LUTs within this fraction of Yosys on graphs of more than one neuron. */
    static final double LUT_TOLERANCE = 0.30;
    /** Flip-flops within this fraction of Yosys on graphs of more than one neuron. */
    static final double FF_TOLERANCE = 0.10;

    record Row(String graph, int cores, int ports, Target target, long lut, long ff, long blocks, long dsp, int events)
    {
    }

    static List<Row> golden() throws IOException, URISyntaxException
    {
        final List<Row> rows = new ArrayList<>();
        final List<String> lines = Files.readAllLines(resource("area/mapped-yosys.csv"), StandardCharsets.UTF_8);
        for (final String l : lines.subList(1, lines.size()))
        {
            final String[] f = l.split(",");
            rows.add(new Row(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                f[3].equals("ice40") ? Target.ICE40 : Target.XC7, Long.parseLong(f[4]), Long.parseLong(f[5]),
                Long.parseLong(f[6]), Long.parseLong(f[7]), Integer.parseInt(f[8])));
        }
        return rows;
    }

    private static Path resource(final String name) throws URISyntaxException
    {
        return Path.of(MappedAreaCalibrationTest.class.getClassLoader().getResource(name).toURI());
    }

    static MappedNetwork network(final String graph) throws Exception
    {
        final Path file = switch (graph)
        {
            case "lif_norse" -> NirFabricFilesTest.nir("lif_norse.nir");
            case "braille" -> NirFabricFilesTest.nir("braille_noDelay_bias_zero.nir");
            default -> resource("area/" + graph + ".nir");
        };
        final FixedFormat fmt = graph.equals("lif_norse") ? FixedFormat.Q16_12 : FixedFormat.Q8_8;
        return NirMapping.map(NirReader.read(file), new Options(0.1, Options.Integrator.EULER, Options.Reset.ZERO),
            fmt).network();
    }

    static FabricParams architecture(final Row r, final MappedNetwork mn)
    {
        return new FabricParams(mn.size(), r.cores(), 64, r.ports(), 2, 1, 100.0, FabricParams.Overflow.STALL);
    }

    static Area model(final Row r, final MappedNetwork mn)
    {
        return MappedArea.estimate(architecture(r, mn), mn, r.target(), 100, r.events());
    }

    @Test
    void modelIsWithinTheStatedToleranceOfYosysOnTheCalibrationGraphs() throws Exception
    {
        final StringBuilder table = new StringBuilder();
        int checked = 0;
        final List<String> off = new ArrayList<>();
        for (final Row r : golden())
        {
            final MappedNetwork mn = network(r.graph());
            final Area a = model(r, mn);
            final long blocks = MappedArea.blocks(architecture(r, mn), mn, r.target());
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d / %d | %s | %d / %d / %d / %d | %d / %d / %d / %d | %+.0f %% | %+.0f %% |%n",
                r.graph(), r.cores(), r.ports(), mn.size(), mn.synapses(), r.target() == Target.ICE40 ? "iCE40" : "xc7", r.lut(), r.ff(),
                r.blocks(), r.dsp(), a.lut(), a.ff(), blocks, a.dsp(), err(a.lut(), r.lut()), err(a.ff(), r.ff())));
            if (mn.size() > 1)
            {
                if (Math.abs(err(a.lut(), r.lut())) > 100 * LUT_TOLERANCE || Math.abs(err(a.ff(), r.ff())) > 100 * FF_TOLERANCE
                    || blocks != r.blocks())
                {
                    off.add(r + ": model " + a + ", " + blocks + " block RAMs");
                }
                checked++;
            }
        }
        System.out.print(table);
        assertTrue(off.isEmpty(), "outside the tolerance: " + off);
        assertEquals(12, checked, "four multi-neuron graphs at K 1, P 1 and one at K 2 and at P 2, on two targets");
    }

    static double err(final long model, final long yosys)
    {
        return 100.0 * (model - yosys) / yosys;
    }
}
