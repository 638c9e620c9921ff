package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.cli.Cli.assertBadInput;
import static org.scfabric.bench.cli.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.bench.brunel.Variant;
import org.scfabric.bench.cli.Cli.Run;
import org.scfabric.bench.faults.BrunelWorkload;
import org.scfabric.bench.faults.FabricWorkload;
import org.scfabric.bench.faults.FaultBench;
import org.scfabric.bench.faults.Workload;

/** Issue 10 item 8: sizes that cannot fit are refused up front, by an estimate that matches measured heap use. */
class MemoryEstimateTest
{
    @TempDir
    Path tmp;

    static void assertRefused(final Run r, final String start)
    {
        assertBadInput(r);
        assertTrue(r.err().startsWith(start), r.err());
    }

    @Test
    void sizesThatCannotFitAreOneLineAndExit2() throws Exception
    {
        final Path out = tmp.resolve("b");
        assertRefused(run("brunel", "--neurons", "2000000000", "--out", out.toString()),
            "scfabric brunel: N = 2000000000 has about 4.00e+17 synapses, more than one array holds");
        assertRefused(run("brunel", "--neurons", "300000", "--duration-ms", "1", "--out", out.toString()),
            "scfabric brunel: N = 300000 has about 9.00e+09 synapses");
        assertRefused(run("fabric", "--neurons", "200000", "--cores", "64", "--json", tmp.resolve("f.json").toString()),
            "scfabric fabric: N = 200000 has about 4.00e+09 synapses");
        // fits the arrays, not the heap: 140 000 neurons' crossbar alone is 2.5 GB per copy
        assertRefused(run("faults", "--variant", "V3", "--neurons", "140000", "--sample", "3", "--threads", "1",
            "--json", tmp.resolve("q.json").toString()), "scfabric faults: a campaign on V3 with N = 140000 and 1 "
                + "thread needs about ");
        assertTrue(Files.notExists(out) && Files.notExists(tmp.resolve("q.json"))
            && Files.notExists(tmp.resolve("q.json.partial")));
    }

    @Test
    void theMessageSaysWhatIsNeededAndWhatTheJvmHas()
    {
        final BadInputException e = assertThrows(BadInputException.class, () -> MemoryEstimate.require(3.5 * (1L << 30),
            1000, 0.1, 1.05, "N = 1000", "--neurons", 2L << 30, 1.0));
        assertEquals("N = 1000 needs about 3.5 GB, the JVM has 2.0 GB; use -Xmx (e.g. SCFABRIC_JAVA_OPTS=-Xmx5g) or a "
            + "smaller --neurons", e.getMessage());
        MemoryEstimate.require(1.9 * (1L << 30), 1000, 0.1, 1.05, "N = 1000", "--neurons", 2L << 30, 1.0);
    }

    static long used()
    {
        final Runtime r = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++)
        {
            System.gc();
            best = Math.min(best, r.totalMemory() - r.freeMemory());
        }
        return best;
    }

    /** Heap held by a workload and one bench of it, against the estimate of the shared part and one thread's. */
    static void assertWithinFactor(final String variant, final int n, final double ms, final java.util.function.Supplier<
        Workload> make)
    {
        final BrunelParams bp = BrunelParams.ofSize(n).withDuration(ms);
        final long before = used();
        final Workload w = make.get();
        final FaultBench b = w.newBench();
        final long measured = used() - before;
        final double estimate = MemoryEstimate.faultsShared(variant, n, bp.connProb(), bp.steps())
            + MemoryEstimate.faultsPerThread(variant, n, bp.connProb()) / 2; // a bench without its checkpoint
        assertTrue(b.neurons() == n && measured > 0, variant + ": measured " + measured);
        final double ratio = estimate / measured;
        System.out.printf(java.util.Locale.ROOT, "MemoryEstimateTest: %s N = %d: estimated %.1f MB, measured %.1f MB%n",
            variant, n, estimate / 1e6, measured / 1e6);
        assertTrue(ratio > 1.0 / 3 && ratio < 3, variant + " N = " + n + ": estimated " + (long)estimate + " bytes, "
            + "measured " + measured + " (ratio " + ratio + ")");
    }

    @Test
    void theEstimateOfAFabricWorkloadIsWithinAFactorOfThreeOfTheHeapItHolds()
    {
        assertWithinFactor("fabric-v3", 1500, 5, () -> new FabricWorkload(false, 1500, 5, 42, 4));
    }

    @Test
    void theEstimateOfABrunelWorkloadIsWithinAFactorOfThreeOfTheHeapItHolds()
    {
        assertWithinFactor("V3", 3000, 5, () -> new BrunelWorkload(Variant.V3, 3000, 5, 42));
    }
}
