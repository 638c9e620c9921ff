package org.scfabric.bench.brunel;

import org.scfabric.sim.Design;
import org.scfabric.sim.NetlistException;

/**
 * A read of another instance's register bank by id, like a Verilog hierarchical reference
 * ({@code drive.ext[%d]}, {@code core0.lif[%d].spike}): resolved once the design is built.
 *
 * <p>Why not ports: the kernel tracks every register that some component reads through a port and
 * wakes its readers when it changes, which costs a bookkeeping entry per changed bit-vector per
 * edge (a third of the step time at N = 10 000). The Brunel stages all run on free-running step
 * clocks, so no reader ever needs waking; reading these wide buses by id keeps the kernel's
 * two-phase semantics (a read sees the value committed at the last edge) and every bit a fault
 * site, without that bookkeeping.
 */
final class RegisterRef
{
    private final String pattern;
    private final int n;
    private final int width;
    private int base = -1;

    RegisterRef(final String pattern, final int n, final int width)
    {
        this.pattern = pattern;
        this.n = n;
        this.width = width;
    }

    void resolve(final Design d)
    {
        base = d.signal(name(0));
        if (n > 1 && d.signal(name(n - 1)) != base + n - 1)
        {
            throw new NetlistException(pattern + ": the registers 0.." + (n - 1) + " are not one bank");
        }
        if (d.width(base) != width)
        {
            throw new NetlistException(name(0) + " is " + d.width(base) + " bits, its reader expects " + width);
        }
    }

    /** Signal id of register 0; the others follow. */
    int base()
    {
        return base;
    }

    int size()
    {
        return n;
    }

    String name(final int i)
    {
        return pattern.replace("%d", Integer.toString(i));
    }
}
