package org.scfabric.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.fault.Fault;
import org.scfabric.sim.fault.FaultKind;
import org.scfabric.sim.fault.FaultSpace;
import org.scfabric.sim.parts.CounterBank;

class FaultGensTest
{
    static Design design()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 1, 0);
        b.add("core0", new CounterBank(16, 8, "lif[%d].v")).clock(clk);
        return b.build();
    }

    @Test
    void generatedFaultsStayInTheSpaceAndReachAllOfIt()
    {
        final FaultSpace space = FaultSpace.of(design(), "core0.lif[*].v[1?]").withCycles(0, 3);
        final Set<Fault> seen = new HashSet<>();
        qt().withFixedSeed(5L).withExamples(5000).forAll(FaultGens.faults(space)).checkAssert(f ->
        {
            assertTrue(space.contains(f));
            seen.add(f);
        });
        assertTrue(seen.size() > space.size() * 8 / 10, seen.size() + " of " + space.size());
    }

    @Test
    void aFailingPropertyShrinksToTheLowestBitSimplestKindEarliestCycle()
    {
        final Design d = design();
        final FaultSpace space = FaultSpace.of(d, "core0.lif[*].v[*]").withCycles(0, 1000);
        final AssertionError e = assertThrows(AssertionError.class, () -> qt().withFixedSeed(9L).withExamples(200)
            .forAll(FaultGens.faults(space))
            .check(f -> !(d.faultSites().bit(f.site()) >= 4 && f.cycle() >= 17)));
        assertTrue(e.getMessage().contains("sa0 core0.lif[0].v[4] from cycle 17"), e.getMessage());
    }

    @Test
    void faultSetsShrinkTowardOneFault()
    {
        final Design d = design();
        final FaultSpace space = FaultSpace.of(d, "*").withKinds(FaultKind.STUCK_AT_1, FaultKind.FLIP);
        final AssertionError e = assertThrows(AssertionError.class, () -> qt().withFixedSeed(3L).withExamples(200)
            .forAll(FaultGens.faultSets(space, 6))
            .check(set -> set.stream().noneMatch(f -> d.faultSites().bit(f.site()) == 15)));
        assertTrue(e.getMessage().contains("[sa1 core0.lif[0].v[15] from cycle 0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FaultGens.faultSets(space, 0));
    }

    @Test
    void readyMadeGeneratorsForStuckAtsAndFlips()
    {
        final Design d = design();
        qt().withFixedSeed(1L).withExamples(100).forAll(FaultGens.stuckAt(d, "core0.lif[3].*"), FaultGens.flips(d,
            "core0.*", 99), FaultGens.sites(FaultSpace.of(d, "*[15]"))).checkAssert((sa, flip, site) ->
            {
                assertTrue(sa.kind() != FaultKind.FLIP && sa.cycle() == 0);
                assertEquals("core0.lif[3].v", d.signalName(d.faultSites().target(sa.site())));
                assertTrue(flip.kind() == FaultKind.FLIP && flip.cycle() <= 99);
                assertEquals(15, d.faultSites().bit(site));
            });
    }
}
