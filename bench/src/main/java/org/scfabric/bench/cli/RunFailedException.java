package org.scfabric.bench.cli;

/**
 * A run that failed after its input was accepted: the CLI prints the message (which names what failed
 * and its cause) as one line on stderr and exits with code 1; SCFABRIC_DEBUG=1 adds the stack trace.
 */
public final class RunFailedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public RunFailedException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
