package org.scfabric.hw.lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.Bits;

/**
 * LifArray's W = 16 and W = 32 v_next formulas (kept for speed, see LifArrayBench) hold equal to
 * LifCore's width-generic one on any inputs, wrap-around included.
 */
class LifArrayFormulaTest
{
    @Test
    void sixteenBitFormulaIsLifCores()
    {
        qt().withFixedSeed(0x16L).withExamples(20_000)
            .forAll(integers().between(-32_768, 32_767), integers().all(), integers().all(), integers().all())
            .checkAssert((v, current, leak, gain) ->
            {
                final int f = Math.floorMod(leak ^ gain, 16);
                final int vRest = (short)(current ^ leak);
                final int noise = (short)(gain >>> 7);
                assertEquals(LifCore.vNext(v, leak, gain, current, noise, vRest, 16, f),
                    LifArray.vNext16(v, current, Bits.lowSigned(leak, 16), Bits.lowSigned(gain, 16),
                        Bits.lowSigned(noise, 16), vRest, f),
                    () -> "v " + v + " I " + current + " leak " + leak + " gain " + gain + " f " + f);
            });
    }

    @Test
    void thirtyTwoBitFormulaIsLifCores()
    {
        qt().withFixedSeed(0x32L).withExamples(20_000)
            .forAll(integers().all(), integers().all(), integers().all(), integers().all())
            .checkAssert((v, current, leak, gain) ->
            {
                final int f = Math.floorMod(leak ^ gain, 32);
                final int vRest = current ^ leak;
                final int noise = gain >> 7;
                assertEquals(LifCore.vNext(v, leak, gain, current, noise, vRest, 32, f),
                    LifArray.vNext32(v, current, leak, gain, noise, vRest, f),
                    () -> "v " + v + " I " + current + " leak " + leak + " gain " + gain + " f " + f);
            });
    }
}
