package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.brunel.BrunelParams;

/** One duration rule for every command that simulates the Brunel network. */
class DurationRuleTest
{
    @TempDir
    Path tmp;

    private static String[] run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void anAcceptedDurationRunsWhatWasAskedNeverAWrappedStepCount()
    {
        // every double either is refused or gives 1..MAX_STEPS steps that are the duration to half a step
        qt().withFixedSeed(10L).withExamples(2000).forAll(doubles().any()).checkAssert(DurationRuleTest::checkOne);
        qt().withFixedSeed(11L).withExamples(2000).forAll(doubles().between(-1, 2e6)).checkAssert(
            DurationRuleTest::checkOne);
        assertEquals(1, BrunelParams.DEFAULT.withDuration(OptionValues.durationMs("0.1", "x")).steps());
        assertEquals(10_000_000, BrunelParams.DEFAULT.withDuration(OptionValues.durationMs("1000000", "x")).steps());
    }

    private static void checkOne(final double d)
    {
        {
            final double ms;
            try
            {
                ms = OptionValues.durationMs(Double.toString(d), "--duration-ms");
            }
            catch (final BadInputException e)
            {
                assertTrue(e.getMessage().startsWith("--duration-ms "), e.getMessage());
                assertTrue(e.getMessage().contains("0.1..1000000"), e.getMessage());
                return;
            }
            final int steps = BrunelParams.DEFAULT.withDuration(ms).steps();
            assertTrue(steps >= 1 && steps <= OptionValues.MAX_STEPS, d + " ms gave " + steps + " steps");
            assertEquals(ms / 0.1, steps, 0.5 + 1e-9, d + " ms");
        }
    }

    @Test
    void fabricRefusesADurationWhoseStepCountOverflows()
    {
        // 429496739.6 ms = 2^32 + 100 steps: the fast engine ran 100 steps and exited 0
        final String[] r = run("fabric", "--engine", "fast", "--neurons", "10", "--duration-ms", "429496739.6", "--hgrm",
            tmp.resolve("l.hgrm").toString());
        assertEquals("2", r[0], r[2]);
        assertEquals("", r[1]);
        assertTrue(r[2].contains("--duration-ms 429496739.6 is longer than the limit of 1000000 ms"), r[2]);
        assertTrue(!Files.exists(tmp.resolve("l.hgrm")));
    }

    @Test
    void areaOfTheFabricUsesTheSameRule()
    {
        for (final String d : new String[] {"1e12", "0.05"})
        {
            final String[] r = run("area", "--design", "fabric", "--neurons", "8", "--duration-ms", d);
            assertEquals("2", r[0], r[2]);
            assertTrue(r[2].contains("--duration-ms " + d) && r[2].contains("0.1..1000000"), r[2]);
        }
    }
}
