package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class BrunelParamsTest
{
    @Test
    void theExternalDriveIsTwoKicksPerStepAtOneThousandNeurons()
    {
        final BrunelParams p = BrunelParams.ofSize(1000);
        assertEquals(800, p.nExc());
        assertEquals(200, p.nInh());
        assertEquals(0.5, p.weightInh());
        assertEquals(10_000, p.steps());
        assertEquals(2.0, p.lambda());
    }

    @Test
    void atSixHundredNeuronsLambdaIsOneUlpBelowTwoAsInTheReference()
    {
        assertEquals(1.9999999999999998, BrunelParams.ofSize(600).lambda());
        assertEquals(Math.nextDown(2.0), BrunelParams.ofSize(600).lambda());
        assertEquals(2.0, BrunelParams.ofSize(10_000).lambda());
    }

    @Test
    void variantListsParseInOrderWithoutDuplicatesAndRejectUnknownNames()
    {
        assertEquals(List.of(Variant.V3, Variant.V1), Variant.parseList("v3, V1,V3"));
        assertEquals(20, Variant.parseList("all").size());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Variant.parseList("V1,V21"));
        assertEquals("unknown variant 'V21' (accepted: V1..V20 separated by commas, or all)", e.getMessage());
    }

    @Test
    void aNetworkOfFewerThanTwoNeuronsIsRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> BrunelParams.ofSize(1));
    }
}
