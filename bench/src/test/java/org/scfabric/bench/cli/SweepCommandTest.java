package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.cli.Cli.assertBadInput;
import static org.scfabric.bench.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli.Run;
import org.scfabric.bench.sweep.PointFigures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code scfabric sweep}: a small 2×2 Brunel sweep equals the four single runs it stands for, figure by
 * figure; the order of the table is the cross product's whatever the threads; bad input exits 2 in one
 * line with nothing written.
 */
class SweepCommandTest
{
    /** Figures that measure the machine, not the network: they differ between any two runs. */
    private static final List<String> TIMINGS = List.of("build_s", "wall_s", "peak_mb", "cycles_per_s");

    @TempDir
    Path tmp;

    private static final List<String> COMMON = List.of("--variants", "V1,V3", "--neurons", "120", "--duration-ms", "100",
        "--no-plots");

    private Run sweep(final Path out, final String... more)
    {
        final List<String> a = new ArrayList<>(List.of("sweep", "brunel", "--param", "g=3,6", "--param", "eta=1,2",
            "--out", out.toString()));
        a.addAll(List.of(more));
        a.add("--");
        a.addAll(COMMON);
        return run(a.toArray(new String[0]));
    }

    private static Map<String, Map<String, Double>> deterministic(final List<PointFigures.Row> rows)
    {
        final Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        for (final PointFigures.Row r : rows)
        {
            final Map<String, Double> f = new LinkedHashMap<>(r.figures());
            TIMINGS.forEach(f::remove);
            m.put(r.label(), f);
        }
        return m;
    }

    @Test
    void aTwoByTwoSweepEqualsTheFourSingleRuns() throws IOException
    {
        final Path out = tmp.resolve("sweep");
        final Run r = sweep(out, "--threads", "2", "--mark", "A=3,2");
        assertEquals(0, r.code(), r.err());
        final JsonNode j = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        assertEquals(4, j.get("points").size());
        final String[][] order = {{"3", "1"}, {"3", "2"}, {"6", "1"}, {"6", "2"}};
        for (int k = 0; k < 4; k++)
        {
            final JsonNode p = j.get("points").get(k);
            final String g = order[k][0];
            final String eta = order[k][1];
            assertEquals(g, p.at("/params/g").asText(), "cross-product order, first axis slowest");
            assertEquals(eta, p.at("/params/eta").asText());
            // the single run this point stands for
            final Path single = tmp.resolve("single-" + k);
            final List<String> a = new ArrayList<>(List.of("brunel"));
            a.addAll(COMMON);
            a.addAll(List.of("--g", g, "--eta", eta, "--out", single.toString()));
            final Run s = run(a.toArray(new String[0]));
            assertEquals(0, s.code(), s.err());
            final Map<String, Map<String, Double>> expected = deterministic(PointFigures.read(single.resolve(
                "results.json")));
            assertEquals(List.of("V1", "V3"), List.copyOf(expected.keySet()));
            assertTrue(expected.get("V1").get("spikes") > 0, "the runs spike");
            // as the point's own results.json has them, and as sweep.json tabulates them
            assertEquals(expected, deterministic(PointFigures.read(out.resolve(p.get("folder").asText()).resolve(
                "results.json"))));
            final Map<String, Map<String, Double>> tabulated = new LinkedHashMap<>();
            for (final JsonNode run : p.get("runs"))
            {
                final Map<String, Double> f = new LinkedHashMap<>();
                run.get("figures").fields().forEachRemaining(e -> f.put(e.getKey(), e.getValue().isNull() ? Double.NaN
                    : e.getValue().asDouble()));
                TIMINGS.forEach(f::remove);
                tabulated.put(run.get("label").asText(), f);
            }
            assertEquals(expected, tabulated);
        }
        // different points are different networks
        assertFalse(j.at("/points/0/runs/0/figures/spikes").equals(j.at("/points/3/runs/0/figures/spikes")));
        final List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(1 + 4 * 2, csv.size());
        assertTrue(csv.get(0).startsWith("g,eta,run,"), csv.get(0));
        assertTrue(Files.readString(out.resolve("sweep.md")).contains("| 6 | 2 | [V3](points/g=6,eta=2/) |"));
        for (final String png : List.of("V1-rate_hz.png", "V3-cv_isi.png", "V1-synchrony.png"))
        {
            final byte[] b = Files.readAllBytes(out.resolve("plots").resolve(png));
            assertTrue(b.length > 1000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', png);
        }
    }

    @Test
    void oneThreadOrFourGiveTheSameTable() throws IOException
    {
        assertEquals(0, sweep(tmp.resolve("one"), "--threads", "1", "--no-plots").code());
        assertEquals(0, sweep(tmp.resolve("four"), "--threads", "4", "--no-plots").code());
        assertEquals(withoutTimings(tmp.resolve("one/sweep.csv")), withoutTimings(tmp.resolve("four/sweep.csv")));
    }

    static List<String> withoutTimings(final Path csv) throws IOException
    {
        final List<String> lines = Files.readAllLines(csv);
        final List<String> head = List.of(lines.get(0).split(","));
        final List<String> out = new ArrayList<>();
        for (final String l : lines)
        {
            final String[] cells = l.split(",", -1);
            final List<String> keep = new ArrayList<>();
            for (int i = 0; i < cells.length; i++)
            {
                if (!TIMINGS.contains(head.get(i)))
                {
                    keep.add(cells[i]);
                }
            }
            out.add(String.join(",", keep));
        }
        return out;
    }

    @Test
    void aFabricSweepTabulatesTheFabricReport() throws IOException
    {
        final Path out = tmp.resolve("fab");
        final Run r = run("sweep", "fabric", "--param", "cores=2,4", "--out", out.toString(), "--", "--neurons", "60",
            "--duration-ms", "20");
        assertEquals(0, r.code(), r.err());
        final Run s = run("fabric", "--neurons", "60", "--duration-ms", "20", "--cores", "4", "--json",
            tmp.resolve("single.json").toString(), "--hgrm", tmp.resolve("single.hgrm").toString());
        assertEquals(0, s.code(), s.err());
        final Map<String, Map<String, Double>> single = deterministic(PointFigures.read(tmp.resolve("single.json")));
        assertEquals(4.0, single.get("").get("architecture.cores"));
        assertEquals(single, deterministic(PointFigures.read(out.resolve("points/cores=4/results.json"))));
        assertFalse(Files.exists(out.resolve("plots")), "one parameter: no heat map");
    }

    private void assertBad(final Run r, final Path out, final String... fragments)
    {
        assertBadInput(r, fragments); // one line: no progress lines before it
        assertFalse(Files.exists(out.resolve("sweep.json")), "nothing written");
        assertFalse(Files.exists(out.resolve("points")), "no point left behind");
    }

    @Test
    void badInputExits2InOneLineAndWritesNothing()
    {
        final Path out = tmp.resolve("bad");
        assertBad(run("sweep", "train", "--param", "g=1", "--out", out.toString()), out, "unknown command 'train'",
            "brunel, fabric, nir, faults");
        assertBad(run("sweep", "brunel", "--param", "gee=1,2", "--out", out.toString()), out, "has no option --gee");
        assertBad(run("sweep", "brunel", "--param", "g", "--out", out.toString()), out, "NAME=V1,V2");
        assertBad(run("sweep", "brunel", "--param", "g=1,,2", "--out", out.toString()), out, "empty value");
        assertBad(run("sweep", "brunel", "--param", "g=1,1", "--out", out.toString()), out, "repeats the value 1");
        assertBad(run("sweep", "brunel", "--param", "out=a,b", "--out", out.toString()), out, "where each point writes");
        assertBad(run("sweep", "brunel", "--param", "no-plots=1", "--out", out.toString()), out, "a switch");
        assertBad(run("sweep", "brunel", "--param", "g=1,2", "--out", out.toString(), "--", "--g", "3"), out,
            "give it once");
        assertBad(run("sweep", "brunel", "--param", "g=1,2", "--out", out.toString(), "--", "--json", "x.json"), out,
            "--json after --");
        assertBad(run("sweep", "brunel", "--param", "g=1,2", "--out", out.toString(), "--", "--neuronz", "3"), out,
            "point g=1", "--neuronz");
        assertBad(run("sweep", "brunel", "--param", "g=1,2", "--mark", "A=1,2", "--out", out.toString()), out,
            "two parameters");
        assertBad(run("sweep", "brunel", "--param", "g=1,2", "--param", "eta=1,2", "--mark", "A=one,2", "--out",
            out.toString()), out, "LABEL=X,Y");
        assertBad(run("sweep", "brunel", "--param", "g=1,2", "--threads", "0", "--out", out.toString()), out,
            "--threads 0");
        // a point that describes instead of running writes no results.json: refused before any point runs
        assertBad(run("sweep", "nir", "--param", "poisson=100,200", "--out", out.toString(), "--", "--info", "x.nir"),
            out, "--info: a point of a sweep must run");
    }

    @Test
    void aFigureNoPointHasIsABlankTableColumnAndNoHeatMap() throws IOException
    {
        // 10 ms of 50 neurons: too short for any neuron to fire twice, so the CV of ISIs is undefined everywhere
        final Path out = tmp.resolve("blank");
        final Run r = run("sweep", "brunel", "--param", "g=3,5", "--param", "eta=0,0.5", "--out", out.toString(), "--",
            "--variants", "V1", "--neurons", "50", "--duration-ms", "10");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("sweep.json")));
        try (java.util.stream.Stream<Path> plots = Files.list(out.resolve("plots")))
        {
            assertTrue(plots.noneMatch(p -> p.getFileName().toString().contains("cv_isi")), "a heat map of blanks");
        }
    }

    @Test
    void aPointsOwnBadValueFailsTheSweepBeforeAnyPointRuns()
    {
        // the bad point is the last: every point is checked before the first runs, so no progress line precedes it
        final Path out = tmp.resolve("badpoint");
        assertBad(run("sweep", "brunel", "--param", "g=3,4,-1", "--threads", "1", "--out", out.toString(), "--",
            "--variants", "V1", "--neurons", "40", "--duration-ms", "10", "--no-plots"), out, "point g=-1", "--g -1");
    }

    @Test
    void aNetworkPointThatCannotMapFailsTheSweepBeforeAnyPointRuns()
    {
        // the cores a network has room for are known only once it is read and mapped: the check does that too
        final Path out = tmp.resolve("badnet");
        assertBad(run("sweep", "fabric", "--param", "cores=1,46", "--threads", "1", "--out", out.toString(), "--",
            "--network", NirCommandTest.nir("braille_noDelay_bias_zero.nir").toString(), "--poisson", "400", "--steps",
            "10"), out, "point cores=46", "got 46 for 45 neurons");
    }

    @Test
    void aFailedSweepRemovesTheParentFoldersItCreated()
    {
        final Path out = tmp.resolve("new/deeper/sweep");
        assertBad(run("sweep", "brunel", "--param", "neurons=40,-5", "--out", out.toString(), "--", "--variants", "V1",
            "--duration-ms", "10", "--no-plots"), out, "point neurons=-5", "--neurons -5");
        assertFalse(Files.exists(tmp.resolve("new")), "the empty folders the sweep made are gone");
        assertTrue(Files.isDirectory(tmp), "the folder that was there stays");
    }
}
