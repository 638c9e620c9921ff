package org.scfabric.hw.component;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.StateEquality;

/**
 * The window units' saved states compare by content, as a campaign's rejoin check needs: equal parts
 * give equal states, one differing element anywhere gives unequal ones.
 */
class StateEqualityTest
{
    @Test
    void encoderArrayStates()
    {
        qt().withFixedSeed(11L).withExamples(50).forAll(longs().all(), integers().between(0, 1000)).checkAssert((seed, at) ->
        {
            final SplittableRandom r = new SplittableRandom(seed);
            final int n = 1 + r.nextInt(40);
            StateEquality.check(p -> new EncoderArray.State((long[])p[0], (long[])p[1]),
                new Object[] {StateEquality.longs(r, n), StateEquality.longs(r, n)}, at);
            StateEquality.check(p -> new EncoderArray.State((long[])p[0], (long[])p[1]),
                new Object[] {StateEquality.longs(r, n), null}, at);
        });
    }

    @Test
    void cycleFaultStates()
    {
        qt().withFixedSeed(12L).withExamples(50).forAll(longs().all(), integers().between(0, 1000)).checkAssert((seed, at) ->
        {
            final SplittableRandom r = new SplittableRandom(seed);
            final long[][] rows = new long[1 + r.nextInt(5)][];
            for (int i = 0; i < rows.length; i++)
            {
                rows[i] = StateEquality.longs(r, 4);
            }
            StateEquality.check(p -> new CycleFaults.State((long[][])p[0]), new Object[] {rows}, at);
        });
    }

    /** Statistics of a unit, as a subclass would keep them. */
    record Stats(long ones, double mean)
    {
    }

    @Test
    void windowUnitStates()
    {
        qt().withFixedSeed(13L).withExamples(50).forAll(longs().all(), integers().between(0, 1000)).checkAssert((seed, at) ->
        {
            final SplittableRandom r = new SplittableRandom(seed);
            final int n = 1 + r.nextInt(40);
            StateEquality.check(p -> new WindowUnit.State<>(new EncoderArray.State((long[])p[0], (long[])p[1]),
                new EncoderArray.State((long[])p[2], null), new CycleFaults.State((long[][])p[3]),
                new Stats((Long)p[4], (Double)p[5])),
                new Object[] {StateEquality.longs(r, n), StateEquality.longs(r, n), StateEquality.longs(r, n),
                    new long[][] {StateEquality.longs(r, 4)}, r.nextLong(), r.nextDouble()}, at);
        });
    }
}
