package org.scfabric.net;

/**
 * A network that cannot be built or read: an unknown node type, an edge to a missing node, shapes that do
 * not match along an edge, a cycle of stateless nodes only, a file that is not a network. The message is
 * one line naming the node or edge; command lines report it as bad input (exit 2).
 */
public final class NetworkException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public NetworkException(final String message)
    {
        super(message);
    }

    public NetworkException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
