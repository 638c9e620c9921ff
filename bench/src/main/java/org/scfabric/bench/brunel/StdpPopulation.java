package org.scfabric.bench.brunel;

final class StdpPopulation
{
    static final int PLASTIC = 2000;
    static final int LENGTH = 256;
    static final double LEARNING_RATE = 0.001;
    static final int WINDOW = 5;
    static final double LTD_RATIO = 0.5;

    static int initialCount(final BrunelParams p)
    {
        return (int)Math.round(BrunelTranslator.weightProbability(p) * LENGTH);
    }
}
