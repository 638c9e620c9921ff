package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.Design;

/**
 * A variant's name says what scfabric runs: all of it is Java on the CPU, so no name may mention a
 * framework or device (those belong in {@link Variant#reference()}); a name that claims stochastic
 * computing belongs to a design that really generates bitstreams; and V19's name states the thread
 * count its population runs with.
 */
class VariantNamesTest
{
    /** Frameworks and devices the reference used and scfabric does not. */
    private static final Pattern NOT_RUN = Pattern.compile(
        "(?i)\\b(py)?torch\\b|cuda|\\bjax|numba|\\bjit\\b|numpy|\\bgpu\\b|\\btpu\\b|brian|all cores");
    /** Words that claim bitstreams: SC (as a word or prefix of a class name), stream, bitstream. */
    private static final Pattern CLAIMS_SC = Pattern.compile("\\bSC|(?i)stream");

    private static BrunelDesign design(final Variant v, final int n)
    {
        final BrunelNetwork net = BrunelNetwork.of(BrunelParams.ofSize(n).withDuration(2));
        return BrunelDesign.of(net, BrunelDesign.driveFor(net, v, false), List.of(v));
    }

    /** The design holds encoder registers (LFSR state, or a Sobol counter's point). */
    private static boolean generatesBitstreams(final BrunelDesign d)
    {
        final Design g = d.design();
        for (int s = 0; s < g.signalCount(); s++)
        {
            final String name = g.signalName(s);
            if (name.endsWith(".lfsr") || name.endsWith(".pt"))
            {
                return true;
            }
        }
        return false;
    }

    @Test
    void noNameMentionsAFrameworkThatDoesNotRun()
    {
        for (final Variant v : Variant.values())
        {
            for (final int n : new int[] {1000, 10_000})
            {
                final Matcher m = NOT_RUN.matcher(v.title(n));
                final boolean found = m.find();
                assertFalse(found, v + " '" + v.title(n) + "' names '" + (found ? m.group() : "")
                    + "', which scfabric does not run; that is the reference's name (" + v.reference() + ")");
            }
        }
    }

    @Test
    void aNameThatClaimsBitstreamsBelongsToADesignThatMakesThem()
    {
        for (final Variant v : Variant.values())
        {
            try (BrunelDesign d = design(v, 200))
            {
                final boolean claims = CLAIMS_SC.matcher(v.title(200)).find();
                if (claims)
                {
                    assertTrue(generatesBitstreams(d), v + " '" + v.title(200) + "' claims bitstreams its design lacks");
                }
            }
        }
    }

    @Test
    void v19NamesTheThreadsItRunsOn()
    {
        for (final int n : new int[] {1000, 2 * Float32Population.GRAIN})
        {
            try (BrunelDesign d = design(Variant.V19, n))
            {
                final Design g = d.design();
                int threads = -1;
                for (int i = 0; i < g.instanceCount(); i++)
                {
                    if (g.component(i) instanceof Float32Population f)
                    {
                        threads = f.threads();
                    }
                }
                assertTrue(threads >= 1, "V19 has a float32 population");
                assertTrue(Variant.V19.title(n).endsWith(", " + threads + (threads == 1 ? " thread" : " threads")),
                    "N = " + n + ": '" + Variant.V19.title(n) + "' but the population runs " + threads + " thread(s)");
            }
        }
    }

    @Test
    void docsVariantsListsTheNamesTheReportsUse() throws IOException
    {
        final String doc = Files.readString(Path.of("..", "docs", "variants.md"), StandardCharsets.UTF_8);
        final String section = doc.substring(doc.indexOf("## Names"), doc.indexOf("## Reference table"));
        for (final Variant v : Variant.values())
        {
            final String row = "| " + v + " | " + v.title(1000) + " | " + v.reference() + " |";
            assertTrue(section.contains(row), "docs/variants.md lacks the row " + row);
        }
    }

    @Test
    void theReferenceNameIsKeptApart()
    {
        assertEquals("PyTorch CUDA (data-parallel)", Variant.V19.reference());
        assertEquals("JaxSCDenseLayer", Variant.V15.reference());
        for (final Variant v : Variant.values())
        {
            assertFalse(v.reference().isBlank(), v + " has a reference name");
        }
    }
}
