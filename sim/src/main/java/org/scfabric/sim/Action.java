package org.scfabric.sim;

/** Test-bench code run at a scheduled time, after that time's clock edges (e.g. poke an input). */
@FunctionalInterface
public interface Action
{
    void run(Kernel kernel);
}
