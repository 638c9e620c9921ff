package org.scfabric.bench.brunel;

import java.util.List;

/** Builds a design from a hand-made part (tests). */
final class BrunelDesignTestSupport
{
    private BrunelDesignTestSupport()
    {
    }

    static BrunelDesign design(final BrunelNetwork net, final DriveStream drive, final Part part)
    {
        return BrunelDesign.ofParts(net, drive, List.of(part));
    }
}
