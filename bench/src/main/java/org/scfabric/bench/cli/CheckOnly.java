package org.scfabric.bench.cli;

/**
 * A command a sweep runs. A sweep checks every point's options before the first point runs, so a bad
 * value in the tenth point is one line of bad input, not an error after nine points' progress lines.
 */
interface CheckOnly
{
    /** From now on {@code call()} checks every option as a run would and returns 0 before any work or output. */
    void checkOnly();
}
