package org.scfabric.hw.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PlacementTest
{
    @Test
    void byLayerEveryNeuronHasOneHomeAndEveryCoreAnEvenShareOfEveryLevel()
    {
        qt().withExamples(300).forAll(longs().all(), integers().between(1, 64)).checkAssert((seed, k) ->
        {
            final SplittableRandom r = new SplittableRandom(seed);
            final int phases = 1 + r.nextInt(6);
            final int[] start = new int[phases + 1];
            for (int l = 1; l < phases; l++)
            {
                start[l + 1] = start[l] + r.nextInt(0, 200);
            }
            start[phases] = Math.max(start[phases], 1);
            final Placement p = Placement.layered(k, start, phases);
            final int n = start[phases];
            final int[] seen = new int[n];
            for (int c = 0; c < k; c++)
            {
                for (int l = 0; l < phases; l++)
                {
                    final int nl = start[l + 1] - start[l];
                    final int share = p.hi(c, l) - p.lo(c, l);
                    assertTrue(share == nl / k || share == (nl + k - 1) / k, "level " + l + " core " + c);
                    for (int a = p.lo(c, l); a < p.hi(c, l); a++)
                    {
                        final int j = p.neuron(c, a);
                        assertTrue(j >= start[l] && j < start[l + 1], "neuron " + j + " issued in phase " + l);
                        assertEquals(c, p.coreOf(j));
                        assertEquals(a, p.addrOf(j));
                        seen[j]++;
                    }
                    if (l > 0)
                    {
                        assertEquals(p.hi(c, l - 1), p.lo(c, l), "phases follow each other in the core's addresses");
                    }
                }
                assertEquals(p.size(c), p.hi(c, phases - 1));
            }
            for (int j = 0; j < n; j++)
            {
                assertEquals(1, seen[j], "neuron " + j);
            }
        });
    }

    @Test
    void contiguousIsTheBrunelFabricsBlocks()
    {
        final FabricParams fp = FabricParams.of(1000, 7);
        final Placement p = Placement.contiguous(fp);
        for (int c = 0; c < 7; c++)
        {
            assertEquals(fp.coreSize(c), p.size(c));
            assertEquals(0, p.lo(c, 0));
            assertEquals(fp.coreSize(c), p.hi(c, 0));
            assertEquals(fp.coreBase(c), p.neuron(c, 0));
        }
        for (int j = 0; j < 1000; j++)
        {
            assertEquals(fp.coreOf(j), p.coreOf(j));
        }
    }
}
