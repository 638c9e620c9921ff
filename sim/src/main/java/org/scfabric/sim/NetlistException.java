package org.scfabric.sim;

/** A netlist that cannot be elaborated; the message names the place and what is wrong. */
public final class NetlistException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public NetlistException(final String message)
    {
        super(message);
    }
}
