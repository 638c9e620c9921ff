package org.scfabric.sim.fault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.scfabric.sim.Design;

/**
 * The faults a test may draw from a design: the sites a glob selects, times the fault kinds, times a
 * range of cycles. Framework-neutral: {@link #sample} draws from any {@link RandomGenerator},
 * {@link #stream} enumerates in a fixed order, {@link #shrink(Fault)} proposes simpler faults (lower
 * bits, simpler kinds, earlier cycles, earlier registers), and {@link #fault(int, int, int, long)}
 * builds a fault from four bounded choices so that any library that shrinks integers toward their
 * lower bound shrinks faults the same way (the QuickTheories generators of the {@code testkit}
 * artifact are built on it).
 *
 * <p>The sites are grouped into <em>targets</em>: the selected bits of one signal or of one memory
 * word, lowest bit first. Index order of {@link #get}: target-major, then bit, then kind, then
 * cycle — so index 0 is the lowest selected bit of the first register, stuck-at-0 if that kind is
 * in the space, at the first cycle. Instances are immutable; {@code with...} return new ones.
 * The index arithmetic lives in {@link SiteSelection}, draws in {@link FaultSampling}, shrinking in
 * {@link FaultShrinker}, the words a person reads in {@link FaultDescriptions}.
 *
 * <pre>{@code
 * FaultSpace space = FaultSpace.of(design, "core0.lif[*].v[*]").withCycles(0, 999);
 * Fault f = space.sample(new SplittableRandom(42));        // any RandomGenerator
 * space.stream().forEach(...);                              // every fault, in index order
 * }</pre>
 */
public final class FaultSpace
{
    private final FaultSites sites;
    private final String glob;
    private final SiteSelection selection;
    private final FaultKind[] kinds;
    private final long cycleFrom;
    private final long cycleTo;
    private final long perSite;         // kinds × cycles
    private final long size;

    private FaultSpace(final FaultSites sites, final String glob, final SiteSelection selection,
        final FaultKind[] kinds, final long cycleFrom, final long cycleTo)
    {
        this.sites = sites;
        this.glob = glob;
        this.selection = selection;
        this.kinds = kinds;
        this.cycleFrom = cycleFrom;
        this.cycleTo = cycleTo;
        try
        {
            perSite = Math.multiplyExact((long)kinds.length, cycleTo - cycleFrom + 1);
            size = Math.multiplyExact(perSite, (long)selection.size());
        }
        catch (final ArithmeticException e)
        {
            throw new IllegalArgumentException("fault space of " + selection.size() + " sites × " + kinds.length
                + " kinds × " + (cycleTo - cycleFrom + 1) + " cycles has more than 2^63 faults");
        }
    }

    /**
     * The sites of {@code design} whose names match {@code globs} (one glob, or several separated by
     * commas: their union), every kind, cycle 0 only. Each glob must match at least one site.
     */
    public static FaultSpace of(final Design design, final String globs)
    {
        return of(design.faultSites(), globs);
    }

    public static FaultSpace of(final FaultSites sites, final String globs)
    {
        final SiteSelection sel = SiteSelection.of(sites, globs);
        return new FaultSpace(sites, globs.trim(), sel, FaultKind.values(), 0, 0);
    }

    /** A space over explicitly chosen site numbers (ascending or not, duplicates removed). */
    public static FaultSpace ofSites(final FaultSites sites, final long... siteNumbers)
    {
        return new FaultSpace(sites, null, SiteSelection.ofSites(sites, siteNumbers), FaultKind.values(), 0, 0);
    }

    /** The same sites and cycles with only these kinds (in the order given; the first is the simplest). */
    public FaultSpace withKinds(final FaultKind... k)
    {
        if (k.length == 0)
        {
            throw new IllegalArgumentException("a fault space needs at least one fault kind (sa0, sa1, flip)");
        }
        final FaultKind[] distinct = new LinkedHashSet<>(Arrays.asList(k)).toArray(new FaultKind[0]);
        return new FaultSpace(sites, glob, selection, distinct, cycleFrom, cycleTo);
    }

    /** The same sites and kinds, striking at any cycle from {@code from} to {@code to} inclusive. */
    public FaultSpace withCycles(final long from, final long to)
    {
        if (from < 0 || to < from)
        {
            throw new IllegalArgumentException("fault cycles must satisfy 0 <= from <= to, got " + from + ".." + to);
        }
        return new FaultSpace(sites, glob, selection, kinds, from, to);
    }

    public FaultSites sites()
    {
        return sites;
    }

    /** The glob(s) the space was selected with, or null for {@link #ofSites}. */
    public String glob()
    {
        return glob;
    }

    /** Number of faults: sites × kinds × cycles. */
    public long size()
    {
        return size;
    }

    /** The selected site numbers, ascending (a copy). */
    public long[] siteNumbers()
    {
        return selection.sites();
    }

    public int siteCount()
    {
        return selection.size();
    }

    public long site(final int position)
    {
        return selection.site(position);
    }

    public List<FaultKind> kinds()
    {
        return List.of(kinds);
    }

    public long firstCycle()
    {
        return cycleFrom;
    }

    public long lastCycle()
    {
        return cycleTo;
    }

    /** Fault number {@code index} (0 ≤ index &lt; size) in index order. */
    public Fault get(final long index)
    {
        if (index < 0 || index >= size)
        {
            throw new IndexOutOfBoundsException("fault index " + index + " is out of range 0.." + (size - 1));
        }
        final int pos = (int)(index / perSite);
        final long rest = index % perSite;
        final long cycles = cycleTo - cycleFrom + 1;
        return new Fault(selection.site(pos), kinds[(int)(rest / cycles)], cycleFrom + rest % cycles);
    }

    /** The index of a fault of this space, or -1 if it is not in it. */
    public long indexOf(final Fault f)
    {
        final int pos = selection.position(f.site());
        if (pos < 0 || f.cycle() < cycleFrom || f.cycle() > cycleTo)
        {
            return -1;
        }
        final int k = kindIndex(f.kind());
        if (k < 0)
        {
            return -1;
        }
        return pos * perSite + k * (cycleTo - cycleFrom + 1) + (f.cycle() - cycleFrom);
    }

    public boolean contains(final Fault f)
    {
        return indexOf(f) >= 0;
    }

    /** Every fault of the space, in index order (lazily: the space may be large). */
    public Stream<Fault> stream()
    {
        return LongStream.range(0, size).mapToObj(this::get);
    }

    /** One fault drawn uniformly. */
    public Fault sample(final RandomGenerator random)
    {
        return get(random.nextLong(size));
    }

    /** {@code k} distinct faults drawn uniformly without replacement, in index order (Floyd's algorithm). */
    public List<Fault> sample(final RandomGenerator random, final int k)
    {
        final long[] idx = sampleIndices(random, size, k);
        final List<Fault> out = new ArrayList<>(k);
        for (final long i : idx)
        {
            out.add(get(i));
        }
        return out;
    }

    /**
     * {@code k} distinct numbers of 0..n−1 drawn uniformly without replacement, ascending: the same
     * numbers for the same generator state on every JVM (Floyd's algorithm, k draws).
     */
    public static long[] sampleIndices(final RandomGenerator random, final long n, final int k)
    {
        return FaultSampling.distinct(random, n, k);
    }

    /** A set of {@code count} faults drawn independently (repeats possible), for multi-fault properties. */
    public List<Fault> sampleSet(final RandomGenerator random, final int count)
    {
        final List<Fault> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            out.add(sample(random));
        }
        return out;
    }

    // ---- choices: the four bounded integers a fault is built from (for generators that shrink integers)

    /** Number of targets (signals or memory words with at least one selected bit). */
    public int targetCount()
    {
        return selection.targetCount();
    }

    /** Number of selected bits of target {@code t}. */
    public int bitCount(final int t)
    {
        return selection.bitCount(t);
    }

    /** The largest {@link #bitCount} over all targets. */
    public int maxBitCount()
    {
        int m = 0;
        for (int t = 0; t < targetCount(); t++)
        {
            m = Math.max(m, bitCount(t));
        }
        return m;
    }

    public int kindCount()
    {
        return kinds.length;
    }

    public long cycleCount()
    {
        return cycleTo - cycleFrom + 1;
    }

    /**
     * The fault built from four choices, each shrinking toward 0 = simplest: target 0..targetCount−1,
     * bit 0..maxBitCount−1 (taken modulo the target's bit count, so any value is valid), kind
     * 0..kindCount−1, cycle offset 0..cycleCount−1.
     */
    public Fault fault(final int target, final int bit, final int kind, final long cycleOffset)
    {
        if (target < 0 || target >= targetCount() || bit < 0 || kind < 0 || kind >= kinds.length || cycleOffset < 0
            || cycleOffset >= cycleCount())
        {
            throw new IllegalArgumentException("fault choice (" + target + ", " + bit + ", " + kind + ", " + cycleOffset
                + ") is outside 0.." + (targetCount() - 1) + ", 0.., 0.." + (kinds.length - 1) + ", 0.."
                + (cycleCount() - 1));
        }
        final long site = selection.site(target, bit % bitCount(target));
        return new Fault(site, kinds[kind], cycleFrom + cycleOffset);
    }

    /** The target of a site of this space, -1 if the site is not selected. */
    public int targetOf(final long site)
    {
        final int pos = selection.position(site);
        return pos < 0 ? -1 : selection.targetAt(pos);
    }

    // ---- shrinking

    /**
     * Simpler faults of this space than {@code f}, most aggressive first: lower bits of the same
     * target, then simpler kinds (earlier in the space's kind order), earlier cycles, earlier targets.
     * Every candidate is smaller in one choice and no larger in the others, so repeated shrinking
     * ends. An empty stream means {@code f} is as simple as it gets.
     */
    public Stream<Fault> shrink(final Fault f)
    {
        if (indexOf(f) < 0)
        {
            throw new IllegalArgumentException(describe(f) + " is not in this fault space");
        }
        final int pos = selection.position(f.site());
        return new FaultShrinker(this).shrink(f, selection.targetAt(pos), selection.bitAt(pos), kindIndex(f.kind()),
            f.cycle() - cycleFrom);
    }

    /**
     * Simpler fault sets than {@code faults}: fewer faults first (the first half, the second half,
     * each one left out), then each fault shrunk in place.
     */
    public Stream<List<Fault>> shrink(final List<Fault> faults)
    {
        return new FaultShrinker(this).shrink(faults);
    }

    /** {@code sa1 core0.lif[3].v[15] from cycle 0}, {@code flip weights.mem[7][3] at cycle 12}. */
    public String describe(final Fault f)
    {
        return describe(sites, f);
    }

    public static String describe(final FaultSites sites, final Fault f)
    {
        return FaultDescriptions.describe(sites, f);
    }

    @Override
    public String toString()
    {
        final int n = selection.size();
        return "FaultSpace(" + (glob == null ? n + " sites" : "'" + glob + "': " + n + " sites") + " × "
            + kinds().stream().map(FaultKind::shortName).toList() + " × cycles " + cycleFrom + ".." + cycleTo + " = "
            + size + " faults)";
    }

    /** A name with every bracketed number replaced by {@code *}: {@code core0.lif[12].v} → {@code core0.lif[*].v}. */
    public static String group(final String name)
    {
        return FaultDescriptions.group(name);
    }

    /** The position of a kind in this space's kind order, -1 if it is not in the space (the last match). */
    private int kindIndex(final FaultKind kind)
    {
        int k = -1;
        for (int i = 0; i < kinds.length; i++)
        {
            if (kinds[i] == kind)
            {
                k = i;
            }
        }
        return k;
    }
}
