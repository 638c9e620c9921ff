package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.scfabric.bench.cli.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.bench.cli.Cli.Run;

/** One duration rule for every command that simulates the Brunel network. */
class DurationRuleTest
{
    @TempDir
    Path tmp;

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
            // a whole number of steps, to binary rounding: never a duration between two steps run rounded
            assertEquals(ms / 0.1, steps, 1e-6, d + " ms");
        }
    }

    @Test
    void fabricRefusesADurationWhoseStepCountOverflows()
    {
        // 429496739.6 ms = 2^32 + 100 steps: the fast engine ran 100 steps and exited 0
        final Run r = run("fabric", "--engine", "fast", "--neurons", "10", "--duration-ms", "429496739.6", "--hgrm",
            tmp.resolve("l.hgrm").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--duration-ms 429496739.6 is longer than the limit of 1000000 ms"), r.err());
        assertTrue(!Files.exists(tmp.resolve("l.hgrm")));
    }

    @Test
    void areaOfTheFabricUsesTheSameRule()
    {
        for (final String d : new String[] {"1e12", "0.05"})
        {
            final Run r = run("area", "--design", "fabric", "--neurons", "8", "--duration-ms", d);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("--duration-ms " + d) && r.err().contains("0.1..1000000"), r.err());
        }
    }

    @Test
    void aDurationBetweenTwoStepsIsRefusedAndBinaryRoundingIsNot()
    {
        // 50.09 ran 501 steps while results.json said 50.09 ms; 0.15 ran one step and said "0.15 ms simulated"
        for (final String d : new String[] {"50.09", "0.15", "1.25", "999999.95"})
        {
            final BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> OptionValues.durationMs(d, "--duration-ms"));
            assertTrue(e.getMessage().startsWith("--duration-ms " + d + " is not a whole number of 0.1 ms steps; give e.g. "),
                e.getMessage());
        }
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
            () -> OptionValues.durationMs("50.09", "--duration-ms")).getMessage().contains("give e.g. 50.1 "));
        // 50.1 / 0.1 is 500.99999999999994 in binary: it is 501 steps, not a refusal
        for (final String d : new String[] {"50.1", "0.3", "0.7", "123.4", "1000000", "0.1"})
        {
            final double ms = OptionValues.durationMs(d, "--duration-ms");
            assertEquals(Math.round(Double.parseDouble(d) * 10), BrunelParams.DEFAULT.withDuration(ms).steps(), d);
        }
        final Run r = run("brunel", "--variants", "V1", "--neurons", "20", "--duration-ms", "0.15", "--out",
            tmp.resolve("o").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(!Files.exists(tmp.resolve("o")));
    }

    @Test
    void oneStepIsOneStepInTheReport() throws Exception
    {
        final Path out = tmp.resolve("one");
        final Run r = run("brunel", "--variants", "V1", "--neurons", "20", "--duration-ms", "0.1", "--out",
            out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("results.md")).contains("0.1 ms simulated (1 step of 0.1 ms)"),
            Files.readString(out.resolve("results.md")));
    }
}
