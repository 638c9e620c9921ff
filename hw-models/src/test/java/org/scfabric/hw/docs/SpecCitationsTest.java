package org.scfabric.hw.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.cosim.IcarusRunner;

/**
 * The repository is self-contained: every citation of the reference rules ({@code docs/spec/hardware.md},
 * {@code docs/spec/brunel.md}) names a file inside it, and every section it cites ({@code §N} or
 * {@code section N}) is a heading of that file.
 */
class SpecCitationsTest
{
    private static final Pattern CITE = Pattern.compile(
        "([\\w./-]*)spec/(hardware|brunel)\\.md\\)?(?:'s)?(?:\\s*(?:§|section )\\s*(\\d+))?");

    /** A section number cited after the bare word spec, without naming which file holds it. */
    private static final Pattern BARE = Pattern.compile("(?i)\\bspec(?:'s)?\\s+(?:§|section\\s)\\s*\\d");

    @Test
    void everySpecCitationResolvesInsideTheRepository() throws IOException
    {
        final Path root = IcarusRunner.rtlDir().getParent().toAbsolutePath().normalize();
        final List<String> bad = new ArrayList<>();
        int citations = 0;
        try (Stream<Path> files = Files.walk(root))
        {
            for (final Path f : files.filter(p -> Files.isRegularFile(p) && cited(root, p)).toList())
            {
                final String text = Files.readString(f, StandardCharsets.UTF_8);
                final Matcher bare = BARE.matcher(text);
                while (bare.find())
                {
                    bad.add(root.relativize(f) + ": '" + bare.group() + "' does not name the spec file");
                }
                final Matcher m = CITE.matcher(text);
                while (m.find())
                {
                    citations++;
                    final String prefix = m.group(1);
                    final String name = "spec/" + m.group(2) + ".md";
                    // a Markdown link resolves from its own folder; a citation in code names the path from the root
                    final Path target = f.toString().endsWith(".md") && !prefix.startsWith("docs/")
                        ? f.getParent().resolve(prefix + name).normalize() : root.resolve(prefix + name).normalize();
                    final String where = root.relativize(f) + ": '" + m.group() + "'";
                    if (!target.startsWith(root) || !Files.isRegularFile(target))
                    {
                        bad.add(where + " names no file of the repository");
                    }
                    else if (m.group(3) != null && !Files.readString(target, StandardCharsets.UTF_8)
                        .contains("\n## " + m.group(3) + ". "))
                    {
                        bad.add(where + " cites a section " + root.relativize(target) + " does not have");
                    }
                }
            }
        }
        assertTrue(citations > 20, "the scan found the citations (" + citations + ")");
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    private static boolean cited(final Path root, final Path p)
    {
        final String rel = root.relativize(p).toString();
        if (rel.startsWith(".git") || rel.contains("/target/") || rel.startsWith("target/"))
        {
            return false;
        }
        return rel.endsWith(".java") || rel.endsWith(".md") || rel.endsWith(".py") || rel.endsWith(".sh")
            || rel.endsWith(".v");
    }
}
