package org.scfabric.bench.cli;

/**
 * Input the user can fix: the CLI prints the message as one line on stderr and exits with code 2.
 * The message says what was wrong and what is accepted.
 */
public final class BadInputException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public BadInputException(final String message)
    {
        super(message);
    }
}
