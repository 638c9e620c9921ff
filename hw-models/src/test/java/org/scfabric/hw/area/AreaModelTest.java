package org.scfabric.hw.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.lif.CubaLifParams;
import org.scfabric.hw.lif.LifParams;

/**
 * The area models against every stored Yosys point, grid and off-grid alike: FF, DSP and BRAM bits exact,
 * LUT within ±15 %.
 */
class AreaModelTest
{
    @Test
    void everyStoredPointIsWithinTheBounds()
    {
        final List<String> failures = new ArrayList<>();
        final List<AreaTable.Stored> rows = StoredPoints.load();
        for (final AreaTable.Stored s : rows)
        {
            final Area e = s.estimate();
            if (!AreaTable.meetsBounds(s))
            {
                failures.add(s.point() + " " + s.target().id() + ": estimate " + e + ", yosys " + s.yosys() + ", LUT "
                    + AreaTable.percent(s.lutError()));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + rows.size() + " points out of bounds:\n"
            + String.join("\n", failures));
    }

    @Test
    void theStoredPointsAreExactlyTheTablePointsForBothTargets()
    {
        final Set<String> stored = new HashSet<>();
        for (final AreaTable.Stored s : StoredPoints.load())
        {
            assertTrue(stored.add(s.point() + "|" + s.point().paramString() + "|" + s.target()), "duplicate " + s.point());
        }
        final Set<String> expected = new HashSet<>();
        for (final AreaTable.Entry e : AreaTable.POINTS)
        {
            for (final Target t : Target.values())
            {
                expected.add(e.point() + "|" + e.point().paramString() + "|" + t);
            }
        }
        assertEquals(expected, stored, "yosys-points.csv is stale: rerun rtl/area_table.sh");
    }

    @Test
    void theGridOfTheIssueIsCovered()
    {
        final Set<String> grid = new HashSet<>();
        for (final AreaTable.Entry e : AreaTable.POINTS)
        {
            if (e.role() == AreaTable.Role.GRID)
            {
                grid.add(e.point().toString());
            }
        }
        for (final int w : new int[] {8, 16, 24, 32})
        {
            assertTrue(grid.contains(AreaPoint.lfsr(w).toString()), "LFSR " + w);
        }
        for (final int n : new int[] {3, 8, 16, 64})
        {
            assertTrue(grid.contains(AreaPoint.popcountToCurrent(n).toString()), "popcount N " + n);
        }
        assertTrue(grid.contains(AreaPoint.lif(LifParams.Q8_8).toString()));
        assertTrue(grid.contains(AreaPoint.lif(LifParams.Q16_12).toString()));
        assertTrue(grid.contains(AreaPoint.cubaLif(CubaLifParams.Q8_8).toString()));
        assertTrue(grid.contains(AreaPoint.cubaLif(CubaLifParams.Q16_12).toString()));
        assertTrue(grid.contains(AreaPoint.denseCore(3, 2, 16, LifParams.Q8_8).toString()));
        assertTrue(grid.contains(AreaPoint.denseCore(16, 10, 16, LifParams.Q8_8).toString()));
    }

    @Test
    void xc7MultipliersTileIntoDsp48LikeYosysMul2dsp()
    {
        assertEquals(1, AreaModel.dsp48(17, 16, 24));   // Q8.8 leak product
        assertEquals(2, AreaModel.dsp48(21, 20, 28));   // 20-bit: B > 18 splits once
        assertEquals(4, AreaModel.dsp48(33, 32, 44));   // Q16.12: 2 × 2 tiles
        assertEquals(4, AreaModel.dsp48(26, 24, 36));   // CubaLIF W = 24 membrane product: A split, each slice's B too
        assertEquals(2, AreaModel.dsp48(25, 24, 36));   // fits the A port: B splits once
        assertEquals(0, AreaModel.dsp48(17, 1, 17));    // too narrow: LUTs
        assertEquals(0, AreaModel.dsp48(4, 4, 8));      // result under 9 bits: LUTs
    }

    @Test
    void compositesAddUp()
    {
        for (final Target t : Target.values())
        {
            final Area two = AreaModel.denseLayerCore(t, 4, 2, 16, LifParams.Q8_8);
            final Area three = AreaModel.denseLayerCore(t, 4, 3, 16, LifParams.Q8_8);
            assertEquals(49, three.ff() - two.ff(), "one more neuron: 16 v + spike + 32 refractory flops");
            assertTrue(three.lut() > two.lut());
        }
        assertEquals(new Area(7, 0, 0, 0), AreaModel.synapse(Target.XC7, 7));
    }

    @Test
    void cubaLifCountsItsTwoRegistersAndFourProducts()
    {
        // v, i and spike: v_out and i_out are the same flops
        assertEquals(33, AreaModel.cubaLif(Target.ICE40, CubaLifParams.Q8_8).ff());
        assertEquals(65, AreaModel.cubaLif(Target.XC7, CubaLifParams.Q16_12).ff());
        // four products of one tile each at Q8.8; at Q16.12 each splits into 2 x 2 tiles
        assertEquals(4, AreaModel.cubaLif(Target.XC7, CubaLifParams.Q8_8).dsp());
        assertEquals(16, AreaModel.cubaLif(Target.XC7, CubaLifParams.Q16_12).dsp());
        assertEquals(0, AreaModel.cubaLif(Target.ICE40, CubaLifParams.Q16_12).dsp());
        assertEquals(AreaModel.cubaLif(Target.ICE40, CubaLifParams.Q8_8),
            AreaPoint.cubaLif(CubaLifParams.Q8_8).estimate(Target.ICE40));
    }
}
