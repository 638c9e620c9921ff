package org.scfabric.sim.fault;

import java.util.LinkedHashSet;
import java.util.Set;

/** What a person reads about faults and sites: one fault in words, and what site names look like. */
final class FaultDescriptions
{
    private FaultDescriptions()
    {
    }

    /** {@code sa1 core0.lif[3].v[15] from cycle 0}, {@code flip weights.mem[7][3] at cycle 12}. */
    static String describe(final FaultSites sites, final Fault f)
    {
        final String where = f.site() < sites.size() ? sites.name(f.site()) : "site " + f.site();
        return f.kind().shortName() + " " + where + (f.kind() == FaultKind.FLIP ? " at cycle " : " from cycle ")
            + f.cycle();
    }

    /** A name with every bracketed number replaced by {@code *}: {@code core0.lif[12].v} → {@code core0.lif[*].v}. */
    static String group(final String name)
    {
        return name.replaceAll("\\[[0-9]+\\]", "[*]");
    }

    /** The message of a glob that matches nothing, with a few groups of sites as examples. */
    static String noMatch(final FaultSites sites, final String glob, final String message)
    {
        if (!message.startsWith("site glob") || !message.contains("matches none"))
        {
            return message;
        }
        // name a few groups of sites, so the user sees what names look like: those under the glob's own leading
        // component first (a mistyped 'core0.vth*' wants core0's names, not the first six of the design)
        final int wild = firstWildcard(glob);
        final String head = glob.substring(0, glob.lastIndexOf('.', wild - 1) + 1);
        final Set<String> groups = new LinkedHashSet<>();
        boolean more = false;
        final int nTargets = sites.design().signalCount() + sites.design().memoryCount();
        for (int pass = head.isEmpty() ? 1 : 0; pass < 2 && !more; pass++)
        {
            for (int k = 0; k < nTargets && !more; k++)
            {
                // under the head, memories first: they hold most of the bits and the names users look for
                final int i = pass == 0 ? (k + sites.design().signalCount()) % nTargets : k;
                final String name = i < sites.design().signalCount() ? sites.design().signalName(i)
                    : sites.design().memoryName(i - sites.design().signalCount()) + "[*]";
                if (pass == 0 && !name.startsWith(head))
                {
                    continue;
                }
                final String g = group(name) + "[*]";
                if (groups.size() == 6 && !groups.contains(g))
                {
                    more = true;
                }
                else
                {
                    groups.add(g);
                }
            }
        }
        return "site glob '" + glob + "' matches none of the " + sites.size() + " fault sites (sites look like "
            + String.join(", ", groups) + (more ? ", …" : "") + ")";
    }

    private static int firstWildcard(final String glob)
    {
        for (int i = 0; i < glob.length(); i++)
        {
            if ("*?[".indexOf(glob.charAt(i)) >= 0)
            {
                return i;
            }
        }
        return glob.length();
    }
}
