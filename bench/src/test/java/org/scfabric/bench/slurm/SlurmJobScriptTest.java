package org.scfabric.bench.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class SlurmJobScriptTest
{
    /** sbatch's reading of an --array spec: comma-separated indices and ranges. */
    static SortedSet<Integer> expand(final String spec)
    {
        final SortedSet<Integer> s = new TreeSet<>();
        for (final String part : spec.split(","))
        {
            final String[] r = part.split("-");
            final int a = Integer.parseInt(r[0]);
            final int b = r.length == 1 ? a : Integer.parseInt(r[1]);
            assertTrue(a < b || r.length == 1, "a range of one index: " + part);
            for (int i = a; i <= b; i++)
            {
                assertTrue(s.add(i), "index " + i + " twice in " + spec);
            }
        }
        return s;
    }

    @Test
    void anArraySpecNamesExactlyItsTasksInAsFewRangesAsPossible()
    {
        qt().forAll(lists().of(integers().between(0, 300)).ofSizeBetween(1, 40)).checkAssert(list ->
        {
            final SortedSet<Integer> tasks = new TreeSet<>(list);
            final String spec = SlurmJobScript.arraySpec(tasks);
            assertEquals(tasks, expand(spec));
            long runs = tasks.stream().filter(i -> !tasks.contains(i - 1)).count();
            assertEquals(runs, spec.split(",").length, spec);
        });
    }

    @Test
    void examples()
    {
        assertEquals("0-3", SlurmJobScript.arraySpec(SlurmJobScript.range(4)));
        assertEquals("1,3,5-7", SlurmJobScript.arraySpec(new TreeSet<>(List.of(7, 1, 5, 3, 6))));
        assertThrows(IllegalArgumentException.class, () -> SlurmJobScript.arraySpec(new TreeSet<>()));
    }

    @Test
    void directivesComeBeforeTheFirstCommandSoSbatchReadsThemAll()
    {
        final SlurmJobScript s = SlurmJobScript.builder("job").directive("--array=0-3").comment("why")
            .line("set -e").directive("--time=1:00:00").command(List.of("java", "-jar", "x.jar", "faults", "--sites",
                "a b"), 4, List.of("--shard", "\"$i/4\"")).build();
        final List<String> lines = s.text().lines().toList();
        assertEquals("#!/bin/bash", lines.get(0));
        final int firstCommand = lines.indexOf("set -e");
        assertTrue(firstCommand > 0);
        for (int i = 1; i < lines.size(); i++)
        {
            assertTrue(i < firstCommand || !lines.get(i).startsWith("#SBATCH"), "directive after a command: " + lines.get(i));
        }
        assertTrue(lines.contains("#SBATCH --time=1:00:00"), s.text());
        assertTrue(s.text().contains("java -jar x.jar faults \\\n    --sites 'a b' \\\n    --shard \"$i/4\""), s.text());
    }

    @Test
    void aDirectiveCannotSpanLines()
    {
        assertThrows(IllegalArgumentException.class, () -> SlurmJobScript.builder("j").directive("--mem=1G\necho x"));
    }
}
