package org.scfabric.sim.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.parts.CounterBank;
import org.scfabric.sim.parts.Lfsr16Part;

class FaultSpaceTest
{
    /** Four 16-bit membranes in a bank, an LFSR, and no memory. */
    static Design design()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 1, 0);
        b.add("core0", new CounterBank(16, 4, "lif[%d].v")).clock(clk);
        b.add("enc0.lfsr", new Lfsr16Part(0xACE1)).clock(clk).connect("state", "enc0.lfsr.state");
        return b.build();
    }

    @Test
    void aGlobSelectsTheSameSitesAsFaultSitesAndCommasGiveTheUnion()
    {
        final Design d = design();
        final FaultSpace v = FaultSpace.of(d, "core0.lif[*].v[*]");
        assertArrayEquals(d.faultSites().select("core0.lif[*].v[*]"), v.siteNumbers());
        assertEquals(64 * 3, v.size());
        assertEquals(4, v.targetCount());
        assertEquals(16, v.bitCount(2));
        final FaultSpace both = FaultSpace.of(d, "core0.lif[1].v[15], enc0.*[0],core0.lif[1].v[*]");
        assertEquals(17, both.siteCount());
        assertEquals(2, both.targetCount(), "lif[1].v and the lfsr state");
        assertEquals("enc0.lfsr.state[0]", d.faultSites().name(both.site(16)));
    }

    @Test
    void selectSkipsWholeRegistersOnlyWhenTheirNamesCannotMatch()
    {
        final FaultSites sites = design().faultSites();
        for (final String glob : List.of("*", "**", "core0.li*", "core0.lif[1*", "core0.lif[1]*", "enc0.lfsr.state[1?]",
            "*[15]", "c*", "?ore0.*", "core0.lif[*].v[*]", "core0.lif[3].v[7]", "enc0.lfsr.state[*]", "e*[0]"))
        {
            final Glob g = Glob.compile(glob);
            final long[] brute = java.util.stream.LongStream.range(0, sites.size())
                .filter(site -> g.matches(sites.name(site))).toArray();
            assertArrayEquals(brute, sites.select(glob), glob);
        }
    }

    @Test
    void badGlobsAndEmptySelectionsAreClearErrors()
    {
        final Design d = design();
        assertEquals("empty site glob (use e.g. 'lif[*].v[*]' or '*')",
            assertThrows(IllegalArgumentException.class, () -> FaultSpace.of(d, " ")).getMessage());
        assertEquals("site globs 'core0.*,,x' hold an empty glob (separate globs with single commas)",
            assertThrows(IllegalArgumentException.class, () -> FaultSpace.of(d, "core0.*,,x")).getMessage());
        assertEquals("site glob 'weights.mem[*][3]' matches none of the 80 fault sites (sites look like "
            + "core0.lif[*].v[*], enc0.lfsr.state[*])",
            assertThrows(IllegalArgumentException.class, () -> FaultSpace.of(d, "core0.*,weights.mem[*][3]"))
                .getMessage());
        // the examples under the glob's own leading name come first
        assertEquals("site glob 'enc0.lfsr.st*te.x' matches none of the 80 fault sites (sites look like "
            + "enc0.lfsr.state[*], core0.lif[*].v[*])",
            assertThrows(IllegalArgumentException.class, () -> FaultSpace.of(d, "enc0.lfsr.st*te.x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultSpace.of(d, "core0 lif"))
            .getMessage().contains("white space"));
        assertThrows(IllegalArgumentException.class, () -> FaultSpace.of(d, "*").withCycles(5, 4));
        assertThrows(IllegalArgumentException.class, () -> FaultSpace.of(d, "*").withKinds());
    }

    @Test
    void getAndIndexOfAreInverseAndStreamEnumeratesEveryFaultOnce()
    {
        final FaultSpace s = FaultSpace.of(design(), "core0.lif[2].v[1?],enc0.*")
            .withKinds(FaultKind.FLIP, FaultKind.STUCK_AT_1).withCycles(3, 7);
        assertEquals((6 + 16) * 2 * 5, s.size());
        final List<Fault> all = s.stream().toList();
        assertEquals(s.size(), new HashSet<>(all).size());
        for (int i = 0; i < all.size(); i++)
        {
            assertEquals(i, s.indexOf(all.get(i)));
            assertTrue(s.contains(all.get(i)));
        }
        assertEquals(new Fault(s.site(0), FaultKind.FLIP, 3), s.get(0));
        assertFalse(s.contains(Fault.stuckAt0(s.site(0), 3)), "sa0 is not a kind of this space");
        assertFalse(s.contains(Fault.flip(s.site(0), 8)), "cycle 8 is outside 3..7");
        assertFalse(s.contains(Fault.flip(0, 3)), "site 0 is not selected");
    }

    @Test
    void theFourChoicesReachEveryFaultAndNothingElse()
    {
        final FaultSpace s = FaultSpace.of(design(), "core0.lif[3].v[?],enc0.*[1?]").withCycles(0, 2);
        final Set<Fault> reached = new HashSet<>();
        for (int t = 0; t < s.targetCount(); t++)
        {
            for (int b = 0; b < s.maxBitCount(); b++)
            {
                for (int k = 0; k < s.kindCount(); k++)
                {
                    for (long c = 0; c < s.cycleCount(); c++)
                    {
                        final Fault f = s.fault(t, b, k, c);
                        assertTrue(s.contains(f));
                        assertEquals(t, s.targetOf(f.site()));
                        reached.add(f);
                    }
                }
            }
        }
        assertEquals(s.stream().collect(Collectors.toSet()), reached);
    }

    @Test
    void samplesAreDistinctSortedReproducibleAndCoverTheSpace()
    {
        final FaultSpace s = FaultSpace.of(design(), "*");
        final List<Fault> a = s.sample(new SplittableRandom(42), 100);
        assertEquals(a, s.sample(new SplittableRandom(42), 100));
        assertEquals(100, new HashSet<>(a).size());
        for (int i = 1; i < a.size(); i++)
        {
            assertTrue(s.indexOf(a.get(i - 1)) < s.indexOf(a.get(i)));
        }
        assertEquals(s.size(), s.sample(new SplittableRandom(1), (int)s.size()).size());
        assertThrows(IllegalArgumentException.class, () -> s.sample(new SplittableRandom(1), (int)s.size() + 1));
        // every index is drawn about equally often (chi-square over 240 cells, 24 000 draws)
        final SplittableRandom r = new SplittableRandom(7);
        final int[] hits = new int[(int)s.size()];
        for (int i = 0; i < 100 * hits.length; i++)
        {
            hits[(int)s.indexOf(s.sample(r))]++;
        }
        double chi2 = 0;
        for (final int h : hits)
        {
            chi2 += (h - 100.0) * (h - 100.0) / 100.0;
        }
        assertTrue(chi2 < 320, "chi2 " + chi2 + " for 239 degrees of freedom");
    }

    @Test
    void shrinkingProposesOnlySimplerFaultsOfTheSpaceAndEnds()
    {
        final FaultSpace s = FaultSpace.of(design(), "*").withCycles(0, 1000);
        qt().withFixedSeed(11L).withExamples(300).forAll(longs().between(0, s.size() - 1)).checkAssert(i ->
        {
            final Fault f = s.get(i);
            s.shrink(f).forEach(g ->
            {
                assertTrue(s.contains(g));
                assertTrue(rank(s, g) < rank(s, f), s.describe(g) + " is not simpler than " + s.describe(f));
            });
        });
        assertEquals(0, s.shrink(s.get(0)).count());
    }

    @Test
    void greedyShrinkingFindsTheSimplestFailingFault()
    {
        final FaultSpace s = FaultSpace.of(design(), "*").withCycles(0, 500);
        final Design d = design();
        // "fails" for any fault on bit >= 5 of an lfsr or lif[2..3] register, at cycle >= 40
        final Predicate<Fault> fails = f -> d.faultSites().bit(f.site()) >= 5 && f.cycle() >= 40
            && (d.faultSites().name(f.site()).startsWith("enc0") || d.faultSites().name(f.site()).matches(
                "core0\\.lif\\[[23]\\].*"));
        Fault f = s.fault(4, 14, 2, 377);
        assertTrue(fails.test(f));
        while (true)
        {
            final Optional<Fault> smaller = s.shrink(f).filter(fails).findFirst();
            if (smaller.isEmpty())
            {
                break;
            }
            f = smaller.get();
        }
        assertEquals("sa0 core0.lif[2].v[5] from cycle 40", s.describe(f));
        final List<Fault> set = List.of(s.fault(0, 3, 1, 9), f, s.fault(4, 9, 2, 100));
        List<Fault> g = set;
        while (true)
        {
            final Optional<List<Fault>> smaller = s.shrink(g).filter(l -> l.stream().anyMatch(fails)).findFirst();
            if (smaller.isEmpty())
            {
                break;
            }
            g = smaller.get();
        }
        assertEquals(List.of(f), g, "a failing set shrinks to its one failing fault, itself shrunk");
    }

    /** A well-founded measure: the sum of the four choices. */
    private static long rank(final FaultSpace s, final Fault f)
    {
        final int t = s.targetOf(f.site());
        long bit = 0;
        for (int b = 0; b < s.bitCount(t); b++)
        {
            if (s.fault(t, b, 0, 0).site() == f.site())
            {
                bit = b;
            }
        }
        return t + bit + s.kinds().indexOf(f.kind()) + (f.cycle() - s.firstCycle());
    }
}
