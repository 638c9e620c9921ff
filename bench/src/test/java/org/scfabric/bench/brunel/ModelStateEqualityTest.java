package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;
import org.scfabric.random.Pcg64;
import org.scfabric.sim.StateEquality;

/**
 * Every saved model state of the Brunel populations and window units compares by content, as a
 * campaign's rejoin check needs: equal parts give equal states, one differing element anywhere gives
 * unequal ones.
 */
class ModelStateEqualityTest
{
    /** Runs {@code check} on random parts (arrays of 1..40 elements) and a random element to change. */
    private static void forAll(final long theorySeed, final BiConsumer<SplittableRandom, Integer> check)
    {
        qt().withFixedSeed(theorySeed).withExamples(40).forAll(longs().all(), integers().between(0, 1000))
            .checkAssert((seed, at) -> check.accept(new SplittableRandom(seed), at));
    }

    private static int size(final SplittableRandom r)
    {
        return 1 + r.nextInt(40);
    }

    @Test
    void populationState()
    {
        forAll(21L, (r, at) -> StateEquality.check(p -> new Population.State<>((Integer)p[0],
            new VectorLifPopulation.Model((double[])p[1], (int[])p[2])),
            new Object[] {r.nextInt(), StateEquality.doubles(r, size(r)), StateEquality.ints(r, size(r))}, at));
    }

    @Test
    void csrLif()
    {
        forAll(22L, (r, at) ->
        {
            final int n = size(r);
            StateEquality.check(p -> new CsrLifPopulation.Model((double[])p[0], (int[])p[1], (double[])p[2],
                (double[])p[3], (int[])p[4], null),
                new Object[] {StateEquality.doubles(r, n), StateEquality.ints(r, size(r)), StateEquality.doubles(r, n),
                    StateEquality.doubles(r, n), StateEquality.ints(r, n)}, at);
            StateEquality.check(p -> new CsrLifPopulation.Model((double[])p[0], (int[])p[1], null, null, null, null),
                new Object[] {StateEquality.doubles(r, n), StateEquality.ints(r, size(r))}, at);
        });
    }

    /**
     * The noise stream has no value equality and is compared by identity, as Objects.deepEquals did
     * before states were typed: two saves never match, so a campaign runs a noisy variant to the end.
     */
    @Test
    void streamsCompareByIdentity()
    {
        final Pcg64 g = new Pcg64(5L);
        final double[] v = {1.0};
        final int[] prev = {};
        assertNotEquals(new CsrLifPopulation.Model(v, prev, null, null, null, g.copy()),
            new CsrLifPopulation.Model(v, prev, null, null, null, g.copy()));
        assertNotEquals(new StdpPopulation.Model(v, prev, prev, prev, prev, g.copy(), 0, 0),
            new StdpPopulation.Model(v, prev, prev, prev, prev, g.copy(), 0, 0));
    }

    @Test
    void stdp()
    {
        final Pcg64 g = new Pcg64(5L);
        forAll(23L, (r, at) -> StateEquality.check(p -> new StdpPopulation.Model((double[])p[0], (int[])p[1],
            (int[])p[2], (int[])p[3], (int[])p[4], g, (Long)p[5], (Long)p[6]),
            new Object[] {StateEquality.doubles(r, size(r)), StateEquality.ints(r, size(r)), StateEquality.ints(r, size(r)),
                StateEquality.ints(r, size(r)), StateEquality.ints(r, size(r)), r.nextLong(), r.nextLong()}, at));
    }

    @Test
    void izhikevich()
    {
        forAll(24L, (r, at) -> StateEquality.check(p -> new IzhikevichPopulation.Model((double[])p[0], (double[])p[1],
            (int[])p[2]),
            new Object[] {StateEquality.doubles(r, size(r)), StateEquality.doubles(r, size(r)),
                StateEquality.ints(r, size(r))}, at));
    }

    @Test
    void reservoir()
    {
        forAll(25L, (r, at) -> StateEquality.check(p -> new ReservoirPopulation.Model((double[])p[0], (Double)p[1],
            (Long)p[2]),
            new Object[] {StateEquality.doubles(r, size(r)), r.nextDouble(), r.nextLong()}, at));
    }

    @Test
    void objectLif()
    {
        forAll(26L, (r, at) -> StateEquality.check(p -> new ObjectLifPopulation.Model((double[])p[0], (double[])p[1],
            (int[])p[2]), new Object[] {StateEquality.doubles(r, size(r)), StateEquality.doubles(r, size(r)),
                StateEquality.ints(r, size(r))}, at));
    }

    @Test
    void float32()
    {
        forAll(27L, (r, at) -> StateEquality.check(p -> new Float32Population.Model((float[])p[0], (int[])p[1]),
            new Object[] {StateEquality.floats(r, size(r)), StateEquality.ints(r, size(r))}, at));
    }

    @Test
    void vectorLif()
    {
        forAll(28L, (r, at) -> StateEquality.check(p -> new VectorLifPopulation.Model((double[])p[0], (int[])p[1]),
            new Object[] {StateEquality.doubles(r, size(r)), StateEquality.ints(r, size(r))}, at));
    }

    @Test
    void windowUnitStatistics()
    {
        forAll(29L, (r, at) ->
        {
            StateEquality.check(p -> new HybridScPart.Synapses.Ones((Long)p[0], (Long)p[1]),
                new Object[] {r.nextLong(), r.nextLong()}, at);
            StateEquality.check(p -> new ScLayerPart.Layer.Stats((Double)p[0], (Long)p[1]),
                new Object[] {r.nextDouble(), r.nextLong()}, at);
        });
    }
}
