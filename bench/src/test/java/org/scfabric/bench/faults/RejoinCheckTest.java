package org.scfabric.bench.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scfabric.bench.brunel.Variant;

/**
 * The golden run's rejoin check on real designs (V3: a fixed-point core; V4: a window unit and a
 * float population): the component states saved at a checkpoint match a kernel put back to that
 * checkpoint, and stop matching once the run has moved on (the raster has grown).
 */
class RejoinCheckTest
{
    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"V3", "V4"})
    void savedStatesMatchTheirCheckpointOnly(final Variant v)
    {
        final FaultBench bench = new BrunelWorkload(v, 48, 20, 42).newBench();
        final GoldenRun golden = new GoldenRun(bench, (int)(bench.cycles() / 10), null);
        int k = 0;
        while (golden.spikesBefore[k] == golden.spikesBefore[k + 1])
        {
            k++;
        }
        assertTrue(k + 1 < golden.checkpoints, "spikes arrive between two checkpoints");
        // a raster only shrinks on restore: visit the later checkpoint first
        golden.kernel.restore(golden.snapshots[k + 1]);
        assertTrue(golden.componentStates[k + 1].matchCurrent(), "at checkpoint " + (k + 1));
        assertFalse(golden.componentStates[k].matchCurrent(), "checkpoint " + (k + 1) + " against " + k);
        assertFalse(golden.sameValues(k), "checkpoint " + (k + 1) + " against " + k);
        golden.kernel.restore(golden.snapshots[k]);
        assertTrue(golden.componentStates[k].matchCurrent(), "at checkpoint " + k);
        assertTrue(golden.sameValues(k), "at checkpoint " + k);
    }
}
