package org.scfabric.bench.brunel;

import java.math.BigInteger;

import org.scfabric.random.NumpyGenerator;
import org.scfabric.random.Pcg64;

/**
 * One Brunel network: the parameters, the synapses drawn from {@code default_rng(seed)} and the
 * generator position right after them, where the drive begins. Immutable and shared: every variant
 * of a run, and every run of a fault campaign, uses the same instance (building it draws N²
 * uniforms: 0.3 s at N = 10 000).
 *
 * <p>Streams other than the connectivity and the drive (membrane noise, LFSR start points, device
 * defects, STDP rounding) come from {@link #stream(int)}: {@code default_rng(seed + k·2^64)} for a
 * stream number k, so they never disturb the drive and a Python user can draw the same numbers.
 */
public final class BrunelNetwork
{
    private final BrunelParams params;
    private final Connectivity connectivity;
    private final Pcg64 afterConnectivity;

    private BrunelNetwork(final BrunelParams params, final Connectivity connectivity, final Pcg64 afterConnectivity)
    {
        this.params = params;
        this.connectivity = connectivity;
        this.afterConnectivity = afterConnectivity;
    }

    /** Draws the network of {@code p} (connectivity first, as the reference does). */
    public static BrunelNetwork of(final BrunelParams p)
    {
        final Pcg64 bits = new Pcg64(p.seed());
        final Connectivity c = Connectivity.draw(p.nTotal(), p.connProb(), new NumpyGenerator(bits));
        return new BrunelNetwork(p, c, bits.copy());
    }

    public BrunelParams params()
    {
        return params;
    }

    public Connectivity connectivity()
    {
        return connectivity;
    }

    public int size()
    {
        return connectivity.size();
    }

    /** A fresh copy of the generator where the drive starts (after the N² connectivity draws). */
    public Pcg64 driveBits()
    {
        return afterConnectivity.copy();
    }

    /** The network's drive drawn on the simulating thread (λ and steps of the parameters). */
    public DriveStream liveDrive()
    {
        return new LiveDrive(driveBits(), params.lambda(), size(), params.steps());
    }

    /** The network's drive drawn ahead on a helper thread (exactly the same numbers); close it after the run. */
    public DriveStream prefetchedDrive()
    {
        return new PrefetchDrive(driveBits(), params.lambda(), size(), params.steps());
    }

    /** The whole drive in memory, replayable at any step (fault campaigns, snapshots). */
    public RecordedDrive recordedDrive()
    {
        return RecordedDrive.record(liveDrive());
    }

    /** Stream number {@code k}: {@code numpy.random.default_rng(seed + k * 2**64)}. */
    public NumpyGenerator stream(final int k)
    {
        return new NumpyGenerator(new Pcg64(BigInteger.valueOf(params.seed()).add(BigInteger.valueOf(k).shiftLeft(64))));
    }

    /** Whether presynaptic neuron i is excitatory (rows 0..n_exc−1). */
    public boolean excitatory(final int i)
    {
        return i < params.nExc();
    }
}
