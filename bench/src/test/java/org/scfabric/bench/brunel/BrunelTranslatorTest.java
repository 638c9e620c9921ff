package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BrunelTranslatorTest
{
    private static final BrunelParams P = BrunelParams.ofSize(1000);

    @Test
    void v3IsTheReferencesQ88Mapping()
    {
        final Map<String, Object> m = BrunelTranslator.translate(Variant.V3, P);
        assertEquals(List.of("data_width", "fraction", "leak_k", "gain_k", "v_threshold_q", "v_reset_q", "j_exc_q",
            "j_inh_q", "refractory", "v_rest_q", "lambda"), List.copyOf(m.keySet()));
        assertEquals(1, m.get("leak_k"));
        assertEquals(256, m.get("gain_k"));
        assertEquals(5120, m.get("v_threshold_q"));
        assertEquals(2560, m.get("v_reset_q"));
        assertEquals(25, m.get("j_exc_q"));
        assertEquals(128, m.get("j_inh_q"));
        assertEquals(2, m.get("refractory"));
    }

    @Test
    void v11IsQ1612()
    {
        final Map<String, Object> m = BrunelTranslator.translate(Variant.V11, P);
        assertEquals(20, m.get("leak_k"));
        assertEquals(4096, m.get("gain_k"));
        assertEquals(81_920, m.get("v_threshold_q"));
        assertEquals(40_960, m.get("v_reset_q"));
        assertEquals(409, m.get("j_exc_q"));
        assertEquals(2048, m.get("j_inh_q"));
    }

    @Test
    void probabilitiesAndStreams()
    {
        assertEquals(328, BrunelTranslator.translate(Variant.V4, P).get("w_exc_x"));
        assertEquals(1638, BrunelTranslator.translate(Variant.V4, P).get("w_inh_x"));
        assertEquals(0xFFFF, BrunelTranslator.probabilityToX(1.0));
        assertEquals(0, BrunelTranslator.probabilityToX(0.0));
        assertEquals(0.025, BrunelTranslator.externalProbability(P), 1e-15);
        assertEquals(1024, BrunelTranslator.translate(Variant.V2, P).get("bitstream_length"));
        assertEquals(5.0, BrunelTranslator.izhikevichLambda(P), 1e-12);
        assertEquals(4000, BrunelTranslator.translate(Variant.V5, P).get("steps"));
        assertThrows(IllegalArgumentException.class, () -> BrunelTranslator.probabilityToX(1.5));
    }

    @Test
    void everyVariantHasAMapping()
    {
        for (final Variant v : Variant.values())
        {
            assertFalse(BrunelTranslator.translate(v, P).isEmpty(), v.name());
        }
        assertEquals(-0.5, (Double)BrunelTranslator.translate(Variant.V1, P).get("weight_inh"));
    }
}
