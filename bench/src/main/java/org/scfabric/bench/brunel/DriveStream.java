package org.scfabric.bench.brunel;

/**
 * The external Poisson drive of the Brunel network: for every step t, the number of kicks each
 * neuron 0..N−1 receives (numpy's {@code poisson(λ, N)}, drawn after the connectivity). A
 * {@link DriveSource} writes it into the design's {@code drive.ext[j]} registers once per step.
 *
 * <p>A live stream is read in step order only; a {@link RecordedDrive} can be read at any step, so
 * one recording serves every run of a fault campaign and kernel snapshots can be restored.
 */
public interface DriveStream extends AutoCloseable
{
    /** Neurons per step. */
    int size();

    /** Steps available. */
    int steps();

    /** Kicks of step {@code step} for neurons 0..size−1 into {@code out[0..size)}. */
    void fill(int step, int[] out);

    /** Whether {@link #fill} accepts any step, not only the next one. */
    default boolean seekable()
    {
        return false;
    }

    /** Stops any helper thread; the stream is unusable afterwards. */
    @Override
    default void close()
    {
    }
}
