package org.scfabric.hw.cosim;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.scfabric.hw.Bits;

/** QuickTheories generators for co-simulation stimuli: random values mixed with edge values. */
public final class Stimuli
{
    /** Share of edge values mixed into random values, in percent. */
    public static final int EDGE_PERCENT = 25;

    private Stimuli()
    {
    }

    /**
     * Runs {@code check} once on one random stimulus (fixed seed, no shrinking: a stimulus is one long
     * co-simulation run whose failure already names its first bad cycle). QuickTheories' first two
     * examples are corner cases that draw every value at its minimum, then at its maximum (a list of
     * 10 000 identical lines); they are passed over and the first random one is run. QuickTheories
     * sometimes stops early, so a few examples are asked for; the later ones are not run.
     */
    public static <T> void once(final long seed, final Gen<T> gen, final Consumer<T> check)
    {
        final int[] example = {0};
        QuickTheory.qt().withFixedSeed(seed).withExamples(8).withShrinkCycles(0).forAll(gen).checkAssert(value ->
        {
            if (example[0]++ == 2)
            {
                check.accept(value);
            }
        });
        if (example[0] <= 2)
        {
            throw new IllegalStateException("QuickTheories produced " + example[0] + " examples; the stimulus was never run");
        }
    }

    /** Signed {@code w}-bit values; edges 0, +-1, min, min+1, max-1, max and the extras that fit. */
    public static Gen<Integer> signed(final int w, final int... extras)
    {
        final int min = Bits.lowSigned(1L << (w - 1), w);
        final int max = Bits.mask(w - 1);
        final List<Integer> edges = new ArrayList<>(List.of(0, 1, -1, min, min + 1, max - 1, max));
        for (final int e : extras)
        {
            if (Bits.fitsSigned(e, w))
            {
                edges.add(e);
            }
        }
        final Gen<Integer> any = w == 32 ? integers().all() : integers().between(min, max);
        return any.mix(arbitrary().pick(edges), EDGE_PERCENT);
    }

    /** Unsigned {@code w}-bit values (as int bits); edges 0, 1, 2, half, max-1, max and the extras. */
    public static Gen<Integer> unsigned(final int w, final int... extras)
    {
        final int max = Bits.mask(w);
        final List<Integer> edges = new ArrayList<>(List.of(0, 1, 2, 1 << (w - 1), max - 1, max));
        for (final int e : extras)
        {
            edges.add(e & max);
        }
        final Gen<Integer> any = w == 32 ? integers().all() : integers().between(0, max);
        return any.mix(arbitrary().pick(edges), EDGE_PERCENT);
    }

    /** rst_n per line: 0 with probability {@code permille}/1000. */
    public static Gen<Integer> rstN(final int permille)
    {
        return integers().between(0, 999).map(k -> k < permille ? 0 : 1);
    }

    /** {@code count} segments from {@code segment}, concatenated. */
    public static <T> Gen<List<T>> concat(final Gen<List<T>> segment, final int count)
    {
        return lists().of(segment).ofSize(count).map(parts ->
        {
            final List<T> all = new ArrayList<>();
            parts.forEach(all::addAll);
            return all;
        });
    }

    /** A segment of {@code minLen..maxLen} lines drawn from {@code line}. */
    public static <T> Gen<List<T>> segment(final Gen<T> line, final int minLen, final int maxLen)
    {
        return integers().between(minLen, maxLen).flatMap(len -> lists().of(line).ofSize(len));
    }
}
