package org.scfabric.bench.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No two main classes of the repository share a simple name: a reader (or an import) never has to
 * ask which {@code LifBank} is meant. Scans every module's {@code src/main/java}.
 */
class UniqueClassNamesTest
{
    @Test
    void noTwoMainClassesShareASimpleName()
    {
        final Path root = root();
        final Map<String, List<Path>> byName = mainClasses(root);
        // the scan must have seen the whole tree, or an empty scan would pass
        assertTrue(byName.containsKey("Kernel") && byName.containsKey("NumpyGenerator")
            && byName.containsKey("LifCore") && byName.containsKey("Main"), "scanned " + root);
        assertEquals(Map.of(), duplicates(byName), "main classes sharing a simple name");
    }

    @Test
    void theScanFindsAClash(@TempDir final Path tmp) throws IOException
    {
        for (final String dir : List.of("a/src/main/java/x/one", "b/src/main/java/x/two", "b/src/test/java/x/two"))
        {
            Files.createDirectories(tmp.resolve(dir));
        }
        Files.writeString(tmp.resolve("a/src/main/java/x/one/Bank.java"), "");
        Files.writeString(tmp.resolve("b/src/main/java/x/two/Bank.java"), "");
        Files.writeString(tmp.resolve("b/src/main/java/x/two/package-info.java"), "");
        Files.writeString(tmp.resolve("a/src/main/java/x/one/package-info.java"), "");
        Files.writeString(tmp.resolve("b/src/test/java/x/two/Other.java"), "");
        Files.writeString(tmp.resolve("a/src/main/java/x/one/Other.java"), "");
        final Map<String, List<Path>> dup = duplicates(mainClasses(tmp));
        assertEquals(List.of("Bank"), List.copyOf(dup.keySet()), "test classes and package-info do not count");
        assertEquals(2, dup.get("Bank").size());
    }

    /** Simple name → its files, over {@code <module>/src/main/java} of every module below root. */
    static Map<String, List<Path>> mainClasses(final Path root)
    {
        try (Stream<Path> files = Files.walk(root))
        {
            return files
                .filter(p -> p.toString().endsWith(".java"))
                .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("[^/]+/src/main/java/.*"))
                .filter(p -> !p.getFileName().toString().equals("package-info.java")
                    && !p.getFileName().toString().equals("module-info.java"))
                .collect(Collectors.groupingBy(
                    p -> p.getFileName().toString().replaceFirst("\\.java$", ""), TreeMap::new, Collectors.toList()));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, List<Path>> duplicates(final Map<String, List<Path>> byName)
    {
        final Map<String, List<Path>> out = new TreeMap<>();
        byName.forEach((name, paths) ->
        {
            if (paths.size() > 1)
            {
                out.put(name, paths);
            }
        });
        return out;
    }

    /** The repository: $SCFABRIC_ROOT (set by the build), else the module's parent. */
    private static Path root()
    {
        final String env = System.getenv("SCFABRIC_ROOT");
        return (env != null && !env.isEmpty() ? Paths.get(env) : Paths.get("").toAbsolutePath().getParent())
            .toAbsolutePath().normalize();
    }
}
