package org.scfabric.sim;

/** A run that cannot go on (e.g. a combinational loop that never settles); the message says why. */
public final class SimulationException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public SimulationException(final String message)
    {
        super(message);
    }
}
