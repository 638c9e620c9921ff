package org.scfabric.hw.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.area.Area;
import org.scfabric.hw.area.AreaModel;
import org.scfabric.hw.area.Target;

/** The fabric estimate is built on the component models: more cores add their parts. */
class FabricAreaTest
{
    @Test
    void partsContainTheComponentModels()
    {
        final FabricNetwork net = Nets.random(32, 0.1, false, 5);
        for (final FabricSynth.Target ft : FabricSynth.Target.values())
        {
            final Target t = FabricArea.target(ft);
            final FabricParams one = new FabricParams(32, 1, 8, 1, 2, 1, 100, FabricParams.Overflow.STALL);
            final Area p1 = FabricArea.parts(one, net, ft);
            final long perCoreComponents = AreaModel.lifDatapath(t, net.lif(), net.leak(), net.gain()).lut()
                + AreaModel.lfsrLeap(t, 32, FabricArea.DRIVE_TAPS, 16).lut();
            assertTrue(p1.lut() > perCoreComponents, ft + ": " + p1);
            final Area e1 = FabricArea.estimate(one, net, ft);
            final Area e2 = FabricArea.estimate(one.withCores(2), net, ft);
            assertTrue(e2.lut() > e1.lut() && e2.ff() > e1.ff(), ft + ": " + e1 + " " + e2);
            assertEquals(p1.bramBits(), e1.bramBits());
        }
    }

    @Test
    void theLeapOfTheDriveLfsrIsXorTrees()
    {
        // one shift of a 4-tap LFSR: bit 0 is a 4-input XOR (1 LUT4), the other bits are wires
        assertEquals(new Area(1, 0, 0, 0), AreaModel.lfsrLeap(Target.ICE40, 32, FabricArea.DRIVE_TAPS, 1));
        assertTrue(AreaModel.lfsrLeap(Target.ICE40, 32, FabricArea.DRIVE_TAPS, 16).lut() >= 16);
    }
}
