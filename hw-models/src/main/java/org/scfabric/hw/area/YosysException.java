package org.scfabric.hw.area;

/** Yosys is missing, failed, or wrote something unreadable. The message is one line a user can act on. */
public final class YosysException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public YosysException(final String message)
    {
        super(message);
    }

    public YosysException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
