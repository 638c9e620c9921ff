package org.scfabric.bench.brunel;

/** Runs one variant of the Brunel network on the scfabric kernel. */
public interface VariantRunner
{
    /**
     * @param progress receives the fraction done, 0..1, from the simulating thread; may be called often
     */
    RunResult run(Variant variant, BrunelParams params, java.util.function.DoubleConsumer progress);
}
