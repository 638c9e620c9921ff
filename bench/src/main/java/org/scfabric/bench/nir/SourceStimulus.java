package org.scfabric.bench.nir;

import java.util.ArrayList;
import java.util.List;

import org.scfabric.bench.brunel.DriveStream;
import org.scfabric.bench.brunel.PrefetchDrive;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.nir.NirMetadata;
import org.scfabric.net.ref.Stimulus;
import org.scfabric.random.NumpyGenerator;
import org.scfabric.random.Pcg64;
import org.scfabric.random.PoissonChunks;

/**
 * The stimulus of a network whose Input nodes are all scfabric sources ({@code scfabric.kind = numpy_poisson}):
 * each one's channels are numpy's {@code poisson(λ, size)} of every step, drawn from {@code default_rng(seed)}
 * advanced past {@code scfabric.draws_before} outputs — by the Brunel workload's own drive
 * ({@link PrefetchDrive}: the same draws, ahead on a helper thread), so a network read from NIR sees the drive its
 * variant saw. Read in step order; {@link #close()} stops the helper.
 */
public final class SourceStimulus implements Stimulus, AutoCloseable
{
    private final DriveStream[] drives;
    private final int[][] counts;
    private final int steps;

    private SourceStimulus(final DriveStream[] drives, final int steps)
    {
        this.drives = drives;
        this.steps = steps;
        counts = new int[drives.length][];
        for (int k = 0; k < drives.length; k++)
        {
            counts[k] = new int[drives[k].size()];
        }
    }

    /** True if {@code net} has Input nodes and all of them are scfabric sources. */
    public static boolean drivesItself(final Network net)
    {
        final int[] in = net.inputs();
        for (final int i : in)
        {
            if (!NirMetadata.isSource(net.node(i)))
            {
                return false;
            }
        }
        return in.length > 0;
    }

    /** True if some but not all of the Input nodes are sources (scfabric cannot mix them with a user's input). */
    public static boolean mixed(final Network net)
    {
        int sources = 0;
        for (final int i : net.inputs())
        {
            sources += NirMetadata.isSource(net.node(i)) ? 1 : 0;
        }
        return sources > 0 && sources < net.inputs().length;
    }

    /** The sources of {@code net} (Inputs in name order) for {@code steps} steps; bad metadata names the node. */
    public static SourceStimulus of(final Network net, final int steps)
    {
        // the drive's SIMD kernel compiled before the run starts, as the Brunel workload does in its build phase
        PoissonChunks.warmUp();
        final List<DriveStream> list = new ArrayList<>();
        try
        {
            for (final int i : net.inputs())
            {
                final Node node = net.node(i);
                final long seed = NirMetadata.wholeNumber(node, NirMetadata.SEED, 0, Long.MAX_VALUE);
                final long skip = NirMetadata.wholeNumber(node, NirMetadata.DRAWS_BEFORE, 0, Long.MAX_VALUE);
                final double lambda = lambda(node);
                final Pcg64 bits = new Pcg64(seed);
                bits.advance(skip);
                list.add(new PrefetchDrive(bits, lambda, node.outShape().size(), steps));
            }
        }
        catch (final RuntimeException e)
        {
            list.forEach(DriveStream::close);
            throw e;
        }
        return new SourceStimulus(list.toArray(new DriveStream[0]), steps);
    }

    private static double lambda(final Node node)
    {
        final String v = node.metadata().get(NirMetadata.POISSON_LAMBDA);
        final String accepted = "a mean count per step from 0 to " + NumpyGenerator.POISSON_INT_LAM_MAX;
        if (v == null)
        {
            throw new NetworkException("node " + node.name() + ": a numpy_poisson source needs "
                + NirMetadata.POISSON_LAMBDA + " (" + accepted + ")");
        }
        try
        {
            final double l = Double.parseDouble(v.trim());
            if (l >= 0 && l <= NumpyGenerator.POISSON_INT_LAM_MAX)
            {
                return l;
            }
        }
        catch (final NumberFormatException e)
        {
            // below
        }
        throw new NetworkException("node " + node.name() + ": " + NirMetadata.POISSON_LAMBDA + " '" + v + "' is not "
            + accepted);
    }

    @Override
    public int rows()
    {
        return steps;
    }

    @Override
    public void fill(final int t, final double[] dest)
    {
        int at = 0;
        for (int k = 0; k < drives.length; k++)
        {
            final int[] c = counts[k];
            drives[k].fill(t, c);
            for (int i = 0; i < c.length; i++)
            {
                dest[at + i] = c[i];
            }
            at += c.length;
        }
    }

    @Override
    public void close()
    {
        for (final DriveStream d : drives)
        {
            d.close();
        }
    }
}
