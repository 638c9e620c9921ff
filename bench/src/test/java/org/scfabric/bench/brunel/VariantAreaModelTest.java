package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.area.Area;
import org.scfabric.hw.area.Target;
import org.scfabric.hw.lif.LifParams;

/** The Brunel variants' area is a count of components, each from the hw.area models. */
class VariantAreaModelTest
{
    @Test
    void fixedPointCoreIsNLifCoresFromTheComponentModel()
    {
        for (final Target t : Target.values())
        {
            final Area lif = org.scfabric.hw.area.AreaModel.lif(t, LifParams.Q8_8);
            final Area one = VariantAreaModel.fixedPointCore(t, 1, LifParams.Q8_8);
            final Area two = VariantAreaModel.fixedPointCore(t, 2, LifParams.Q8_8);
            // every neuron adds a LIF core, its input adder and accumulator (2 W LUT, W FF), a drive register
            assertEquals(lif.lut() + 32, two.lut() - one.lut());
            assertEquals(lif.ff() + 16 + DriveSource.WIDTH, two.ff() - one.ff());
            assertEquals(lif.dsp(), two.dsp() - one.dsp());
        }
    }

    @Test
    void defaultTargetIsIce40AndSoftwareVariantsHaveNone()
    {
        assertEquals(VariantAreaModel.of(Variant.V3, 100, Target.ICE40), VariantAreaModel.fixedPointCore(100, 16));
        assertEquals(VariantAreaModel.of(Variant.V11, 100, Target.ICE40), VariantAreaModel.fixedPointCore(100, 32));
        assertEquals(0, VariantAreaModel.of(Variant.V3, 100, Target.ICE40).dsp());
        assertEquals(2 * 100, VariantAreaModel.of(Variant.V3, 100, Target.XC7).dsp());   // two DSP48E1 per Q8.8 LIF
        assertNull(VariantAreaModel.of(Variant.V1, 100, Target.ICE40));
    }
}
