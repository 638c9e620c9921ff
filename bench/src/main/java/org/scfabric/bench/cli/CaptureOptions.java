package org.scfabric.bench.cli;

import java.util.Locale;
import java.util.TreeSet;

import org.scfabric.net.Network;
import org.scfabric.net.Node;
import org.scfabric.net.nir.NirMetadata;
import org.scfabric.net.ref.Options;

/**
 * The options a Brian2 capture ({@code scfabric brian2}'s NIR file) settles itself: its step (its delays and
 * refractory periods are counted in steps of the dt Brian2 ran at), its populations' integration method (Brian2's,
 * unless {@code --integrator} says otherwise) and reset ({@code v = c} or {@code v -= c}, the script's).
 */
public final class CaptureOptions
{
    private CaptureOptions()
    {
    }

    /** True if {@code net} has Brian2 populations (what {@code scfabric brian2} writes). */
    static boolean isCapture(final Network net)
    {
        return net.nodes().stream().anyMatch(CaptureOptions::brian2);
    }

    private static boolean brian2(final Node n)
    {
        return NirMetadata.KIND_BRIAN2.equals(n.metadata().get(NirMetadata.KIND));
    }

    /**
     * The step to run {@code net} at: the capture's own ({@link NirMetadata#DT}) when it records one, else
     * {@code given}; an explicit {@code --dt} other than the capture's is refused in one line.
     */
    public static double dt(final Network net, final double given, final boolean explicit, final String file)
    {
        final TreeSet<Double> dts = new TreeSet<>();
        for (final Node n : net.nodes())
        {
            final String d = n.metadata().get(NirMetadata.DT);
            if (d != null && brian2(n))
            {
                try
                {
                    dts.add(Double.parseDouble(d.trim()));
                }
                catch (final NumberFormatException e)
                {
                    throw new BadInputException(file + ": node " + n.name() + " has " + NirMetadata.DT + " '" + d
                        + "', not a number of seconds");
                }
            }
        }
        if (dts.isEmpty())
        {
            return given;
        }
        final double captured = dts.first();
        if (dts.size() > 1 || !(captured > 0))
        {
            throw new BadInputException(file + ": its populations were captured at different or invalid steps "
                + dts + " (" + NirMetadata.DT + "); one dt > 0 is accepted");
        }
        if (explicit && given != captured)
        {
            throw new BadInputException("--dt " + given + ": " + file + " was captured at dt " + captured + " s (its "
                + "delays and refractory periods count steps of it); drop --dt or give --dt " + captured);
        }
        return captured;
    }

    /** {@code net} with every Brian2 population integrated by {@code integ} (--integrator given on a capture). */
    static Network withMethod(final Network net, final Options.Integrator integ)
    {
        final String method = integ.name().toLowerCase(Locale.ROOT);
        if (net.nodes().stream().filter(CaptureOptions::brian2).allMatch(n -> method.equals(n.metadata().get(
            NirMetadata.METHOD))))
        {
            return net;
        }
        final Network.Builder b = Network.builder();
        for (final Node n : net.nodes())
        {
            b.add(brian2(n) ? n.withMetadata(NirMetadata.METHOD, method) : n);
        }
        for (final org.scfabric.net.Edge e : net.edges())
        {
            b.connect(e.source(), e.target());
        }
        return b.build();
    }

    /** The method every Brian2 population of {@code net} integrates by, or null when they differ or there is none. */
    static Options.Integrator method(final Network net)
    {
        final TreeSet<String> m = new TreeSet<>();
        net.nodes().stream().filter(CaptureOptions::brian2).forEach(n -> m.add(n.metadata().get(NirMetadata.METHOD)));
        return m.size() != 1 ? null : "exact".equals(m.first()) ? Options.Integrator.EXACT
            : "euler".equals(m.first()) ? Options.Integrator.EULER : null;
    }
}
